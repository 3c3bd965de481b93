using System;
using System.IO;
using Picares.Samples;
using Xunit;

namespace Picares.Dsl.Tests.Model;

/// <summary>The sample's <c>model</c> command: the protocol as the generated model describes it, in the runtime's words.</summary>
public class ProtocolOverviewTests
{
    private static string Overview()
    {
        var output = new StringWriter();
        ProtocolOverview.Print(output);
        return output.ToString();
    }

    [Fact]
    public void Visits_are_described_as_the_schedule_of_activities_describes_them()
    {
        var text = Overview();
        // The first tumor assessment in week 6, as the protocol states it.
        Assert.Contains("  Tumor assessment: Every 42 days from first_dose + 42 days until progression or death, max 17, window ±7 days; collects TumorAssessment, Biospecimens  [assumed]",
            text, StringComparison.Ordinal);
        Assert.Contains("  Safety follow-up: end_of_treatment + 30 days, window ±7 days; collects AdverseEvents, SubsequentTherapy  [assumed]", text, StringComparison.Ordinal);
        Assert.Contains("  Unscheduled visit: Unscheduled; collects AdverseEvents, TumorAssessment  [assumed]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_state_the_rules_their_derivations_apply()
    {
        var text = Overview();
        Assert.Contains("  primary     ORR: objective response rate [objective_response]; CR and PR confirmed at least 28 days later; SD from 35 days after first_dose",
            text, StringComparison.Ordinal);
        Assert.Contains("  secondary   PFS: progression free survival(PFS) [time_to_event]; an event more than 98 days after the last adequate assessment censored there; " +
            "censored at a new anticancer therapy (SubsequentTherapy.start_date)",
            text, StringComparison.Ordinal);
        Assert.Contains("  secondary   OS: overall survial [time_to_event]" + Environment.NewLine, text, StringComparison.Ordinal);
    }
}
