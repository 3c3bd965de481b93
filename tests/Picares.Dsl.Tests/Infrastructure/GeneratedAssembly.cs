using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Picares.Dsl.Testing;
using Xunit;

namespace Picares.Dsl.Tests.Infrastructure;

/// <summary>
/// A protocol run through the generator, its C# compiled with no warning and loaded in a collectible context: for tests
/// that call the generated API of a protocol of their own. Unloaded when disposed.
/// </summary>
internal sealed class GeneratedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    public GeneratedAssembly(string protocol, string name = "test")
    {
        var (result, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText($"/repo/{name}.protocol", protocol));
        GeneratorDiagnostics = diagnostics;
        GeneratedSources = result.Results.Single().GeneratedSources.Length;
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        _context = new AssemblyLoadContext(name, isCollectible: true);
        Assembly = _context.LoadFromStream(new MemoryStream(stream.ToArray()));
    }

    public Assembly Assembly { get; }

    /// <summary>What the generator reported about the protocol (no error, or the constructor would have failed).</summary>
    public System.Collections.Immutable.ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>How many sources the generator added.</summary>
    public int GeneratedSources { get; }

    /// <summary>A nested type of the generated protocol class, such as "Crf+Vitals".</summary>
    public Type Type(string protocolClass, string nested) =>
        Assembly.GetType($"Picares.Protocols.{protocolClass}+{nested}", throwOnError: true)!;

    public void Dispose() => _context.Unload();
}
