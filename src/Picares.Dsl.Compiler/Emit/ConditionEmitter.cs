using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// Translates a bound condition into a C# expression over the runtime's <c>Evaluate</c> and <c>Kleene</c>
/// operations, which propagate missing data. Constants that would allocate (quantities, code sets) become
/// static fields, collected in <see cref="Constants"/>, so an evaluation allocates nothing but its result.
/// </summary>
internal sealed class ConditionEmitter
{
    private const string Rt = "global::Picares.Dsl.Runtime.Eligibility.";
    private const string Ev = Rt + "Evaluate.";
    private const string Kl = Rt + "Kleene.";
    private readonly ProtocolModel _model;
    private readonly List<string> _constants = new();

    private readonly Func<string, string, string> _access;
    private readonly Func<string, string, string>? _codeText;

    /// <param name="model">The protocol.</param>
    /// <param name="access">How a field (form, field) is read; by default from a screening input (<c>input.Form.Field</c>).</param>
    /// <param name="codeText">How a code field's value becomes its code text (code list, access); by default it already is text.</param>
    public ConditionEmitter(ProtocolModel model, Func<string, string, string>? access = null, Func<string, string, string>? codeText = null)
    {
        _model = model;
        _access = access ?? FieldAccess;
        _codeText = codeText;
    }

    /// <summary>Declarations of the static fields the emitted expressions use.</summary>
    public IReadOnlyList<string> Constants => _constants;

    /// <summary>The screening input class of a form.</summary>
    public static string InputClass(string form) => CSharp.Identifier(form) + "Input";

    /// <summary>A field of the screening input, as the Screening template names it.</summary>
    public static string FieldAccess(string form, string field) => $"input.{CSharp.Member(form, "Input")}.{CSharp.Member(field, InputClass(form))}";

    /// <summary>A reference date of the screening input, as the Screening template names it.</summary>
    public static string AnchorAccess(string anchor) => $"dates.{CSharp.Member(anchor, "Dates")}";

    public string Emit(BoundExpression e) => e switch
    {
        BoundBoolean b => Rt + (b.Value ? "Truth.True" : "Truth.False"),
        BoundNumber { Unit: null } n => $"((double?){CSharp.Number(n.Value)})",
        BoundNumber n => Constant("global::Picares.Dsl.Runtime.Units.Quantity", $"new global::Picares.Dsl.Runtime.Units.Quantity({CSharp.Number(n.Value)}, {CSharp.Literal(n.Unit)})"),
        BoundText t => CSharp.Literal(t.Value),
        BoundCode c => CSharp.Literal(c.Code),
        BoundAnchorReference a => AnchorAccess(a.Anchor),
        BoundFieldReference f => Field(f),
        BoundUnary { Operator: BoundOperator.Not } u => $"{Kl}Not({Emit(u.Operand)})",
        BoundUnary u => $"{Ev}Negate({Emit(u.Operand)})",
        BoundBinary { Operator: BoundOperator.And } b => $"{Kl}And({Emit(b.Left)}, {Emit(b.Right)})",
        BoundBinary { Operator: BoundOperator.Or } b => $"{Kl}Or({Emit(b.Left)}, {Emit(b.Right)})",
        BoundBinary b when IsComparison(b.Operator) => $"{Ev}{ComparisonName(b.Operator)}({Ev}Compare({Emit(b.Left)}, {Emit(b.Right)}))",
        BoundBinary b => $"{Ev}{ArithmeticName(b.Operator)}({Emit(b.Left)}, {Emit(b.Right)})",
        BoundMembership m => Membership(m),
        BoundTemporal t => $"{Ev}Temporal({Emit(t.Subject)}, {Rt}TemporalBound.{t.Qualifier}, {Emit(t.Duration)}, {(t.Before ? "true" : "false")}, {Emit(t.Reference)}, {(DayPrecision(t) ? "true" : "false")})",
        BoundCall c => c.Arguments.Skip(1).Aggregate(Emit(c.Arguments[0]), (acc, arg) => $"{Ev}{(c.Function == "max" ? "Max" : "Min")}({acc}, {Emit(arg)})"),
        _ => Rt + "Truth.Unknown",
    };

    /// <summary>
    /// A comparison is made by calendar day when either side is a date without time of day. Anchors count as
    /// date-times: the caller may give the time of the first dose, and date-time data compare against it exactly.
    /// </summary>
    private static bool DayPrecision(BoundTemporal t) =>
        t.Subject.Type.Kind == TypeKind.Date && t.Subject is not BoundAnchorReference ||
        t.Reference.Type.Kind == TypeKind.Date && t.Reference is not BoundAnchorReference;

    /// <summary>
    /// C# statements that add to <c>missing</c> the inputs that keep <paramref name="e"/> Unknown, following Kleene's
    /// logic: in <c>a and b</c> a part is searched only if the other part does not already decide the result (it is
    /// true, or unknown too); likewise in <c>or</c> with false. An unfilled input that cannot change the outcome is
    /// not listed. Run only when the outcome is Unknown.
    /// </summary>
    public string EmitMissing(BoundExpression e, Func<string, (string Label, string Access)> read)
    {
        int counter = 0;
        return Missing(e, read, ref counter);
    }

    private string Missing(BoundExpression e, Func<string, (string Label, string Access)> read, ref int counter)
    {
        switch (e)
        {
            case BoundBinary { Operator: BoundOperator.And or BoundOperator.Or } b:
            {
                int n = counter++;
                var keeps = b.Operator == BoundOperator.And ? Rt + "Truth.True" : Rt + "Truth.False"; // the value that leaves the other side deciding
                var left = Missing(b.Left, read, ref counter);
                var right = Missing(b.Right, read, ref counter);
                return $"{{ var __l{n} = {Emit(b.Left)}; var __r{n} = {Emit(b.Right)}; " +
                       $"if (__l{n} == {Rt}Truth.Unknown && (__r{n} == {Rt}Truth.Unknown || __r{n} == {keeps})) {{ {left} }} " +
                       $"if (__r{n} == {Rt}Truth.Unknown && (__l{n} == {Rt}Truth.Unknown || __l{n} == {keeps})) {{ {right} }} }}";
            }
            case BoundUnary { Operator: BoundOperator.Not } u:
                return Missing(u.Operand, read, ref counter);
            default:
                var reads = new SortedSet<string>(StringComparer.Ordinal);
                Binding.Declarations.CriterionBinder.CollectReads(e, reads);
                return string.Concat(reads.Select(r =>
                {
                    var (label, access) = read(r);
                    return $"if ({access} is null && !missing.Contains({CSharp.Literal(label)})) missing.Add({CSharp.Literal(label)}); ";
                }));
        }
    }

    private string Field(BoundFieldReference f)
    {
        var access = _access(f.Form, f.Field);
        var field = _model.Forms.First(x => x.Name == f.Form).Fields.First(x => x.Name == f.Field);
        return field.DataType switch
        {
            "boolean" => $"{Kl}Of({access})",
            "integer" => $"((double?){access})",
            "code" when _codeText is not null => _codeText(field.CodeList!, access),
            _ => access,
        };
    }

    private string Membership(BoundMembership m)
    {
        var subject = Emit(m.Subject);
        string test;
        if (m.Lower is not null && m.Upper is not null)
            test = $"{Ev}Between({Ev}Compare({subject}, {Emit(m.Lower)}), {Ev}Compare({subject}, {Emit(m.Upper)}))";
        else if (m.Items.All(i => i is BoundCode) && m.Subject.Type.Kind == TypeKind.Code)
            test = $"{Ev}In({subject}, {Constant("string[]", "new string[] { " + string.Join(", ", m.Items.Cast<BoundCode>().Select(c => CSharp.Literal(c.Code))) + " }")})";
        else if (m.Items.All(i => i is BoundNumber { Unit: null }) && m.Subject.Type.Kind == TypeKind.Number)
            test = $"{Ev}In({subject}, {Constant("double[]", "new double[] { " + string.Join(", ", m.Items.Cast<BoundNumber>().Select(n => CSharp.Number(n.Value))) + " }")})";
        else
            test = m.Items.Count == 0 ? Rt + "Truth.False"
                : string.Join("", m.Items.Skip(1).Select(_ => Kl + "Or(")) + $"{Ev}Eq({Ev}Compare({subject}, {Emit(m.Items[0])}))" +
                  string.Concat(m.Items.Skip(1).Select(i => $", {Ev}Eq({Ev}Compare({subject}, {Emit(i)})))"));
        return m.Negated ? $"{Kl}Not({test})" : test;
    }

    private string Constant(string type, string initializer)
    {
        var name = "__c" + _constants.Count.ToString(CultureInfo.InvariantCulture);
        _constants.Add($"private static readonly {type} {name} = {initializer};");
        return name;
    }

    private static bool IsComparison(BoundOperator op) =>
        op is BoundOperator.Equal or BoundOperator.NotEqual or BoundOperator.Less or BoundOperator.LessOrEqual or BoundOperator.Greater or BoundOperator.GreaterOrEqual;

    private static string ComparisonName(BoundOperator op) => op switch
    {
        BoundOperator.Equal => "Eq",
        BoundOperator.NotEqual => "Ne",
        BoundOperator.Less => "Lt",
        BoundOperator.LessOrEqual => "Le",
        BoundOperator.Greater => "Gt",
        _ => "Ge",
    };

    private static string ArithmeticName(BoundOperator op) => op switch
    {
        BoundOperator.Add => "Add",
        BoundOperator.Subtract => "Subtract",
        BoundOperator.Multiply => "Multiply",
        _ => "Divide",
    };
}
