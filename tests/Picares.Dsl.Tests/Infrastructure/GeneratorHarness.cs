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

    /// <param name="files">The additional files.</param>
    /// <param name="projectDir">The project folder (<c>build_property.ProjectDir</c>).</param>
    /// <param name="track">Whether to track the pipeline's steps.</param>
    /// <param name="fileOptions">The .editorconfig options of every file.</param>
    /// <param name="properties">More MSBuild properties, by name without <c>build_property.</c> (such as <c>PicaresProtocolNamespace</c>).</param>
    /// <param name="generator">The generator to run (by default a new <see cref="ProtocolGenerator"/>; a test may give one whose emitter fails).</param>
    public static GeneratorDriver Driver(IEnumerable<AdditionalText> files, string projectDir = "/repo/", bool track = true, IDictionary<string, string>? fileOptions = null,
        IDictionary<string, string>? properties = null, ProtocolGenerator? generator = null)
    {
        var global = new Dictionary<string, string> { ["build_property.ProjectDir"] = projectDir };
        foreach (var property in properties ?? new Dictionary<string, string>()) global["build_property." + property.Key] = property.Value;
        return CSharpGeneratorDriver.Create(
            new[] { (generator ?? new ProtocolGenerator()).AsSourceGenerator() },
            files,
            (CSharpParseOptions)CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            new GlobalOptionsProvider(global, fileOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));
    }

    /// <summary>Generates from <paramref name="files"/> and returns the run result and the compilation with the generated code.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(params AdditionalText[] files) =>
        Run(new ProtocolGenerator(), null, files);

    /// <summary>Generates from <paramref name="files"/> with these MSBuild <paramref name="properties"/> set.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(IDictionary<string, string>? properties, params AdditionalText[] files) =>
        Run(new ProtocolGenerator(), properties, files);

    /// <summary>Generates from <paramref name="files"/> with <paramref name="generator"/> (such as one whose emitter fails).</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(ProtocolGenerator generator, params AdditionalText[] files) =>
        Run(generator, null, files);

    private static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(ProtocolGenerator generator,
        IDictionary<string, string>? properties, AdditionalText[] files)
    {
        var compilation = Compilation("namespace Consumer { public static class Placeholder { } }");
        var driver = Driver(files, properties: properties, generator: generator).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver.GetRunResult(), output, diagnostics);
    }
}
