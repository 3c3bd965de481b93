using System;

namespace Picares.Dsl.Runtime.Scheduling;

/// <summary>Whole-day arithmetic on dates, ignoring the time of day.</summary>
public static class CalendarDays
{
    /// <summary>The number of calendar days from <paramref name="from"/> to <paramref name="to"/> (negative when <paramref name="to"/> is earlier).</summary>
    public static int Between(DateTime from, DateTime to) => (int)(to.Date - from.Date).TotalDays;

    /// <summary>The date <paramref name="days"/> calendar days after <paramref name="date"/>, at midnight.</summary>
    public static DateTime Add(DateTime date, int days) => date.Date.AddDays(days);
}
