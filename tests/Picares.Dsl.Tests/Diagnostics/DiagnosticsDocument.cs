using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Tests.Infrastructure;
using CodeAnalysis = Microsoft.CodeAnalysis;

namespace Picares.Dsl.Tests.Diagnostics;

/// <summary>
/// docs/diagnostics.md and the descriptors it documents: the compiler core's, and the Roslyn descriptors the generator
/// assembly declares itself (its analyzers of consuming C#, and any descriptor held in a static field).
/// </summary>
internal static class DiagnosticsDocument
{
    /// <summary>The text of docs/diagnostics.md, with LF line endings.</summary>
    public static string Text { get; } = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics.md")).Replace("\r\n", "\n");

    /// <summary>The section of <paramref name="id"/>, from its <c>## ID:</c> heading to the next heading; null if there is none.</summary>
    public static string? Section(string id)
    {
        int start = Text.IndexOf($"## {id}:", StringComparison.Ordinal);
        if (start < 0) return null;
        int end = Text.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return end < 0 ? Text.Substring(start) : Text.Substring(start, end - start);
    }

    /// <summary>What a descriptor says about itself, whichever kind it is.</summary>
    public sealed record Described(string Id, string Title, string MessageFormat, string Severity, string Category);

    /// <summary>Every descriptor of the compiler core, the generator and the analyzers, by ID.</summary>
    public static IReadOnlyDictionary<string, Described> All { get; } = Collect();

    /// <summary>The Roslyn descriptors of the generator assembly: its analyzers' supported diagnostics and every static descriptor field.</summary>
    public static IEnumerable<CodeAnalysis.DiagnosticDescriptor> GeneratorDescriptors()
    {
        var types = typeof(Picares.Dsl.Generator.ProtocolGenerator).Assembly.GetTypes();
        var supported = types
            .Where(t => !t.IsAbstract && typeof(CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);
        var fields = types
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(CodeAnalysis.DiagnosticDescriptor) && !f.DeclaringType!.ContainsGenericParameters)
            .Select(f => (CodeAnalysis.DiagnosticDescriptor)f.GetValue(null)!);
        return supported.Concat(fields).Distinct();
    }

    private static Dictionary<string, Described> Collect()
    {
        var all = new Dictionary<string, Described>(StringComparer.Ordinal);
        foreach (var d in DiagnosticDescriptors.All)
            all.Add(d.Id, new Described(d.Id, d.Title, d.MessageFormat, d.DefaultSeverity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "info",
            }, d.Category));
        foreach (var d in GeneratorDescriptors())
            all.Add(d.Id, new Described(d.Id, d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
                d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), d.DefaultSeverity switch
                {
                    CodeAnalysis.DiagnosticSeverity.Error => "error",
                    CodeAnalysis.DiagnosticSeverity.Warning => "warning",
                    CodeAnalysis.DiagnosticSeverity.Info => "info",
                    _ => "hidden",
                }, d.Category));
        return all;
    }
}
