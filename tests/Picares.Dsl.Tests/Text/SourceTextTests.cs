using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Compiler.Text;
using Xunit;

namespace Picares.Dsl.Tests.Text;

/// <summary>Lines end at LF, CRLF, CR, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, wherever they stand in the text.</summary>
public class SourceTextTests
{
    private static readonly string[] Breaks = { "\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029" };

    // The rule written out a character at a time, to check the searching implementation against.
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            else if (c is not ('\n' or '\r' or '\u0085' or '\u2028' or '\u2029')) continue;
            starts.Add(i + 1);
        }
        return starts;
    }

    [Theory]
    [InlineData("")]
    [InlineData("study")]
    [InlineData("\r")]
    [InlineData("a\r")]
    [InlineData("a\r\n")]
    [InlineData("\n\n")]
    [InlineData("a\r\rb\r\n\nc\u2028d\u2029\u0085")]
    public void Every_kind_of_line_break_starts_a_line(string text) => AssertLines(text);

    [Fact]
    public void Random_texts_have_the_line_starts_of_the_rule()
    {
        var rng = new Random(11);
        for (int n = 0; n < 300; n++)
        {
            var sb = new StringBuilder();
            int parts = rng.Next(0, 40);
            for (int p = 0; p < parts; p++)
                sb.Append(rng.Next(3) == 0 ? Breaks[rng.Next(Breaks.Length)] : new string('x', rng.Next(0, 70)));
            AssertLines(sb.ToString());
        }
    }

    [Fact]
    public void A_text_of_many_thousand_lines_finds_every_line_in_any_order()
    {
        // Its line index spans several segments, and offsets asked out of order are found by the search, not the hint.
        var rng = new Random(5);
        var sb = new StringBuilder();
        while (sb.Length < 200_000) sb.Append(new string('x', rng.Next(0, 30))).Append(Breaks[rng.Next(Breaks.Length)]);
        string text = sb.ToString();
        var source = new SourceText(text);
        var starts = LineStarts(text);
        Assert.True(starts.Count > 3 * Picares.Dsl.Compiler.Collections.SegmentedList<int>.SegmentLength, "the index should span several segments");
        Assert.Equal(starts.Count, source.LineCount);
        var offsets = starts.Concat(starts.Select(s => s - 1)).Where(o => o >= 0)
            .Concat(Enumerable.Range(0, 20_000).Select(_ => rng.Next(text.Length + 1))).Append(text.Length);
        foreach (int offset in offsets.OrderBy(_ => rng.Next()))
        {
            int found = starts.BinarySearch(offset);
            int line = found >= 0 ? found : ~found - 1;
            Assert.Equal(new LinePosition(line, offset - starts[line]), source.GetLinePosition(offset));
        }
    }

    private static void AssertLines(string text)
    {
        var source = new SourceText(text);
        var starts = LineStarts(text);
        Assert.Equal(starts.Count, source.LineCount);
        for (int offset = 0; offset <= text.Length; offset++)
        {
            int line = starts.FindLastIndex(s => s <= offset);
            // A CRLF's LF belongs to the line the CR ends.
            Assert.Equal(new LinePosition(line, offset - starts[line]), source.GetLinePosition(offset));
        }
    }

    [Fact]
    public void The_line_break_test_and_the_line_break_characters_agree()
    {
        Assert.Equal(Breaks.Select(b => b[b.Length - 1]).Distinct().OrderBy(c => c), SourceText.LineBreakCharacters.OrderBy(c => c));
        for (int c = char.MinValue; c <= char.MaxValue; c++)
            Assert.Equal(SourceText.LineBreakCharacters.Contains((char)c), SourceText.IsLineBreak((char)c));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    public void A_string_ends_at_the_line_break_and_a_comment_with_it(string lineBreak)
    {
        string text = "note \"open" + lineBreak + "study // a comment" + lineBreak + "title \"x\\\"y\"";
        var source = new SourceText(text);
        var diagnostics = new DiagnosticBag(source);
        var syntax = Parser.Parse(source, diagnostics);
        var unterminated = Assert.Single(diagnostics.ToArray());
        Assert.Equal(DiagnosticDescriptors.UnterminatedString.Id, unterminated.Id);
        Assert.Equal(TextSpan.FromBounds(5, 10), unterminated.Span); // from the quote to the line break
        Assert.Equal("open", Assert.IsType<StringExpressionSyntax>(syntax.Statements[0].Arguments[0]).Value);
        Assert.Equal(new[] { "note", "study", "title" }, syntax.Statements.Select(s => s.Keyword.Text));
        Assert.Empty(syntax.Statements[1].Arguments); // the comment is trivia up to the line break
        Assert.Equal("x\"y", Assert.IsType<StringExpressionSyntax>(syntax.Statements[2].Arguments[0]).Value);
    }
}
