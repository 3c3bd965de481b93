using System;
using Picares.Dsl.Runtime.Model;
using Picares.Dsl.Runtime.Scheduling;
using Picares.Protocols;
using Xunit;

namespace Picares.Dsl.Tests.Scheduling;

public class ScheduleOfActivitiesTests
{
    [Fact]
    public void Text_is_escaped_in_html_and_markdown()
    {
        var origin = new Origin(Provenance.Record, null, new SourceLocation("t.protocol", 1, 1));
        var visit = new VisitInfo("V", "Visit <1> & \"2\"", "day", "first_dose", 1, null, 0, 0, null, null, "fixed", Array.Empty<string>(), null,
            new[] { "F" }, new[] { "Blood | <script>alert('x')</script>" }, origin);
        var form = new FormInfo("F", "A|B <form>", false, Array.Empty<FieldInfo>(), origin);
        var protocol = PicaresProtocol.Info with { Visits = new[] { visit }, Forms = new[] { form } };

        var html = ScheduleOfActivities.ToHtml(protocol);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form>", html, StringComparison.Ordinal);
        Assert.Contains("Visit &lt;1&gt; &amp; &quot;2&quot;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);

        var markdown = ScheduleOfActivities.ToMarkdown(protocol);
        Assert.Contains(@"| A\|B &lt;form&gt; (F) | X |", markdown, StringComparison.Ordinal);
        Assert.Contains(@"| *Blood \| &lt;script&gt;alert('x')&lt;/script&gt;* | X |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Visits_are_columns_in_declaration_order_and_forms_come_before_activities()
    {
        var matrix = ScheduleOfActivities.From(PicaresProtocol.Info);
        Assert.Equal(PicaresProtocol.Visits.All, matrix.Visits);
        Assert.Equal(PicaresProtocol.Forms.All.Count + 1, matrix.Rows.Count);
        Assert.False(matrix.Rows[matrix.Rows.Count - 1].IsForm);
        Assert.Equal("Informed consent (Consent)", matrix.Rows[0].Title);
        Assert.Equal(new[] { true, false, false, false, false, false }, matrix.Rows[0].Marks);
    }

    [Theory]
    [InlineData("Screening", "Day -28..-1", "")]
    [InlineData("Cycle", "Every 21 days from first_dose until progression or death, max 35", "±3 days")]
    [InlineData("SafetyFollowUp", "end_of_treatment + 30 days", "±7 days")]
    [InlineData("Unscheduled", "Unscheduled", "")]
    public void Timing_and_window_read_as_written(string name, string timing, string window)
    {
        var visit = Array.Find(System.Linq.Enumerable.ToArray(PicaresProtocol.Visits.All), v => v.Name == name)!;
        Assert.Equal(timing, VisitTiming.Describe(visit));
        Assert.Equal(window, VisitTiming.Window(visit));
    }
}
