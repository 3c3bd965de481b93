using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Consistency;

/// <summary>
/// PIC4019: an objective-response endpoint's minimum for stable disease against the earliest day its first tumor
/// assessment may be done, window included, at its boundaries and for each kind of visit timing.
/// </summary>
public class StableDiseaseCheckTests
{
    private const string Tumor =
        "event death \"Death\" terminal\n" +
        TestProtocols.TumorForm;

    private static (string Id, string At, string Message)[] Check(string visits, string minimum, string start = "first_dose")
    {
        var text = TestProtocols.With(Tumor + visits + "\n" +
            $"endpoint ORR primary \"ORR\" {{\n  kind objective_response\n  data Tumor.scan, Tumor.response\n  start {start}\n  stable_disease_minimum {minimum}\n}}\n");
        var diagnostics = ProtocolCompiler.Compile(text).Diagnostics;
        Assert.All(diagnostics, d => Assert.StartsWith("PIC4", d.Id, System.StringComparison.Ordinal));
        return diagnostics.Where(d => d.Id == "PIC4019").Select(d => (d.Id, text.Substring(d.Span.Start, d.Span.Length), d.Message)).ToArray();
    }

    private const string Imaging = "visit Imaging { every 6 weeks from first_dose + 6 weeks; window -7..+7 days; max 17; collect Tumor }";

    [Theory]
    [InlineData("35 days", false)]   // the first scan may be done on day 36, 35 days after the first dose: SD read then counts
    [InlineData("5 weeks", false)]
    [InlineData("36 days", true)]    // one day more, and SD read on day 36 is NE
    [InlineData("6 weeks", true)]
    public void The_minimum_may_reach_the_first_day_of_the_first_scans_window_and_no_further(string minimum, bool reported)
    {
        var found = Check(Imaging, minimum);
        Assert.Equal(reported, found.Length == 1);
        if (reported) Assert.Equal(minimum, found[0].At);
    }

    [Fact]
    public void The_message_names_the_visit_the_day_and_the_longest_minimum_that_fits()
    {
        var (_, _, message) = Assert.Single(Check(Imaging, "6 weeks"));
        Assert.Equal("Endpoint ORR counts stable disease only from 42 days after first_dose, but visit Imaging may assess Tumor 35 days after " +
            "first_dose (day 36 from first_dose), inside its window; stable disease read that early would be NE; use 'stable_disease_minimum 35 days' or less, " +
            "or narrow the visit's window", message);
    }

    [Theory]
    // Occurrence 1 on the first dose's day is a baseline: the first assessment after it is occurrence 2, from day 36.
    [InlineData("visit Imaging { every 6 weeks from first_dose; window -7..+7 days; max 17; collect Tumor }", "6 weeks", true)]
    [InlineData("visit Imaging { every 6 weeks from first_dose; window -7..+7 days; max 1; collect Tumor }", "6 weeks", false)] // no later scan
    // Counted from the previous one's actual date, the second scan may follow an early baseline by 6 weeks less 7 days, and
    // itself be 7 days early: day 29, 28 days after the start.
    [InlineData("visit Imaging { every 6 weeks from first_dose; window -7..+7 days; anchoring actual; max 17; collect Tumor }", "29 days", true)]
    [InlineData("visit Imaging { every 6 weeks from first_dose; window -7..+7 days; anchoring actual; max 17; collect Tumor }", "28 days", false)]
    [InlineData("visit Week6 { day 43; window -3..+3 days; collect Tumor }", "6 weeks", true)]             // from day 40, 39 days
    [InlineData("visit Week6 { day 43; window -3..+3 days; collect Tumor }", "39 days", false)]
    [InlineData("visit Week6 { at first_dose + 42 days; window -3..+3 days; collect Tumor }", "40 days", true)]
    [InlineData("visit Week6 { at first_dose + 42 days; window -3..+3 days; collect Tumor }", "39 days", false)]
    // The earliest of several visits counts, each for the form it collects.
    [InlineData("visit Week4 { day 29; collect Tumor }\nvisit Scan { every 8 weeks from first_dose + 8 weeks; max 9; collect Tumor }", "6 weeks", true)]
    [InlineData("visit Week4 { day 29; collect Vitals }\nvisit Scan { every 8 weeks from first_dose + 8 weeks; max 9; collect Tumor }", "6 weeks", false)]
    // Visits on another anchor, or unscheduled, say nothing about the days after the start.
    [InlineData("visit Scan { every 6 weeks from enrollment + 6 weeks; window -7..+7 days; max 17; collect Tumor }", "6 weeks", false)]
    [InlineData("visit Scan { unscheduled; collect Tumor }\n" + "visit Late { day 100; collect Tumor }", "6 weeks", false)]
    public void The_first_assessment_is_the_earliest_visit_wholly_after_the_start(string visits, string minimum, bool reported)
    {
        Assert.Equal(reported, Check(visits, minimum).Length == 1);
    }

    [Fact]
    public void Picares_first_scan_fits_its_minimum()
    {
        var text = System.IO.File.ReadAllText(System.IO.Path.Combine(Repository.Root, "protocols", "PICARES.protocol"));
        Assert.DoesNotContain(ProtocolCompiler.Compile(text, "PICARES.protocol").Diagnostics, d => d.Id == "PIC4019");
        // Its minimum is 5 weeks against a first scan from day 36: one more week would be reported.
        var longer = text.Replace("stable_disease_minimum 5 weeks", "stable_disease_minimum 6 weeks");
        Assert.NotEqual(text, longer);
        Assert.Contains(ProtocolCompiler.Compile(longer, "PICARES.protocol").Diagnostics, d => d.Id == "PIC4019");
    }
}
