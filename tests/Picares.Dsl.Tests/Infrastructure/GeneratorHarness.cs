using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Picares.Dsl.Generator;
using Picares.Dsl.Testing;

namespace Picares.Dsl.Tests.Infrastructure;

/// <summary>Runs the generator over a compilation, the way a build does.</summary>
internal static class GeneratorHarness
{
    public static IEnumerable<MetadataReference> References { get; } =
        Net100.References.All.Concat(new[] { MetadataReference.CreateFromFile(typeof(Picares.Dsl.Runtime.Model.StudyInfo).Assembly.Location) }).ToList();

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create("Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error, deterministic: true));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> files, string projectDir = "/repo/", bool track = true, IDictionary<string, string>? fileOptions = null,
        ProtocolGenerator? generator = null) =>
        CSharpGeneratorDriver.Create(
            new[] { (generator ?? new ProtocolGenerator()).AsSourceGenerator() },
            files,
            (CSharpParseOptions)CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            new GlobalOptionsProvider(new Dictionary<string, string> { ["build_property.ProjectDir"] = projectDir }, fileOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>Generates from <paramref name="files"/> and returns the run result and the compilation with the generated code.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(params AdditionalText[] files) =>
        Run(new ProtocolGenerator(), files);

    /// <summary>Generates from <paramref name="files"/> with <paramref name="generator"/> (such as one whose emitter fails).</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(ProtocolGenerator generator, params AdditionalText[] files)
    {
        var compilation = Compilation("namespace Consumer { public static class Placeholder { } }");
        var driver = Driver(files, generator: generator).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver.GetRunResult(), output, diagnostics);
    }
}
