using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Runtime.Model;
using Picares.Dsl.Runtime.Scheduling;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Scheduling;

/// <summary>
/// <c>every D from A + O</c>: a repeating visit whose first occurrence is O days after its anchor (tumor assessments every
/// 6 weeks, the first in week 6), bound, checked and described; the runtime's dates are in <see cref="ScheduleBuilderTests"/>.
/// </summary>
public class FirstOccurrenceTests
{
    private static CompilationResult Compile(string visit) =>
        ProtocolCompiler.Compile(TestProtocols.With(visit + "\n"));

    [Theory]
    [InlineData("every 6 weeks from first_dose + 6 weeks", 42, "first_dose", 42)]
    [InlineData("every 21 days from enrollment + 10 days", 21, "enrollment", 10)]
    [InlineData("every 21 days from first_dose + 0 days", 21, "first_dose", 0)]
    [InlineData("every 21 days from first_dose", 21, "first_dose", null)]
    [InlineData("every 21 days", 21, "first_dose", null)]
    public void The_first_occurrence_is_the_duration_after_the_anchor(string timing, int every, string anchor, int? first)
    {
        var result = Compile($"visit Scan {{ {timing}; window -3..+3 days; max 4; collect Vitals }}");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var scan = result.Model!.Visits.Single(v => v.Name == "Scan");
        Assert.Equal(("repeating", anchor, first, every), (scan.Timing, scan.Anchor, scan.OffsetDays, scan.EveryDays!.Value));
    }

    [Theory]
    // A repetition starts on or after its anchor: a visit before it is a 'day -n' visit.
    [InlineData("every 21 days from first_dose - 7 days; max 4", "PIC1003", "first_dose - 7 days")]
    [InlineData("every 21 days from first_dose + 3; max 4", "PIC2006", "3")]
    [InlineData("every 21 days from first_dose + 1 months; max 4", "PIC2011", "1 months")]
    [InlineData("every 21 days from first_dose + 2 kg; max 4", "PIC2011", "2 kg")]
    [InlineData("every 21 days from first_dose + 36501 days; max 4", "PIC1003", "36501 days")]
    [InlineData("every 21 days from first_dos + 6 weeks; max 4", "PIC1005", "first_dos")]
    [InlineData("every 21 days from progression + 6 weeks; max 4", "PIC1005", "progression")]
    // The last occurrence stays within 36500 days of the anchor, the first's offset included: 36000 + 500 x 1.
    [InlineData("every 1 days from first_dose + 36000 days; max 502", "PIC1003", "502")]
    public void A_malformed_first_occurrence_is_reported_where_it_is_written(string timing, string id, string at)
    {
        var text = TestProtocols.With($"visit Scan {{ {timing}; collect Vitals }}\n");
        var found = ProtocolCompiler.Compile(text).Diagnostics.Select(d => (d.Id, At: text.Substring(d.Span.Start, d.Span.Length), d.Message)).ToArray();
        var d = Assert.Single(found);
        Assert.Equal((id, at), (d.Id, d.At));
        if (id == "PIC1003" && at == "502") Assert.Contains("at most 501 occurrences of a visit every 1 days, the first 36000 days after it,", d.Message);
        if (id == "PIC1003" && at.StartsWith("first_dose"))
            Assert.Equal("'every' takes a first occurrence on or after its anchor, '+ <fixed duration>' of up to 36500 days (a visit before the anchor " +
                "is 'day -n from first_dose'); write it as: every 6 weeks from first_dose + 6 weeks", d.Message);
    }

    [Fact]
    public void A_minus_with_nothing_after_it_is_only_the_syntax_error()
    {
        var text = TestProtocols.With("visit Scan { every 21 days from first_dose -; max 4; collect Vitals }\n");
        Assert.Equal(new[] { "PIC0005" }, ProtocolCompiler.Compile(text).Diagnostics.Select(d => d.Id).ToArray());
    }

    [Fact]
    public void The_most_occurrences_with_a_first_offset_are_accepted()
    {
        var result = Compile("visit Scan { every 1 days from first_dose + 36000 days; max 501; collect Vitals }");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void The_schedule_of_activities_says_when_the_first_occurrence_is()
    {
        var here = new Origin(Provenance.Record, null, new SourceLocation("t.protocol", 1, 1));
        VisitInfo Scan(int? first) => new("Imaging", "Imaging", "repeating", "first_dose", null, null, 7, 7, first, 42, "fixed",
            new[] { "progression" }, 17, new[] { "TumorAssessment" }, System.Array.Empty<string>(), here);
        Assert.Equal("Every 42 days from first_dose + 42 days until progression, max 17", VisitTiming.Describe(Scan(42)));
        Assert.Equal("Every 42 days from first_dose until progression, max 17", VisitTiming.Describe(Scan(null)));
        Assert.Equal("Every 42 days from first_dose until progression, max 17", VisitTiming.Describe(Scan(0)));
    }
}
