using System.Linq;
using Microsoft.CodeAnalysis;
using Picares.Dsl.Tests.Infrastructure;
using Picares.Dsl.Testing;
using Xunit;

namespace Picares.Dsl.Tests.Serialization;

/// <summary>Protocol names that match members of the generated JSON context and analysis, and hostile text, still compile and serialize.</summary>
public class GeneratedJsonNamesTests
{
    private const string Protocol =
        "study T { title \"t\"; day_one first_dose }\n" +
        "anchor first_dose \"First dose\"\nanchor default \"Default \\\" */ <x>\"\n" +
        "event progression \"Progression\"\nevent death \"Death\" terminal\n" +
        "codelist Subjects { code CR \"a\"; code PR \"b\"; code SD \"c\"; code PD \"d\"; code NE \"e\"; code odd \"quoted \\\" label\" }\n" +
        "codelist Options { code alive \"Alive\"; code dead \"Dead\" }\n" +
        "form Json { repeating; field value date; field reader code Subjects; field writer text; field context integer }\n" +
        "form Subject { repeating; field name date; field seen code Options; field Default date { shown_when Subject.seen == dead } }\n" +
        "form GetTypeInfo { field données quantity kg; field at datetime; field ok boolean; field x decimal }\n" +
        "visit Scan { every 42 days; until progression or death; max 10; collect Json }\nvisit Entry { day -7; collect GetTypeInfo }\nvisit Call { every 84 days; until death; max 10; collect Subject }\n" +
        "endpoint Run primary \"run\" { kind objective_response; data Json.value, Json.reader; start first_dose }\n" +
        "endpoint Crf secondary \"crf\" { kind time_to_event; data Json.value, Json.reader, Subject.name, Subject.seen, Subject.Default; start first_dose; event progression or death; censor_at last_assessment }\n" +
        "endpoint Results secondary \"results\" { kind incidence; data Json.writer, Json.context, Json.value; start first_dose }\n" +
        "endpoint Other exploratory \"other\" { kind summary; data GetTypeInfo.données, GetTypeInfo.at, GetTypeInfo.ok, GetTypeInfo.x }\n";

    [Fact]
    public void Names_of_generated_json_and_analysis_members_compile_and_round_trip()
    {
        using var generated = new GeneratedAssembly(Protocol, "json-names");
        Assert.Empty(generated.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(1, generated.GeneratedSources);
        var assembly = generated.Assembly;
        var crf = assembly.GetType("Picares.Protocols.TProtocol+Crf", throwOnError: true)!;
        var json = crf.GetNestedType("Json")!;
        var contextInstance = json.GetProperty("Default")!.GetValue(null)!;
        Assert.NotNull(json.GetProperty("Subjects_"));      // the code list Subjects, beside the subjects list
        Assert.NotNull(json.GetProperty("Options_"));
        Assert.NotNull(json.GetProperty("GetTypeInfo_"));
        Assert.NotNull(crf.GetNestedType("Json_"));          // the form Json
        Assert.NotNull(crf.GetNestedType("Subject_"));       // the form Subject
        var analysis = assembly.GetType("Picares.Protocols.TProtocol+Analysis", throwOnError: true)!;
        Assert.NotNull(analysis.GetMethod("Run_"));
        Assert.NotNull(analysis.GetMethod("Crf_"));
        Assert.NotNull(analysis.GetMethod("Results_"));

        var caseBookInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo)json.GetProperty("CaseBook")!.GetValue(contextInstance)!;
        const string document = "{\"Json\":[{\"value\":\"2026-01-05\",\"reader\":\"odd\",\"writer\":\"w \\\" */\",\"context\":2}],\"GetTypeInfo\":{\"données\":{\"value\":1.5,\"unit\":\"kg\"},\"at\":\"2026-01-05T09:30:00\",\"ok\":true,\"x\":0.25}}";
        var book = System.Text.Json.JsonSerializer.Deserialize(document, caseBookInfo);
        var written = System.Text.Json.JsonSerializer.Serialize(book, caseBookInfo);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(document), System.Text.Json.Nodes.JsonNode.Parse(written)), written);
    }
}
