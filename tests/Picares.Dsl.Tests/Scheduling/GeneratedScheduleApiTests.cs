using System;
using System.Linq;
using Picares.Dsl.Runtime.Scheduling;
using Xunit;
using Schedule = Picares.Protocols.PicaresProtocol.Schedule;

namespace Picares.Dsl.Tests.Scheduling;

/// <summary>The typed schedule API generated for PICARES.</summary>
public class GeneratedScheduleApiTests
{
    [Fact]
    public void Typed_anchors_and_events_plan_the_picares_calendar()
    {
        var calendar = Schedule.Build(
            new Schedule.AnchorDates { FirstDose = new DateTime(2026, 1, 5), EndOfTreatment = new DateTime(2026, 7, 1) },
            new Schedule.EventDates { Progression = new DateTime(2026, 7, 1) });

        var cycles = calendar.Where(v => v.Visit == Schedule.VisitNames.Cycle).ToList();
        Assert.Equal(9, cycles.Count);                                    // cycle 10 would fall after progression
        Assert.Equal(new DateTime(2026, 6, 22), cycles[^1].NominalDate);
        Assert.Equal(169, cycles[^1].StudyDay);
        var safety = Assert.Single(calendar, v => v.Visit == Schedule.VisitNames.SafetyFollowUp);
        Assert.Equal(new DateTime(2026, 7, 31), safety.NominalDate);
        Assert.DoesNotContain(calendar, v => v.Visit == Schedule.VisitNames.Unscheduled);
    }

    [Fact]
    public void Death_ends_every_visit_after_it_and_a_missing_anchor_plans_nothing_on_it()
    {
        var calendar = Schedule.Build(
            new Schedule.AnchorDates { FirstDose = new DateTime(2026, 1, 5) },
            new Schedule.EventDates { Death = new DateTime(2026, 3, 1) });
        Assert.All(calendar, v => Assert.True(v.NominalDate <= new DateTime(2026, 3, 1), v.Key.ToString()));
        Assert.DoesNotContain(calendar, v => v.Visit is Schedule.VisitNames.SafetyFollowUp or Schedule.VisitNames.SurvivalFollowUp);
    }

    [Fact]
    public void An_actual_visit_date_is_checked_against_its_window()
    {
        var calendar = Schedule.Build(new Schedule.AnchorDates { FirstDose = new DateTime(2026, 1, 5) }, horizon: new DateTime(2026, 3, 1));
        var cycle3 = calendar.Single(v => v.Key.ToString() == "Cycle#3");
        var late = WindowCheck.Check(cycle3, new DateTime(2026, 2, 20));
        Assert.Equal((WindowStatus.Late, 1, 47), (late.Status, late.DaysOutside, late.StudyDay));
        Assert.Equal(WindowStatus.InWindow, WindowCheck.Check(cycle3, new DateTime(2026, 2, 13)).Status);
    }

    [Fact]
    public void A_visit_placed_on_an_event_is_planned_once_the_event_has_happened()
    {
        var visits = new[]
        {
            new Picares.Dsl.Runtime.Model.VisitInfo("Post", "After progression", "relative", "progression", null, null, 3, 3, 30, null, "fixed",
                Array.Empty<string>(), null, Array.Empty<string>(), Array.Empty<string>(),
                new Picares.Dsl.Runtime.Model.Origin(Picares.Dsl.Runtime.Model.Provenance.Record, null, new Picares.Dsl.Runtime.Model.SourceLocation("x", 1, 1))),
        };
        var builder = new ScheduleBuilder(visits, "first_dose");
        var anchors = new System.Collections.Generic.Dictionary<string, DateTime> { ["first_dose"] = new(2026, 1, 5) };
        Assert.Empty(builder.Build(new ScheduleRequest { Anchors = anchors }));
        var planned = Assert.Single(builder.Build(new ScheduleRequest { Anchors = anchors, Events = new System.Collections.Generic.Dictionary<string, DateTime> { ["progression"] = new(2026, 5, 1) } }));
        Assert.Equal(new DateTime(2026, 5, 31), planned.NominalDate);
    }
}
