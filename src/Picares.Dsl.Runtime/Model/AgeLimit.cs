using System;
using System.Globalization;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Runtime.Model;

/// <summary>The unit an age limit counts in: completed days, weeks, months or years.</summary>
public enum AgeUnit
{
    /// <summary>Completed days (a fixed duration): neonatal limits such as 28 days.</summary>
    Days,
    /// <summary>Completed weeks of seven days (a fixed duration).</summary>
    Weeks,
    /// <summary>Completed calendar months: a month is passed on the same day of the month (or the month's last day).</summary>
    Months,
    /// <summary>Completed years: the birthdays passed.</summary>
    Years,
}

/// <summary>
/// One limit of a population's age range, inclusive, in completed <see cref="Unit"/>s: <c>18 years</c> admits from the
/// 18th birthday when it is the minimum and up to the day before the 76th when it is a maximum of 75 years;
/// <c>6 months</c> as a minimum admits from the day six calendar months after birth (ClinicalTrials.gov's "Minimum
/// Age: 6 Months").
/// </summary>
public readonly record struct AgeLimit(int Amount, AgeUnit Unit)
{
    /// <summary>The limit as the protocol writes it: <c>18 years</c>, <c>1 month</c>, <c>28 days</c>.</summary>
    public override string ToString()
    {
        var amount = Amount.ToString(CultureInfo.InvariantCulture);
        var unit = Unit switch
        {
            AgeUnit.Days => "day",
            AgeUnit.Weeks => "week",
            AgeUnit.Months => "month",
            _ => "year",
        };
        return Amount == 1 ? $"{amount} {unit}" : $"{amount} {unit}s";
    }

    /// <summary>
    /// The range as a sentence: <c>18 to 75 years</c>, <c>6 months to 17 years</c>, <c>18 years or older</c>,
    /// <c>17 years or younger</c>; null without either limit.
    /// </summary>
    public static string? Describe(AgeLimit? minimum, AgeLimit? maximum) => (minimum, maximum) switch
    {
        ({ } min, { } max) when min.Unit == max.Unit => $"{min.Amount.ToString(CultureInfo.InvariantCulture)} to {max}",
        ({ } min, { } max) => $"{min} to {max}",
        ({ } min, null) => $"{min} or older",
        (null, { } max) => $"{max} or younger",
        _ => null,
    };

    /// <summary>
    /// The age in completed <paramref name="unit"/>s on <paramref name="on"/> of someone born on <paramref name="birth"/>
    /// (calendar days: a time of day is ignored); null when either is missing. A month or year is completed on the same
    /// day of the month, or on the month's last day when it has no such day: someone born on 31 January is one month
    /// old on 28 February (29 in a leap year), someone born on 29 February a year older on 28 February in common years.
    /// </summary>
    public static int? Completed(DateTime? birth, DateTime? on, AgeUnit unit)
    {
        if (birth is not { } b || on is not { } d) return null;
        b = b.Date;
        d = d.Date;
        switch (unit)
        {
            case AgeUnit.Days: return (int)(d - b).TotalDays;
            case AgeUnit.Weeks: return (int)Math.Floor((d - b).TotalDays / 7);
            case AgeUnit.Months:
            {
                // Counted down, like the years below, when the day of the month is not reached yet (before birth too).
                int months = (d.Year - b.Year) * 12 + d.Month - b.Month;
                if (d < b.AddMonths(months)) months--;
                return months;
            }
            default:
            {
                int years = d.Year - b.Year;
                if (d < b.AddYears(years)) years--;
                return years;
            }
        }
    }

    /// <summary>
    /// The latest birth date of someone at least this old (as <see cref="Completed"/> counts) on <paramref name="on"/>;
    /// null when <paramref name="on"/> is missing, the amount is negative, or the boundary would fall before the year 2,
    /// so that such an age is Unknown rather than wrong. Generated screening code computes it once per reference date,
    /// so that an age check is a date comparison.
    /// </summary>
    public DateTime? LatestBirthDate(DateTime? on)
    {
        if (on is not { } day || Amount < 0) return null;
        var d = day.Date;
        // An age that reaches back before the year 2 is Unknown, so that the steps below stay within DateTime.
        bool tooFar = Unit switch
        {
            AgeUnit.Days => Amount > (d - new DateTime(2, 1, 1)).TotalDays,
            AgeUnit.Weeks => 7L * Amount > (d - new DateTime(2, 1, 1)).TotalDays,
            AgeUnit.Months => Amount > (d.Year - 2) * 12L,
            _ => Amount > d.Year - 2,
        };
        if (tooFar) return null;
        var latest = Unit switch
        {
            AgeUnit.Days => d.AddDays(-Amount),
            AgeUnit.Weeks => d.AddDays(-7 * Amount),
            AgeUnit.Months => d.AddMonths(-Amount),
            _ => d.AddYears(-Amount),
        };
        // AddMonths and AddYears move a day the target month lacks to its last day; step to the exact boundary of Completed.
        while (Completed(latest, d, Unit) < Amount) latest = latest.AddDays(-1);
        while (latest < d && Completed(latest.AddDays(1), d, Unit) >= Amount) latest = latest.AddDays(1);
        return latest;
    }

    /// <summary>The first limit past this one as a maximum: completed ages up to 75 years end where 76 years begin.</summary>
    public AgeLimit Next => new(Amount + 1, Unit);

    /// <summary>Whether the limit counts calendar months or years, rather than fixed days or weeks.</summary>
    public bool IsCalendar => Unit is AgeUnit.Months or AgeUnit.Years;

    /// <summary>The shortest time in days from birth to this age: exact for days and weeks; for months and years, their mean length less three days (no run of calendar months is shorter).</summary>
    public double ShortestDays => IsCalendar ? MeanDays - 3 : MeanDays;

    /// <summary>The longest time in days from birth to this age: exact for days and weeks; for months and years, their mean length and three days (no run of calendar months is longer).</summary>
    public double LongestDays => IsCalendar ? MeanDays + 3 : MeanDays;

    /// <summary>The age in days, months and years taken at their mean Gregorian length.</summary>
    private double MeanDays => Unit switch
    {
        AgeUnit.Days => Amount,
        AgeUnit.Weeks => Amount * 7.0,
        AgeUnit.Months => Amount * UnitCatalog.MeanMonthDays,
        _ => Amount * 12 * UnitCatalog.MeanMonthDays,
    };

    /// <summary>The catalogue symbol of the limit's unit: <c>d</c>, <c>wk</c>, <c>mo</c> or <c>a</c> (<see cref="UnitCatalog"/>).</summary>
    public string UnitSymbol => SymbolOf(Unit);

    /// <summary>The age unit a catalogue unit counts in, or null for a unit that is no age (hours, kilograms).</summary>
    public static AgeUnit? UnitOf(Unit unit) => unit.Symbol switch
    {
        "d" => AgeUnit.Days,
        "wk" => AgeUnit.Weeks,
        "mo" => AgeUnit.Months,
        "a" => AgeUnit.Years,
        _ => null,
    };

    private static string SymbolOf(AgeUnit unit) => unit switch
    {
        AgeUnit.Days => "d",
        AgeUnit.Weeks => "wk",
        AgeUnit.Months => "mo",
        _ => "a",
    };

    /// <summary>
    /// Whether no age can be at least <paramref name="minimum"/> and at most <paramref name="maximum"/>: in one unit, a
    /// minimum above the maximum; in two, a minimum whose shortest span reaches past the longest span of the age one unit
    /// above the maximum (<c>2 years..12 months</c>), so that a range only some birth dates fit (<c>1 month..28 days</c>)
    /// is not called empty.
    /// </summary>
    public static bool IsEmptyRange(AgeLimit minimum, AgeLimit maximum) =>
        minimum.Unit == maximum.Unit ? minimum.Amount > maximum.Amount : minimum.ShortestDays >= maximum.Next.LongestDays;
}
