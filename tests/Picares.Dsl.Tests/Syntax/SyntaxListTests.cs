using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Compiler.Text;
using Xunit;

namespace Picares.Dsl.Tests.Syntax;

/// <summary>
/// The tree's lists share storage: each list must keep exactly its own items, in order, however many lists follow it,
/// across chunk boundaries and for lists longer than a chunk.
/// </summary>
public class SyntaxListTests
{
    private sealed class Item
    {
        public Item(int value) => Value = value;
        public int Value { get; }
    }

    [Fact]
    public void Default_is_the_empty_list()
    {
        var empty = default(SyntaxList<Item>);
        Assert.Empty(empty);
        Assert.Empty(empty.ToArray());
        Assert.Null(empty.FirstOrDefault(_ => true));
        Assert.Throws<ArgumentOutOfRangeException>(() => empty[0]);
    }

    [Fact]
    public void Every_list_keeps_its_own_items_across_chunks()
    {
        var store = new SyntaxListStore<Item>();
        var rng = new Random(7);
        var expected = new List<int[]>();
        var lists = new List<SyntaxList<Item>>();
        int next = 0;
        // Enough lists of varied length (some empty, some longer than a chunk) to fill many chunks of every size.
        for (int i = 0; i < 3000; i++)
        {
            int length = i % 500 == 499 ? SyntaxListStore<Item>.MaxChunk + 3 : rng.Next(0, 40);
            var values = Enumerable.Range(next, length).ToArray();
            next += length;
            expected.Add(values);
            lists.Add(i % 7 == 0 && length == 1 ? store.Add(new Item(values[0])) : store.Add(values.Select(v => new Item(v)).ToList()));
        }
        for (int i = 0; i < lists.Count; i++)
        {
            var list = lists[i];
            Assert.Equal(expected[i].Length, list.Count);
            var enumerated = new List<int>();
            foreach (var item in list) enumerated.Add(item.Value);
            Assert.Equal(expected[i], enumerated);
            Assert.Equal(expected[i], list.ToArray().Select(item => item.Value));
            Assert.Equal(expected[i], ((IEnumerable<Item>)list).Select(item => item.Value));
            for (int k = 0; k < list.Count; k++) Assert.Equal(expected[i][k], list[k].Value);
            Assert.Throws<ArgumentOutOfRangeException>(() => list[list.Count]);
            Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
            if (list.Count > 0) Assert.Equal(expected[i][^1], list.Last.Value);
        }
    }

    [Fact]
    public void The_list_it_was_made_from_can_be_reused()
    {
        var store = new SyntaxListStore<Item>();
        var items = new List<Item> { new(1), new(2) };
        var first = store.Add(items);
        items.Clear();
        items.Add(new Item(3));
        var second = store.Add(items);
        Assert.Equal(new[] { 1, 2 }, first.ToArray().Select(i => i.Value));
        Assert.Equal(new[] { 3 }, second.ToArray().Select(i => i.Value));
    }

    [Fact]
    public void FirstOrDefault_finds_the_first_match_in_the_list_only()
    {
        var store = new SyntaxListStore<Item>();
        var before = store.Add(new List<Item> { new(5) });
        var list = store.Add(new List<Item> { new(1), new(2), new(3) });
        var after = store.Add(new List<Item> { new(4) });
        Assert.Equal(2, list.FirstOrDefault(i => i.Value % 2 == 0)?.Value);
        Assert.Null(list.FirstOrDefault(i => i.Value > 3)); // 4 and 5 are in the neighbouring lists
        Assert.Equal(5, before.Last.Value);
        Assert.Equal(4, after.Last.Value);
    }

    [Fact]
    public void A_block_keeps_its_braces_where_they_stand()
    {
        const string text = "form F {\n  field x quantity kg\n}\nform G {\n  field y quantity kg\n";
        var source = new SourceText(text);
        var syntax = Parser.Parse(source, new DiagnosticBag(source));
        var closed = syntax.Statements[0].Body!;
        Assert.Equal((TokenKind.OpenBrace, "{", text.IndexOf('{'), 1, true), (closed.Open.Kind, closed.Open.Text, closed.Open.Span.Start, closed.Open.Span.Length, closed.Open.HasLeadingTrivia));
        Assert.Equal((TokenKind.CloseBrace, "}", text.IndexOf('}'), 1, false), (closed.Close.Kind, closed.Close.Text, closed.Close.Span.Start, closed.Close.Span.Length, closed.Close.IsMissing));
        Assert.Equal(TextSpan.FromBounds(text.IndexOf('{'), text.IndexOf('}') + 1), closed.Span);
        var unclosed = syntax.Statements[1].Body!;
        Assert.True(unclosed.Close.IsMissing);
        Assert.Equal((TokenKind.CloseBrace, "", 0), (unclosed.Close.Kind, unclosed.Close.Text, unclosed.Close.Span.Length));
        Assert.Equal(text.Length, unclosed.Span.End);
        Assert.Equal("x", syntax.Statements[0].Body!.Statements[0].Arguments[0].AsName);
        Assert.Equal("y", unclosed.Statements[0].Arguments[0].AsName);
    }
}
