using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Diagnostics;

/// <summary>
/// The protocol examples of the documentation say what they show: each ID's bad example in docs/diagnostics.md reports
/// that ID and its fixed example does not; every example of docs/language.md that declares a study compiles without an
/// error (the others are fragments that show one construct).
/// </summary>
public class DocumentationExamplesTests
{
    private static readonly Regex ProtocolBlock = new(@"```protocol\n(.*?)```", RegexOptions.Singleline);
    private static readonly Regex ProjectBlock = new(@"```xml\n(.*?)```", RegexOptions.Singleline);

    // IDs about the project file rather than a protocol: their examples are project file snippets (checked below).
    private static readonly string[] ProjectIds = { "PIC1018" };

    private static string Doc(string name) => File.ReadAllText(Path.Combine(Repository.Root, "docs", name)).Replace("\r\n", "\n");

    public static IEnumerable<object[]> DocumentedIds()
    {
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            if (descriptor.Id == "PIC9999") continue; // no protocol shows a bug of the compiler (DiagnosticCases.CoveredElsewhere)
            var section = DiagnosticsDocument.Section(descriptor.Id);
            if (section is null) continue; // DiagnosticCatalogTests reports a missing section
            var blocks = ProtocolBlock.Matches(section);
            if (blocks.Count >= 2) yield return new object[] { descriptor.Id, blocks[0].Groups[1].Value, blocks[1].Groups[1].Value };
        }
    }

    [Theory]
    [MemberData(nameof(DocumentedIds))]
    public void A_documented_bad_example_reports_its_id_and_the_fixed_one_does_not(string id, string bad, string @fixed)
    {
        var badIds = ProtocolCompiler.Compile(bad, "bad.protocol").Diagnostics.Select(d => d.Id).ToList();
        Assert.Contains(id, badIds);
        var fixedDiagnostics = ProtocolCompiler.Compile(@fixed, "fixed.protocol").Diagnostics;
        Assert.DoesNotContain(id, fixedDiagnostics.Select(d => d.Id));
        // A consistency check's fix brings no error or warning of its own that the bad example did not have. (The examples of
        // the other IDs are minimal files that stop before the consistency checks, whose warnings their fixes may meet.)
        if (id.StartsWith("PIC4", System.StringComparison.Ordinal))
            Assert.Empty(fixedDiagnostics.Where(d => d.Severity >= Compiler.Diagnostics.Severity.Warning && !badIds.Contains(d.Id)).Select(d => d.Format("fixed.protocol")));
    }

    [Fact]
    public void Every_id_with_protocol_examples_is_checked()
    {
        // The PIC5xxx analyzers are shown in C#; every compiler ID but the internal error and those about the project file
        // has protocol examples.
        var checkedIds = DocumentedIds().Select(row => (string)row[0]).ToHashSet();
        Assert.All(DiagnosticDescriptors.All.Where(d => d.Id != "PIC9999" && !ProjectIds.Contains(d.Id)), d => Assert.Contains(d.Id, checkedIds));
    }

    [Theory]
    [InlineData("PIC1018")]
    public void A_documented_project_file_example_reports_its_id_and_the_fixed_one_does_not(string id)
    {
        Assert.Contains(id, ProjectIds);
        var section = DiagnosticsDocument.Section(id);
        Assert.True(section is not null, $"docs/diagnostics.md has no section for {id}");
        var blocks = ProjectBlock.Matches(section).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, blocks.Count);
        Assert.Contains(id, Build(blocks[0]).Select(d => d.Id));
        Assert.DoesNotContain(id, Build(blocks[1]).Select(d => d.Id));

        // The generator's diagnostics for a small protocol built with the properties the snippet sets.
        static IEnumerable<Microsoft.CodeAnalysis.Diagnostic> Build(string project)
        {
            var properties = Regex.Matches(project, @"<(\w+)>([^<]*)</\1>").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            Assert.NotEmpty(properties);
            return GeneratorHarness.Run(properties, new Picares.Dsl.Testing.InMemoryAdditionalText("/repo/example.protocol", TestProtocols.Prelude)).GeneratorDiagnostics;
        }
    }

    [Fact]
    public void The_language_reference_s_complete_examples_compile_without_errors()
    {
        var examples = ProtocolBlock.Matches(Doc("language.md")).Select(m => m.Groups[1].Value).Where(e => Regex.IsMatch(e, @"^study\b", RegexOptions.Multiline)).ToList();
        Assert.True(examples.Count >= 10, $"only {examples.Count} complete examples found");
        foreach (var example in examples)
        {
            var errors = ProtocolCompiler.Compile(example, "example.protocol").Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            Assert.True(errors.Count == 0, "An example of docs/language.md has errors: " + string.Join("; ", errors.Select(e => e.Format("example.protocol"))) + "\n" + example);
        }
    }
}
