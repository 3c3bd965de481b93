using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Binding;

/// <summary>Defects found by reviewing the compiler against its documentation; each stays fixed.</summary>
public class ReviewRegressionTests
{
    private static CompilationResult Compile(string body) => ProtocolCompiler.Compile(TestProtocols.With(body));

    private static string[] Ids(string body) => Compile(body).Diagnostics.Select(d => d.Id).ToArray();

    [Fact]
    public void Assumptions_on_any_statement_of_any_block_are_recorded()
    {
        var model = ProtocolCompiler.Compile(TestProtocols.With(
            "intervention A \"a\" { dose 1 mg }\narm X \"x\" {\n  @assumed \"ratio not in the record\"\n  ratio 2\n  receives A\n}\n" +
            "endpoint E primary \"e\" {\n  kind summary\n  @assumed \"no time frame in the record\"\n  time_frame \"1 year\"\n}\n")).Model!;
        Assert.Contains(model.Assumptions, a => a.Subject == "arm X ratio" && a.Reason == "ratio not in the record");
        Assert.Contains(model.Assumptions, a => a.Subject == "endpoint E time_frame" && a.Line == 18);
    }

    [Fact]
    public void An_annotation_may_share_its_line_with_the_statement()
    {
        var model = ProtocolCompiler.Compile(TestProtocols.With("@assumed \"why\" anchor a \"A\"\n")).Model!;
        Assert.True(model.Anchors.Single(a => a.Name == "a").Origin.IsAssumed);
    }

    [Theory]
    [InlineData("codelist Extra { code a \"A\" }; codelist Extra { code a \"A\"; code a \"B\" }\n")]
    [InlineData("visit Extra { day 1 }; visit Extra { day 1 }\n")]
    [InlineData("intervention D \"d\" { dose 1 mg }; intervention D \"e\" { dose 1 zz }\n")]
    public void Only_the_first_of_two_declarations_on_one_line_is_bound(string body)
    {
        // The second is reported as a duplicate and left unbound, as on separate lines: which declaration came first is
        // told by its statement, not by its line. Bound, it brought diagnostics of its own (its code a repeated, its
        // window overlapping the first's, its dose) that nobody needs beside "give this one another name".
        var ids = Ids(body);
        Assert.Equal(1, ids.Count(id => id == "PIC1004"));
        var separate = Ids(body.Replace("; ", "\n"));
        Assert.Equal(separate.OrderBy(id => id), ids.OrderBy(id => id));
    }

    [Theory]
    [InlineData("form 42 { field n integer }\n")]
    [InlineData("visit 42 { day 1 }\n")]
    [InlineData("codelist \"x\" { code a \"b\" }\n")]
    [InlineData("endpoint 1 primary \"t\" { kind summary }\n")]
    public void A_declaration_without_a_plain_name_is_reported(string body) => Assert.Contains("PIC1003", Ids(body));

    [Fact]
    public void A_declaration_without_a_block_still_needs_its_required_statements()
    {
        Assert.Contains("PIC1006", ProtocolCompiler.Compile("study X\n").Diagnostics.Select(d => d.Id));
        Assert.Contains("PIC3006", Ids("visit V\n"));
        Assert.Contains("PIC1006", Ids("form F\n"));
    }

    [Fact]
    public void Overlapping_windows_are_found_between_any_two_visits_of_one_anchor_only()
    {
        var ids = Ids("visit A { day 1..100 }\nvisit B { day 5..6 }\nvisit C { day 10..12 }\n");
        Assert.Equal(2, ids.Count(id => id == "PIC3005"));
        Assert.DoesNotContain("PIC3005", Ids("visit A { day 1..5 from first_dose }\nvisit B { day 2..3 from enrollment }\nvisit C { day 7..9 from first_dose }\n"));
    }

    [Fact]
    public void An_overlapping_window_is_reported_against_the_first_earlier_window_still_open()
    {
        // A closes before C and D start; B and then E are open when D starts, and B comes first.
        var overlaps = ProtocolCompiler.Compile("visit A { day 1..2 }\nvisit B { day 1..100 }\nvisit C { day 2..90 }\nvisit D { day 50..51 }\nvisit E { day 200 }\nvisit F { day 150..210 }\n")
            .Diagnostics.Where(d => d.Id == "PIC3005").Select(d => (d.Arguments[0], d.Arguments[3])).ToList();
        Assert.Equal(new[] { ("B", "A"), ("C", "A"), ("D", "B"), ("E", "F") }, overlaps);
    }

    [Theory]
    [InlineData("intervention D \"d\" { dose 10 mmHg }\n", "PIC2011")]
    [InlineData("intervention D \"d\" { dose 10 mg; every 21 days; cycle_days 30 }\n", "PIC1003")]
    [InlineData("form L { field n integer { hard 0.5..3 } }\n", "PIC1003")]
    [InlineData("form L { description 42; field n integer }\n", "PIC1003")]
    [InlineData("form Demo { field born date }\npopulation { age 18..75 years; birth_date Demo.born }\n", "PIC1003")]
    public void Statements_that_were_accepted_silently_are_reported(string body, string id) => Assert.Contains(id, Ids(body));

    [Theory]
    [InlineData("intervention D \"d\" { dose 3 mg/kg }\n")]
    [InlineData("intervention D \"d\" { dose 100 mg/m2 }\n")]
    [InlineData("intervention D \"d\" { dose AUC 5 }\n")]
    [InlineData("intervention D \"d\" { dose 500 mL }\n")]
    [InlineData("anchor eot \"End\"\nvisit V { at eot + 0 days; collect Vitals }\n")]
    public void Valid_doses_and_offsets_stay_accepted(string body) => Assert.Empty(Ids(body));

    [Fact]
    public void An_unknown_age_anchor_is_reported_at_its_name()
    {
        var text = TestProtocols.With("form Demo { field born date }\npopulation {\n  age 18..75 years at enrolment\n  birth_date Demo.born\n}\n");
        var diagnostic = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics);
        Assert.Equal("enrolment", text.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
        Assert.Contains("did you mean 'enrollment'", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_name_the_right_operand_and_operator()
    {
        var missingUnit = Assert.Single(Compile("criterion I1 inclusion \"x\" { when Vitals.life >= 12 }\n").Diagnostics);
        Assert.Contains("12 wk", missingUnit.Message, System.StringComparison.Ordinal);
        var badOperands = Compile("criterion I1 inclusion \"x\" { when Vitals.flag in [1, 2] }\n").Diagnostics;
        Assert.All(badOperands, d => Assert.StartsWith("Operator 'in' cannot be applied to a yes/no condition and a number", d.Message, System.StringComparison.Ordinal));
        var suggestion = Assert.Single(Compile("criterion I1 inclusion \"x\" { when Vitals.ecog == zero }\n").Diagnostics);
        Assert.DoesNotContain("?;", suggestion.Message, System.StringComparison.Ordinal);
    }
}
