using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Picares.Dsl.Compiler;
using Core = Picares.Dsl.Compiler.Diagnostics;

namespace Picares.Dsl.Generator;

/// <summary>One ID's severity as configured for a file: a <see cref="ReportDiagnostic"/> value.</summary>
internal sealed record SeverityOverride(string Id, ReportDiagnostic Severity);

/// <summary>The severities configured for one .protocol file.</summary>
internal sealed record FileSeverities(string Path, EquatableArray<SeverityOverride> Overrides);

/// <summary>
/// Severities set for a .protocol file in an <c>.editorconfig</c> section that matches it
/// (<c>[*.protocol]</c> <c>dotnet_diagnostic.PIC4011.severity = error</c>). Roslyn applies <c>.editorconfig</c>
/// severities only to diagnostics in C# sources (dotnet/roslyn#55921), and these diagnostics are located in
/// additional files, so the generator applies them itself; a <c>.globalconfig</c> or <c>NoWarn</c> still applies on top.
/// </summary>
internal static class SeverityOptions
{
    public static EquatableArray<SeverityOverride> Read(AnalyzerConfigOptions options)
    {
        var overrides = new List<SeverityOverride>();
        foreach (var descriptor in Core.DiagnosticDescriptors.All)
        {
            // Roslyn keeps dotnet_diagnostic keys to itself; picares_diagnostic is the same setting under a name it passes on.
            if (!options.TryGetValue("dotnet_diagnostic." + descriptor.Id + ".severity", out var value) &&
                !options.TryGetValue("picares_diagnostic." + descriptor.Id + ".severity", out value)) continue;
            if (Parse(value) is { } severity) overrides.Add(new SeverityOverride(descriptor.Id, severity));
        }
        return overrides.ToEquatableArray();
    }

    private static ReportDiagnostic? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "error" => ReportDiagnostic.Error,
        "warning" => ReportDiagnostic.Warn,
        "suggestion" => ReportDiagnostic.Info,
        "silent" => ReportDiagnostic.Hidden,
        "none" => ReportDiagnostic.Suppress,
        "default" => ReportDiagnostic.Default,
        _ => null,
    };

    /// <summary>The severity to report <paramref name="id"/> at in a file with these overrides, or null to report nothing.</summary>
    public static DiagnosticSeverity? Effective(EquatableArray<SeverityOverride> overrides, string id, DiagnosticSeverity defaultSeverity)
    {
        foreach (var o in overrides)
            if (o.Id == id) return Effective(o.Severity, defaultSeverity);
        return defaultSeverity;
    }

    private static DiagnosticSeverity? Effective(ReportDiagnostic configured, DiagnosticSeverity defaultSeverity) => configured switch
    {
        ReportDiagnostic.Error => DiagnosticSeverity.Error,
        ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
        ReportDiagnostic.Info => DiagnosticSeverity.Info,
        ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
        ReportDiagnostic.Suppress => null,
        _ => defaultSeverity,
    };
}
