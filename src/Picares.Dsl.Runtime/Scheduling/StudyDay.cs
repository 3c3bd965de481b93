using System;

namespace Picares.Dsl.Runtime.Scheduling;

/// <summary>
/// Study days in the clinical convention: day 1 is the anchor date, day -1 the day before it, and there is no day 0.
/// Day <c>d &gt; 0</c> is the anchor plus <c>d - 1</c> days; day <c>d &lt; 0</c> is the anchor plus <c>d</c> days.
/// Dates are compared as calendar dates: the time of day is ignored.
/// </summary>
public static class StudyDay
{
    /// <summary>The study day of <paramref name="date"/> counted from <paramref name="dayOne"/> (never 0).</summary>
    public static int FromDate(DateTime dayOne, DateTime date)
    {
        var offset = CalendarDays.Between(dayOne, date);
        return offset >= 0 ? offset + 1 : offset;
    }

    /// <summary>The date of study <paramref name="day"/> counted from <paramref name="dayOne"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="day"/> is 0: there is no day 0.</exception>
    public static DateTime ToDate(DateTime dayOne, int day) => CalendarDays.Add(dayOne, ToOffset(day));

    /// <summary>The study day <paramref name="days"/> calendar days after <paramref name="day"/> (before it when negative), skipping day 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="day"/> is 0.</exception>
    public static int Add(int day, int days) => FromOffset(ToOffset(day) + days);

    /// <summary>Days from the anchor date to study <paramref name="day"/>: day 1 is 0, day -1 is -1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="day"/> is 0.</exception>
    public static int ToOffset(int day) => day switch
    {
        0 => throw new ArgumentOutOfRangeException(nameof(day), "There is no study day 0: day 1 is the anchor date and day -1 the day before it."),
        > 0 => day - 1,
        _ => day,
    };

    /// <summary>The study day that is <paramref name="offset"/> days from the anchor date: offset 0 is day 1, -1 is day -1.</summary>
    public static int FromOffset(int offset) => offset >= 0 ? offset + 1 : offset;
}
