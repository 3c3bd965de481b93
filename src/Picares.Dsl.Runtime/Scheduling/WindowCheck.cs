using System;

namespace Picares.Dsl.Runtime.Scheduling;

/// <summary>Where an actual visit date falls against its window.</summary>
public enum WindowStatus
{
    /// <summary>Within the window, both ends included.</summary>
    InWindow,
    /// <summary>Before the window's first date.</summary>
    Early,
    /// <summary>After the window's last date.</summary>
    Late,
}

/// <summary>The result of checking an actual date against a planned visit's window.</summary>
/// <param name="Visit">The planned visit checked.</param>
/// <param name="ActualDate">The actual date (time of day dropped).</param>
/// <param name="Status">In the window, early or late.</param>
/// <param name="DaysOutside">Days before the window's start (early) or after its end (late); 0 in the window.</param>
/// <param name="DaysFromNominal">Days from the nominal date to the actual date, negative when earlier.</param>
/// <param name="StudyDay">The actual date's study day (never 0); null when the visit's study day is not known.</param>
public sealed record WindowCheckResult(PlannedVisit Visit, DateTime ActualDate, WindowStatus Status, int DaysOutside, int DaysFromNominal, int? StudyDay)
{
    /// <summary>True when the actual date is in the window.</summary>
    public bool IsInWindow => Status == WindowStatus.InWindow;
}

/// <summary>Checks actual visit dates against planned windows.</summary>
public static class WindowCheck
{
    /// <summary>Checks <paramref name="actualDate"/> (ignoring time of day) against the window of <paramref name="visit"/>.</summary>
    public static WindowCheckResult Check(PlannedVisit visit, DateTime actualDate)
    {
        if (visit is null) throw new ArgumentNullException(nameof(visit));
        var actual = actualDate.Date;
        var fromNominal = CalendarDays.Between(visit.NominalDate, actual);
        int? studyDay = visit.StudyDay is { } day ? Scheduling.StudyDay.Add(day, fromNominal) : null;
        if (actual < visit.WindowStart)
            return new(visit, actual, WindowStatus.Early, CalendarDays.Between(actual, visit.WindowStart), fromNominal, studyDay);
        if (actual > visit.WindowEnd)
            return new(visit, actual, WindowStatus.Late, CalendarDays.Between(visit.WindowEnd, actual), fromNominal, studyDay);
        return new(visit, actual, WindowStatus.InWindow, 0, fromNominal, studyDay);
    }
}
