using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
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

        var (result, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/hostile.protocol", protocol));
        Assert.Empty(diagnostics);
        Assert.Single(result.Results.Single().GeneratedSources);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var context = new AssemblyLoadContext("hostile", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(stream.ToArray()));
            var type = assembly.GetType("Picares.Protocols.ClassProtocol", throwOnError: true)!;
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
        finally
        {
            context.Unload();
        }
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

    [Theory]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    [InlineData("\u2028\u0085\u0000", "\"\\u2028\\u0085\\0\"")]
    [InlineData("*/ {{ }}", "\"*/ {{ }}\"")]
    public void String_literals_escape_what_would_break_them(string text, string literal) => Assert.Equal(literal, CSharp.Literal(text));

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
