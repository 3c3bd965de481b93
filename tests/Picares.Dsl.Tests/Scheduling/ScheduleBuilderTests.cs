using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Runtime.Model;
using Picares.Dsl.Runtime.Scheduling;
using Xunit;

namespace Picares.Dsl.Tests.Scheduling;

public class ScheduleBuilderTests
{
    private static readonly DateTime FirstDose = new(2026, 1, 5);
    private static readonly Origin Here = new(Provenance.Record, null, new SourceLocation("test.protocol", 1, 1));

    private static VisitInfo Repeating(string name, int every, int window = 3, string anchor = "first_dose", int? max = null,
        string anchoring = "fixed", int? first = null, params string[] until) =>
        new(name, name, "repeating", anchor, null, null, window, window, first, every, anchoring, until, max, new[] { "Form" }, Array.Empty<string>(), Here);

    private static VisitInfo Day(string name, int day, int? lastDay = null, int before = 0, int after = 0) =>
        new(name, name, "day", "first_dose", day, lastDay, before, after, null, null, "fixed", Array.Empty<string>(), null, new[] { "Form" }, Array.Empty<string>(), Here);

    private static VisitInfo Relative(string name, string anchor, int offset, int window = 7) =>
        new(name, name, "relative", anchor, null, null, window, window, offset, null, "fixed", Array.Empty<string>(), null, new[] { "Form" }, Array.Empty<string>(), Here);

    private static IReadOnlyList<PlannedVisit> Build(IReadOnlyList<VisitInfo> visits, Dictionary<string, DateTime>? anchors = null,
        Dictionary<string, DateTime>? events = null, Dictionary<VisitOccurrence, DateTime>? actual = null, DateTime? horizon = null) =>
        new ScheduleBuilder(visits, "first_dose", terminalEvents: new[] { "death" }).Build(new ScheduleRequest
        {
            Anchors = anchors ?? new Dictionary<string, DateTime> { ["first_dose"] = FirstDose },
            Events = events ?? new Dictionary<string, DateTime>(),
            ActualDates = actual ?? new Dictionary<VisitOccurrence, DateTime>(),
            Horizon = horizon,
        });

    private static DateTime D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_day_range_visit_spans_its_days_and_is_due_on_the_first()
    {
        var screening = Assert.Single(Build(new[] { Day("Screening", -28, -1) }));
        Assert.Null(screening.Occurrence);
        Assert.Equal(-28, screening.StudyDay);
        Assert.Equal(D(2025, 12, 8), screening.NominalDate);
        Assert.Equal(D(2025, 12, 8), screening.WindowStart);
        Assert.Equal(D(2026, 1, 4), screening.WindowEnd);
    }

    [Fact]
    public void A_day_visit_window_crosses_day_1_without_a_day_0()
    {
        var visit = Assert.Single(Build(new[] { Day("Baseline", 2, before: 3, after: 2) }));
        Assert.Equal(D(2026, 1, 6), visit.NominalDate);
        Assert.Equal(D(2026, 1, 3), visit.WindowStart);   // study day -2
        Assert.Equal(-2, StudyDay.FromDate(FirstDose, visit.WindowStart));
        Assert.Equal(D(2026, 1, 8), visit.WindowEnd);
    }

    [Fact]
    public void A_fixed_grid_keeps_every_occurrence_on_day_1_plus_k_times_the_period()
    {
        var cycles = Build(new[] { Repeating("Cycle", 21, max: 4) },
            actual: new() { [new("Cycle", 2)] = D(2026, 2, 1) });   // cycle 2 delayed by 5 days
        Assert.Equal(new int?[] { 1, 2, 3, 4 }, cycles.Select(c => c.Occurrence));
        Assert.Equal(new[] { D(2026, 1, 5), D(2026, 1, 26), D(2026, 2, 16), D(2026, 3, 9) }, cycles.Select(c => c.NominalDate));
        Assert.Equal(new int?[] { 1, 22, 43, 64 }, cycles.Select(c => c.StudyDay));
        Assert.Equal(D(2026, 2, 1), cycles[1].ActualDate);
    }

    [Fact]
    public void A_repetition_from_an_anchor_plus_a_duration_starts_that_long_after_it()
    {
        // 'every 6 weeks from first_dose + 6 weeks': tumor assessments in weeks 6, 12, 18, not on the day of the first dose.
        var scans = Build(new[] { Repeating("Imaging", 42, window: 7, max: 3, first: 42) });
        Assert.Equal(new int?[] { 1, 2, 3 }, scans.Select(c => c.Occurrence));
        Assert.Equal(new[] { D(2026, 2, 16), D(2026, 3, 30), D(2026, 5, 11) }, scans.Select(c => c.NominalDate));
        Assert.Equal(new int?[] { 43, 85, 127 }, scans.Select(c => c.StudyDay));
        Assert.Equal((D(2026, 2, 9), D(2026, 2, 23)), (scans[0].WindowStart, scans[0].WindowEnd)); // days 36 to 50

        // With actual anchoring, the second counts from the first's actual date; the first is still 6 weeks after the anchor.
        var actual = Build(new[] { Repeating("Imaging", 42, window: 7, max: 2, anchoring: "actual", first: 42) },
            actual: new() { [new("Imaging", 1)] = D(2026, 2, 20) });
        Assert.Equal(new[] { D(2026, 2, 16), D(2026, 4, 3) }, actual.Select(c => c.NominalDate));

        // An ending event before the first occurrence leaves none.
        Assert.Empty(Build(new[] { Repeating("Imaging", 42, window: 7, max: 3, first: 42, until: new[] { "progression" }) },
            events: new() { ["progression"] = D(2026, 2, 15) }));
    }

    [Fact]
    public void Actual_anchoring_shifts_the_cycles_after_a_delayed_one()
    {
        var cycles = Build(new[] { Repeating("Cycle", 21, max: 4, anchoring: "actual") },
            actual: new() { [new("Cycle", 1)] = D(2026, 1, 5), [new("Cycle", 2)] = D(2026, 2, 1) });
        Assert.Equal(new[] { D(2026, 1, 5), D(2026, 1, 26), D(2026, 2, 22), D(2026, 3, 15) }, cycles.Select(c => c.NominalDate));
        Assert.Equal(D(2026, 2, 19), cycles[2].WindowStart);
        Assert.Equal(D(2026, 2, 25), cycles[2].WindowEnd);
    }

    [Fact]
    public void A_repeating_grid_crosses_29_February_2028_and_the_year_end()
    {
        var visits = Build(new[] { Repeating("Weekly", 7, window: 1, max: 3) },
            anchors: new() { ["first_dose"] = D(2028, 2, 22) });
        Assert.Equal(new[] { D(2028, 2, 22), D(2028, 2, 29), D(2028, 3, 7) }, visits.Select(v => v.NominalDate));
        Assert.Equal(D(2028, 2, 28), visits[1].WindowStart);
        Assert.Equal(D(2028, 3, 1), visits[1].WindowEnd);

        var monthly = Build(new[] { Repeating("Monthly", 30, window: 2, max: 3) },
            anchors: new() { ["first_dose"] = D(2027, 12, 2) });
        Assert.Equal(new[] { D(2027, 12, 2), D(2028, 1, 1), D(2028, 1, 31) }, monthly.Select(v => v.NominalDate));
        Assert.Equal(D(2027, 12, 30), monthly[1].WindowStart);
        Assert.Equal(new int?[] { 1, 31, 61 }, monthly.Select(v => v.StudyDay));
    }

    [Fact]
    public void Progression_mid_cycle_stops_the_cycles_after_it_and_nothing_else()
    {
        var visits = new[]
        {
            Repeating("Cycle", 21, max: 35, until: new[] { "progression", "death" }),
            Relative("SafetyFollowUp", "end_of_treatment", 30),
            Repeating("Survival", 84, window: 14, anchor: "end_of_treatment", max: 3, until: new[] { "death" }),
        };
        var progression = D(2026, 2, 5); // day 32, between cycle 2 (day 22) and cycle 3 (day 43)
        var planned = Build(visits,
            anchors: new() { ["first_dose"] = FirstDose, ["end_of_treatment"] = progression },
            events: new() { ["progression"] = progression });

        Assert.Equal(new[] { "Cycle#1", "Cycle#2", "Survival#1", "SafetyFollowUp", "Survival#2", "Survival#3" },
            planned.Select(v => v.Key.ToString()));
        Assert.All(planned.Where(v => v.Visit == "Cycle"), v => Assert.True(v.NominalDate <= progression));
    }

    [Fact]
    public void An_occurrence_due_on_the_event_date_is_still_planned()
    {
        var planned = Build(new[] { Repeating("Cycle", 21, max: 35, until: new[] { "progression" }) },
            events: new() { ["progression"] = D(2026, 1, 26) });
        Assert.Equal(new int?[] { 1, 2 }, planned.Select(v => v.Occurrence));
    }

    [Fact]
    public void Death_ends_every_visit_after_it()
    {
        var visits = new[]
        {
            Day("Screening", -28, -1),
            Repeating("Cycle", 21, max: 35),                        // no until: death still ends it
            Relative("SafetyFollowUp", "end_of_treatment", 30),
            Repeating("Survival", 84, anchor: "end_of_treatment", max: 20),
        };
        var death = D(2026, 2, 20);
        var planned = Build(visits,
            anchors: new() { ["first_dose"] = FirstDose, ["end_of_treatment"] = D(2026, 2, 1) },
            events: new() { ["death"] = death });
        Assert.Equal(new[] { "Screening", "Cycle#1", "Cycle#2", "Survival#1", "Cycle#3" }, planned.Select(v => v.Key.ToString()));
        Assert.All(planned, v => Assert.True(v.NominalDate <= death));
    }

    [Fact]
    public void Max_count_stops_a_repeating_visit()
    {
        var planned = Build(new[] { Repeating("Cycle", 21, max: 3) }, horizon: D(2030, 1, 1));
        Assert.Equal(new int?[] { 1, 2, 3 }, planned.Select(v => v.Occurrence));
    }

    [Fact]
    public void The_horizon_is_the_last_date_planned_inclusive()
    {
        var planned = Build(new[] { Repeating("Cycle", 21), Relative("Late", "first_dose", 100) }, horizon: D(2026, 2, 16));
        Assert.Equal(new[] { "Cycle#1", "Cycle#2", "Cycle#3" }, planned.Select(v => v.Key.ToString()));
    }

    [Fact]
    public void A_repeating_visit_that_never_stops_asks_for_a_horizon()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Build(new[] { Repeating("Cycle", 21) }));
        Assert.Contains("horizon", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Visits_on_a_missing_anchor_are_not_planned()
    {
        var visits = new[]
        {
            Repeating("Cycle", 21, max: 2),
            Relative("SafetyFollowUp", "end_of_treatment", 30),
            Repeating("Survival", 84, anchor: "end_of_treatment", max: 20),
        };
        Assert.Equal(new[] { "Cycle#1", "Cycle#2" }, Build(visits).Select(v => v.Key.ToString()));
        Assert.Empty(Build(visits, anchors: new() { ["consent"] = D(2025, 12, 1) }));
    }

    [Fact]
    public void Study_days_are_null_without_the_day_one_anchor()
    {
        var visits = new[] { Relative("SafetyFollowUp", "end_of_treatment", 30) };
        var planned = Assert.Single(Build(visits, anchors: new() { ["end_of_treatment"] = D(2026, 7, 1) }));
        Assert.Null(planned.StudyDay);
        Assert.Equal(D(2026, 7, 31), planned.NominalDate);
    }

    [Fact]
    public void Unscheduled_visits_are_not_planned()
    {
        var unscheduled = new VisitInfo("Unscheduled", "Unscheduled", "unscheduled", "first_dose", null, null, 0, 0, null, null, "fixed",
            Array.Empty<string>(), null, new[] { "Form" }, Array.Empty<string>(), Here);
        Assert.Empty(Build(new[] { unscheduled }));
    }

    [Fact]
    public void Visit_occurrences_read_and_print_as_name_hash_number()
    {
        Assert.Equal(new VisitOccurrence("Cycle", 2), VisitOccurrence.Parse("Cycle#2"));
        Assert.Equal(new VisitOccurrence("Screening", null), VisitOccurrence.Parse("Screening"));
        Assert.Equal("Cycle#2", new VisitOccurrence("Cycle", 2).ToString());
        Assert.Throws<FormatException>(() => VisitOccurrence.Parse("Cycle#0"));
        Assert.Throws<FormatException>(() => VisitOccurrence.Parse("#2"));
    }

    [Fact]
    public void A_repeating_visit_stops_at_a_horizon_at_the_end_of_the_calendar_without_dating_the_occurrence_after_it()
    {
        var anchors = new Dictionary<string, DateTime> { ["first_dose"] = D(9999, 12, 1) };
        var planned = Build(new[] { Repeating("Cycle", every: 21) }, anchors, horizon: D(9999, 12, 31));
        Assert.Equal(new[] { D(9999, 12, 1), D(9999, 12, 22) }, planned.Select(v => v.NominalDate));
        Assert.Equal(D(9999, 12, 25), planned[1].WindowEnd);
    }

    [Fact]
    public void A_first_occurrence_past_the_end_of_the_calendar_is_not_due_before_a_horizon_and_an_error_without_one()
    {
        var anchors = new Dictionary<string, DateTime> { ["first_dose"] = D(9999, 12, 1) };
        Assert.Empty(Build(new[] { Repeating("Scan", every: 42, first: 42) }, anchors, horizon: D(9999, 12, 31)));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Build(new[] { Repeating("Scan", every: 42, max: 3, first: 42) }, anchors));
        Assert.StartsWith("Visit Scan falls outside the calendar (0001-01-01 to 9999-12-31): 42 days from 9999-12-01, counted from first_dose",
            error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9999, 12, 20, "Late", "Visit Late falls outside the calendar (0001-01-01 to 9999-12-31): 29 days from 9999-12-20, counted from first_dose")]
    [InlineData(1, 1, 3, "Screening", "Visit Screening falls outside the calendar (0001-01-01 to 9999-12-31): -28 days from 0001-01-03, counted from first_dose")]
    [InlineData(9999, 12, 1, "Cycle", "Visit Cycle falls outside the calendar (0001-01-01 to 9999-12-31): 21 days from 9999-12-22, counted from first_dose")]
    public void A_visit_due_outside_the_calendar_is_an_error_that_names_it_and_its_anchor(int year, int month, int day, string visit, string message)
    {
        var anchors = new Dictionary<string, DateTime> { ["first_dose"] = D(year, month, day) };
        var visits = new[] { Day("Late", 30), Day("Screening", -28, -1), Repeating("Cycle", every: 21, max: 5) }.Where(v => v.Name == visit).ToArray();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Build(visits, anchors));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_days_stop_at_the_ends_of_the_calendar()
    {
        Assert.True(CalendarDays.TryAdd(D(9999, 12, 30), 1, out var last));
        Assert.Equal(DateTime.MaxValue.Date, last);
        Assert.False(CalendarDays.TryAdd(D(9999, 12, 31), 1, out _));
        Assert.True(CalendarDays.TryAdd(D(1, 1, 2), -1, out var first));
        Assert.Equal(DateTime.MinValue, first);
        Assert.False(CalendarDays.TryAdd(D(1, 1, 1), -1, out _));
        Assert.False(CalendarDays.TryAdd(D(2026, 1, 1), int.MaxValue, out _));
        Assert.False(CalendarDays.TryAdd(D(2026, 1, 1), int.MinValue, out _));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CalendarDays.Add(D(9999, 12, 31), 1));
        Assert.StartsWith("9999-12-31 plus 1 day falls outside the calendar", error.Message, StringComparison.Ordinal);
    }
}
