using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Picares.Dsl.Compiler.Emit;
using Picares.Dsl.Tests.Infrastructure;
using Picares.Dsl.Testing;
using Xunit;

namespace Picares.Dsl.Tests.Emit;

/// <summary>Names and text taken from a protocol are escaped: the generated code compiles and keeps the text exactly.</summary>
public class HostileInputTests
{
    private const string Hostile = "quote \" backslash \\ close */ open /* braces {{ }} {0} newline \n tab \t é 中文 😀 line\u2028sep <tag> & amp";

    [Fact]
    public void Hostile_text_and_names_compile_and_round_trip_exactly()
    {
        var escaped = Hostile.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t").Replace("\u2028", "\\u{2028}");
        var protocol =
            $"study class {{ title \"{escaped}\"; day_one first_dose }}\n" +
            "anchor first_dose \"First dose\"\n" +
            $"anchor Anchors \"{escaped}\"\n" +
            "anchor All \"named like the generated list\"\n" +
            $"form Données \"{escaped}\" {{ field int text \"{escaped}\" }}\n" +
            "form Forms { field namespace boolean }\n" +
            "visit Screening { day -7; collect Données, Forms }\n" +
            $"criterion I1 inclusion \"{escaped}\" {{ when Forms.namespace == true and Données.int != \"{escaped}\" }}\n" +
            $"@assumed \"{escaped}\"\ncriterion Ivoid inclusion \"x\" {{ attested_by investigator }}\n";

        using var generated = new GeneratedAssembly(protocol, "hostile");
        Assert.Empty(generated.GeneratorDiagnostics);
        Assert.Equal(1, generated.GeneratedSources);
        var type = generated.Assembly.GetType("Picares.Protocols.ClassProtocol", throwOnError: true)!;
        var study = (Picares.Dsl.Runtime.Model.StudyInfo)type.GetProperty("Study")!.GetValue(null)!;
        Assert.Equal(Hostile, study.Title);
        var criteria = (System.Collections.Generic.IReadOnlyList<Picares.Dsl.Runtime.Model.CriterionInfo>)type.GetNestedType("Criteria")!.GetProperty("All")!.GetValue(null)!;
        Assert.Equal(Hostile, criteria[0].Text);
        Assert.Equal(Hostile, criteria[1].Origin.Assumption);
        var anchors = type.GetNestedType("Anchors")!;
        Assert.NotNull(anchors.GetProperty("Anchors_"));
        Assert.NotNull(anchors.GetProperty("All_"));
        var forms = type.GetNestedType("Forms")!;
        var donnees = (Picares.Dsl.Runtime.Model.FormInfo)forms.GetProperty("Données")!.GetValue(null)!;
        Assert.Equal(Hostile, donnees.Label);
        Assert.Equal(Hostile, donnees.Fields[0].Label);
        Assert.NotNull(forms.GetProperty("Forms_"));
    }

    [Fact]
    public void Names_that_match_generated_members_still_compile()
    {
        var protocol =
            "study T { title \"t\"; day_one first_dose }\n" +
            "anchor first_dose \"First dose\"\nanchor set \"Set\"\nanchor dates \"Dates\"\nanchor changes \"Changes\"\nevent build \"Build\"\n" +
            "form Input { field born date; field input integer }\nform Set { field x boolean }\nform Attestations { field y boolean }\nform CaseBook { field z boolean }\nform Changes { field w boolean }\n" +
            "codelist Evaluate { code all \"All\"; code set \"Set\" }\nform Validate { field code code Evaluate }\n" +
            "population { age 18..75 years at first_dose; birth_date Input.born }\n" +
            "criterion Age inclusion \"age\" { when Input.input >= 1 }\n" +
            "criterion ISet inclusion \"set\" { when Set.x == true and Attestations.y == true and CaseBook.z == true and Validate.code == all }\n" +
            "criterion Iset inclusion \"set\" { when Input.born at_least 1 day before set and Input.born before dates }\n".Replace(" and Input.born before dates", "") +
            "criterion Set inclusion \"attested\" { attested_by investigator }\n".Replace("criterion Set inclusion", "criterion IAll inclusion") +
            "criterion IChanges inclusion \"changes\" { when Changes.w == true and Input.born at_least 1 day before changes }\n" +
            "visit Dates { day 1; collect Input, Set, Attestations, CaseBook, Validate, Changes }\nvisit Builder { at build + 1 days; activity \"Build\" }\n";
        var (result, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/names.protocol", protocol));
        Assert.Empty(diagnostics.Where(d => d.Id != "PIC1015"));
        Assert.Single(result.Results.Single().GeneratedSources);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Names_that_collide_in_csharp_are_reported_instead_of_generating_broken_code()
    {
        var (result, _, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/names.protocol",
            "study T { title \"t\" }\nform F { field a_b text; field aB text }\ncriterion I1 inclusion \"x\" { attested_by investigator }\ncriterion i1 inclusion \"y\" { attested_by investigator }\n"));
        Assert.Equal(new[] { "PIC1017", "PIC1015", "PIC1017" }.OrderBy(x => x), diagnostics.Select(d => d.Id).OrderBy(x => x));
        Assert.Empty(result.Results.Single().GeneratedSources);
    }

    // A protocol that brings every kind of declaration into every generated API it reaches: the anchor is day one and
    // is read by a computed criterion (the screening dates), the form and its coded field are read by it too (the
    // screening input), the code is compared there, the survival form feeds a derived endpoint (the analysis), the arm
    // receives the intervention, and an attested criterion gets an attestation. Each {placeholder} is one declaration's
    // name; the sweep below gives one of them the name under test and the others these plain ones.
    private const string EveryKind =
        "study T {{ title \"t\"; day_one {0} }}\n" +
        "anchor {0} \"First dose\"\n" +
        "event {1} \"Progression\"\n" +
        "event death \"Death\" terminal\n" +
        "codelist {5} \"Vital status\" {{ code {6} \"Alive\"; code dead \"Dead\" }}\n" +
        "form {3} \"Screening\" {{ field born date; field {4} code {5} }}\n" +
        "form Survival \"Survival\" {{ repeating; field contact_date date required; field status code {5} required; field death_date date {{ shown_when Survival.status == dead }} }}\n" +
        "intervention {9} \"Drug\" {{ type drug }}\n" +
        "arm {10} \"Arm\" {{ type experimental; receives {9} }}\n" +
        "visit {2} \"Screening\" {{ day -7; collect {3} }}\n" +
        "visit follow_up \"Follow-up\" {{ every 12 weeks from {0}; until death; max 20; collect Survival }}\n" +
        "visit after_event \"After the event\" {{ at {1} + 7 days; activity \"check\" }}\n" +
        "criterion {7} {12} \"x\" {{ when {3}.{4} == {6} and {3}.born at_least 1 day before {0} }}\n" +
        "criterion {11} {13} \"y\" {{ attested_by investigator }}\n" +
        "endpoint {8} secondary \"Overall survival\" {{ kind time_to_event; data Survival.contact_date, Survival.status, Survival.death_date; start {0}; event death; censor_at last_known_alive }}\n";

    private static readonly string[] EveryKindNames =
        { "first_dose", "progression", "screening", "Screen", "coded", "Status", "alive", "I1", "OS", "drug", "arm_a", "I2" };

    private static readonly string[] KindNames =
        { "anchor", "event", "visit", "form", "field", "code list", "code", "criterion", "endpoint", "intervention", "arm", "attested criterion" };

    // A criterion's category follows its id's first letter where it has one, so that only PIC1015 can be about the name.
    private static string CategoryOf(string id) => id.StartsWith("E", StringComparison.Ordinal) ? "exclusion" : "inclusion";

    /// <summary>The protocol above with the declaration of kind <paramref name="kind"/> named <paramref name="name"/>.</summary>
    private static string EveryKindWith(int kind, string name)
    {
        var names = (string[])EveryKindNames.Clone();
        if (kind >= 0) names[kind] = name;
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, EveryKind,
            names.Concat(new[] { CategoryOf(names[7]), CategoryOf(names[11]) }).Cast<object>().ToArray());
    }

    [Fact]
    public void The_protocol_with_every_kind_of_declaration_is_clean()
    {
        var (result, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/kinds.protocol", EveryKindWith(-1, "")));
        Assert.Empty(diagnostics);
        var source = result.Results.Single().GeneratedSources.Single().SourceText.ToString();
        // Every API the sweep relies on is generated.
        Assert.Contains("class Analysis", source);
        Assert.Contains("class ScreenInput", source);
        Assert.Contains("class CriterionAttestations", source);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    /// <summary>
    /// Names of the members every C# type inherits from <see cref="object"/>, in PascalCase and as protocol names usually
    /// are: each as every kind of declaration. A member or nested type of such a name would hide the inherited one (CS0108,
    /// an error with warnings as errors), so the generated code gives it a trailing underscore, as for reserved names.
    /// </summary>
    [Theory]
    [InlineData("Equals")]
    [InlineData("equals")]
    [InlineData("GetHashCode")]
    [InlineData("get_hash_code")]
    [InlineData("ToString")]
    [InlineData("to_string")]
    [InlineData("GetType")]
    [InlineData("MemberwiseClone")]
    [InlineData("Finalize")]
    [InlineData("ReferenceEquals")]
    [InlineData("_to_string_")]
    public void Names_of_object_members_compile_as_every_kind_of_declaration(string name)
    {
        var failures = new System.Collections.Generic.List<string>();
        for (int kind = 0; kind < KindNames.Length; kind++)
        {
            var protocol = EveryKindWith(kind, name);
            var (result, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/object.protocol", protocol));
            // A criterion id that does not start with its category's letter is numbered badly (a warning), nothing else.
            bool badlyNumbered = kind is 7 or 11 && !name.StartsWith("I", StringComparison.Ordinal) && !name.StartsWith("E", StringComparison.Ordinal);
            var reported = diagnostics.Where(d => !(badlyNumbered && d.Id == "PIC1015")).ToList();
            var csharp = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            if (reported.Count > 0 || csharp.Count > 0 || result.Results.Single().GeneratedSources.Length != 1)
                failures.Add($"{name} as {KindNames[kind]}:\n  {string.Join("\n  ", reported.Concat(csharp).Take(5))}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Names_of_object_members_get_a_trailing_underscore()
    {
        Assert.Equal("Equals_", CSharp.Member("equals", "Anchors"));
        Assert.Equal("ToString_", CSharp.Member("to_string", "Visits"));
        Assert.Equal("GetHashCode_", CSharp.Member("get_hash_code", "Vitals"));
        Assert.Equal("Finalize_", CSharp.CodeListEnum("finalize"));
        Assert.Equal("Finalize_Codes", CSharp.CodeListHelper("finalize"));
        // Only the exact member names: longer names that contain them stay as they are.
        Assert.Equal("EqualsTo", CSharp.Member("equals_to", "Anchors"));
        Assert.Equal("Equal", CSharp.Member("equal", "Anchors"));
    }

    [Theory]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    [InlineData("\u2028\u0085\u0000", "\"\\u2028\\u0085\\0\"")]
    [InlineData("*/ {{ }}", "\"*/ {{ }}\"")]
    [InlineData("", "\"\"")]
    [InlineData("plain text, données & <tags>", "\"plain text, données & <tags>\"")]   // nothing to escape: quoted as it is
    [InlineData("clean prefix then a quote\"", "\"clean prefix then a quote\\\"\"")]  // the escape after a clean run
    [InlineData("pair \U0001F600 kept", "\"pair \U0001F600 kept\"")]                // a surrogate pair is one character
    [InlineData("bom \uFEFF del \u007F", "\"bom \\uFEFF del \\u007F\"")]
    public void String_literals_escape_what_would_break_them(string text, string literal) => Assert.Equal(literal, CSharp.Literal(text));

    [Fact]
    public void A_lone_surrogate_after_clean_text_is_escaped()
    {
        // Built here: theory data cannot carry a lone surrogate through its serialization.
        Assert.Equal("\"lone \\uD83D end\"", CSharp.Literal("lone " + (char)0xD83D + " end"));
        Assert.Equal("\"end \\uDE00\"", CSharp.Literal("end " + (char)0xDE00));
    }

    [Theory]
    [InlineData("Plain text, données", "Plain text, données")]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("clean prefix then\nbreak", "clean prefix then break")]
    [InlineData("pair \U0001F600", "pair   ")]                                          // surrogates become spaces in XML doc text
    [InlineData("bom \uFEFF", "bom \uFEFF")]
    public void Xml_doc_text_is_one_line_with_its_metacharacters_escaped(string text, string xml) => Assert.Equal(xml, CSharp.Xml(text));

    [Theory]
    [InlineData("first_dose", "FirstDose")]
    [InlineData("I6", "I6")]
    [InlineData("pd_l1_tps", "PdL1Tps")]
    [InlineData("_1x", "_1x")]
    [InlineData("données", "Données")]
    [InlineData("Demographics", "Demographics")]
    [InlineData("ÉCOG_score", "ÉCOGScore")]
    [InlineData("", "_")]
    [InlineData("__", "_")]
    [InlineData("1st_visit", "_1stVisit")]
    [InlineData("a_very_long_name_that_goes_on_and_on_past_one_hundred_and_twenty_eight_characters_so_that_it_is_built_on_the_heap_not_the_stack_x", "AVeryLongNameThatGoesOnAndOnPastOneHundredAndTwentyEightCharactersSoThatItIsBuiltOnTheHeapNotTheStackX")]
    public void Identifiers_become_pascal_case(string name, string identifier) => Assert.Equal(identifier, CSharp.Identifier(name));

    [Fact]
    public void Every_template_parses_without_errors()
    {
        Assert.NotEmpty(ProtocolEmitter.Templates);
        Assert.All(ProtocolEmitter.Templates, t => Assert.False(t.HasErrors, string.Join("; ", t.Messages)));
    }
}
