using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Picares.Dsl.Testing;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Generator;

/// <summary>
/// Severities set in an <c>.editorconfig</c> section for .protocol files reach the build: Roslyn applies
/// <c>.editorconfig</c> severities only to C# sources, so the generator applies them to its own diagnostics.
/// </summary>
public class SeverityConfigurationTests
{
    // A form no visit collects (PIC4011), a code list no field uses (PIC4013), a visit that does nothing (PIC4014).
    private const string Protocol = "study T { title \"t\" }\nform F { field w quantity kg }\ncodelist L { code a \"A\" }\nvisit V { unscheduled }\n";

    private static Dictionary<string, DiagnosticSeverity> Run(Dictionary<string, string>? fileOptions)
    {
        // Without warnings-as-errors, so that the severities are the generator's own.
        var compilation = GeneratorHarness.Compilation("namespace Consumer { }");
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default));
        var driver = GeneratorHarness.Driver(new[] { new InMemoryAdditionalText("/repo/t.protocol", Protocol) }, fileOptions: fileOptions)
            .RunGenerators(compilation);
        return driver.GetRunResult().Diagnostics.ToDictionary(d => d.Id, d => d.Severity);
    }

    [Fact]
    public void Without_configuration_each_id_has_its_default_severity()
    {
        var severities = Run(null);
        Assert.Equal(DiagnosticSeverity.Warning, severities["PIC4011"]);
        Assert.Equal(DiagnosticSeverity.Warning, severities["PIC4013"]);
        Assert.Equal(DiagnosticSeverity.Warning, severities["PIC4014"]);
    }

    [Fact]
    public void An_editorconfig_section_raises_lowers_or_silences_an_id()
    {
        var severities = Run(new Dictionary<string, string>
        {
            ["picares_diagnostic.PIC4011.severity"] = "error",
            ["picares_diagnostic.PIC4013.severity"] = "none",
            ["dotnet_diagnostic.PIC4014.severity"] = "suggestion",
        });
        Assert.Equal(DiagnosticSeverity.Error, severities["PIC4011"]);
        Assert.False(severities.ContainsKey("PIC4013"));
        Assert.Equal(DiagnosticSeverity.Info, severities["PIC4014"]);
    }

    [Fact]
    public void An_unknown_severity_value_leaves_the_default()
    {
        var severities = Run(new Dictionary<string, string> { ["picares_diagnostic.PIC4011.severity"] = "loud" });
        Assert.Equal(DiagnosticSeverity.Warning, severities["PIC4011"]);
    }
}
