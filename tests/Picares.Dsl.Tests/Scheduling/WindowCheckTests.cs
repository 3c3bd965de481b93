using System;
using System.Linq;
using Picares.Dsl.Runtime.Scheduling;
using Xunit;

namespace Picares.Dsl.Tests.Scheduling;

public class WindowCheckTests
{
    // Cycle 2 of PICARES for a first dose on 2026-01-05: due 2026-01-26 (day 22), window 2026-01-23..2026-01-29.
    private static readonly PlannedVisit Cycle2 = new("Cycle", "Treatment cycle", 2, 22, new DateTime(2026, 1, 26),
        new DateTime(2026, 1, 23), new DateTime(2026, 1, 29), new[] { "Dosing" }, Array.Empty<string>(), null);

    [Theory]
    [InlineData(22, WindowStatus.Early, 1, 18)]
    [InlineData(23, WindowStatus.InWindow, 0, 19)]  // first day of the window, inclusive
    [InlineData(26, WindowStatus.InWindow, 0, 22)]
    [InlineData(29, WindowStatus.InWindow, 0, 25)]  // last day, inclusive
    [InlineData(30, WindowStatus.Late, 1, 26)]
    [InlineData(31, WindowStatus.Late, 2, 27)]
    public void Window_boundaries_are_inclusive(int januaryDay, WindowStatus status, int daysOutside, int studyDay)
    {
        var result = WindowCheck.Check(Cycle2, new DateTime(2026, 1, januaryDay, 17, 30, 0));
        Assert.Equal(status, result.Status);
        Assert.Equal(daysOutside, result.DaysOutside);
        Assert.Equal(studyDay, result.StudyDay);
        Assert.Equal(januaryDay - 26, result.DaysFromNominal);
    }

    [Fact]
    public void The_actual_study_day_skips_day_0()
    {
        var screening = new PlannedVisit("Screening", "Screening", null, -28, new DateTime(2025, 12, 8),
            new DateTime(2025, 12, 8), new DateTime(2026, 1, 4), new[] { "Consent" }, Array.Empty<string>(), null);
        var late = WindowCheck.Check(screening, new DateTime(2026, 1, 5));
        Assert.Equal(WindowStatus.Late, late.Status);
        Assert.Equal(1, late.DaysOutside);
        Assert.Equal(1, late.StudyDay);
        Assert.Equal(-1, WindowCheck.Check(screening, new DateTime(2026, 1, 4)).StudyDay);
        Assert.Equal(-29, WindowCheck.Check(screening, new DateTime(2025, 12, 7)).StudyDay);
    }

    [Fact]
    public void A_window_over_the_leap_day_counts_it()
    {
        var visit = new PlannedVisit("V", "V", 1, 10, new DateTime(2028, 2, 28), new DateTime(2028, 2, 25), new DateTime(2028, 3, 2),
            Array.Empty<string>(), Array.Empty<string>(), null);
        Assert.Equal(WindowStatus.InWindow, WindowCheck.Check(visit, new DateTime(2028, 2, 29)).Status);
        var late = WindowCheck.Check(visit, new DateTime(2028, 3, 3));
        Assert.Equal((WindowStatus.Late, 1, 14), (late.Status, late.DaysOutside, late.StudyDay));
        Assert.Equal(7, Enumerable.Range(0, 9).Select(i => new DateTime(2028, 2, 24).AddDays(i)).Count(visit.IsInWindow));
    }
}
