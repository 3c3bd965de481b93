using System;
using System.Linq;
using System.Text.Json;
using Picares.Dsl.Runtime.Serialization;
using Picares.Dsl.Runtime.Units;
using Xunit;
using Crf = Picares.Protocols.PicaresProtocol.Crf;

namespace Picares.Dsl.Tests.Serialization;

/// <summary>Malformed or unknown JSON is reported at its JSON path, every problem, and never dropped silently.</summary>
public class CrfJsonProblemTests
{
    private static JsonReadResult<Crf.CaseBook> Read(string json) => CrfJson.Read(json, Crf.Json.Default.CaseBook);

    private static (string Path, JsonProblemKind Kind) Single(string json)
    {
        var problem = Assert.Single(Read(json).Problems);
        return (problem.Path, problem.Kind);
    }

    private const string ThreeEvents =
        "{\"AdverseEvents\":[{\"term\":\"Rash\",\"grade\":2},{\"term\":\"Fatigue\",\"grade\":1},{\"term\":\"Pneumonitis\",\"grade\":\"3\",\"related\":true}]}";

    [Fact]
    public void A_wrong_json_type_is_reported_at_its_path_and_the_rest_is_read()
    {
        var result = Read(ThreeEvents);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("$.AdverseEvents[2].grade", JsonProblemKind.WrongType), (problem.Path, problem.Kind));
        Assert.Contains("expected an integer, got a string (\"3\")", problem.Message, StringComparison.Ordinal);
        var events = result.Value!.AdverseEvents;
        Assert.Equal(new[] { "Rash", "Fatigue", "Pneumonitis" }, events.Select(e => e.Term));
        Assert.Null(events[2].Grade);
        Assert.True(events[2].Related);
    }

    [Fact]
    public void JsonSerializer_throws_at_the_first_problem_naming_its_path()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(ThreeEvents, Crf.Json.Default.CaseBook));
        Assert.StartsWith("$.AdverseEvents[2].grade: expected an integer", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"Vitals\":{\"wieght\":{\"value\":60,\"unit\":\"kg\"}}}", "$.Vitals.wieght", JsonProblemKind.UnknownProperty)]
    [InlineData("{\"Vitalz\":{}}", "$.Vitalz", JsonProblemKind.UnknownProperty)]
    [InlineData("{\"TumorAssessment\":[{\"overall_response\":\"XR\"}]}", "$.TumorAssessment[0].overall_response", JsonProblemKind.UnknownCode)]
    [InlineData("{\"TumorAssessment\":[{\"overall_response\":\"cr\"}]}", "$.TumorAssessment[0].overall_response", JsonProblemKind.UnknownCode)]
    [InlineData("{\"Baseline\":{\"ecog\":1}}", "$.Baseline.ecog", JsonProblemKind.WrongType)]
    [InlineData("{\"Vitals\":{\"weight\":{\"value\":60,\"unit\":\"kgs\"}}}", "$.Vitals.weight.unit", JsonProblemKind.BadUnit)]
    [InlineData("{\"Vitals\":{\"weight\":60}}", "$.Vitals.weight", JsonProblemKind.WrongType)]
    [InlineData("{\"Vitals\":{\"weight\":{\"value\":60}}}", "$.Vitals.weight", JsonProblemKind.BadValue)]
    [InlineData("{\"Vitals\":{\"weight\":{\"value\":60,\"unit\":\"kg\",\"at\":1}}}", "$.Vitals.weight.at", JsonProblemKind.UnknownProperty)]
    [InlineData("{\"AdverseEvents\":[{\"grade\":2.5}]}", "$.AdverseEvents[0].grade", JsonProblemKind.BadValue)]
    [InlineData("{\"AdverseEvents\":[{\"grade\":3000000000}]}", "$.AdverseEvents[0].grade", JsonProblemKind.BadValue)]
    [InlineData("{\"AdverseEvents\":[{\"onset_date\":\"2026-02-30\"}]}", "$.AdverseEvents[0].onset_date", JsonProblemKind.BadValue)]
    [InlineData("{\"AdverseEvents\":[{\"onset_date\":\"05/01/2026\"}]}", "$.AdverseEvents[0].onset_date", JsonProblemKind.BadValue)]
    [InlineData("{\"AdverseEvents\":[{\"related\":\"yes\"}]}", "$.AdverseEvents[0].related", JsonProblemKind.WrongType)]
    [InlineData("{\"AdverseEvents\":[{},null]}", "$.AdverseEvents[1]", JsonProblemKind.BadValue)]
    [InlineData("{\"AdverseEvents\":{\"term\":\"Rash\"}}", "$.AdverseEvents", JsonProblemKind.WrongType)]
    [InlineData("{\"Vitals\":[]}", "$.Vitals", JsonProblemKind.WrongType)]
    [InlineData("{\"Consent\":{\"signed\":true,\"signed\":false}}", "$.Consent.signed", JsonProblemKind.DuplicateProperty)]
    [InlineData("{\"odd name\":1}", "$['odd name']", JsonProblemKind.UnknownProperty)]
    [InlineData("[]", "$", JsonProblemKind.WrongType)]
    [InlineData("{\"Vitals\":{\"weight\":", "$.Vitals", JsonProblemKind.Syntax)]
    [InlineData("{} {}", "$", JsonProblemKind.Syntax)]
    [InlineData("", "$", JsonProblemKind.Syntax)]
    public void Each_problem_is_reported_once_at_its_path(string json, string path, JsonProblemKind kind) =>
        Assert.Equal((path, kind), Single(json));

    [Fact]
    public void A_unit_of_another_dimension_is_reported_and_the_value_kept_for_the_edit_checks()
    {
        var result = Read("{\"Vitals\":{\"weight\":{\"value\":70,\"unit\":\"wk\"}}}");
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("$.Vitals.weight.unit", JsonProblemKind.BadUnit), (problem.Path, problem.Kind));
        Assert.Equal(new Quantity(70, "wk"), result.Value!.Vitals!.Weight);
        Assert.Contains(result.Value.Validate(), f => f.Rule == "unit");
    }

    [Fact]
    public void Every_problem_of_a_document_is_collected_in_order()
    {
        var result = Read("{\"Vitals\":{\"weight\":{\"value\":60,\"unit\":\"kgs\"},\"heigth\":1},\"AdverseEvents\":[{\"grade\":\"3\"},{\"term\":7}],\"Extra\":[]}");
        Assert.Equal(new[]
        {
            ("$.Vitals.weight.unit", JsonProblemKind.BadUnit),
            ("$.Vitals.heigth", JsonProblemKind.UnknownProperty),
            ("$.AdverseEvents[0].grade", JsonProblemKind.WrongType),
            ("$.AdverseEvents[1].term", JsonProblemKind.WrongType),
            ("$.Extra", JsonProblemKind.UnknownProperty),
        }, result.Problems.Select(p => (p.Path, p.Kind)));
        Assert.Equal(2, result.Value!.AdverseEvents.Count);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Subjects_report_unknown_anchors_and_problems_inside_their_forms()
    {
        var result = CrfJson.Read("[{\"id\":\"PIC-001\",\"anchors\":{\"first_dos\":\"2026-01-05\"},\"forms\":{\"Baseline\":{\"ecog\":\"7\"}}}]", Crf.Json.Default.Subjects);
        Assert.Equal(new[] { ("$[0].anchors.first_dos", JsonProblemKind.UnknownProperty), ("$[0].forms.Baseline.ecog", JsonProblemKind.UnknownCode) },
            result.Problems.Select(p => (p.Path, p.Kind)));
        Assert.Contains("first_dose", result.Problems[0].Message, StringComparison.Ordinal); // the anchors it has
        Assert.Contains("0, 1, 2, 3, 4, 5", result.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_info_of_another_context_is_refused()
    {
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<string>)new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()
            .GetTypeInfo(typeof(string), new JsonSerializerOptions())!;
        Assert.Throws<ArgumentException>(() => CrfJson.Read("\"x\"", info));
    }
}
