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

    /// <summary>
    /// A RECIST 1.1 code list and a repeating form of dated tumour responses (<c>Tumor.scan</c>, <c>Tumor.response</c>),
    /// for the endpoints that derive a response, progression or censoring at an assessment.
    /// </summary>
    public const string TumorForm =
        "codelist Recist { code CR \"a\"; code PR \"b\"; code SD \"c\"; code PD \"d\"; code NE \"e\" }\n" +
        "form Tumor { repeating; field scan date; field response code Recist }\n";

    /// <summary>
    /// A repeating form that an endpoint reads, for visits that collect a form more than once: the prelude's Vitals holds one
    /// record per subject, and collected again it is PIC4026.
    /// </summary>
    public const string NotesForm = "form Notes { repeating; field note text }\nendpoint N exploratory \"n\" { kind summary; data Notes.note }\n";

    /// <summary>A vital-status code list and a repeating form of survival contacts (<c>Survival.contact</c>, <c>Survival.status</c>).</summary>
    public const string SurvivalForm =
        "codelist VitalCodes { code alive \"Alive\"; code dead \"Dead\" }\n" +
        "form Survival { repeating; field contact date; field status code VitalCodes }\n";

    /// <summary>The prelude with more study statements (such as <c>allocation randomized</c>), followed by <paramref name="body"/>.</summary>
    public static string WithStudy(string studyStatements, string body) =>
        Prelude.Replace("day_one first_dose }", "day_one first_dose; " + studyStatements + " }") + body;

    /// <summary>The prelude followed by <paramref name="body"/>.</summary>
    public static string With(string body) => Prelude + body;
}
