using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Core = Picares.Dsl.Compiler.Diagnostics;

namespace Picares.Dsl.Generator;

/// <summary>Turns the compiler core's diagnostics (plain data) into Roslyn diagnostics at the .protocol file's location.</summary>
internal static class DiagnosticAdapter
{
    private static readonly ConcurrentDictionary<string, DiagnosticDescriptor> Descriptors = new();

    public static DiagnosticDescriptor DescriptorFor(Core.DiagnosticDescriptor d) =>
        Descriptors.GetOrAdd(d.Id, _ => new DiagnosticDescriptor(
            d.Id, d.Title, d.MessageFormat, d.Category, Map(d.DefaultSeverity), isEnabledByDefault: true,
            helpLinkUri: d.HelpLink));

    /// <summary>
    /// The Roslyn diagnostic at its location in the .protocol file, at the severity configured for the file
    /// (<see cref="SeverityOptions"/>); null when it is configured off.
    /// </summary>
    public static Diagnostic? ToRoslyn(Core.ProtocolDiagnostic d, string path, Picares.Dsl.Compiler.EquatableArray<SeverityOverride> overrides)
    {
        var descriptor = DescriptorFor(d.Descriptor);
        if (SeverityOptions.Effective(overrides, d.Id, descriptor.DefaultSeverity) is not { } severity) return null;
        var span = new TextSpan(d.Span.Start, d.Span.Length);
        var lines = new LinePositionSpan(
            new LinePosition(d.LineSpan.Start.Line, d.LineSpan.Start.Character),
            new LinePosition(d.LineSpan.End.Line, d.LineSpan.End.Character));
        var args = new object[d.Arguments.Count];
        for (int i = 0; i < args.Length; i++) args[i] = d.Arguments[i];
        return Diagnostic.Create(descriptor, Location.Create(path, span, lines), severity, additionalLocations: null, properties: null, args);
    }

    private static DiagnosticSeverity Map(Core.Severity severity) => severity switch
    {
        Core.Severity.Error => DiagnosticSeverity.Error,
        Core.Severity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
