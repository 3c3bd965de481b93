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
/// <c>censor_at_new_therapy</c>: a subject who starts a new anticancer therapy before the event (or has none) is censored
/// at the last adequate tumour assessment on or before its start. The derivation at its boundary day and with records it
/// cannot use; the statement bound on time_to_event endpoints only, with its field among the data, every misuse at its span.
/// </summary>
public class NewTherapyCensoringTests
{
    private static readonly TimeToEventDefinition Pfs = new("PFS", "first_dose", Progression: true, Death: true, CensoringRule.LastAssessment);

    [Theory]
    [InlineData(100, true)]    // therapy on the day of the progression: the progression counts
    [InlineData(99, false)]    // the day before: censored at the SD of day 84
    public void A_therapy_before_the_event_censors_at_the_last_adequate_assessment_on_or_before_it(int therapyDay, bool counted)
    {
        var s = TimeToEventEndpoint.Derive(Pfs, "A", Start, new[] { R(1, 42, "PR"), R(2, 84, "SD"), R(3, 100, "PD") }, Array.Empty<VitalStatusRecord>(),
            newTherapies: new[] { T(1, therapyDay) });
        if (counted)
        {
            Assert.Equal(("progression", 100.0), (s.Event, s.Observation!.Value.TimeInDays));
            return;
        }
        Assert.Equal(((string?)null, 84.0, false), (s.Event, s.Observation!.Value.TimeInDays, s.Observation.Value.Event));
        Assert.Equal(new[] { "TumorAssessment#2", "SubsequentTherapy#1" }, s.Used.Select(r => r.Reference));
        Assert.Equal("censored at the last adequate assessment, TumorAssessment#2, on or before the new anticancer therapy of 2026-04-14 (SubsequentTherapy#1)", s.Basis);
    }

    [Fact]
    public void Without_an_event_the_therapy_still_censors_and_the_earliest_one_counts()
    {
        // The censoring rule alone would take the SD of day 126; the therapy of day 90 (the earlier of two) comes first.
        var s = TimeToEventEndpoint.Derive(Pfs, "B", Start, new[] { R(1, 42, "SD"), R(2, 126, "SD") }, Array.Empty<VitalStatusRecord>(),
            newTherapies: new[] { T(2, 150), T(1, 90) });
        Assert.Equal(((string?)null, 42.0), (s.Event, s.Observation!.Value.TimeInDays));
        Assert.Equal("SubsequentTherapy#1", s.Used.Last().Reference);

        // With no adequate assessment before it, at the start.
        var none = TimeToEventEndpoint.Derive(Pfs, "C", Start, new[] { R(1, 42, "NE") }, Array.Empty<VitalStatusRecord>(), newTherapies: new[] { T(1, 60) });
        Assert.Equal(0.0, none.Observation!.Value.TimeInDays);
        Assert.StartsWith("censored at the start, with no adequate assessment on or before the new anticancer therapy", none.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void A_therapy_before_a_death_censors_it_and_one_after_the_event_leaves_the_gap_rule_its_say()
    {
        var statuses = new[] { new VitalStatusRecord("SurvivalStatus", 1, Day(150), "dead", Day(150)) };
        var death = TimeToEventEndpoint.Derive(Pfs, "E", Start, new[] { R(1, 42, "SD") }, statuses, newTherapies: new[] { T(1, 60) });
        Assert.Equal(((string?)null, 42.0), (death.Event, death.Observation!.Value.TimeInDays));

        // The therapy after the progression leaves the event to the other rules: here, a gap of 91 days censors it.
        var gapped = TimeToEventEndpoint.Derive(Pfs with { CensorAfterGapDays = 91 }, "F", Start, new[] { R(1, 42, "SD"), R(2, 140, "PD") },
            Array.Empty<VitalStatusRecord>(), newTherapies: new[] { T(1, 150) });
        Assert.Equal(((string?)null, 42.0), (gapped.Event, gapped.Observation!.Value.TimeInDays));
        Assert.Contains("censor_after_gap", gapped.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Therapies_without_a_date_before_the_start_or_after_the_cutoff_are_not_used()
    {
        var s = TimeToEventEndpoint.Derive(Pfs, "D", Start, new[] { R(1, 42, "SD"), R(2, 84, "PD") }, Array.Empty<VitalStatusRecord>(), dataCutoff: Day(200),
            newTherapies: new[] { T(1, null), T(2, -10), T(3, 250) });
        Assert.Equal("progression", s.Event);
        Assert.Equal(new[] { "no start date", "before the start (2026-01-05)", "after the data cut-off (2026-07-24)" },
            s.NotUsed.Where(u => u.Record is TherapyRecord).Select(u => u.Reason));
        // Without the records, nothing changes.
        Assert.Equal("progression", TimeToEventEndpoint.Derive(Pfs, "D", Start, new[] { R(1, 42, "SD"), R(2, 84, "PD") }, Array.Empty<VitalStatusRecord>()).Event);
    }

    private const string Forms =
        "event death \"Death\" terminal\n" +
        TestProtocols.TumorForm + TestProtocols.SurvivalForm +
        "form NewTherapy { repeating; field started date; field regimen text }\n" +
        "visit Scan { every 6 weeks from first_dose + 6 weeks; max 4; until progression or death; collect Tumor }\n" +
        "visit Call { every 12 weeks from first_dose; until death; max 8; collect Survival, NewTherapy }\n";

    private static string Tte(string statements, string data = "Tumor.scan, Tumor.response, Survival.contact, Survival.status, NewTherapy.started, NewTherapy.regimen") =>
        TestProtocols.With(Forms + $"endpoint PFS secondary \"PFS\" {{\n  kind time_to_event\n  data {data}\n  start first_dose\n  event progression\n  censor_at last_assessment\n  {statements}}}\n");

    [Fact]
    public void The_field_becomes_the_new_therapy_part_and_the_generated_call_passes_its_records()
    {
        var result = ProtocolCompiler.Compile(Tte("censor_at_new_therapy NewTherapy.started\n"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Model!.Endpoints.Single(e => e.Name == "PFS").Roles, r => r == new Compiler.Model.EndpointRoleModel("new_therapy", "NewTherapy", "started"));

        var (run, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/pfs.protocol", Tte("censor_at_new_therapy NewTherapy.started\n")));
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(x => x.Severity >= DiagnosticSeverity.Warning));
        var text = Assert.Single(run.Results.Single().GeneratedSources).SourceText.ToString();
        Assert.Contains("dataCutoff, newTherapies: __Records", text, StringComparison.Ordinal);
        Assert.Contains("new global::Picares.Dsl.Runtime.Endpoints.TherapyRecord(\"NewTherapy\", i + 1, r.Started)", text, StringComparison.Ordinal);
        Assert.Contains("), null, null, null, \"NewTherapy.started\");", text, StringComparison.Ordinal); // and the model's EndpointInfo names the field
    }

    [Theory]
    [InlineData("censor_at_new_therapy {|PIC1003:NewTherapy.regimen|}\n")]                 // not a date
    [InlineData("censor_at_new_therapy {|PIC1003:Vitals.stop|}\n")]                        // a date, but not among the data
    [InlineData("censor_at_new_therapy NewTherapy.{|PIC1005:start|}\n")]                   // no such field
    [InlineData("{|PIC1003:censor_at_new_therapy|}\n")]
    [InlineData("censor_at_new_therapy NewTherapy.started\n  {|PIC1007:censor_at_new_therapy|} NewTherapy.started\n")]
    public void A_malformed_therapy_field_is_reported_at_its_span(string statements)
    {
        var (text, expected) = Markup.Parse(Tte(statements));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, ProtocolCompiler.Compile(text, "case.protocol").Diagnostics.Select(d => (d.Id, d.Span)).ToList());
    }

    [Fact]
    public void The_therapy_date_never_dates_a_survival_contact_or_an_assessment()
    {
        // A therapy date on the survival form, listed before its contact date: the contact date still dates each contact.
        var forms = Forms.Replace("form Survival { repeating; field contact date; field status code VitalCodes }",
            "form Survival { repeating; field therapy_start date; field contact date; field status code VitalCodes }");
        var text = TestProtocols.With(forms + "endpoint PFS secondary \"PFS\" {\n  kind time_to_event\n  data Tumor.scan, Tumor.response, Survival.therapy_start, Survival.contact, Survival.status, NewTherapy.started, NewTherapy.regimen\n" +
            "  start first_dose\n  event progression or death\n  censor_at last_assessment\n  censor_at_new_therapy Survival.therapy_start\n}\n");
        var result = ProtocolCompiler.Compile(text);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var roles = result.Model!.Endpoints.Single(e => e.Name == "PFS").Roles.Select(r => $"{r.Role}={r.Form}.{r.Field}").ToArray();
        Assert.Contains("status_date=Survival.contact", roles);
        Assert.Contains("new_therapy=Survival.therapy_start", roles);
        Assert.DoesNotContain("status_date=Survival.therapy_start", roles);

        // The assessments' only date set aside for the therapy leaves them undated: reported, not silently used twice.
        var (marked, expected) = Markup.Parse(Tte("censor_at_new_therapy Tumor.scan\n",
            data: "Tumor.scan, {|PIC2014:Tumor.response|}, Survival.contact, Survival.status, NewTherapy.started, NewTherapy.regimen"));
        Assert.Equal(expected, ProtocolCompiler.Compile(marked).Diagnostics.Where(d => d.Severity == Compiler.Diagnostics.Severity.Error).Select(d => (d.Id, d.Span)).ToList());
    }

    [Fact]
    public void An_assessment_form_whose_only_date_dates_the_therapy_is_told_so()
    {
        var text = Tte("censor_at_new_therapy Tumor.scan\n", data: "Tumor.scan, Tumor.response, Survival.contact, Survival.status, NewTherapy.started, NewTherapy.regimen");
        var d = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics, x => x.Id == "PIC2014");
        Assert.Equal("Endpoint PFS needs the date of each Tumor record, but form Tumor has no date field but Tumor.scan, which censor_at_new_therapy " +
            "reads as a new therapy's start; add a date field that dates each record to the form and list it among the endpoint's data", d.Message);
    }

    [Fact]
    public void A_date_not_among_the_data_is_told_to_be_added_there()
    {
        var text = Tte("censor_at_new_therapy Vitals.stop\n");
        var d = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics);
        Assert.Equal("'censor_at_new_therapy' takes a date field listed in the endpoint's data (a new therapy's start): add Vitals.stop to 'data'; write it as: data ..., Vitals.stop", d.Message);
    }

    [Fact]
    public void It_needs_the_tumour_assessments_and_a_time_to_event_endpoint()
    {
        var (text, expected) = Markup.Parse(Tte("censor_at_new_therapy {|PIC2015:NewTherapy.started|}\n",
            data: "Survival.contact, Survival.status, NewTherapy.started, NewTherapy.regimen").Replace("  event progression\n", "  event death\n").Replace("censor_at last_assessment", "censor_at last_known_alive"));
        Assert.Equal(expected, ProtocolCompiler.Compile(text).Diagnostics.Select(d => (d.Id, d.Span)).ToList());

        var orr = TestProtocols.With(Forms + "endpoint ORR primary \"ORR\" {\n  kind objective_response\n  data Tumor.scan, Tumor.response, NewTherapy.started, NewTherapy.regimen\n  censor_at_new_therapy NewTherapy.started\n}\n");
        var d = Assert.Single(ProtocolCompiler.Compile(orr).Diagnostics, x => x.Severity == Compiler.Diagnostics.Severity.Error);
        Assert.Equal(("PIC1002", "censor_at_new_therapy"), (d.Id, orr.Substring(d.Span.Start, d.Span.Length)));
        Assert.Contains("it is for time_to_event endpoints (censoring at a new anticancer therapy)", d.Message, StringComparison.Ordinal);
    }
}
