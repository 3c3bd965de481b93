using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Emit;

namespace Picares.Dsl.Generator;

/// <summary>
/// Compiles every <c>*.protocol</c> AdditionalFile into C#. The pipeline starts from the files, never the
/// compilation, so C# edits leave it cached; diagnostics and models are separate branches, so a protocol
/// edit that only moves text re-reports diagnostics without re-emitting code. It never throws: any failure
/// becomes diagnostic PIC9999 on the file.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ProtocolGenerator : IIncrementalGenerator
{
    /// <summary>What renders a model as C#: <see cref="ProtocolEmitter.EmitText"/>, or in a test something that fails.</summary>
    internal delegate GeneratedText EmitFunction(Picares.Dsl.Compiler.Model.ProtocolModel model, string @namespace, System.Threading.CancellationToken cancellationToken);

    private readonly EmitFunction _emit;

    /// <summary>The generator the build loads.</summary>
    public ProtocolGenerator() : this(ProtocolEmitter.EmitText) { }

    /// <summary>
    /// A generator that renders with <paramref name="emit"/>: the seam through which a test makes emitting fail and sees
    /// the failure become PIC9999 (no input is known to make the real emitter throw). Per instance, so that it can affect
    /// no other generator; the build's generator holds the emitter itself.
    /// </summary>
    internal ProtocolGenerator(EmitFunction emit) => _emit = emit;

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) =>
            {
                provider.GlobalOptions.TryGetValue("build_property.PicaresProtocolNamespace", out var ns);
                provider.GlobalOptions.TryGetValue("build_property.ProjectDir", out var dir);
                if (string.IsNullOrWhiteSpace(ns)) return new GeneratorOptions(GeneratorOptions.DefaultNamespace, dir);
                var value = ns!.Trim();
                // An invalid namespace is reported (PIC1018) and the code still generated, in the default namespace.
                return NamespaceOption.ToCSharp(value, out var problem) is { } valid
                    ? new GeneratorOptions(valid, dir)
                    : new GeneratorOptions(GeneratorOptions.DefaultNamespace, dir, value, problem);
            })
            .WithTrackingName(TrackingNames.Options);
        context.RegisterSourceOutput(options, static (spc, options) =>
        {
            if (options.InvalidNamespace is { } value)
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticAdapter.DescriptorFor(DiagnosticDescriptors.InvalidNamespaceOption),
                    Location.None, value, options.NamespaceProblem, GeneratorOptions.DefaultNamespace));
        });

        var files = context.AdditionalTextsProvider
            .Where(static text => IsProtocol(text))
            .Select(static (text, cancellationToken) => new ProtocolFile(text.Path, text.GetText(cancellationToken)?.ToString() ?? ""))
            .WithTrackingName(TrackingNames.Files);

        var compiled = files
            .Select(static (file, cancellationToken) =>
            {
                var result = ProtocolCompiler.Compile(file.Text, file.Path, cancellationToken);
                return new CompiledProtocol(file.Path, result.Model, result.Diagnostics);
            })
            .WithTrackingName(TrackingNames.Compile);

        // Severities set for the file in .editorconfig: a branch of their own, so that changing one never recompiles.
        var severities = context.AdditionalTextsProvider
            .Where(static text => IsProtocol(text))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => new FileSeverities(pair.Left.Path, SeverityOptions.Read(pair.Right.GetOptions(pair.Left))))
            .WithTrackingName(TrackingNames.Severities);

        var diagnostics = compiled
            .Select(static (c, _) => new FileDiagnostics(c.Path, c.Diagnostics))
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics.Combine(severities.Collect()), static (spc, pair) =>
        {
            var (file, all) = pair;
            var overrides = default(EquatableArray<SeverityOverride>);
            foreach (var s in all) if (s.Path == file.Path) overrides = s.Overrides;
            foreach (var d in file.Diagnostics)
                if (DiagnosticAdapter.ToRoslyn(d, file.Path, overrides) is { } diagnostic) spc.ReportDiagnostic(diagnostic);
        });

        var generated = compiled
            .Where(static c => c.Model is not null)
            .Select(static (c, _) => new ModelToEmit(c.Path, c.Model!))
            .WithTrackingName(TrackingNames.Model)
            .Combine(options)
            .Select((pair, cancellationToken) => Emit(_emit, pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Emit);
        context.RegisterSourceOutput(generated, static (spc, source) =>
        {
            if (source.Text is not null)
                spc.AddSource(source.HintName, new GeneratedSourceText(source.Text));
            else
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticAdapter.DescriptorFor(DiagnosticDescriptors.InternalError),
                    Location.Create(source.Path, default, default), source.Error));
        });
    }

    private static bool IsProtocol(AdditionalText text) => text.Path.EndsWith(".protocol", StringComparison.OrdinalIgnoreCase);

    private static GeneratedSource Emit(EmitFunction emit, ModelToEmit input, GeneratorOptions options, System.Threading.CancellationToken cancellationToken)
    {
        var hint = HintNames.For(input.Path, options.ProjectDirectory);
        try
        {
            return new GeneratedSource(input.Path, hint, emit(input.Model, options.Namespace, cancellationToken), null);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return new GeneratedSource(input.Path, hint, null, ex.GetType().Name + ": " + ex.Message);
        }
    }
}
