using System.Linq;
using Microsoft.CodeAnalysis;
using Picares.Dsl.Compiler;
using Picares.Dsl.Testing;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Endpoints;

/// <summary>
/// <c>confirm_response</c> and <c>stable_disease_minimum</c> on endpoints: fixed durations in whole days, on objective_response
/// endpoints only; every misuse reported with its ID at its exact span, and nothing else; the generated derivation passes them.
/// </summary>
public class ResponseConfirmationBindingTests
{
    private const string Tumor = TestProtocols.TumorForm +
        "visit Scan { every 6 weeks from first_dose; max 4; collect Tumor }\n";

    /// <summary>A protocol whose objective_response endpoint holds <paramref name="statements"/>, in markup.</summary>
    private static string Orr(string statements, string start = "start first_dose\n") => TestProtocols.With(Tumor +
        "endpoint ORR primary \"Objective response rate\" {\n  kind objective_response\n  data Tumor.scan, Tumor.response\n  " + start + statements + "}\n");

    private static void AssertReported(string markup)
    {
        var (text, expected) = Markup.Parse(markup);
        var result = ProtocolCompiler.Compile(text, "case.protocol");
        Assert.Equal(expected, result.Diagnostics.Select(d => (d.Id, d.Span)).ToList());
        Assert.NotEmpty(expected);
        Assert.Null(result.Model);
    }

    [Theory]
    [InlineData("confirm_response 4 weeks\n  stable_disease_minimum 6 weeks\n", 28, 42)]
    [InlineData("confirm_response 28 days\n", 28, null)]
    [InlineData("stable_disease_minimum 42 d\n", null, 42)]
    [InlineData("confirm_response 672 h\n  stable_disease_minimum 1 wk\n", 28, 7)]
    [InlineData("", null, null)]
    public void Intervals_become_whole_days_in_the_model(string statements, int? confirmation, int? stableDisease)
    {
        var result = ProtocolCompiler.Compile(Orr(statements));
        Assert.Empty(result.Diagnostics);
        var orr = result.Model!.Endpoints.Single(e => e.Name == "ORR");
        Assert.Equal((confirmation, stableDisease), (orr.ConfirmationDays, orr.StableDiseaseMinimumDays));
    }

    [Theory]
    [InlineData("confirm_response 4 weeks\n  stable_disease_minimum 6 weeks\n", "dataCutoff, __Confirmation0);", "ResponseConfirmation(28, 42);")]
    [InlineData("confirm_response 5 weeks\n", "dataCutoff, __Confirmation0);", "ResponseConfirmation(35, null);")]
    [InlineData("stable_disease_minimum 5 weeks\n", "dataCutoff, __Confirmation0);", "ResponseConfirmation(null, 35);")]
    [InlineData("", "__Records0(subject.Forms), dataCutoff);", null)]
    public void The_generated_derivation_passes_the_intervals_and_compiles_with_warnings_as_errors(string statements, string call, string? rules)
    {
        var (result, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/orr.protocol", Orr(statements)));
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var text = Assert.Single(result.Results.Single().GeneratedSources).SourceText.ToString();
        var derive = text.Split('\n').Single(line => line.Contains("ObjectiveResponseDerivation.Derive(", System.StringComparison.Ordinal));
        Assert.EndsWith(call, derive.Trim(), System.StringComparison.Ordinal);
        if (rules is null) Assert.DoesNotContain("ResponseConfirmation", text, System.StringComparison.Ordinal);
        else Assert.Contains("__Confirmation0 = new global::Picares.Dsl.Runtime.Endpoints." + rules, text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_model_of_an_endpoint_carries_its_confirmation()
    {
        // PICARES's ORR: confirmed after 4 weeks, stable disease from 5 weeks; the other endpoints have neither.
        Assert.Equal((28, 35), (Picares.Protocols.PicaresProtocol.Endpoints.ORR.ConfirmationDays, Picares.Protocols.PicaresProtocol.Endpoints.ORR.StableDiseaseMinimumDays));
        Assert.All(Picares.Protocols.PicaresProtocol.Endpoints.All.Where(e => e.Name != "ORR"),
            e => Assert.Equal(((int?)null, (int?)null), (e.ConfirmationDays, e.StableDiseaseMinimumDays)));

        var (result, _, _) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/orr.protocol", Orr("stable_disease_minimum 5 weeks\n")));
        var text = Assert.Single(result.Results.Single().GeneratedSources).SourceText.ToString();
        var info = text.Substring(text.IndexOf("EndpointInfo ORR", System.StringComparison.Ordinal));
        Assert.Contains("), null, 35);", info.Substring(0, info.IndexOf(";\n", System.StringComparison.Ordinal) + 2), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{|PIC1003:confirm_response|}\n")]                               // missing
    [InlineData("confirm_response {|PIC1003:-4 weeks|}\n")]                      // negative
    [InlineData("confirm_response {|PIC1003:0 days|}\n")]                        // zero
    [InlineData("stable_disease_minimum {|PIC1003:1.5 days|}\n")]                // not whole days
    [InlineData("stable_disease_minimum {|PIC1003:36501 days|}\n")]              // past the longest
    [InlineData("confirm_response {|PIC1003:\"4 weeks\"|}\n")]                   // a string
    [InlineData("confirm_response {|PIC1003:2 weeks + 2 weeks|}\n")]             // an expression
    [InlineData("confirm_response 4 weeks {|PIC1003:6 weeks|}\n")]               // one too many
    [InlineData("confirm_response {|PIC2006:28|}\n")]                            // no unit
    [InlineData("confirm_response {|PIC2011:1 month|}\n")]                       // a calendar duration
    [InlineData("stable_disease_minimum {|PIC2011:2 mo|}\n")]
    [InlineData("confirm_response {|PIC2011:4 kg|}\n")]                          // not a duration
    [InlineData("confirm_response 4 weeks\n  {|PIC1007:confirm_response|} 5 weeks\n")] // given twice
    [InlineData("stable_disease_minimum 6 weeks\n  {|PIC1007:stable_disease_minimum|} 8 weeks\n")]
    public void Misuse_is_reported_at_its_exact_span(string statements) => AssertReported(Orr(statements));

    [Fact]
    public void The_minimum_of_stable_disease_needs_the_start_it_counts_from()
    {
        var markup = Orr("  confirm_response 4 weeks\n  {|PIC1006:stable_disease_minimum|} 6 weeks\n", start: "");
        AssertReported(markup);
        var diagnostic = Assert.Single(ProtocolCompiler.Compile(Markup.Parse(markup).Text).Diagnostics);
        Assert.Equal("endpoint ORR, whose stable_disease_minimum counts from its start, needs 'start'; add it, for example: start first_dose", diagnostic.Message);
        // confirm_response alone needs no start: it is measured between assessments.
        Assert.Empty(ProtocolCompiler.Compile(Orr("confirm_response 4 weeks\n", start: "")).Diagnostics);
    }

    [Fact]
    public void Other_kinds_of_endpoint_do_not_take_them()
    {
        var markup = TestProtocols.With(
            // The argument of a misplaced statement is not read: its month is not reported on top.
            "endpoint S exploratory \"s\" {\n  kind summary\n  data Vitals.weight\n  {|PIC1002:confirm_response|} 4 weeks\n  {|PIC1002:stable_disease_minimum|} 1 month\n}\n");
        AssertReported(markup);
        var first = ProtocolCompiler.Compile(Markup.Parse(markup).Text).Diagnostics[0];
        Assert.Equal("'confirm_response' is not a statement of summary endpoint S; it takes: kind, data, start, event, censor_at, time_frame; " +
                     "it is for objective_response endpoints (RECIST 1.1 confirmation): remove it, or make the endpoint kind objective_response", first.Message);
    }

    [Fact]
    public void An_unknown_kind_is_reported_once_not_again_at_the_confirmation()
    {
        var markup = TestProtocols.With(Tumor +
            "endpoint ORR primary \"o\" {\n  kind {|PIC1008:objectiv_response|}\n  data Tumor.scan, Tumor.response\n  start first_dose\n  confirm_response 4 weeks\n}\n");
        AssertReported(markup);
    }

    [Fact]
    public void Messages_say_how_to_fix_the_argument()
    {
        string Message(string statement) => Assert.Single(ProtocolCompiler.Compile(Orr(statement)).Diagnostics).Message;
        Assert.Equal("'confirm_response' takes the least interval between a CR or PR and the assessment that confirms it, a fixed duration of 1 to 36500 days; write it as: confirm_response 4 weeks",
            Message("confirm_response -4 weeks\n"));
        Assert.Equal("'stable_disease_minimum' takes a fixed duration, but 'mo' measures calendar duration; use days or weeks", Message("stable_disease_minimum 2 months\n"));
        Assert.StartsWith("This number needs a unit: it stands for a duration", Message("confirm_response 28\n"), System.StringComparison.Ordinal);
    }
}
