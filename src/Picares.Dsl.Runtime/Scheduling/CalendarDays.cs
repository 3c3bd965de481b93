using System;

namespace Picares.Dsl.Runtime.Scheduling;

/// <summary>Whole-day arithmetic on dates, ignoring the time of day.</summary>
public static class CalendarDays
{
    /// <summary>The number of calendar days from <paramref name="from"/> to <paramref name="to"/> (negative when <paramref name="to"/> is earlier).</summary>
    public static int Between(DateTime from, DateTime to) => (int)(to.Date - from.Date).TotalDays;

    /// <summary>The date <paramref name="days"/> calendar days after <paramref name="date"/>, at midnight.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When that date falls outside the calendar, 0001-01-01 to 9999-12-31.</exception>
    public static DateTime Add(DateTime date, int days) =>
        TryAdd(date, days, out var result)
            ? result
            : throw new ArgumentOutOfRangeException(nameof(days), days,
                $"{date:yyyy-MM-dd} {(days < 0 ? "minus" : "plus")} {Count(Math.Abs((long)days))} falls outside the calendar (0001-01-01 to 9999-12-31).");

    /// <summary>"1 day", "21 days": a number of days in words, for messages.</summary>
    internal static string Count(long days) => days == 1 || days == -1 ? $"{days} day" : $"{days} days";

    /// <summary>
    /// The date <paramref name="days"/> calendar days after <paramref name="date"/>, at midnight, when it is within the
    /// calendar (0001-01-01 to 9999-12-31); false, and no date, when it is not.
    /// </summary>
    public static bool TryAdd(DateTime date, int days, out DateTime result)
    {
        var day = date.Date;
        long room = days >= 0 ? (DateTime.MaxValue.Date - day).Days : (day - DateTime.MinValue).Days;
        if (Math.Abs((long)days) > room)
        {
            result = default;
            return false;
        }
        result = day.AddDays(days);
        return true;
    }
}
