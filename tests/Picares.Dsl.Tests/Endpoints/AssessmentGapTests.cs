using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Picares.Dsl.Compiler;
using Picares.Dsl.Runtime.Endpoints;
using Picares.Dsl.Testing;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

using static Picares.Dsl.Tests.Endpoints.SubjectRecords;

namespace Picares.Dsl.Tests.Endpoints;

/// <summary>
/// <c>censor_after_gap</c>: a time-to-event event that follows missed tumour assessments is censored at the last adequate
/// one. The derivation at its boundary day, for progression and death, without an adequate assessment; the statement bound
/// on time_to_event endpoints only, every misuse at its span; the generated definition.
/// </summary>
public class AssessmentGapTests
{
    private static readonly TimeToEventDefinition Pfs = new("PFS", "first_dose", Progression: true, Death: true, CensoringRule.LastAssessment, CensorAfterGapDays: 91);

    [Theory]
    [InlineData(133, true)]    // 91 days after the SD of day 42: counted
    [InlineData(134, false)]   // 92 days: two scans missed, censored at day 42
    public void A_progression_more_than_the_gap_after_the_last_adequate_assessment_is_censored_there(int pdDay, bool counted)
    {
        var s = TimeToEventEndpoint.Derive(Pfs, "A", Start, new[] { R(1, 42, "SD"), R(2, 84, "NE"), R(3, pdDay, "PD") }, Array.Empty<VitalStatusRecord>());
        if (counted)
        {
            Assert.Equal(("progression", (double)pdDay, true), (s.Event, s.Observation!.Value.TimeInDays, s.Observation.Value.Event));
            return;
        }
        Assert.Equal(((string?)null, 42.0, false), (s.Event, s.Observation!.Value.TimeInDays, s.Observation.Value.Event));
        Assert.Equal(Day(42), s.Date);
        Assert.Equal(1, ((ResponseRecord)Assert.Single(s.Used)).Occurrence); // the NE of day 84 is not adequate
        Assert.Equal("censored at the last adequate assessment, TumorAssessment#1: the progression on 2026-05-19 came 92 days after it, " +
            "more than the 91 days censor_after_gap allows", s.Basis);
    }

    [Fact]
    public void A_death_after_the_gap_is_censored_too_and_without_an_adequate_assessment_at_the_start()
    {
        var death = TimeToEventEndpoint.Derive(Pfs, "B", Start, new[] { R(1, 42, "PR") }, new[] { V(1, 200, "dead", 180) });
        Assert.Equal(((string?)null, 42.0), (death.Event, death.Observation!.Value.TimeInDays));

        var none = TimeToEventEndpoint.Derive(Pfs, "C", Start, new[] { R(1, 40, "NE"), R(2, 100, "PD") }, Array.Empty<VitalStatusRecord>());
        Assert.Equal(((string?)null, 0.0, false), (none.Event, none.Observation!.Value.TimeInDays, none.Observation.Value.Event));
        Assert.Empty(none.Used);
        Assert.StartsWith("censored at the start, with no adequate assessment on or before its day", none.Basis, StringComparison.Ordinal);

        // Within the gap from the start, an early progression is an event.
        var early = TimeToEventEndpoint.Derive(Pfs, "D", Start, new[] { R(1, 42, "PD") }, Array.Empty<VitalStatusRecord>());
        Assert.Equal(("progression", 42.0), (early.Event, early.Observation!.Value.TimeInDays));
    }

    [Fact]
    public void An_adequate_assessment_on_the_day_of_the_event_counts_as_the_last_one()
    {
        // SD read on the day of death: nothing was missed.
        var sameDay = TimeToEventEndpoint.Derive(Pfs, "E", Start, new[] { R(1, 42, "SD"), R(2, 150, "SD") }, new[] { V(1, 150, "dead", 150) });
        Assert.Equal(("death", 150.0), (sameDay.Event, sameDay.Observation!.Value.TimeInDays));
    }

    [Fact]
    public void A_death_known_only_by_its_contact_date_is_censored_after_a_gap_too()
    {
        var noDate = TimeToEventEndpoint.Derive(Pfs, "F", Start, new[] { R(1, 42, "SD") }, new[] { V(1, 200, "dead") });
        Assert.Equal(((string?)null, 42.0), (noDate.Event, noDate.Observation!.Value.TimeInDays));
    }

    [Fact]
    public void Without_an_adequate_assessment_the_gap_runs_from_the_start()
    {
        // From the start, without an adequate assessment: exactly the gap counts, a day more is censored at day 0.
        Assert.Equal("progression", TimeToEventEndpoint.Derive(Pfs, "G", Start, new[] { R(1, 91, "PD") }, Array.Empty<VitalStatusRecord>()).Event);
        var late = TimeToEventEndpoint.Derive(Pfs, "H", Start, new[] { R(1, 92, "PD") }, Array.Empty<VitalStatusRecord>());
        Assert.Equal(((string?)null, 0.0), (late.Event, late.Observation!.Value.TimeInDays));
    }

    [Fact]
    public void Without_the_rule_the_same_event_counts()
    {
        var records = new[] { R(1, 42, "SD"), R(2, 200, "PD") };
        Assert.Equal("progression", TimeToEventEndpoint.Derive(Pfs with { CensorAfterGapDays = null }, "A", Start, records, Array.Empty<VitalStatusRecord>()).Event);
        Assert.Null(TimeToEventEndpoint.Derive(Pfs, "A", Start, records, Array.Empty<VitalStatusRecord>()).Event);
    }

    private const string Forms =
        "event death \"Death\" terminal\n" +
        TestProtocols.TumorForm + TestProtocols.SurvivalForm +
        "visit Scan { every 6 weeks from first_dose + 6 weeks; max 4; until progression or death; collect Tumor }\n" +
        "visit Call { every 12 weeks from first_dose; until death; max 8; collect Survival }\n";

    private static string Tte(string statements, string data = "Tumor.scan, Tumor.response, Survival.contact, Survival.status", string events = "progression or death") =>
        TestProtocols.With(Forms + $"endpoint PFS secondary \"PFS\" {{\n  kind time_to_event\n  data {data}\n  start first_dose\n  event {events}\n  censor_at last_assessment\n  {statements}}}\n");

    [Theory]
    [InlineData("censor_after_gap 13 weeks\n", 91)]
    [InlineData("censor_after_gap 100 days\n", 100)]
    [InlineData("", null)]
    public void The_gap_is_bound_in_whole_days(string statements, int? days)
    {
        var result = ProtocolCompiler.Compile(Tte(statements));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(days, result.Model!.Endpoints.Single(e => e.Name == "PFS").CensorAfterGapDays);
    }

    [Theory]
    [InlineData("censor_after_gap {|PIC2006:91|}\n")]
    [InlineData("censor_after_gap {|PIC2011:3 months|}\n")]
    [InlineData("censor_after_gap {|PIC1003:0 days|}\n")]
    [InlineData("{|PIC1003:censor_after_gap|}\n")]
    [InlineData("censor_after_gap 13 weeks\n  {|PIC1007:censor_after_gap|} 12 weeks\n")]
    public void A_malformed_gap_is_reported_at_its_span(string statements)
    {
        var (text, expected) = Markup.Parse(Tte(statements));
        var result = ProtocolCompiler.Compile(text, "case.protocol");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, result.Diagnostics.Select(d => (d.Id, d.Span)).ToList());
    }

    [Fact]
    public void The_gap_needs_the_tumour_assessments_and_a_time_to_event_endpoint()
    {
        // Overall survival from vital status alone has no assessments to measure a gap from.
        var (text, expected) = Markup.Parse(Tte("censor_after_gap {|PIC2015:13 weeks|}\n", data: "Survival.contact, Survival.status", events: "death")
            .Replace("censor_at last_assessment", "censor_at last_known_alive"));
        Assert.Equal(expected, ProtocolCompiler.Compile(text).Diagnostics.Select(d => (d.Id, d.Span)).ToList());

        var orr = TestProtocols.With(Forms + "endpoint ORR primary \"ORR\" {\n  kind objective_response\n  data Tumor.scan, Tumor.response\n  censor_after_gap 13 weeks\n}\n");
        var d = Assert.Single(ProtocolCompiler.Compile(orr).Diagnostics);
        Assert.Equal(("PIC1002", "censor_after_gap"), (d.Id, orr.Substring(d.Span.Start, d.Span.Length)));
        Assert.Contains("it is for time_to_event endpoints (censoring of an event after missed assessments)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_definition_carries_the_gap_and_compiles_with_warnings_as_errors()
    {
        var (result, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/pfs.protocol", Tte("censor_after_gap 13 weeks\n")));
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(x => x.Severity >= DiagnosticSeverity.Warning));
        var text = Assert.Single(result.Results.Single().GeneratedSources).SourceText.ToString();
        Assert.Contains("CensoringRule.LastAssessment, 91);", text, StringComparison.Ordinal);
        Assert.Contains("censored at last_assessment (an event more than 91 days after the last adequate assessment censored at that assessment)", text, StringComparison.Ordinal);
        Assert.Contains("), null, null, 91);", text, StringComparison.Ordinal); // the model's EndpointInfo states the gap too

        // With another censoring rule, the summary still says where an event after a gap is censored.
        var alive = Tte("censor_after_gap 13 weeks\n").Replace("censor_at last_assessment", "censor_at last_known_alive");
        var (aliveResult, _, aliveDiagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/pfs.protocol", alive));
        Assert.Empty(aliveDiagnostics);
        Assert.Contains("censored at last_known_alive (an event more than 91 days after the last adequate assessment censored at that assessment)",
            Assert.Single(aliveResult.Results.Single().GeneratedSources).SourceText.ToString(), StringComparison.Ordinal);
    }
}
