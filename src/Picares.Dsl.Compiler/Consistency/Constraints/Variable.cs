using Picares.Dsl.Compiler.Diagnostics;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Compiler.Consistency.Constraints;

/// <summary>
/// Something a criterion bounds: a numeric or coded field, or the time between a date field and an anchor
/// (fixed time in days, or calendar time in months). Values are kept in the base unit of the dimension
/// (<see cref="Unit.Factor"/>), so 88 lb and 40 kg compare directly; <see cref="Step"/> is set when the values are
/// whole multiples of it (whole numbers; calendar days between a date and an anchor). A coded field's
/// <see cref="CodeOrder"/> gives each code's position in its code list, asked for only when a message names codes, so
/// that they are named in the order the list declares them.
/// </summary>
internal sealed record Variable(string Key, string Display, Unit? DisplayUnit, double? Step, ValueSet Domain, string? DomainSource,
    System.Func<IReadOnlyDictionary<string, int>?>? CodeOrder = null)
{
    /// <summary>
    /// The variable's number among those one <see cref="ConstraintExtractor"/> made, 0, 1, 2 … in the order it made them: so
    /// that a check keeps what it knows per variable in a list by that number, not in tables that hash the key.
    /// </summary>
    public int Index { get; init; }

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
