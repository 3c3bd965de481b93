using Picares.Dsl.Compiler.Diagnostics;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Compiler.Consistency.Constraints;

/// <summary>
/// Something a criterion bounds: a numeric or coded field, or the time between a date field and an anchor
/// (fixed time in days, or calendar time in months). Values are kept in the base unit of the dimension
/// (<see cref="Unit.Factor"/>), so 88 lb and 40 kg compare directly; <see cref="Step"/> is set when the values are
/// whole multiples of it (whole numbers; calendar days between a date and an anchor). A coded field's
/// <see cref="CodeOrder"/> gives each code's position in its code list, asked for only when a message names codes, so
/// that they are named in the order the list declares them. Its names (<see cref="Display"/>, <see cref="DomainSource"/>)
/// are written out only when a message asks for them: a clean protocol's thousands of variables never are.
/// </summary>
internal sealed class Variable
{
    private readonly string _form, _field;
    private readonly string? _anchor; // for the time from the field's date to the anchor
    private readonly bool _isAge; // that time is the population's age
    private readonly int? _limitLine; // the line of the field's hard limit, when that is the domain
    private string? _display;

    private Variable(int index, string form, string field, string? anchor, bool isAge, Unit? displayUnit, double? step, ValueSet domain, int? limitLine,
        System.Func<IReadOnlyDictionary<string, int>?>? codeOrder)
    {
        Index = index;
        (_form, _field, _anchor, _isAge, _limitLine) = (form, field, anchor, isAge, limitLine);
        (DisplayUnit, Step, Domain, CodeOrder) = (displayUnit, step, domain, codeOrder);
    }

    /// <summary>The field <paramref name="form"/>.<paramref name="field"/>; <paramref name="limitLine"/>: the line of its hard limit, when that is <paramref name="domain"/>.</summary>
    public static Variable OfField(int index, string form, string field, Unit? unit, double? step, ValueSet domain, int? limitLine = null,
        System.Func<IReadOnlyDictionary<string, int>?>? codeOrder = null) =>
        new(index, form, field, null, false, unit, step, domain, limitLine, codeOrder);

    /// <summary>The time from the date field <paramref name="form"/>.<paramref name="field"/> to <paramref name="anchor"/> (<paramref name="isAge"/>: the population's age).</summary>
    public static Variable Distance(int index, string form, string field, string anchor, bool isAge, Unit unit, double? step) =>
        new(index, form, field, anchor, isAge, unit, step, ValueSet.All, null, null);

    /// <summary>
    /// The variable's number among those one <see cref="ConstraintExtractor"/> made, 0, 1, 2 … in the order it made them: so
    /// that a check keeps what it knows per variable in a list by that number, not in tables that hash a name.
    /// </summary>
    public int Index { get; }

    /// <summary>The variable in a message: <c>Vitals.weight</c>, <c>the age at consent</c>, <c>the time from Labs.date to consent</c>.</summary>
    public string Display => _display ??=
        _anchor is null ? FieldPath.Of(_form, _field) : _isAge ? $"the age at {_anchor}" : $"the time from {FieldPath.Of(_form, _field)} to {_anchor}";

    public Unit? DisplayUnit { get; }
    public double? Step { get; }
    public ValueSet Domain { get; }

    /// <summary>Who bounds the variable when no rule does: the field's hard limit, with its line; null for a domain no declaration limits.</summary>
    public string? DomainSource => _limitLine is { } line ? $"the hard limit of {FieldPath.Of(_form, _field)} (line {line})" : null;

    public System.Func<IReadOnlyDictionary<string, int>?>? CodeOrder { get; }

    /// <summary>A bound in words: <c>Vitals.weight ≥ 40 kg</c>, <c>Diagnosis.stage == extensive</c>.</summary>
    public string Describe(ValueSet set)
    {
        // Codes are named as the shorter of what the set admits and what it leaves out of the domain ('k != c3', not the
        // list's other codes), however the set is kept. The codes left out are listed only when they are the fewer.
        int leftOut = set.IsAllBut ? set.Excluded!.Count : Domain.IsCodes ? Domain.Count - set.Count : 0;
        if (set.IsCodes && leftOut > 0 && leftOut < set.Count)
        {
            var excluded = set.LeftOutOf(Domain);
            return excluded.Count == 1 ? $"{Display} != {excluded[0]}" : $"{Display} not in [{Named(excluded, excluded.Count)}]";
        }
        if (set.IsCodes)
            return set.Count == 1 ? $"{Display} == {set.Admitted().First()}"
                : $"{Display} in [{Named(set.Admitted(), set.Count)}]";
        bool hasLower = !double.IsNegativeInfinity(set.Lower), hasUpper = !double.IsPositiveInfinity(set.Upper);
        var unit = DisplayUnit?.Symbol == "mo" && (!hasLower || set.Lower % 12 == 0) && (!hasUpper || set.Upper % 12 == 0) ? UnitCatalog.Get("a") : DisplayUnit;
        string Number(double v) => NumberText.Of(unit is null ? v : v / unit.Factor);
        string Value(double v) => unit is null ? Number(v) : Number(v) + " " + Plural(unit);
        if (hasLower && hasUpper && !set.LowerOpen && !set.UpperOpen)
            return set.Lower == set.Upper ? $"{Display} == {Value(set.Lower)}" : $"{Display} in {Number(set.Lower)}..{Value(set.Upper)}";
        var lower = hasLower ? $"{Display} {(set.LowerOpen ? ">" : "≥")} {Value(set.Lower)}" : null;
        var upper = hasUpper ? $"{(hasLower ? "" : Display + " ")}{(set.UpperOpen ? "<" : "≤")} {Value(set.Upper)}" : null;
        return lower is null ? upper ?? Display + " of any value" : upper is null ? lower : lower + " and " + upper;
    }

    /// <summary>The first codes in the order of their code list (ordinal without one), and how many more.</summary>
    private string Named(IEnumerable<string> codes, int count)
    {
        if (CodeOrder?.Invoke() is not { } order) return Suggestions.FirstListed(codes, count, Suggestions.MostNamed);
        int Position(string code) => order.TryGetValue(code, out var position) ? position : int.MaxValue;
        return Suggestions.FirstListed(codes.OrderBy(Position), count, Suggestions.MostNamed);
    }

    private static string Plural(Unit unit) => unit.Symbol switch { "d" => "days", "mo" => "months", "a" => "years", _ => unit.Symbol };
}
