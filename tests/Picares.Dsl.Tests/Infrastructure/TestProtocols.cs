namespace Picares.Dsl.Tests.Infrastructure;

/// <summary>Small protocols for tests.</summary>
internal static class TestProtocols
{
    /// <summary>
    /// A valid, self-consistent prelude: a study with day one, anchors, an event, a code list, a form with fields of
    /// every kind, a visit that collects it before day one and an endpoint that reads every field (so that the
    /// consistency checks find nothing unused).
    /// </summary>
    public const string Prelude =
        "study T { title \"t\"; day_one first_dose }\n" +
        "anchor first_dose \"First dose\"\n" +
        "anchor enrollment \"Enrollment\"\n" +
        "event progression \"Progression\"\n" +
        "codelist Ecog { code 0 \"Zero\"; code 1 \"One\" }\n" +
        "form Vitals { field weight quantity kg required; field life quantity weeks; field ecog code Ecog; field stop date; field flag boolean; field count integer }\n" +
        "visit Baseline \"Baseline\" { day -1 from enrollment; collect Vitals }\n" +
        "endpoint Vital exploratory \"Vital signs\" { kind summary; data Vitals.weight, Vitals.life, Vitals.ecog, Vitals.stop, Vitals.flag, Vitals.count }\n";

    /// <summary>The prelude with more study statements (such as <c>allocation randomized</c>), followed by <paramref name="body"/>.</summary>
    public static string WithStudy(string studyStatements, string body) =>
        Prelude.Replace("day_one first_dose }", "day_one first_dose; " + studyStatements + " }") + body;

    /// <summary>The prelude followed by <paramref name="body"/>.</summary>
    public static string With(string body) => Prelude + body;
}
