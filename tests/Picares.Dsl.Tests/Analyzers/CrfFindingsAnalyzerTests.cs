using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Picares.Dsl.CodeFixes;
using Picares.Dsl.Generator.Analyzers;
using Xunit;

namespace Picares.Dsl.Tests.Analyzers;

/// <summary>PIC5003: the findings of a CRF model's Validate() never looked at, and its fix.</summary>
public class CrfFindingsAnalyzerTests
{
    private static DiagnosticResult Expected(int location, string text) =>
        new DiagnosticResult(CrfFindingsAnalyzer.Rule).WithLocation(location).WithArguments(text);

    private static Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<CrfFindingsAnalyzer, CrfFindingsCodeFix, DefaultVerifier> Test(string source, string? fixedSource = null) =>
        AnalyzerTesting.Test<CrfFindingsAnalyzer, CrfFindingsCodeFix>(source, fixedSource);

    [Fact]
    public async Task Discarded_findings_are_reported_and_fixed_with_EnsureAccepted()
    {
        const string source = """
            using Demo.Protocols;

            static class Entry
            {
                static void Save(DemoProtocol.Crf.CaseBook book, DemoProtocol.Crf.Vitals vitals)
                {
                    {|#0:book.Validate()|};
                    {|#1:vitals.Validate(book)|};
                }
            }
            """;
        const string fixedSource = """
            using Demo.Protocols;
            using Picares.Dsl.Runtime.Crf;

            static class Entry
            {
                static void Save(DemoProtocol.Crf.CaseBook book, DemoProtocol.Crf.Vitals vitals)
                {
                    book.Validate().EnsureAccepted();
                    vitals.Validate(book).EnsureAccepted();
                }
            }
            """;
        var test = Test(source, fixedSource);
        test.ExpectedDiagnostics.Add(Expected(0, "The findings of book.Validate() are discarded"));
        test.ExpectedDiagnostics.Add(Expected(1, "The findings of vitals.Validate() are discarded"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Findings_stored_but_never_read_are_reported_and_fixed()
    {
        const string source = """
            using Picares.Dsl.Runtime.Crf;
            using Demo.Protocols;

            static class Entry
            {
                static void Save(DemoProtocol.Crf.CaseBook book)
                {
                    var findings = {|#0:book.Validate()|};
                }
            }
            """;
        const string fixedSource = """
            using Picares.Dsl.Runtime.Crf;
            using Demo.Protocols;

            static class Entry
            {
                static void Save(DemoProtocol.Crf.CaseBook book)
                {
                    var findings = book.Validate().EnsureAccepted();
                }
            }
            """;
        var test = Test(source, fixedSource);
        test.ExpectedDiagnostics.Add(Expected(0, "The findings of book.Validate() are stored in 'findings', which is never read"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_case_book_serialized_without_validation_is_reported_and_fixed()
    {
        const string source = """
            using System.Text.Json;
            using Demo.Protocols;

            static class Entry
            {
                static string Store(double kilograms)
                {
                    var book = new DemoProtocol.Crf.CaseBook();
                    book.Vitals = new DemoProtocol.Crf.Vitals { Weight = new Picares.Dsl.Runtime.Units.Quantity(kilograms, "kg") };
                    var json = JsonSerializer.Serialize({|#0:book|});
                    return json;
                }
            }
            """;
        const string fixedSource = """
            using System.Text.Json;
            using Demo.Protocols;
            using Picares.Dsl.Runtime.Crf;

            static class Entry
            {
                static string Store(double kilograms)
                {
                    var book = new DemoProtocol.Crf.CaseBook();
                    book.Vitals = new DemoProtocol.Crf.Vitals { Weight = new Picares.Dsl.Runtime.Units.Quantity(kilograms, "kg") };
                    book.Validate().EnsureAccepted();
                    var json = JsonSerializer.Serialize(book);
                    return json;
                }
            }
            """;
        var test = Test(source, fixedSource);
        test.ExpectedDiagnostics.Add(Expected(0, "'book' is serialized, but nothing validates it"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Findings_looked_at_validated_models_and_models_handed_on_are_not_reported()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Text.Json;
            using Demo.Protocols;
            using Picares.Dsl.Runtime.Crf;

            static class Entry
            {
                static string Checked(DemoProtocol.Crf.CaseBook parameter)
                {
                    var findings = parameter.Validate();
                    if (findings.Any(f => f.Severity == FindingSeverity.Reject)) throw new InvalidOperationException();
                    _ = parameter.Validate();                                   // an explicit discard is a decision
                    parameter.Validate().EnsureAccepted();
                    return JsonSerializer.Serialize(parameter);                 // a parameter: the caller's to validate
                }

                static string Validated()
                {
                    var book = new DemoProtocol.Crf.CaseBook { Vitals = new DemoProtocol.Crf.Vitals() };
                    foreach (var f in book.Validate()) Console.WriteLine(f.Message);
                    return JsonSerializer.Serialize(book);
                }

                static string FormValidatedInItsCaseBook()
                {
                    var book = new DemoProtocol.Crf.CaseBook { Vitals = new DemoProtocol.Crf.Vitals() };
                    if (book.Vitals.Validate(book).Count > 0) return "";
                    return JsonSerializer.Serialize(book);
                }

                static string HandedOn()
                {
                    var vitals = new DemoProtocol.Crf.Vitals();
                    Review(vitals);
                    return JsonSerializer.Serialize(vitals);
                }

                static string NotAModel() => JsonSerializer.Serialize(new { Weight = 70 });

                static void Review(DemoProtocol.Crf.Vitals vitals) => Console.WriteLine(vitals.Validate().Count);
            }
            """;
        await Test(source).RunAsync();
    }
}
