using System;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Emit;

namespace Picares.Dsl.Tests.Analyzers;

/// <summary>
/// A small protocol compiled and emitted by the real compiler, so that the analyzer tests run against the generated
/// API (its name attributes, its CRF classes) exactly as a consuming project sees it.
/// </summary>
internal static class AnalyzerTesting
{
    public const string Protocol = """
        study Demo { title "Demo"; day_one first_dose }
        population { sex all; age 18..75 years at consent; birth_date Demographics.birth_date }
        anchor consent "Consent"
        anchor first_dose "First dose"
        event progression "Progression"
        event death "Death"
        form Demographics { field birth_date date required }
        form Vitals { field weight quantity kg required }
        criterion I6 inclusion "Weight at least 40 kg" { when Vitals.weight >= 40 kg }
        criterion E2 exclusion "Weight above 200 kg" { when Vitals.weight > 200 kg }
        visit Screening "Screening" { day -28..-1; collect Demographics, Vitals }
        visit Cycle "Treatment cycle" {
          every 21 days from first_dose
          window -3..+3 days
          until progression or death
          max 6
          collect Vitals
        }
        """;

    /// <summary>The C# generated from <see cref="Protocol"/>, in namespace Demo.Protocols (class DemoProtocol).</summary>
    public static readonly Lazy<string> Generated = new(() =>
    {
        var result = ProtocolCompiler.Compile(Protocol, "Demo.protocol");
        if (result.Model is null)
            throw new InvalidOperationException("The demo protocol does not compile: " + string.Join("; ", result.Diagnostics.Select(d => d.Id + " " + d.Message)));
        return ProtocolEmitter.Emit(result.Model, "Demo.Protocols");
    });

    /// <summary>The generated C# compiled into an assembly of its own, to test names learned from a reference.</summary>
    public static readonly Lazy<MetadataReference> GeneratedAssembly = new(() =>
    {
        var compilation = CSharpCompilation.Create("Demo.Protocols",
            new[] { CSharpSyntaxTree.ParseText(Generated.Value) },
            Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(Picares.Dsl.Runtime.Model.ProtocolNamesAttribute).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        if (!emitted.Success)
            throw new InvalidOperationException("The demo protocol's C# does not compile: " + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(stream.ToArray());
    });

    /// <summary>An analyzer and code-fix test over <paramref name="source"/>, with the demo protocol's generated C# beside it.</summary>
    public static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> Test<TAnalyzer, TCodeFix>(string source, string? fixedSource = null, bool withProtocol = true)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            TestCode = source,
        };
        Configure(test.TestState, withProtocol);
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
            Configure(test.FixedState, withProtocol);
        }
        return test;
    }

    private static void Configure(SolutionState state, bool withProtocol)
    {
        state.AdditionalReferences.AddRange(Net100.References.All);
        state.AdditionalReferences.Add(typeof(Picares.Dsl.Runtime.Model.ProtocolNamesAttribute).Assembly);
        if (withProtocol) state.Sources.Add(("Demo.protocol.g.cs", Generated.Value));
    }
}
