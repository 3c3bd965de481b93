using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
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
    private readonly List<string> _constants = new();
    private readonly Dictionary<string, string> _constantNames = new(StringComparer.Ordinal);

    private readonly Func<string, string, string> _access;
    private readonly Func<string, string, string>? _codeText;
    private readonly Func<TemporalBoundary, string>? _screeningBoundaries;
    private readonly ModelTables _tables;
    private int _shortCircuits;

    /// <param name="model">The protocol.</param>
    /// <param name="access">How a field (form, field) is read; by default from a screening input (<c>input.Form.Field</c>).</param>
    /// <param name="codeText">How a code field's value becomes its code text (code list, access); by default it already is text.</param>
    /// <param name="screeningBoundaries">
    /// Given when the conditions read the screening input, which promises more than its fields: each quantity's dimension
    /// was checked when it was set (so it is compared with a constant already in coherent units), each code field keeps
    /// its position in its list (<see cref="CodePositionAccess"/>, so codes compare as numbers), and <c>Dates</c>
    /// computes the boundary of a comparison with a constant duration from an anchor when the anchor is set: this
    /// returns where that boundary is read (see <see cref="TemporalBoundary"/>).
    /// </param>
    /// <param name="tables">The model's tables, shared when the caller makes several emitters for one model (the CRF plan makes
    /// one per form); otherwise made here.</param>
    public ConditionEmitter(ProtocolModel model, Func<string, string, string>? access = null, Func<string, string, string>? codeText = null,
        Func<TemporalBoundary, string>? screeningBoundaries = null, ModelTables? tables = null)
    {
        _access = access ?? FieldAccess;
        _codeText = codeText;
        _screeningBoundaries = screeningBoundaries;
        _tables = tables ?? new ModelTables(model);
    }

    private bool ForScreeningInput => _screeningBoundaries is not null;

    /// <summary>Declarations of the static fields the emitted expressions use.</summary>
    public IReadOnlyList<string> Constants => _constants;

    /// <summary>The screening input class of a form.</summary>
    public static string InputClass(string form) => CSharp.Identifier(form) + "Input";

    /// <summary>A field of the screening input, as the Screening template names it.</summary>
    public static string FieldAccess(string form, string field) => $"input.{CSharp.Member(form, "Input")}.{CSharp.Member(field, InputClass(form))}";

    /// <summary>A reference date of the screening input, as the Screening template names it.</summary>
    public static string AnchorAccess(string anchor) => $"dates.{CSharp.Member(anchor, "Dates")}";

    /// <summary>The screening input's field that keeps the position of a code field's value in its list (-1 when missing).</summary>
    public static string CodePositionField(string property) => "__" + property + "Code";

    /// <summary>The position of a code field's value in its list, read from the screening input.</summary>
    public static string CodePositionAccess(string form, string field) =>
        $"input.{CSharp.Member(form, "Input")}.{CodePositionField(CSharp.Member(field, InputClass(form)))}";

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
        BoundBinary { Operator: BoundOperator.And } b => ShortCircuit(b, "False", "And"),
        BoundBinary { Operator: BoundOperator.Or } b => ShortCircuit(b, "True", "Or"),
        BoundBinary b when IsComparison(b.Operator) => Comparison(b),
        BoundBinary b => $"{Ev}{ArithmeticName(b.Operator)}({Emit(b.Left)}, {Emit(b.Right)})",
        BoundMembership m => Membership(m),
        BoundTemporal t => Temporal(t),
        BoundCall c => c.Arguments.Skip(1).Aggregate(Emit(c.Arguments[0]), (acc, arg) => $"{Ev}{(c.Function == "max" ? "Max" : "Min")}({acc}, {Emit(arg)})"),
        _ => Rt + "Truth.Unknown",
    };

    /// <summary>
    /// <c>a and b</c> / <c>a or b</c> in Kleene's logic, evaluating b only when a does not decide on its own (false for
    /// and, true for or): <c>(a) switch { Truth.False => Truth.False, var x => Kleene.And(x, b) }</c>.
    /// </summary>
    private string ShortCircuit(BoundBinary b, string deciding, string operation)
    {
        var left = "__k" + (_shortCircuits++).ToString(CultureInfo.InvariantCulture);
        return $"({Emit(b.Left)}) switch {{ {Rt}Truth.{deciding} => {Rt}Truth.{deciding}, var {left} => {Kl}{operation}({left}, {Emit(b.Right)}) }}";
    }

    private string Comparison(BoundBinary b)
    {
        if (b.Operator is BoundOperator.Equal or BoundOperator.NotEqual)
        {
            bool equal = b.Operator == BoundOperator.Equal;
            // A truth compared with yes or no is the truth itself or its negation: in Kleene's logic
            // (x == true) is x and (x == false) is not x, Unknown included.
            if (b.Right is BoundBoolean right && b.Left.Type.Kind == TypeKind.Boolean) return right.Value == equal ? Emit(b.Left) : $"{Kl}Not({Emit(b.Left)})";
            if (b.Left is BoundBoolean left && b.Right.Type.Kind == TypeKind.Boolean) return left.Value == equal ? Emit(b.Right) : $"{Kl}Not({Emit(b.Right)})";
            if ((CodeTest(b.Left, b.Right) ?? CodeTest(b.Right, b.Left)) is { } test) return equal ? test : $"{Kl}Not({test})";
        }
        if (ForScreeningInput)
        {
            if (b.Left is BoundFieldReference { Type.Kind: TypeKind.Quantity } && Coherent(b.Right) is { } constant)
                return $"{Ev}{ComparisonName(b.Operator)}({Ev}CompareCoherent({Emit(b.Left)}, {constant}))";
            if (b.Right is BoundFieldReference { Type.Kind: TypeKind.Quantity } && Coherent(b.Left) is { } mirrored)
                return $"{Ev}{ComparisonName(Mirror(b.Operator))}({Ev}CompareCoherent({Emit(b.Right)}, {mirrored}))";
        }
        return $"{Ev}{ComparisonName(b.Operator)}({Ev}Compare({Emit(b.Left)}, {Emit(b.Right)}))";
    }

    /// <summary>A code field of the screening input against a code, by position in the code list.</summary>
    private string? CodeTest(BoundExpression field, BoundExpression code) =>
        ForScreeningInput && field is BoundFieldReference f && code is BoundCode c && CodePositions(f) is { } positions && positions.TryGetValue(c.Code, out var k)
            ? $"{Ev}IsCode({CodePositionAccess(f.Form, f.Field)}, {k.ToString(CultureInfo.InvariantCulture)})"
            : null;

    /// <summary>
    /// A code field of the screening input in a set of codes, as a bit mask of their positions; null when the list is
    /// too long for one mask (64) or a code is not in it.
    /// </summary>
    private string? CodeSetTest(BoundMembership m)
    {
        if (!ForScreeningInput || m.Subject is not BoundFieldReference f || CodePositions(f) is not { Count: <= 64 } positions) return null;
        ulong mask = 0;
        foreach (var item in m.Items)
        {
            if (item is not BoundCode c || !positions.TryGetValue(c.Code, out var k)) return null;
            mask |= 1UL << k;
        }
        return $"{Ev}InCodes({CodePositionAccess(f.Form, f.Field)}, 0x{mask.ToString("X", CultureInfo.InvariantCulture)}UL)";
    }

    /// <summary>The codes of a code field's list by position, or null if the field is not a code field.</summary>
    private IReadOnlyDictionary<string, int>? CodePositions(BoundFieldReference f) =>
        FieldOf(f)?.CodeList is { } list ? _tables.CodePositions(list) : null;

    private FieldModel? FieldOf(BoundFieldReference f) => _tables.Fields.TryGetValue((f.Form, f.Field), out var field) ? field : null;

    /// <summary>A quantity constant's value in the coherent unit of its dimension, as C#, or null if it is not one.</summary>
    private static string? Coherent(BoundExpression e) =>
        e is BoundNumber { Unit: { } unit } n && Runtime.Units.UnitCatalog.TryFind(unit, out var u) ? CSharp.Number(n.Value * u.Factor) : null;

    /// <summary>The operator that gives the same result with its operands swapped.</summary>
    private static BoundOperator Mirror(BoundOperator op) => op switch
    {
        BoundOperator.Less => BoundOperator.Greater,
        BoundOperator.LessOrEqual => BoundOperator.GreaterOrEqual,
        BoundOperator.Greater => BoundOperator.Less,
        BoundOperator.GreaterOrEqual => BoundOperator.LessOrEqual,
        _ => op,
    };

    private string Temporal(BoundTemporal t)
    {
        string before = t.Before ? "true" : "false", day = DayPrecision(t) ? "true" : "false";
        if (_screeningBoundaries is not null && t.Reference is BoundAnchorReference anchor && t.Duration is BoundNumber { Unit: { } unit } duration)
        {
            var boundary = _screeningBoundaries(new TemporalBoundary(anchor.Anchor, duration.Value, unit, t.Before, DayPrecision(t)));
            return $"{Ev}TemporalToBoundary({Emit(t.Subject)}, {Rt}TemporalBound.{t.Qualifier}, {boundary}, {before}, {Emit(t.Reference)}, {day})";
        }
        return $"{Ev}Temporal({Emit(t.Subject)}, {Rt}TemporalBound.{t.Qualifier}, {Emit(t.Duration)}, {before}, {Emit(t.Reference)}, {day})";
    }

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
    /// <remarks>
    /// The two sides of every <c>and</c> and <c>or</c> are evaluated once, into locals declared first (the parts before what
    /// holds them), and the statements that follow only read them. Evaluating each side again at every level of the
    /// condition made the text grow with the square of its depth and the work of writing it with the cube: 222 criteria,
    /// each a chain of 90 'or's, became 340 million characters of C#.
    /// </remarks>
    public string EmitMissing(BoundExpression e, Func<string, (string Label, string Access)> read)
    {
        var statements = new StringBuilder();
        int counter = 0;
        WriteMissing(e, read, statements, ref counter);
        if (counter == 0) return statements.ToString(); // no and, no or: nothing to evaluate first
        var values = new StringBuilder("{ ");
        counter = 0;
        DeclareValues(e, values, ref counter);
        return values.Append(statements).Append('}').ToString();
    }

    /// <summary>
    /// Declares <c>__lN</c> and <c>__rN</c>, the truth of the two sides of the N-th <c>and</c> or <c>or</c> (counted in the
    /// order <see cref="WriteMissing"/> counts them), for every one in <paramref name="e"/>; returns the C# of its truth.
    /// </summary>
    private string DeclareValues(BoundExpression e, StringBuilder values, ref int counter)
    {
        switch (e)
        {
            case BoundBinary { Operator: BoundOperator.And or BoundOperator.Or } b:
            {
                int n = counter++;
                var left = DeclareValues(b.Left, values, ref counter);
                var right = DeclareValues(b.Right, values, ref counter);
                values.Append($"var __l{n} = {left}; var __r{n} = {right}; ");
                return $"{Kl}{(b.Operator == BoundOperator.And ? "And" : "Or")}(__l{n}, __r{n})";
            }
            case BoundUnary { Operator: BoundOperator.Not } u:
                return $"{Kl}Not({DeclareValues(u.Operand, values, ref counter)})";
            default:
                return Emit(e);
        }
    }

    /// <summary>
    /// Writes the statements of <see cref="EmitMissing"/>, reading the sides' truth from the locals <see cref="DeclareValues"/>
    /// declares. An input tested in several places is added at each: <c>missing</c> is a runtime <c>MissingInputs</c>, which
    /// lists it once, where it was first added, and answers whether it is listed in constant time (a list searched before each
    /// repeated test made a field tested in thousands of places cost the square of its tests at run time).
    /// </summary>
    private static void WriteMissing(BoundExpression e, Func<string, (string Label, string Access)> read, StringBuilder into, ref int counter)
    {
        switch (e)
        {
            case BoundBinary { Operator: BoundOperator.And or BoundOperator.Or } b:
            {
                int n = counter++;
                var keeps = b.Operator == BoundOperator.And ? Rt + "Truth.True" : Rt + "Truth.False"; // the value that leaves the other side deciding
                into.Append($"if (__l{n} == {Rt}Truth.Unknown && (__r{n} == {Rt}Truth.Unknown || __r{n} == {keeps})) {{ ");
                WriteMissing(b.Left, read, into, ref counter);
                into.Append($"}} if (__r{n} == {Rt}Truth.Unknown && (__l{n} == {Rt}Truth.Unknown || __l{n} == {keeps})) {{ ");
                WriteMissing(b.Right, read, into, ref counter);
                into.Append("} ");
                break;
            }
            case BoundUnary { Operator: BoundOperator.Not } u:
                WriteMissing(u.Operand, read, into, ref counter);
                break;
            default:
                var reads = new SortedSet<string>(StringComparer.Ordinal);
                BoundReferences.CollectPaths(e, reads);
                foreach (var r in reads)
                {
                    var (label, access) = read(r);
                    into.Append($"if ({access} is null) missing.Add({CSharp.Literal(label)}); ");
                }
                break;
        }
    }

    private string Field(BoundFieldReference f)
    {
        var access = _access(f.Form, f.Field);
        var field = FieldOf(f) ?? throw new InvalidOperationException($"The bound field {f.Form}.{f.Field} is not in the model.");
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
        else if (CodeSetTest(m) is { } byPosition)
            test = byPosition;
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

    /// <summary>A static field holding the value, shared by every expression that uses the same value.</summary>
    private string Constant(string type, string initializer)
    {
        var key = type + " = " + initializer;
        if (_constantNames.TryGetValue(key, out var name)) return name;
        name = "__c" + _constants.Count.ToString(CultureInfo.InvariantCulture);
        _constants.Add($"private static readonly {type} {name} = {initializer};");
        _constantNames.Add(key, name);
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
