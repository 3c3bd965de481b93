using System;
using System.Collections;
using System.Linq;
using Picares.Dsl.Runtime.Endpoints;
using Picares.Dsl.Runtime.Serialization;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;
using static Picares.Dsl.Tests.Endpoints.SubjectRecords;

namespace Picares.Dsl.Tests.Endpoints;

/// <summary>
/// A randomized trial's results arm by arm: each subject says its arm (<c>Crf.Subject.Arm</c>, read and written in JSON,
/// an unknown arm reported), and the generated <c>Analysis.Run</c> summarizes every endpoint for all subjects and for each arm.
/// </summary>
public class ArmResultsTests
{
    private const string Protocol =
        "study T { title \"t\"; day_one first_dose; allocation randomized; design parallel }\nanchor first_dose \"First dose\"\n" +
        "form AE { repeating; field onset date; field term text; field grade integer }\n" +
        "visit Cycle { every 21 days from first_dose; max 6; collect AE }\n" +
        "intervention D \"Drug\" { type drug; dose 1 mg }\nintervention P \"Placebo\" { type drug }\n" +
        "arm Drug \"Drug\" { type experimental; receives D }\narm Placebo \"Placebo\" { type placebo_comparator; receives P }\n" +
        "endpoint Safety primary \"Adverse events\" { kind incidence; data AE.grade, AE.term, AE.onset; start first_dose }\n";

    [Fact]
    public void Each_arm_is_summarized_over_its_own_subjects()
    {
        using var generated = new GeneratedAssembly(Protocol, "arms");
        object Subject(string id, string? arm, params int[] grades)
        {
            var subject = generated.NewSubject("TProtocol", Start, id);
            subject.GetType().GetProperty("Arm")!.SetValue(subject, arm);
            foreach (var grade in grades)
                generated.AddOccurrence("TProtocol", subject, "AE", ("Onset", (DateTime?)Day(3)), ("Term", "Rash"), ("Grade", (int?)grade));
            return subject;
        }
        var subjectType = generated.Type("TProtocol", "Crf+Subject");
        var subjects = Array.CreateInstance(subjectType, 4);
        subjects.SetValue(Subject("A", "Drug", 3), 0);
        subjects.SetValue(Subject("B", "Drug"), 1);
        subjects.SetValue(Subject("C", "Placebo", 1), 2);
        subjects.SetValue(Subject("D", null, 4), 3); // not assigned: counted overall, in no arm
        var results = generated.Type("TProtocol", "Analysis").GetMethod("Run")!.Invoke(null, new object?[] { subjects, null, 0.95 })!;
        IncidenceSummary Safety(object r) => (IncidenceSummary)r.GetType().GetProperty("Safety")!.GetValue(r)!;
        Assert.Equal((4, 3), (Safety(results).Analysed, Safety(results).AnyEvent.AnyGrade.Count));
        var byArm = ((IEnumerable)results.GetType().GetProperty("ByArm")!.GetValue(results)!).Cast<object>().ToList();
        Assert.Equal(new[] { "Drug", "Placebo" }, byArm.Select(r => (string)r.GetType().GetProperty("Arm")!.GetValue(r)!));
        Assert.Equal((2, 1, 1), (Safety(byArm[0]).Analysed, Safety(byArm[0]).AnyEvent.AnyGrade.Count, Safety(byArm[0]).AnyEvent.Grade3OrWorse.Count));
        Assert.Equal((1, 1, 0), (Safety(byArm[1]).Analysed, Safety(byArm[1]).AnyEvent.AnyGrade.Count, Safety(byArm[1]).AnyEvent.Grade3OrWorse.Count));
        Assert.Null(results.GetType().GetProperty("Arm")!.GetValue(results));
    }

    [Fact]
    public void A_subjects_arm_is_read_and_written_and_an_unknown_one_reported()
    {
        var info = Picares.Protocols.PicaresProtocol.Crf.Json.Default.Subjects;
        var read = CrfJson.Read("[{\"id\":\"PIC-001\",\"arm\":\"Consolidation\"},{\"id\":\"PIC-002\",\"arm\":\"Placebo\"}]", info);
        Assert.Equal("Consolidation", read.Value![0].Arm);
        Assert.Null(read.Value[1].Arm);
        var problem = Assert.Single(read.Problems);
        Assert.Equal(("$[1].arm", JsonProblemKind.UnknownCode), (problem.Path, problem.Kind));
        Assert.Equal("'Placebo' is not an arm of the protocol; the protocol's are: Consolidation", problem.Message);
        Assert.Contains("\"arm\":\"Consolidation\"", System.Text.Json.JsonSerializer.Serialize(read.Value[0], Picares.Protocols.PicaresProtocol.Crf.Json.Default.Subject), StringComparison.Ordinal);
    }
}
