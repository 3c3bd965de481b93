using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Collections;
using Xunit;

namespace Picares.Dsl.Tests.Collections;

public class SegmentedListTests
{
    private const int Segment = SegmentedList<int>.SegmentLength;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(Segment - 1)]
    [InlineData(Segment)]
    [InlineData(Segment + 1)]
    [InlineData(5 * Segment + 123)]
    public void Added_items_read_back_in_order(int count)
    {
        var list = new SegmentedList<int>();
        for (int i = 0; i < count; i++) list.Add(i * 7 + 1);
        Assert.Equal(count, list.Count);
        for (int i = 0; i < count; i++) Assert.Equal(i * 7 + 1, list[i]);
        Assert.Equal(Enumerable.Range(0, count).Select(i => i * 7 + 1), list); // enumerated in order
        Assert.Equal(count > 0 ? 1 : -1, count > 0 ? ((IReadOnlyList<int>)list)[0] : -1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(Segment)]
    [InlineData(3 * Segment + 5)]
    public void A_list_made_with_a_count_holds_defaults_that_can_be_set_and_grows_after_them(int count)
    {
        var list = new SegmentedList<string?>(count);
        Assert.Equal(count, list.Count);
        for (int i = 0; i < count; i++) Assert.Null(list[i]);
        for (int i = 0; i < count; i++) list[i] = "s" + i;
        for (int i = 0; i < 2 * Segment; i++) list.Add("a" + i);
        Assert.Equal(count + 2 * Segment, list.Count);
        for (int i = 0; i < count; i++) Assert.Equal("s" + i, list[i]);
        for (int i = 0; i < 2 * Segment; i++) Assert.Equal("a" + i, list[count + i]);
    }

    [Fact]
    public void An_item_is_set_through_the_reference_the_indexer_returns()
    {
        var list = new SegmentedList<int>(Segment + 2);
        list[Segment + 1] += 5;
        list[Segment + 1]++;
        Assert.Equal(6, list[Segment + 1]);
        Assert.Equal(0, list[Segment]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Segment)]
    [InlineData(3 * Segment + 17)]
    public void Binary_search_answers_as_the_runtime_s_does(int count)
    {
        var rng = new Random(count);
        var sorted = new List<int>();
        for (int i = 0, value = 0; i < count; i++) sorted.Add(value += 1 + rng.Next(4));
        var list = new SegmentedList<int>();
        foreach (int value in sorted) list.Add(value);
        int last = count == 0 ? 0 : sorted[count - 1];
        for (int value = -2; value <= last + 2; value++)
            Assert.Equal(sorted.BinarySearch(value), list.BinarySearch(value));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(Segment)]
    public void Reading_outside_the_list_throws(int index)
    {
        var list = new SegmentedList<int>();
        for (int i = 0; i < 3; i++) list.Add(i);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[index]);
    }
}
