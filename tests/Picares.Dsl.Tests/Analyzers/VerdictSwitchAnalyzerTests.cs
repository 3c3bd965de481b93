using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Picares.Dsl.CodeFixes;
using Picares.Dsl.Generator.Analyzers;
using Xunit;

namespace Picares.Dsl.Tests.Analyzers;

/// <summary>PIC5001: a switch over Verdict or CriterionOutcome that lets the unknown case fall through, and its fix.</summary>
public class VerdictSwitchAnalyzerTests
{
    // No protocol needed: the switch is over the runtime's Verdict and CriterionOutcome.
    private static CSharpCodeFixTest<VerdictSwitchAnalyzer, VerdictSwitchCodeFix, DefaultVerifier> Test(string source, string? fixedSource = null) =>
        AnalyzerTesting.Test<VerdictSwitchAnalyzer, VerdictSwitchCodeFix>(source, fixedSource, withProtocol: false);

    [Fact]
    public async Task Switch_statement_missing_Pending_is_reported_and_fixed()
    {
        const string source = """
            using Picares.Dsl.Runtime.Eligibility;

            static class Screening
            {
                static string Describe(Verdict verdict)
                {
                    string text = "";
                    {|#0:switch|} (verdict)
                    {
                        case Verdict.Eligible:
                            text = "eligible";
                            break;
                        case Verdict.Ineligible:
                            text = "ineligible";
                            break;
                    }
                    return text;
                }
            }
            """;
        const string fixedSource = """
            using Picares.Dsl.Runtime.Eligibility;

            static class Screening
            {
                static string Describe(Verdict verdict)
                {
                    string text = "";
                    switch (verdict)
                    {
                        case Verdict.Eligible:
                            text = "eligible";
                            break;
                        case Verdict.Ineligible:
                            text = "ineligible";
                            break;
                        case Verdict.Pending:
                            throw new System.InvalidOperationException("Pending: data or attestations are missing");
                    }
                    return text;
                }
            }
            """;
        var test = Test(source, fixedSource);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(VerdictSwitchAnalyzer.Rule).WithLocation(0).WithArguments("Verdict", "Ineligible and Eligible", "Pending"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Switch_expression_missing_Pending_is_reported_and_fixed()
    {
        const string source = """
            using Picares.Dsl.Runtime.Eligibility;

            static class Screening
            {
                static bool Enrol(Verdict verdict) => verdict {|#0:switch|}
                {
                    Verdict.Eligible => true,
                    Verdict.Ineligible => false,
                };
            }
            """;
        const string fixedSource = """
            using Picares.Dsl.Runtime.Eligibility;

            static class Screening
            {
                static bool Enrol(Verdict verdict) => verdict switch
                {
                    Verdict.Eligible => true,
                    Verdict.Ineligible => false,
                    Verdict.Pending => throw new System.InvalidOperationException("Pending: data or attestations are missing"),
                };
            }
            """;
        var test = Test(source, fixedSource);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(VerdictSwitchAnalyzer.Rule).WithLocation(0).WithArguments("Verdict", "Ineligible and Eligible", "Pending"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Fully_qualified_arms_give_a_fully_qualified_fix()
    {
        const string source = """
            static class Screening
            {
                static int Score(Picares.Dsl.Runtime.Eligibility.Verdict verdict) => verdict {|#0:switch|}
                {
                    Picares.Dsl.Runtime.Eligibility.Verdict.Eligible => 1,
                    Picares.Dsl.Runtime.Eligibility.Verdict.Ineligible => 0
                };
            }
            """;
        const string fixedSource = """
            static class Screening
            {
                static int Score(Picares.Dsl.Runtime.Eligibility.Verdict verdict) => verdict switch
                {
                    Picares.Dsl.Runtime.Eligibility.Verdict.Eligible => 1,
                    Picares.Dsl.Runtime.Eligibility.Verdict.Ineligible => 0,
                    Picares.Dsl.Runtime.Eligibility.Verdict.Pending => throw new System.InvalidOperationException("Pending: data or attestations are missing")
                };
            }
            """;
        var test = Test(source, fixedSource);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(VerdictSwitchAnalyzer.Rule).WithLocation(0).WithArguments("Verdict", "Ineligible and Eligible", "Pending"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Arms_without_a_type_name_get_the_qualified_member_simplified()
    {
        const string source = """
            using static Picares.Dsl.Runtime.Eligibility.Verdict;

            static class Screening
            {
                static int Score(Picares.Dsl.Runtime.Eligibility.Verdict verdict) => verdict {|#0:switch|}
                {
                    Eligible => 1,
                    Ineligible => 0,
                };
            }
            """;
        const string fixedSource = """
            using static Picares.Dsl.Runtime.Eligibility.Verdict;

            static class Screening
            {
                static int Score(Picares.Dsl.Runtime.Eligibility.Verdict verdict) => verdict switch
                {
                    Eligible => 1,
                    Ineligible => 0,
                    Pending => throw new System.InvalidOperationException("Pending: data or attestations are missing"),
                };
            }
            """;
        var test = Test(source, fixedSource);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(VerdictSwitchAnalyzer.Rule).WithLocation(0).WithArguments("Verdict", "Ineligible and Eligible", "Pending"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Default_or_discard_arm_is_not_reported()
    {
        const string source = """
            using Picares.Dsl.Runtime.Eligibility;

            static class Screening
            {
                static bool Enrol(Verdict verdict) => verdict switch
                {
                    Verdict.Eligible => true,
                    _ => false,
                };

                static string Describe(Verdict verdict)
                {
                    switch (verdict)
                    {
                        case Verdict.Eligible: return "eligible";
                        case Verdict.Ineligible: return "ineligible";
                        default: return "pending";
                    }
                }
            }
            """;
        await Test(source).RunAsync();
    }

    [Fact]
    public async Task All_three_members_handled_is_not_reported()
    {
        const string source = """
            using Picares.Dsl.Runtime.Eligibility;

            static class Screening
            {
                static int Score(Verdict verdict) => verdict switch
                {
                    Verdict.Eligible => 2,
                    Verdict.Ineligible => 1,
                    Verdict.Pending => 0,
                    _ => -1,
                };

                static string Describe(Verdict verdict)
                {
                    switch (verdict)
                    {
                        case Verdict.Eligible: return "eligible";
                        case Verdict.Ineligible: return "ineligible";
                        case Verdict.Pending: return "pending";
                    }
                    return "?";
                }

                static bool Known(Verdict verdict) => verdict switch
                {
                    Verdict.Eligible or Verdict.Ineligible => true,
                    Verdict.Pending => false,
                };
            }
            """;
        var test = Test(source);
        await test.RunAsync();
    }

    [Fact]
    public async Task CriterionOutcome_missing_Unknown_is_reported()
    {
        const string source = """
            using Picares.Dsl.Runtime.Eligibility;

            static class Screening
            {
                static string Describe(CriterionOutcome outcome)
                {
                    {|#0:switch|} (outcome)
                    {
                        case CriterionOutcome.Met: return "met";
                        case CriterionOutcome.NotMet: return "not met";
                    }
                    return "";
                }
            }
            """;
        var test = Test(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(VerdictSwitchAnalyzer.Rule).WithLocation(0).WithArguments("CriterionOutcome", "NotMet and Met", "Unknown"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Unrelated_enum_is_not_reported()
    {
        const string source = """
            enum Light { Unknown, Red, Green }

            static class Traffic
            {
                static string Describe(Light light)
                {
                    switch (light)
                    {
                        case Light.Red: return "stop";
                        case Light.Green: return "go";
                    }
                    return "";
                }
            }
            """;
        await Test(source).RunAsync();
    }
}
