namespace Picares.Dsl.Compiler.Binding;

/// <summary>
/// The ranges the binder accepts for the whole numbers of schedule, treatment and study statements, as docs/language.md §3
/// states them. A value outside its range is reported (PIC1003, the statement's shape naming the range) and never cast:
/// a double beyond an int would otherwise become another number. Within these ranges every sum the binder and the
/// consistency checks form (a window's two sides, a day plus a window, an age plus one) fits an int.
/// </summary>
internal static class AllowedRanges
{
    /// <summary>
    /// The largest study day either side of the anchor, and the longest interval, offset or window side: 36500 days, 100
    /// years, longer than any subject's follow-up.
    /// </summary>
    public const int MaxDays = 36500;

    /// <summary>The oldest age in completed years a population's age range may name (the youngest is 0).</summary>
    public const int MaxAgeYears = 150;

    /// <summary>The oldest age a limit in <paramref name="unit"/> may name: 150 years, 1800 months, 7800 weeks or 54750 days.</summary>
    public static int MaxAge(Picares.Dsl.Runtime.Model.AgeUnit unit) => unit switch
    {
        Picares.Dsl.Runtime.Model.AgeUnit.Days => MaxAgeYears * 365,
        Picares.Dsl.Runtime.Model.AgeUnit.Weeks => MaxAgeYears * 52,
        Picares.Dsl.Runtime.Model.AgeUnit.Months => MaxAgeYears * 12,
        _ => MaxAgeYears,
    };

    /// <summary>The largest planned enrollment: ten million subjects, above the largest trials run.</summary>
    public const int MaxEnrollment = 10_000_000;

    /// <summary>The most trial locations (sites) a study's <c>locations</c> may give.</summary>
    public const int MaxLocations = 100_000;

    /// <summary>The most occurrences a repeating visit's <c>max</c> may allow.</summary>
    public const int MaxVisitRepeats = 100_000;

    /// <summary>The most cycles a regimen's <c>cycles</c> may give.</summary>
    public const int MaxCycles = 10_000;

    /// <summary>The last day of a cycle a regimen's <c>cycle_days</c> may name when the regimen gives no <c>every</c> (a year).</summary>
    public const int MaxCycleDay = 366;

    /// <summary>The most doses a regimen's <c>doses_per_day</c> may give: one an hour.</summary>
    public const int MaxDosesPerDay = 24;

    /// <summary>The largest allocation ratio of an arm.</summary>
    public const int MaxArmRatio = 100;

    /// <summary>True when <paramref name="value"/> lies in [<paramref name="min"/>, <paramref name="max"/>], so that it can be cast to an int.</summary>
    public static bool Within(double value, int min, int max) => value >= min && value <= max;
}
