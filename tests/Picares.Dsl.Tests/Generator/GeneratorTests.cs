using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Picares.Dsl.Tests.Diagnostics;
using Picares.Dsl.Tests.Infrastructure;
using Picares.Dsl.Testing;
using Xunit;

namespace Picares.Dsl.Tests.Generator;

public class GeneratorTests
{
    [Fact]
    public void Picares_generates_code_that_compiles_with_nullable_and_warnings_as_errors()
    {
        var (result, output, generatorDiagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/protocols/PICARES.protocol", Repository.Picares));
        Assert.Empty(generatorDiagnostics);
        var generated = Assert.Single(result.Results.Single().GeneratedSources);
        Assert.Equal("protocols.PICARES.protocol.g.cs", generated.HintName);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [MemberData(nameof(DiagnosticCases.All), MemberType = typeof(DiagnosticCases))]
    public void Diagnostics_reach_the_build_at_the_exact_location_in_the_protocol_file(string id)
    {
        var (text, expected) = Markup.Parse(DiagnosticCases.ById[id]);
        var (result, _, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/case.protocol", text));
        Assert.Null(result.Results.Single().Exception);
        var actual = diagnostics.Select(d => (d.Id, new Picares.Dsl.Compiler.Text.TextSpan(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length))).ToList();
        Assert.Equal(expected, actual);
        Assert.All(diagnostics, d => Assert.Equal("/repo/case.protocol", d.Location.GetLineSpan().Path));
    }

    [Fact]
    public void A_build_prints_path_line_and_column()
    {
        var (text, _) = Markup.Parse(DiagnosticCases.ById["PIC1005"]);
        var (_, _, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/PICARES.protocol", text));
        var printed = Assert.Single(diagnostics).ToString();
        Assert.StartsWith("/repo/PICARES.protocol(9,35): error PIC1005: Unknown form or code list 'Vitls'", printed);
    }

    [Fact]
    public void Files_named_alike_in_different_folders_get_different_hint_names()
    {
        var text = TestProtocols.Prelude;
        var second = text.Replace("study T", "study U");
        var (result, output, diagnostics) = GeneratorHarness.Run(
            new InMemoryAdditionalText("/repo/a/trial.protocol", text),
            new InMemoryAdditionalText("/repo/b/trial.protocol", second));
        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "a.trial.protocol.g.cs", "b.trial.protocol.g.cs" }, result.Results.Single().GeneratedSources.Select(s => s.HintName).OrderBy(x => x));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Files_that_are_not_protocols_are_ignored()
    {
        var (result, _, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/notes.txt", "not a protocol {"));
        Assert.Empty(diagnostics);
        Assert.Empty(result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void A_protocol_with_errors_generates_nothing()
    {
        var (result, _, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/bad.protocol", "study X {"));
        Assert.NotEmpty(diagnostics);
        Assert.Empty(result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void Generation_is_deterministic_byte_for_byte()
    {
        string Generate() => GeneratorHarness.Run(new InMemoryAdditionalText("/repo/protocols/PICARES.protocol", Repository.Picares))
            .Result.Results.Single().GeneratedSources.Single().SourceText.ToString();
        Assert.Equal(Generate(), Generate());
    }

    [Fact]
    public void A_failure_of_the_generator_becomes_PIC9999_on_the_protocol_file_and_nothing_is_thrown()
    {
        // ProtocolGenerator(EmitFunction) is the seam: the emitter is replaced by one that throws, as a bug in it would.
        var generator = new Picares.Dsl.Generator.ProtocolGenerator((_, _, _) => throw new System.InvalidOperationException("emitter failed on purpose"));
        var file = new InMemoryAdditionalText("/repo/protocols/Trial.protocol", TestProtocols.Prelude);

        var (result, _, diagnostics) = GeneratorHarness.Run(generator, file);

        var run = result.Results.Single();
        Assert.Null(run.Exception); // the driver would otherwise report CS8785 and drop the generator's output
        Assert.Empty(run.GeneratedSources);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PIC9999", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(LocationKind.ExternalFile, diagnostic.Location.Kind);
        Assert.Equal("/repo/protocols/Trial.protocol", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(default, diagnostic.Location.SourceSpan); // at the start of the file
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("The PICARES.Dsl compiler failed on this file (InvalidOperationException: emitter failed on purpose); please report it with the file attached",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
