using System;
using System.Collections;
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

    /// <summary>A new <c>Crf.Subject</c> of the generated protocol class, with its id and the date of its first_dose anchor.</summary>
    public object NewSubject(string protocolClass, DateTime firstDose, string? id = null)
    {
        var type = Type(protocolClass, "Crf+Subject");
        var subject = Activator.CreateInstance(type)!;
        if (id is not null) type.GetProperty("Id")!.SetValue(subject, id);
        var anchors = type.GetProperty("Anchors")!.GetValue(subject)!;
        anchors.GetType().GetProperty("FirstDose")!.SetValue(anchors, (DateTime?)firstDose);
        return subject;
    }

    /// <summary>Adds a new occurrence of a repeating form to a subject's case book, its properties set by name, and returns it.</summary>
    public object AddOccurrence(string protocolClass, object subject, string form, params (string Property, object? Value)[] values)
    {
        var formType = Type(protocolClass, "Crf+" + form);
        var occurrence = Activator.CreateInstance(formType)!;
        foreach (var (property, value) in values) formType.GetProperty(property)!.SetValue(occurrence, value);
        var book = subject.GetType().GetProperty("Forms")!.GetValue(subject)!;
        ((IList)book.GetType().GetProperty(form)!.GetValue(book)!).Add(occurrence);
        return occurrence;
    }

    /// <summary>The generated <c>Analysis</c> method of an endpoint, called on one subject without a data cut-off.</summary>
    public T Analyse<T>(string protocolClass, string endpoint, object subject) =>
        (T)Type(protocolClass, "Analysis").GetMethod(endpoint)!.Invoke(null, new object?[] { subject, null })!;

    public void Dispose() => _context.Unload();
}
