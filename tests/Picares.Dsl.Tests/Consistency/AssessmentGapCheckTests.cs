using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Consistency;

/// <summary>
/// PIC4020: a time-to-event endpoint's <c>censor_after_gap</c> against the longest time between two on-time tumor
/// assessments, at its boundary, with the first assessment's offset, several visits and visits on another anchor.
/// </summary>
public class AssessmentGapCheckTests
{
    private const string Tumor =
        "event death \"Death\" terminal\n" +
        TestProtocols.TumorForm;

    private static (string Id, string At, string Message)[] Check(string visits, string gap)
    {
        var text = TestProtocols.With(Tumor + visits + "\n" +
            "endpoint PFS secondary \"PFS\" {\n  kind time_to_event\n  data Tumor.scan, Tumor.response\n  start first_dose\n  event progression\n" +
            $"  censor_at last_assessment\n  censor_after_gap {gap}\n}}\n");
        var diagnostics = ProtocolCompiler.Compile(text).Diagnostics;
        Assert.All(diagnostics, d => Assert.StartsWith("PIC4", d.Id, System.StringComparison.Ordinal));
        return diagnostics.Where(d => d.Id == "PIC4020").Select(d => (d.Id, text.Substring(d.Span.Start, d.Span.Length), d.Message)).ToArray();
    }

    private const string Imaging = "visit Imaging { every 6 weeks from first_dose + 6 weeks; window -7..+7 days; until progression or death; max 17; collect Tumor }";

    [Theory]
    [InlineData("55 days", true)]    // one scan early in its window, the next late in its own: 42 + 7 + 7 = 56 days apart
    [InlineData("56 days", false)]
    [InlineData("14 weeks", false)]  // two intervals and both sides of the window: what PICARES states
    public void The_gap_must_cover_two_on_time_scans_as_far_apart_as_their_windows_allow(string gap, bool reported)
    {
        var found = Check(Imaging, gap);
        Assert.Equal(reported, found.Length == 1);
        if (reported) Assert.Equal(gap, found[0].At);
    }

    [Fact]
    public void The_message_says_how_far_apart_on_time_scans_may_be_and_what_to_write()
    {
        var (_, _, message) = Assert.Single(Check(Imaging, "6 weeks"));
        Assert.Equal("Endpoint PFS censors an event more than 42 days after the last adequate assessment or the start, but at visit Imaging, " +
            "which collects Tumor, two on-time assessments may be 56 days apart (every 42 days, window -7..+7 days); an event found on time would be " +
            "censored; use at least 56 days: 'censor_after_gap 98 days' also lets one missed assessment pass", message);
    }

    [Fact]
    public void When_the_first_assessment_is_the_furthest_the_message_says_so_and_suggests_a_gap_that_covers_it()
    {
        // The first scan late in week 20 is 147 days after the start, more than two intervals and the window (98 days); with
        // it missed, the second on time is 140 + 42 + 7 = 189 days after the start.
        var (_, _, message) = Assert.Single(Check(
            "visit Imaging { every 6 weeks from first_dose + 20 weeks; window -7..+7 days; until progression or death; max 17; collect Tumor }", "14 weeks"));
        Assert.Equal("Endpoint PFS censors an event more than 98 days after the last adequate assessment or the start, but at visit Imaging, " +
            "which collects Tumor, an on-time first assessment may come 147 days after first_dose (due 140 days after it, window -7..+7 days); an event " +
            "found on time would be censored; use at least 147 days: 'censor_after_gap 189 days' also lets one missed assessment pass", message);
    }

    [Theory]
    // From the start to a first scan late in week 12: 84 + 7 days.
    [InlineData("visit Imaging { every 6 weeks from first_dose + 12 weeks; window -7..+7 days; until progression or death; max 17; collect Tumor }", "90 days", true)]
    [InlineData("visit Imaging { every 6 weeks from first_dose + 12 weeks; window -7..+7 days; until progression or death; max 17; collect Tumor }", "91 days", false)]
    // Of two schedules of the form, the denser one is what a subject may follow.
    [InlineData("visit Imaging { every 6 weeks from first_dose; until progression or death; max 17; collect Tumor }\n" +
                "visit Slow { every 12 weeks from first_dose; until progression or death; max 9; collect Tumor }", "6 weeks", false)]
    // A visit that happens once says nothing about the time between two, and does not hide a schedule beside it.
    [InlineData("visit Imaging { every 6 weeks from first_dose + 6 weeks; window -7..+7 days; max 1; collect Tumor }", "1 days", false)]
    [InlineData("visit Once { every 6 weeks from first_dose; max 1; collect Tumor }\n" + Imaging, "50 days", true)]
    // Counted from the previous one's actual date: the interval and the later side (the first scan, 14 + 7 days, is nearer).
    [InlineData("visit Imaging { every 6 weeks from first_dose + 2 weeks; window -7..+7 days; anchoring actual; until progression or death; max 17; collect Tumor }", "48 days", true)]
    [InlineData("visit Imaging { every 6 weeks from first_dose + 2 weeks; window -7..+7 days; anchoring actual; until progression or death; max 17; collect Tumor }", "49 days", false)]
    // Scans on another anchor, or once, say nothing about the time between scans after the start.
    [InlineData("visit Imaging { every 6 weeks from enrollment; until progression or death; max 17; collect Tumor }", "1 days", false)]
    [InlineData("visit Imaging { day 43; collect Tumor }", "1 days", false)]
    public void The_schedule_compared_is_each_repeating_visit_on_the_start_that_collects_the_response(string visits, string gap, bool reported)
    {
        Assert.Equal(reported, Check(visits, gap).Length == 1);
    }

    [Fact]
    public void With_actual_anchoring_the_message_says_the_interval_counts_from_the_previous_actual_date()
    {
        var (_, _, message) = Assert.Single(Check(
            "visit Imaging { every 6 weeks from first_dose + 2 weeks; window -7..+7 days; anchoring actual; until progression or death; max 17; collect Tumor }", "6 weeks"));
        Assert.Contains("two on-time assessments may be 49 days apart (every 42 days from the previous one's actual date, window -7..+7 days)", message, System.StringComparison.Ordinal);
        Assert.EndsWith("use at least 49 days: 'censor_after_gap 91 days' also lets one missed assessment pass", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Picares_gap_covers_its_scans()
    {
        var text = System.IO.File.ReadAllText(System.IO.Path.Combine(Repository.Root, "protocols", "PICARES.protocol"));
        Assert.DoesNotContain(ProtocolCompiler.Compile(text, "PICARES.protocol").Diagnostics, d => d.Id == "PIC4020");
        var shorter = text.Replace("censor_after_gap 14 weeks", "censor_after_gap 7 weeks");
        Assert.NotEqual(text, shorter);
        Assert.Contains(ProtocolCompiler.Compile(shorter, "PICARES.protocol").Diagnostics, d => d.Id == "PIC4020");
    }
}
