namespace Picares.Dsl.Tests.Infrastructure;

/// <summary>Small protocols for tests.</summary>
internal static class TestProtocols
{
    /// <summary>A valid prelude: a study with day one, an anchor, an event, a code list and a form with fields of every kind.</summary>
    public const string Prelude =
        "study T { title \"t\"; day_one first_dose }\n" +
        "anchor first_dose \"First dose\"\n" +
        "anchor enrollment \"Enrollment\"\n" +
        "event progression \"Progression\"\n" +
        "codelist Ecog { code 0 \"Zero\"; code 1 \"One\" }\n" +
        "form Vitals { field weight quantity kg required; field life quantity weeks; field ecog code Ecog; field stop date; field flag boolean; field count integer }\n";

    /// <summary>The prelude followed by <paramref name="body"/>.</summary>
    public static string With(string body) => Prelude + body;
}
