using System.Linq;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Compiler.Text;
using Xunit;

namespace Picares.Dsl.Tests.Syntax;

public class ParserTests
{
    private static (ProtocolSyntax Syntax, EquatableArrayOfDiagnostics Diagnostics) Parse(string text)
    {
        var source = new SourceText(text);
        var bag = new DiagnosticBag(source);
        var syntax = Parser.Parse(source, bag);
        return (syntax, new EquatableArrayOfDiagnostics(bag.ToArray().Select(d => d.Id).ToArray()));
    }

    internal sealed record EquatableArrayOfDiagnostics(string[] Ids);

    [Fact]
    public void A_statement_is_a_keyword_arguments_and_a_block()
    {
        var (syntax, diagnostics) = Parse("criterion I6 inclusion \"Weight ≥ 40kg\" {\n  when Vitals.weight >= 40 kg\n}\n");
        Assert.Empty(diagnostics.Ids);
        var statement = Assert.Single(syntax.Statements);
        Assert.Equal("criterion", statement.Keyword.Text);
        Assert.Equal(new[] { "I6", "inclusion" }, statement.Arguments.Take(2).Select(a => a.AsName));
        Assert.Equal("Weight ≥ 40kg", Assert.IsType<StringExpressionSyntax>(statement.Arguments[2]).Value);
        var when = Assert.Single(statement.Body!.Statements);
        var comparison = Assert.IsType<BinaryExpressionSyntax>(Assert.Single(when.Arguments));
        Assert.Equal(TokenKind.GreaterEquals, comparison.Operator.Kind);
        var member = Assert.IsType<MemberAccessExpressionSyntax>(comparison.Left);
        Assert.Equal("weight", member.Name.Text);
        var quantity = Assert.IsType<NumberExpressionSyntax>(comparison.Right);
        Assert.Equal((40d, "kg"), (quantity.Value, quantity.Unit));
    }

    [Theory]
    [InlineData("x 40 kg", "kg")]
    [InlineData("x 40kg", "kg")]
    [InlineData("x 10 mg/d", "mg/d")]
    [InlineData("x 2.5 10^9/L", "10^9/L")]
    [InlineData("x 60 mL/min/1.73m2", "mL/min/1.73m2")]
    [InlineData("x 50 %", "%")]
    [InlineData("x 3 months", "months")]
    public void Units_attach_to_numbers_as_the_longest_known_spelling(string text, string unit)
    {
        var (syntax, diagnostics) = Parse(text);
        Assert.Empty(diagnostics.Ids);
        var number = Assert.IsType<NumberExpressionSyntax>(Assert.Single(syntax.Statements[0].Arguments));
        Assert.Equal(unit, number.Unit);
    }

    [Fact]
    public void A_name_after_a_number_with_a_space_is_another_argument_unless_it_is_a_unit()
    {
        var (syntax, _) = Parse("enrollment 6 estimated");
        Assert.Equal(2, syntax.Statements[0].Arguments.Count);
        Assert.Null(Assert.IsType<NumberExpressionSyntax>(syntax.Statements[0].Arguments[0]).Unit);
    }

    [Fact]
    public void A_block_never_closed_ends_before_the_next_unindented_declaration()
    {
        // One missing '}' is one error: the form and visit after it are declarations, not statements of form F.
        var (syntax, diagnostics) = Parse("study S { title \"S\" }\nform F { field x integer\n  field y integer\nform G { field z integer }\n@assumed \"why\"\nvisit V { day 1; collect F, G }\n");
        Assert.Equal(new[] { "PIC0006" }, diagnostics.Ids);
        Assert.Equal(new[] { "study", "form", "form", "visit" }, syntax.Statements.Select(s => s.Keyword.Text));
        Assert.Equal(new[] { "x", "y" }, syntax.Statements[1].Body!.Statements.Select(s => s.Arguments[0].AsName));
        Assert.True(syntax.Statements[1].Body!.Close.IsMissing);
        Assert.Single(syntax.Statements[3].Annotations);
    }

    [Fact]
    public void A_block_never_closed_keeps_its_indented_and_nested_statements()
    {
        // Indented declarations' keywords, and an endpoint's own 'event', stay inside; the lexer's error is reported once.
        var (syntax, diagnostics) = Parse("endpoint E primary \"e\" {\nevent progression\n  form x $\n");
        Assert.Equal(new[] { "PIC0001", "PIC0006" }, diagnostics.Ids.OrderBy(i => i, System.StringComparer.Ordinal));
        var endpoint = Assert.Single(syntax.Statements);
        Assert.Equal(new[] { "event", "form" }, endpoint.Body!.Statements.Select(s => s.Keyword.Text));
    }

    [Fact]
    public void The_declarations_the_recovery_knows_are_the_binders()
    {
        var binder = Picares.Dsl.Compiler.Binding.ProtocolBinder.Declarations.Keys.Where(k => k != "event").OrderBy(k => k, System.StringComparer.Ordinal);
        Assert.Equal(binder, Keywords.DeclarationsOnly.OrderBy(k => k, System.StringComparer.Ordinal));
    }

    [Fact]
    public void An_unindented_annotation_inside_a_block_stays_in_it()
    {
        // The file has a block never closed (H), so it is read the second way: G's annotated field stays in G.
        var (syntax, diagnostics) = Parse("form G {\n@assumed \"x\"\nfield y integer\n}\nform H { field z integer\n@assumed \"why\"\nvisit V { day 1; collect G }\n");
        Assert.Equal(new[] { "PIC0006" }, diagnostics.Ids);
        Assert.Equal(new[] { "form", "form", "visit" }, syntax.Statements.Select(s => s.Keyword.Text));
        Assert.Equal("field", Assert.Single(syntax.Statements[0].Body!.Statements).Keyword.Text);
    }

    [Fact]
    public void A_lone_equals_sign_in_a_statement_is_removed_and_said_so()
    {
        var source = new SourceText("study S {\n  title = \"S\"\n}\n");
        var bag = new DiagnosticBag(source);
        var syntax = Parser.Parse(source, bag);
        var d = Assert.Single(bag.ToArray());
        Assert.Equal("Unexpected character '='; remove it: a statement's arguments follow its keyword, as in 'title \"Study title\"'", d.Message);
        Assert.Equal("S", Assert.IsType<StringExpressionSyntax>(Assert.Single(syntax.Statements[0].Body!.Statements[0].Arguments)).Value);
    }

    [Fact]
    public void A_closed_block_is_never_cut_at_an_unindented_keyword()
    {
        // Only a file with a block never closed is read the second way: here the nested 'visit' at the line's start stays inside.
        var (syntax, diagnostics) = Parse("arm A \"a\" {\nvisit x\n}\n");
        var arm = Assert.Single(syntax.Statements);
        Assert.Equal("visit", Assert.Single(arm.Body!.Statements).Keyword.Text);
        Assert.Empty(diagnostics.Ids);
    }

    [Fact]
    public void A_name_glued_to_a_number_that_is_no_unit_is_reported()
    {
        var (_, diagnostics) = Parse("x 40kgs");
        Assert.Equal(new[] { "PIC2001" }, diagnostics.Ids);
    }

    [Fact]
    public void Precedence_is_or_then_and_then_not_then_comparison_then_arithmetic()
    {
        var (syntax, _) = Parse("when a.x > 1 + 2 * 3 and not b.y == 2 or c.z < 1");
        var or = Assert.IsType<BinaryExpressionSyntax>(syntax.Statements[0].Arguments[0]);
        Assert.Equal("or", or.Operator.Text);
        var and = Assert.IsType<BinaryExpressionSyntax>(or.Left);
        Assert.Equal("and", and.Operator.Text);
        var greater = Assert.IsType<BinaryExpressionSyntax>(and.Left);
        var plus = Assert.IsType<BinaryExpressionSyntax>(greater.Right);
        Assert.Equal(TokenKind.Plus, plus.Operator.Kind);
        Assert.Equal(TokenKind.Star, Assert.IsType<BinaryExpressionSyntax>(plus.Right).Operator.Kind);
        Assert.IsType<UnaryExpressionSyntax>(and.Right);
    }

    [Fact]
    public void Conditions_continue_on_lines_that_start_with_and_or_or()
    {
        var (syntax, diagnostics) = Parse("when a.x == 1\n  and b.y == 2\n  or c.z == 3\nnext 1");
        Assert.Empty(diagnostics.Ids);
        Assert.Equal(2, syntax.Statements.Count);
        Assert.Equal("or", Assert.IsType<BinaryExpressionSyntax>(syntax.Statements[0].Arguments[0]).Operator.Text);
    }

    [Fact]
    public void Line_breaks_inside_brackets_and_parentheses_are_white_space()
    {
        var (syntax, diagnostics) = Parse("when a.x in [\n  CR,\n  PR\n] and (\n b.y == 1\n)");
        Assert.Empty(diagnostics.Ids);
        Assert.Single(syntax.Statements);
    }

    [Theory]
    [InlineData("when (a.x not\nin [CR, PR])")]
    [InlineData("when (a.x not\r\n  in [CR, PR])")]
    [InlineData("when (a.x\nnot\nin [CR, PR])")]
    public void Not_in_may_be_split_by_a_line_break_inside_parentheses(string text)
    {
        var (syntax, diagnostics) = Parse(text);
        Assert.Empty(diagnostics.Ids);
        var inner = Assert.IsType<ParenthesizedExpressionSyntax>(Assert.Single(Assert.Single(syntax.Statements).Arguments)).Inner;
        var notIn = Assert.IsType<BinaryExpressionSyntax>(inner);
        Assert.True(notIn.IsNegated);
        Assert.Equal("not in", notIn.Operator.Text);
        Assert.IsType<ListExpressionSyntax>(notIn.Right);
    }

    [Fact]
    public void Not_then_a_line_break_then_in_outside_parentheses_is_not_not_in()
    {
        // Outside ( ) and [ ], a line break ends the statement: 'in [CR, PR]' is a statement of its own (the binder's business).
        var (syntax, diagnostics) = Parse("when a.x not\nin [CR, PR]");
        Assert.Contains("PIC0005", diagnostics.Ids); // 'not' needs an operand
        Assert.Equal(2, syntax.Statements.Count);
    }

    [Fact]
    public void Reserved_words_are_exactly_the_listed_ones_and_cannot_be_values()
    {
        foreach (var word in Keywords.Reserved)
        {
            Assert.True(Keywords.IsReserved(word), word);
            if (word is Keywords.True or Keywords.False) continue;
            var (_, diagnostics) = Parse("x a == " + word);
            Assert.Contains("PIC0005", diagnostics.Ids);
        }
        foreach (var word in new[] { "", "AND", "Or", "nOt", "ins", "i", "true_", "falsey", "at_leas", "more_than_", "within2", "befor", "afterwards", "between" })
            Assert.False(Keywords.IsReserved(word), word);
        Assert.Equal(Keywords.Reserved.Count, Keywords.Reserved.Distinct().Count());
    }

    [Fact]
    public void Temporal_comparisons_parse_qualifier_duration_direction_and_reference()
    {
        var (syntax, diagnostics) = Parse("when P.last more_than 4 weeks before first_dose");
        Assert.Empty(diagnostics.Ids);
        var temporal = Assert.IsType<TemporalExpressionSyntax>(syntax.Statements[0].Arguments[0]);
        Assert.Equal(("more_than", "before"), (temporal.Qualifier.Text, temporal.Direction.Text));
        Assert.Equal("weeks", Assert.IsType<NumberExpressionSyntax>(temporal.Duration).Unit);
    }

    [Fact]
    public void Ranges_lists_calls_and_not_in_parse()
    {
        var (syntax, diagnostics) = Parse("x -3..+3 days, [a, b], max(28 days, 5 * D.h), a.b not in [c]");
        Assert.Empty(diagnostics.Ids);
        var args = syntax.Statements[0].Arguments;
        Assert.IsType<RangeExpressionSyntax>(args[0]);
        Assert.Equal(2, Assert.IsType<ListExpressionSyntax>(args[1]).Items.Count);
        Assert.Equal(2, Assert.IsType<CallExpressionSyntax>(args[2]).Arguments.Count);
        Assert.True(Assert.IsType<BinaryExpressionSyntax>(args[3]).IsNegated);
    }

    [Theory]
    [InlineData("≤", "<=", TokenKind.LessEquals)]
    [InlineData("≥", ">=", TokenKind.GreaterEquals)]
    [InlineData("≠", "!=", TokenKind.BangEquals)]
    public void Unicode_comparison_signs_parse_as_their_ascii_spelling(string sign, string ascii, TokenKind kind)
    {
        foreach (var op in new[] { sign, ascii })
        {
            // A comparison that continues on the next line after its operator, within an 'and'.
            var text = $"when a.x {op}\n  3 kg and b.y {op} c.z\n";
            var (syntax, diagnostics) = Parse(text);
            Assert.Empty(diagnostics.Ids);
            var and = Assert.IsType<BinaryExpressionSyntax>(Assert.Single(Assert.Single(syntax.Statements).Arguments));
            foreach (var side in new[] { and.Left, and.Right })
            {
                var comparison = Assert.IsType<BinaryExpressionSyntax>(side);
                Assert.Equal(kind, comparison.Operator.Kind);
                Assert.Equal(op, text.Substring(comparison.Operator.Span.Start, comparison.Operator.Span.Length));
            }
            Assert.Equal("kg", Assert.IsType<NumberExpressionSyntax>(((BinaryExpressionSyntax)and.Left).Right).Unit);
        }
    }

    [Fact]
    public void Min_and_max_in_conditions_parse_as_calls_on_either_side_of_a_comparison()
    {
        var (syntax, diagnostics) = Parse("when a.x ≤ min(150 kg, 300 lb,\n  a.limit) and max(a.d, b.d) >= first_dose - 1 day\n");
        Assert.Empty(diagnostics.Ids);
        var and = Assert.IsType<BinaryExpressionSyntax>(Assert.Single(Assert.Single(syntax.Statements).Arguments));
        var min = Assert.IsType<CallExpressionSyntax>(Assert.IsType<BinaryExpressionSyntax>(and.Left).Right);
        Assert.Equal("min", min.Name.Text);
        Assert.Equal(new[] { "kg", "lb" }, min.Arguments.Take(2).Select(a => Assert.IsType<NumberExpressionSyntax>(a).Unit));
        Assert.IsType<MemberAccessExpressionSyntax>(min.Arguments[2]);
        var greater = Assert.IsType<BinaryExpressionSyntax>(and.Right);
        var max = Assert.IsType<CallExpressionSyntax>(greater.Left);
        Assert.Equal(("max", 2), (max.Name.Text, max.Arguments.Count));
        Assert.Equal(TokenKind.Minus, Assert.IsType<BinaryExpressionSyntax>(greater.Right).Operator.Kind);
    }

    [Fact]
    public void A_criterion_with_a_condition_and_an_attestation_holds_both_statements()
    {
        var (syntax, diagnostics) = Parse("criterion E1 exclusion \"x\" {\n  when T.grade ≥ 3\n  attested_by investigator\n}\ncriterion I1 inclusion \"y\" { when T.ok == true; attested_by investigator }\n");
        Assert.Empty(diagnostics.Ids);
        Assert.All(syntax.Statements, criterion => Assert.Equal(new[] { "when", "attested_by" }, criterion.Body!.Statements.Select(s => s.Keyword.Text)));
    }

    [Fact]
    public void Annotations_attach_to_the_next_statement()
    {
        var (syntax, diagnostics) = Parse("@assumed \"standard dosing\"\ndose 240 mg\n");
        Assert.Empty(diagnostics.Ids);
        var annotation = Assert.Single(syntax.Statements[0].Annotations);
        Assert.Equal("assumed", annotation.Name.Text);
    }

    [Fact]
    public void An_annotation_takes_at_most_one_string_and_its_statement_may_follow_on_the_same_line()
    {
        // annotation = "@" , identifier , [ string ] ; statement = { annotation , { end } } , keyword , ...
        var (syntax, diagnostics) = Parse("@assumed \"why\" anchor a \"A\"\n@assumed \"one\" @other \"two\"\n\nanchor b \"B\"\n");
        Assert.Empty(diagnostics.Ids);
        Assert.Equal(new[] { "anchor", "anchor" }, syntax.Statements.Select(s => s.Keyword.Text));
        var first = Assert.Single(syntax.Statements[0].Annotations);
        Assert.Equal("why", Assert.IsType<StringExpressionSyntax>(Assert.Single(first.Arguments)).Value);
        Assert.Equal(new[] { "a", "A" }, syntax.Statements[0].Arguments.Select(a => a is StringExpressionSyntax str ? str.Value : a.AsName));
        Assert.Equal(new[] { "assumed", "other" }, syntax.Statements[1].Annotations.Select(a => a.Name.Text));

        // A second string is not the annotation's: it stands where the statement's keyword should.
        var (_, two) = Parse("@assumed \"one\" \"two\" anchor a \"A\"\n");
        Assert.Equal(new[] { "PIC0005" }, two.Ids);
        // Nor is a name: '@assumed anchor' is an annotation without its reason, on the statement 'anchor'.
        var (bare, reasonless) = Parse("@assumed anchor a \"A\"\n");
        Assert.Equal(new[] { "PIC1014" }, reasonless.Ids);
        Assert.Equal("anchor", Assert.Single(bare.Statements).Keyword.Text);
        // No white space between '@' and the name.
        var (_, spaced) = Parse("@ assumed \"why\"\nanchor a \"A\"\n");
        Assert.Contains("PIC0005", spaced.Ids);
    }

    [Fact]
    public void Commas_between_arguments_are_optional_may_repeat_and_may_end_the_list_but_not_start_it()
    {
        // arguments = [ expression , { "," | expression } ]
        var (syntax, diagnostics) = Parse("collect A B, C,, D,\n");
        Assert.Empty(diagnostics.Ids);
        Assert.Equal(new[] { "A", "B", "C", "D" }, Assert.Single(syntax.Statements).Arguments.Select(a => a.AsName));
        var (_, leading) = Parse("collect , A\n");
        Assert.Equal(new[] { "PIC0005" }, leading.Ids);
        // In a call or a list, by contrast, commas separate: one may end the list, two in a row are an error.
        var (call, callDiagnostics) = Parse("x max(1 d, 2 d,) [a, b,]\n");
        Assert.Empty(callDiagnostics.Ids);
        Assert.Equal(2, Assert.IsType<CallExpressionSyntax>(call.Statements[0].Arguments[0]).Arguments.Count);
        Assert.Equal(2, Assert.IsType<ListExpressionSyntax>(call.Statements[0].Arguments[1]).Items.Count);
        var (_, doubled) = Parse("x max(1 d,, 2 d)\n");
        Assert.Contains("PIC0005", doubled.Ids);
    }

    [Fact]
    public void A_statement_may_follow_a_block_on_the_same_line_and_a_colon_is_no_syntax()
    {
        var (syntax, diagnostics) = Parse("form F { field a text } anchor a \"A\"\n");
        Assert.Empty(diagnostics.Ids);
        Assert.Equal(new[] { "form", "anchor" }, syntax.Statements.Select(s => s.Keyword.Text));
        var (_, colon) = Parse("anchor a: \"A\"\n");
        Assert.Equal(new[] { "PIC0005" }, colon.Ids);
    }

    [Fact]
    public void Comments_and_semicolons_are_handled()
    {
        var (syntax, diagnostics) = Parse("// line comment\na 1; b 2 /* block\ncomment */ c 3\n");
        Assert.Empty(diagnostics.Ids);
        Assert.Equal(new[] { "a", "b" }, syntax.Statements.Select(s => s.Keyword.Text));
        Assert.Equal(3, syntax.Statements[1].Arguments.Count); // 2, c and 3: the block comment is trivia, not a line break
    }

    [Fact]
    public void String_escapes_resolve()
    {
        var (syntax, diagnostics) = Parse("x \"a\\\"b\\\\c\\nd\\te\\u{1F600}\"");
        Assert.Empty(diagnostics.Ids);
        Assert.Equal("a\"b\\c\nd\te😀", Assert.IsType<StringExpressionSyntax>(syntax.Statements[0].Arguments[0]).Value);
    }

    [Fact]
    public void Spans_are_exact()
    {
        var text = "form Vitals {\n  field weight quantity kg\n}";
        var (syntax, _) = Parse(text);
        var field = syntax.Statements[0].Body!.Statements[0];
        Assert.Equal("field", text.Substring(field.Keyword.Span.Start, field.Keyword.Span.Length));
        Assert.Equal("weight", text.Substring(field.Arguments[0].Span.Start, field.Arguments[0].Span.Length));
        Assert.Equal(text.Length, syntax.Statements[0].Span.End);
    }

    [Fact]
    public void Deep_nesting_is_bounded_and_reported()
    {
        var (_, diagnostics) = Parse("x " + new string('(', 5000) + "1" + new string(')', 5000));
        Assert.Contains("PIC0005", diagnostics.Ids);
        var (_, blocks) = Parse("x " + string.Concat(Enumerable.Repeat("a {", 5000)));
        Assert.Contains("PIC0005", blocks.Ids);
        var (_, chain) = Parse("x " + string.Join(" + ", Enumerable.Repeat("1", 20000)));
        Assert.Contains("PIC0005", chain.Ids);
    }

    [Fact]
    public void Too_deep_is_one_error_and_no_error_follows_from_the_skipped_rest()
    {
        // Parentheses too deep inside a block: the rest of the file is skipped, and neither its ')' nor its '}' is reported missing.
        var (_, parentheses) = Parse("criterion E1 exclusion \"e\" {\n  when " + new string('(', 150) + "F.x == 1" + new string(')', 150) + "\n}\nform G { field y integer }\n");
        Assert.Equal(new[] { "PIC0005" }, parentheses.Ids);
    }

    [Fact]
    public void A_chain_of_conditions_too_long_is_reported_once()
    {
        var source = new SourceText("when " + string.Join(" or ", Enumerable.Range(0, 3000).Select(i => "F.x == " + i)) + "\nanchor a \"A\"\n");
        var bag = new DiagnosticBag(source);
        var syntax = Parser.Parse(source, bag);
        var d = Assert.Single(bag.ToArray());
        Assert.Equal("PIC0005", d.Id);
        Assert.StartsWith("Expected a shorter chain of conditions joined by 'or'", d.Message, System.StringComparison.Ordinal);
        Assert.Equal("anchor", syntax.Statements[1].Keyword.Text); // the rest of the chain is read, and what follows it
    }
}
