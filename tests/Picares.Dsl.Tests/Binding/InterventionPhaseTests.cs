using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Binding;

/// <summary>
/// An intervention has one regimen written in its block, or phases each with its own (docs/language.md §3.4), never both:
/// a regimen statement beside phases is PIC1002, and two phases of one name are PIC1004 at the second.
/// </summary>
public class InterventionPhaseTests
{
    private static void AssertReported(string body, params string[] messages)
    {
        var (text, expected) = Markup.Parse(TestProtocols.With(body));
        var result = ProtocolCompiler.Compile(text);
        Assert.Equal(expected.OrderBy(e => e.Span.Start), result.Diagnostics.Select(d => (d.Id, d.Span)).OrderBy(e => e.Span.Start));
        Assert.Equal(messages, result.Diagnostics.OrderBy(d => d.Span.Start).Select(d => d.Message));
        Assert.Null(result.Model);
    }

    [Fact]
    public void Two_phases_of_one_name_are_reported_at_the_second_name() =>
        AssertReported("intervention X \"x\" {\n  phase p { dose 1 mg }\n  phase q { dose 2 mg }\n  phase {|PIC1004:p|} { dose 3 mg }\n}\n",
            "'p' is already declared at line 10 (a phase of this intervention); give this one another name");

    [Fact]
    public void A_phase_named_like_the_one_before_it_on_the_same_line_is_reported() =>
        AssertReported("intervention X \"x\" { phase main { dose 1 mg }; phase {|PIC1004:main|} { dose 2 mg } }\n",
            "'main' is already declared at line 9 (a phase of this intervention); give this one another name");

    [Fact]
    public void Regimen_statements_beside_phases_are_reported_each_with_how_to_fix_it() =>
        AssertReported("intervention X \"x\" {\n  type drug\n  {|PIC1002:dose|} 240 mg\n  {|PIC1002:every|} 21 days\n  phase main { dose 1 mg; every 14 days }\n}\n",
            "'dose' is not a statement of intervention X, which has phases; it takes: type, description, phase; move it into the phase it belongs to",
            "'every' is not a statement of intervention X, which has phases; it takes: type, description, phase; move it into the phase it belongs to");

    [Fact]
    public void A_regimen_statement_after_the_phases_is_reported_too() =>
        AssertReported("intervention X \"x\" {\n  phase induction { dose 1 mg }\n  phase maintenance { dose 2 mg }\n  {|PIC1002:until|} progression\n}\n",
            "'until' is not a statement of intervention X, which has phases; it takes: type, description, phase; move it into the phase it belongs to");

    [Theory]
    [InlineData("intervention X \"x\" { type drug; description \"d\"; phase main { dose 1 mg } }\n", new[] { "main" })]
    [InlineData("intervention X \"x\" { phase induction { dose 1 mg }; phase maintenance { dose 2 mg } }\n", new[] { "induction", "maintenance" })]
    [InlineData("intervention X \"x\" { type drug; dose 1 mg; every 21 days }\n", new[] { "main" })]
    [InlineData("intervention X \"x\" { type drug }\n", new[] { "main" })]
    public void One_regimen_or_distinct_phases_are_accepted(string body, string[] regimens)
    {
        var result = ProtocolCompiler.Compile(TestProtocols.With(body));
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        Assert.Equal(regimens, result.Model!.Interventions.Single().Regimens.Select(r => r.Phase));
    }
}
