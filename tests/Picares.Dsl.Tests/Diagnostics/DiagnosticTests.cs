using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Diagnostics;

public class DiagnosticTests
{
    [Theory]
    [MemberData(nameof(DiagnosticCases.All), MemberType = typeof(DiagnosticCases))]
    public void Each_diagnostic_is_reported_with_its_id_at_its_exact_span(string id)
    {
        var (text, expected) = Markup.Parse(DiagnosticCases.ById[id]);
        var result = ProtocolCompiler.Compile(text, "case.protocol");

        var actual = result.Diagnostics.Select(d => (d.Id, d.Span)).ToList();
        Assert.Equal(expected, actual);
        Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
        if (DiagnosticDescriptors.Get(id).DefaultSeverity == Severity.Error) Assert.Null(result.Model);
    }

    [Fact]
    public void Too_many_errors_stop_at_the_limit()
    {
        var result = ProtocolCompiler.Compile(TestProtocols.Prelude + new string('$', 300));
        Assert.Equal(DiagnosticBag.Limit, result.Diagnostics.Count(d => d.Id == "PIC0001"));
        Assert.Single(result.Diagnostics, d => d.Id == "PIC0009");
    }

    [Fact]
    public void Messages_fill_every_placeholder_and_suggest_a_fix()
    {
        var (text, _) = Markup.Parse(DiagnosticCases.ById["PIC1005"]);
        var diagnostic = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics);
        Assert.Equal("Unknown form or code list 'Vitls'; did you mean 'Vitals'?", diagnostic.Message);
        Assert.Equal("case.protocol(9,35): error PIC1005: Unknown form or code list 'Vitls'; did you mean 'Vitals'?", diagnostic.Format("case.protocol"));
    }

    [Fact]
    public void A_mistyped_declaration_gets_a_suggestion()
    {
        var diagnostic = Assert.Single(ProtocolCompiler.Compile("studdy X { }\n").Diagnostics, d => d.Id == "PIC1001");
        Assert.Contains("did you mean 'study'?", diagnostic.Message);
    }

    [Fact]
    public void One_pass_reports_every_syntax_error_of_the_file()
    {
        var text = TestProtocols.With("anchor a $\nanchor b \"open\nanchor c )\nform F {\n");
        var ids = ProtocolCompiler.Compile(text).Diagnostics.Select(d => d.Id).ToList();
        Assert.Contains("PIC0001", ids);
        Assert.Contains("PIC0002", ids);
        Assert.Contains("PIC0005", ids);
        Assert.Contains("PIC0006", ids);
    }

    [Fact]
    public void A_clean_protocol_has_no_diagnostics_and_a_model()
    {
        var result = ProtocolCompiler.Compile(TestProtocols.With("criterion I1 inclusion \"Weight ≥ 40kg\" { when Vitals.weight >= 40 kg }\n"));
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Model);
    }
}
