using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Picares.Dsl.Runtime.Endpoints;
using Picares.Dsl.Runtime.Serialization;
using Picares.Samples.Endpoints;
using Xunit;
using Analysis = Picares.Samples.Protocols.PicaresProtocol.Analysis;
using Crf = Picares.Samples.Protocols.PicaresProtocol.Crf;

namespace Picares.Dsl.Tests.Endpoints;

/// <summary>The endpoints sample command over the bundled six PICARES subjects, and the generated analysis API it uses.</summary>
public class EndpointsCommandTests
{
    private static string SubjectsFile => Path.Combine(AppContext.BaseDirectory, "data", "subjects.json");

    private static Crf.Subject[] Subjects()
    {
        var read = CrfJson.Read(File.ReadAllText(SubjectsFile), Crf.Json.Default.Subjects);
        Assert.Empty(read.Problems);
        return read.Value!.ToArray();
    }

    [Fact]
    public void The_bundled_file_holds_six_subjects_that_read_without_problems()
    {
        var subjects = Subjects();
        Assert.Equal(6, subjects.Length);
        Assert.All(subjects, s => Assert.NotNull(s.Anchors.FirstDose));
        Assert.Equal(6, subjects.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void Prints_findings_derivations_and_the_summary()
    {
        var output = new StringWriter();
        Assert.Equal(0, EndpointsCommand.Run(new[] { "endpoints" }, output));
        var text = output.ToString();
        Assert.Contains("6 subjects from subjects.json", text, StringComparison.Ordinal);
        Assert.Contains("Query Dosing#3 dose (soft_limit", text, StringComparison.Ordinal);                 // PIC-003 was given 300 mg
        Assert.Contains("Reject AdverseEvents#1 related (required", text, StringComparison.Ordinal);      // PIC-005 left it empty
        Assert.Contains("TumorAssessment#6: after the first progression (2020-03-23)", text, StringComparison.Ordinal); // PIC-003's late PR
        Assert.Contains("best NE (no post-baseline assessment)", text, StringComparison.Ordinal);         // PIC-004 died before imaging
        // PICARES confirms CR and PR 4 weeks (28 days) later and asks SD 5 weeks (35 days) after the first dose. PIC-001: CR on
        // 2020-01-06, CR again 42 days later (2020-02-17). PIC-006: PR on 2019-12-30, PR again 42 days later (2020-02-10).
        // PIC-003: PR on 2019-11-18, then SD, SD and PD: unconfirmed; that PR lies 42 days after the first dose of 2019-10-07,
        // so SD. PIC-002 and PIC-005: SD 42 days after the first dose, past the minimum. PIC-004: no post-baseline scan.
        Assert.Contains("best CR on 2020-01-06, confirmed on 2020-02-17, responder;", text, StringComparison.Ordinal);
        Assert.Contains("best PR on 2019-12-30, confirmed on 2020-02-10, responder;", text, StringComparison.Ordinal);
        Assert.Contains("best SD on 2019-11-18; from TumorAssessment#2, TumorAssessment#3, TumorAssessment#4, TumorAssessment#5", text, StringComparison.Ordinal);
        Assert.Contains("best SD on 2019-10-28; from", text, StringComparison.Ordinal);
        Assert.Contains("best SD on 2019-12-16; from", text, StringComparison.Ordinal);
        // Responders: PIC-001 (CR) and PIC-006 (PR) of six; the exact interval as the runtime computes it for 2/6.
        var rate = ProportionEstimate.ClopperPearson(2, 6);
        Assert.Contains($"ORR: 2/6 33.3% ({rate.Lower!.Value * 100:0.0}% to {rate.Upper!.Value * 100:0.0}%)", text, StringComparison.Ordinal);
        Assert.Contains("best overall response: CR 1, PR 1, SD 3, PD 0, NE 1; evaluable 5", text, StringComparison.Ordinal);
        // PFS days: 210, 84, 168 (PD); 38 (death); 168 censored; 126 (PD). S: 5/6 at 38, 4/6 at 84, 3/6 at 126: the median is day 126.
        Assert.Contains("PFS: 6 analysed, 5 events, 1 censored; median 126 days", text, StringComparison.Ordinal);
        // OS: deaths on days 38, 237, 276; censored 252, 336, 378. S: 5/6 at 38, 2/3 at 237, 2/3·2/3 = 4/9 at 276 (3 at risk): the median is day 276.
        Assert.Contains("OS:  6 analysed, 3 events, 3 censored; median 276 days", text, StringComparison.Ordinal);
        Assert.Matches(@"Pneumonitis +0 +0 +1 +0 +1 ", text);
    }

    [Fact]
    public void Json_output_is_machine_readable()
    {
        var output = new StringWriter();
        Assert.Equal(0, EndpointsCommand.Run(new[] { "endpoints", "--json" }, output));
        using var document = JsonDocument.Parse(output.ToString());
        var root = document.RootElement;
        Assert.Equal(6, root.GetProperty("subjects").GetArrayLength());
        Assert.Equal(2, root.GetProperty("summary").GetProperty("orr").GetProperty("count").GetInt32());
        var first = root.GetProperty("subjects")[0];
        Assert.Equal(("CR", "2020-02-17"), (first.GetProperty("bestOverallResponse").GetString(), first.GetProperty("confirmedOn").GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("subjects")[2].GetProperty("confirmedOn").ValueKind); // PIC-003's PR is not confirmed
        Assert.Equal(126, root.GetProperty("summary").GetProperty("pfs").GetProperty("median").GetDouble());
    }

    [Fact]
    public void A_file_with_problems_reports_each_with_its_path_and_exits_with_1()
    {
        var file = Path.Combine(Path.GetTempPath(), $"picares-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, "[{\"id\":\"X\",\"anchors\":{\"first_dose\":\"2026-01-05\"},\"forms\":{\"AdverseEvents\":[{\"term\":\"Rash\",\"grade\":\"2\",\"onset_date\":\"2026-01-20\"}]}}]");
            var output = new StringWriter();
            Assert.Equal(1, EndpointsCommand.Run(new[] { "endpoints", file }, output));
            Assert.Contains("$[0].forms.AdverseEvents[0].grade: expected an integer", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("X  first dose 2026-01-05", output.ToString(), StringComparison.Ordinal); // what could be read is analysed
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal(2, EndpointsCommand.Run(new[] { "endpoints", "--bogus" }, new StringWriter()));
    }

    [Fact]
    public void The_generated_analysis_maps_the_forms_to_the_runtime_derivations()
    {
        foreach (var subject in Subjects())
        {
            var book = subject.Forms;
            var assessments = book.TumorAssessment.Select((t, i) => new ResponseRecord("TumorAssessment", i + 1, t.AssessmentDate, Crf.ResponseCodes.CodeOf(t.OverallResponse))).ToList();
            var contacts = book.SurvivalStatus.Select((s, i) => new VitalStatusRecord("SurvivalStatus", i + 1, s.ContactDate, Crf.VitalStatusCodes.CodeOf(s.VitalStatus), s.DeathDate)).ToList();
            var events = book.AdverseEvents.Select((a, i) => new AdverseEventRecord("AdverseEvents", i + 1, a.Term, a.Grade, a.OnsetDate)).ToList();
            var start = subject.Anchors.FirstDose;

            // PICARES's ORR: confirm_response 4 weeks, stable_disease_minimum 5 weeks.
            Assert.Equal(ObjectiveResponseDerivation.Derive(subject.Id!, "first_dose", start, assessments, null, new ResponseConfirmation(28, 35)).Result, Analysis.ORR(subject).Result);
            Assert.True(Analysis.ORR(subject).Result!.ConfirmationApplied);
            var pfs = TimeToEventEndpoint.Derive(new TimeToEventDefinition("PFS", "first_dose", true, true, CensoringRule.LastAssessment), subject.Id!, start, assessments, contacts);
            Assert.Equal((pfs.Observation, pfs.Event, pfs.Date), (Analysis.PFS(subject).Observation, Analysis.PFS(subject).Event, Analysis.PFS(subject).Date));
            var os = TimeToEventEndpoint.Derive(new TimeToEventDefinition("OS", "first_dose", false, true, CensoringRule.LastKnownAlive), subject.Id!, start, Array.Empty<ResponseRecord>(), contacts);
            Assert.Equal((os.Observation, os.Event), (Analysis.OS(subject).Observation, Analysis.OS(subject).Event));
            Assert.Equal(IncidenceDerivation.Derive(subject.Id!, "first_dose", start, events).Terms.Select(t => (t.Term, t.WorstGrade)),
                Analysis.Safety(subject).Terms.Select(t => (t.Term, t.WorstGrade)));
        }
    }
}
