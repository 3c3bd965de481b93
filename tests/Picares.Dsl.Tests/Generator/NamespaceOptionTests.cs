using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Picares.Dsl.Tests.Infrastructure;
using Picares.Dsl.Testing;
using Xunit;

namespace Picares.Dsl.Tests.Generator;

/// <summary>
/// The MSBuild property <c>PicaresProtocolNamespace</c>: dotted C# identifiers are the namespace of the generated code
/// (a keyword part escaped with @); anything else is PIC1018, and the code goes to the default namespace.
/// </summary>
public class NamespaceOptionTests
{
    private static (GeneratorDriverRunResult Result, Compilation Output, System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics) Generate(string? value) =>
        GeneratorHarness.Run(value is null ? null : new Dictionary<string, string> { ["PicaresProtocolNamespace"] = value },
            new InMemoryAdditionalText("/repo/trial.protocol", TestProtocols.Prelude));

    private static void AssertCompilesInto(Compilation output, string expectedNamespace)
    {
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.GetTypeByMetadataName(expectedNamespace + ".TProtocol"));
    }

    [Theory]
    [InlineData(null, "Picares.Protocols")]
    [InlineData("", "Picares.Protocols")]
    [InlineData("   ", "Picares.Protocols")]
    [InlineData("Company.Trials", "Company.Trials")]
    [InlineData("  Company.Trials  ", "Company.Trials")]
    [InlineData("Trials", "Trials")]
    [InlineData("Études.Protocoles_2", "Études.Protocoles_2")]
    [InlineData("_internal.x1", "_internal.x1")]
    // Keywords are escaped with @, as C# writes them; contextual keywords are identifiers already.
    [InlineData("class", "class")]
    [InlineData("Company.event.Protocols", "Company.event.Protocols")]
    [InlineData("Company.@event", "Company.event")]
    [InlineData("@Company.@Trials", "Company.Trials")]
    [InlineData("var.async.record.global", "var.async.record.global")]
    public void A_namespace_of_dotted_identifiers_is_used(string? value, string expected)
    {
        var (result, output, diagnostics) = Generate(value);
        Assert.Empty(diagnostics);
        Assert.Single(result.Results.Single().GeneratedSources);
        AssertCompilesInto(output, expected);
    }

    [Theory]
    [InlineData("My-Ns", "'My-Ns' is not a C# identifier")]
    [InlineData("1Ns", "'1Ns' is not a C# identifier")]
    [InlineData("A..B", "it has an empty part")]
    [InlineData(".Ns", "it has an empty part")]
    [InlineData("Ns.", "it has an empty part")]
    [InlineData("My Ns", "'My Ns' is not a C# identifier")]
    [InlineData("Company. Trials", "' Trials' is not a C# identifier")]
    [InlineData("global::Company", "'global::Company' is not a C# identifier")]
    [InlineData("Company.Trials;", "'Trials;' is not a C# identifier")]
    [InlineData("Company{", "'Company{' is not a C# identifier")]
    [InlineData("@", "'@' is not a C# identifier")]
    [InlineData("@1Ns", "'@1Ns' is not a C# identifier")]
    [InlineData("A.B/C", "'B/C' is not a C# identifier")]
    public void Any_other_value_is_reported_and_the_code_goes_to_the_default_namespace(string value, string problem)
    {
        var (result, output, diagnostics) = Generate(value);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PIC1018", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Equal(
            $"PicaresProtocolNamespace '{value.Trim()}' is not a C# namespace: {problem}; set it to C# identifiers separated by dots, " +
            "such as Company.Trials.Protocols, or remove it; the code is generated in Picares.Protocols meanwhile",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(result.Results.Single().GeneratedSources);
        AssertCompilesInto(output, "Picares.Protocols");
    }

    [Fact]
    public void An_invalid_namespace_is_reported_once_whatever_the_number_of_protocols()
    {
        var (result, output, diagnostics) = GeneratorHarness.Run(new Dictionary<string, string> { ["PicaresProtocolNamespace"] = "My-Ns" },
            new InMemoryAdditionalText("/repo/a.protocol", TestProtocols.Prelude),
            new InMemoryAdditionalText("/repo/b.protocol", TestProtocols.Prelude.Replace("study T", "study U")));
        Assert.Equal("PIC1018", Assert.Single(diagnostics).Id);
        Assert.Equal(2, result.Results.Single().GeneratedSources.Length);
        AssertCompilesInto(output, "Picares.Protocols");
    }
}
