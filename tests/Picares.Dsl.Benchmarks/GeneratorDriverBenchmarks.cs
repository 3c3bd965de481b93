using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Picares.Dsl.Benchmarks.Infrastructure;
using Picares.Dsl.Testing;
using Picares.Dsl.Benchmarks.Inputs;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Emit;
using Picares.Dsl.Generator;

namespace Picares.Dsl.Benchmarks;

/// <summary>
/// The incremental generator on PICARES.protocol, driven the way a build or an IDE drives it: a cold run with
/// nothing cached (the baseline), a rerun after a protocol edit (and after a whitespace-only one), a rerun after
/// an unrelated C# edit, and
/// PICARES end to end in a warm process, up to the compilation that holds the generated tree.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class GeneratorDriverBenchmarks
{
    private const string ConsumerSource = """
        namespace Consumer
        {
            public static class EligibilityScreen
            {
                public static string Describe(global::Picares.Dsl.Runtime.Model.StudyInfo study) => study.Name + " " + study.Title;
            }
        }
        """;

    // The edit: one criterion's text (I6), which changes the model, so the generator re-emits.
    private const string EditFrom = "Weight ≥ 40kg;";
    private const string EditTo = "Weight ≥ 41kg;";

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
    private static readonly GeneratorDriverOptions DriverOptions = new(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false);

    private readonly ISourceGenerator[] _generators = { new ProtocolGenerator().AsSourceGenerator() };
    private readonly GlobalOptionsProvider _options = new(new Dictionary<string, string> { ["build_property.ProjectDir"] = "/repo/" });

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _compilationWithEdit = null!;
    private AdditionalText _picares = null!;
    private AdditionalText _picaresEdited = null!;
    private AdditionalText _picaresWhitespaceEdited = null!;
    private string _picaresText = "";

    private GeneratorDriver _protocolEditDriver = null!;
    private bool _protocolEditDriverHoldsEdit;
    private GeneratorDriver _whitespaceEditDriver = null!;
    private bool _whitespaceEditDriverHoldsEdit;
    private GeneratorDriver _csharpEditDriver = null!;
    private bool _csharpEditDriverSawEdit;

    [GlobalSetup]
    public void Setup()
    {
        _picaresText = ProtocolInputs.Picares;
        ProtocolInputs.CompileClean(_picaresText, "PICARES");
        if (!_picaresText.Contains(EditFrom, StringComparison.Ordinal))
            throw new InvalidOperationException($"PICARES.protocol no longer contains \"{EditFrom}\"; pick another edit.");
        _picares = new InMemoryAdditionalText(ProtocolInputs.PicaresPath, _picaresText);
        _picaresEdited = new InMemoryAdditionalText(ProtocolInputs.PicaresPath, _picaresText.Replace(EditFrom, EditTo, StringComparison.Ordinal));
        _picaresWhitespaceEdited = new InMemoryAdditionalText(ProtocolInputs.PicaresPath, _picaresText + "\n");

        var references = Net100.References.All
            .Append(MetadataReference.CreateFromFile(typeof(Picares.Dsl.Runtime.Model.StudyInfo).Assembly.Location))
            .ToList();
        var consumer = CSharpSyntaxTree.ParseText(ConsumerSource, ParseOptions, path: "Consumer.cs");
        _compilation = CSharpCompilation.Create("Consumer", new[] { consumer }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var editedConsumer = CSharpSyntaxTree.ParseText(ConsumerSource.Replace("study.Name + \" \"", "study.Name + \" - \"", StringComparison.Ordinal), ParseOptions, path: "Consumer.cs");
        _compilationWithEdit = _compilation.ReplaceSyntaxTree(consumer, editedConsumer);

        // The generated code must compile with the consumer, and both protocol texts must generate.
        var output = RunToCompilation(NewDriver(_picares), _compilation, out var generated);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || generated.Length > 0)
            throw new InvalidOperationException("PICARES does not generate cleanly: " + string.Join("; ", generated.Concat(errors).Take(5)));
        var first = GeneratedText(NewDriver(_picares).RunGenerators(_compilation));
        var second = GeneratedText(NewDriver(_picaresEdited).RunGenerators(_compilation));
        if (first == second) throw new InvalidOperationException("The protocol edit does not change the generated source.");

        _protocolEditDriver = NewDriver(_picares).RunGenerators(_compilation);
        _protocolEditDriverHoldsEdit = false;
        _whitespaceEditDriver = NewDriver(_picares).RunGenerators(_compilation);
        _whitespaceEditDriverHoldsEdit = false;
        _csharpEditDriver = NewDriver(_picares).RunGenerators(_compilation);
        _csharpEditDriverSawEdit = false;
    }

    private GeneratorDriver NewDriver(AdditionalText protocol) =>
        CSharpGeneratorDriver.Create(_generators, new[] { protocol }, ParseOptions, _options, DriverOptions);

    private static Compilation RunToCompilation(GeneratorDriver driver, Compilation compilation, out ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out generatorDiagnostics);
        return output;
    }

    private static string GeneratedText(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString();

    /// <summary>A new driver every time: nothing is cached, every step of the pipeline runs.</summary>
    [Benchmark(Baseline = true)]
    [Reads(BenchmarkInput.Protocol)]
    public GeneratorDriver Cold_new_driver_RunGenerators() => NewDriver(_picares).RunGenerators(_compilation);

    /// <summary>A warm driver after one criterion's text changed (alternating between two texts): read, parse, bind and emit run again.</summary>
    [Benchmark]
    public GeneratorDriver Rerun_after_protocol_edit()
    {
        var (from, to) = _protocolEditDriverHoldsEdit ? (_picaresEdited, _picares) : (_picares, _picaresEdited);
        _protocolEditDriver = _protocolEditDriver.ReplaceAdditionalText(from, to).RunGenerators(_compilation);
        _protocolEditDriverHoldsEdit = !_protocolEditDriverHoldsEdit;
        return _protocolEditDriver;
    }

    /// <summary>
    /// A warm driver after a blank line was added at the end of the file (alternating): parse and bind run again,
    /// but the model is value-equal, so the emit step is skipped. Not one of the targets; it shows
    /// what the split pipeline saves.
    /// </summary>
    [Benchmark]
    public GeneratorDriver Rerun_after_whitespace_only_protocol_edit()
    {
        var (from, to) = _whitespaceEditDriverHoldsEdit ? (_picaresWhitespaceEdited, _picares) : (_picares, _picaresWhitespaceEdited);
        _whitespaceEditDriver = _whitespaceEditDriver.ReplaceAdditionalText(from, to).RunGenerators(_compilation);
        _whitespaceEditDriverHoldsEdit = !_whitespaceEditDriverHoldsEdit;
        return _whitespaceEditDriver;
    }

    /// <summary>A warm driver after a C# syntax tree was replaced (alternating between two compilations): every protocol step is cached.</summary>
    [Benchmark]
    public GeneratorDriver Rerun_after_unrelated_CSharp_edit()
    {
        _csharpEditDriver = _csharpEditDriver.RunGenerators(_csharpEditDriverSawEdit ? _compilation : _compilationWithEdit);
        _csharpEditDriverSawEdit = !_csharpEditDriverSawEdit;
        return _csharpEditDriver;
    }

    /// <summary>
    /// PICARES end to end in a warm process (the target, under 5 ms): a new driver generates from the
    /// .protocol text and returns the compilation with the generated syntax tree added, as a build does.
    /// </summary>
    [Benchmark]
    [Reads(BenchmarkInput.Protocol)]
    public Compilation Picares_end_to_end_warm_RunGeneratorsAndUpdateCompilation() => RunToCompilation(NewDriver(_picares), _compilation, out _);

    /// <summary>The compiler core alone on the same text, without Roslyn: parse, bind, emit (Scriban), into the chunks the generator hands Roslyn.</summary>
    [Benchmark]
    [Reads(BenchmarkInput.Protocol)]
    public GeneratedText Core_only_Compile_and_Emit() =>
        ProtocolEmitter.EmitText(ProtocolCompiler.Compile(_picaresText, ProtocolInputs.PicaresPath).Model!, "Picares.Protocols");
}
