using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Runtime.Scheduling;
using Picares.Dsl.Tests.Infrastructure;
using Picares.Protocols;
using Xunit;

namespace Picares.Dsl.Tests.Scheduling;

/// <summary>The schedule of the generated PICARES protocol, for one subject and as a schedule of activities.</summary>
public class PicaresScheduleTests
{
    private static readonly DateTime FirstDose = new(2026, 1, 5);
    private static readonly DateTime Progression = new(2026, 7, 1);

    private static IReadOnlyList<PlannedVisit> Calendar() =>
        new ScheduleBuilder(PicaresProtocol.Info).Build(new ScheduleRequest
        {
            Anchors = new Dictionary<string, DateTime> { ["first_dose"] = FirstDose, ["end_of_treatment"] = Progression },
            Events = new Dictionary<string, DateTime> { ["progression"] = Progression },
        });

    [Fact]
    public void Calendar_for_first_dose_2026_01_05_and_progression_2026_07_01()
    {
        SnapshotApprover.Verify(CalendarMarkdown.Render(Calendar()), "md");
    }

    [Fact]
    public void Progression_on_day_178_stops_cycles_after_cycle_9_and_imaging_after_assessment_4()
    {
        var calendar = Calendar();
        Assert.Equal(9, calendar.Count(v => v.Visit == "Cycle"));
        // Tumor assessments from week 6: days 43, 85, 127 and 169.
        Assert.Equal(new int?[] { 43, 85, 127, 169 }, calendar.Where(v => v.Visit == "Imaging").Select(v => v.StudyDay));
        Assert.Equal(178, Runtime.Scheduling.StudyDay.FromDate(FirstDose, Progression));
        Assert.Equal(20, calendar.Count(v => v.Visit == "SurvivalFollowUp"));
        var safety = Assert.Single(calendar, v => v.Visit == "SafetyFollowUp");
        Assert.Equal(new DateTime(2026, 7, 31), safety.NominalDate);
        Assert.Equal(208, safety.StudyDay);
        Assert.DoesNotContain(calendar, v => v.Visit == "Unscheduled");
    }

    [Fact]
    public void Before_end_of_treatment_only_the_treatment_visits_are_planned()
    {
        var calendar = new ScheduleBuilder(PicaresProtocol.Info).Build(new ScheduleRequest
        {
            Anchors = new Dictionary<string, DateTime> { ["first_dose"] = FirstDose },
            Horizon = new DateTime(2026, 3, 31),
        });
        // The first tumor assessment is in week 6 (day 43), on the day of cycle 3, which is declared first.
        Assert.Equal(new[] { "Screening", "Cycle#1", "Cycle#2", "Cycle#3", "Imaging#1", "Cycle#4", "Cycle#5", "Imaging#2" },
            calendar.Select(v => v.Key.ToString()));
    }

    [Fact]
    public void Death_during_survival_follow_up_ends_it()
    {
        var death = new DateTime(2027, 1, 10);
        var calendar = new ScheduleBuilder(PicaresProtocol.Visits.All, PicaresProtocol.Info.Study.DayOneAnchor).Build(new ScheduleRequest
        {
            Anchors = new Dictionary<string, DateTime> { ["first_dose"] = FirstDose, ["end_of_treatment"] = Progression },
            Events = new Dictionary<string, DateTime> { ["progression"] = Progression, ["death"] = death },
        });
        Assert.Equal(new DateTime(2026, 12, 16), calendar.Last().NominalDate); // survival follow-up 3
        Assert.Equal(3, calendar.Count(v => v.Visit == "SurvivalFollowUp"));
    }

    [Fact]
    public void Schedule_of_activities_markdown()
    {
        SnapshotApprover.Verify(ScheduleOfActivities.ToMarkdown(PicaresProtocol.Info), "md");
    }

    [Fact]
    public void Schedule_of_activities_html()
    {
        SnapshotApprover.Verify(ScheduleOfActivities.ToHtml(PicaresProtocol.Info), "html");
    }
}
