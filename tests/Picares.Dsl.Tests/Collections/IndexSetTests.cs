using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Collections;
using Xunit;

namespace Picares.Dsl.Tests.Collections;

/// <summary>
/// A set that never changes answers as a <see cref="HashSet{T}"/> does, across words, nodes and roots raised for larger
/// indices, with runs held whole and gaps; adding or joining leaves the sets it started from as they were, and returns a
/// set itself when nothing changes.
/// </summary>
public class IndexSetTests
{
    [Fact]
    public void Adds_and_unions_answer_as_a_hash_set_and_change_no_earlier_set()
    {
        var random = new Random(4242);
        for (int trial = 0; trial < 200; trial++)
        {
            // Small ranges (one word), middling (a level or two) and wide ones (a root raised several times).
            int range = random.Next(3) switch { 0 => 64, 1 => 2000, _ => 300_000 };
            var sets = new List<(IndexSet Set, HashSet<int> Expected)> { (IndexSet.Empty, new HashSet<int>()) };
            for (int step = 0; step < 40; step++)
            {
                var (set, expected) = sets[random.Next(sets.Count)];
                IndexSet made;
                HashSet<int> madeExpected;
                int kind = random.Next(5);
                if (kind == 0)
                {
                    // A run of indices, so that words and nodes are held whole, with gaps between runs.
                    int low = random.Next(range), length = random.Next(1, 1500);
                    made = set;
                    for (int index = low; index < low + length; index++) made = made.Add(index);
                    madeExpected = new HashSet<int>(expected.Concat(Enumerable.Range(low, length)));
                }
                else if (kind > 2)
                {
                    int index = random.Next(range);
                    made = set.Add(index);
                    madeExpected = new HashSet<int>(expected) { index };
                    if (expected.Contains(index)) Assert.Same(set, made);
                }
                else
                {
                    var (other, otherExpected) = sets[random.Next(sets.Count)];
                    made = IndexSet.Union(set, other);
                    madeExpected = new HashSet<int>(expected.Concat(otherExpected));
                    if (otherExpected.IsSubsetOf(expected)) Assert.Same(set, made);
                }
                sets.Add((made, madeExpected));
            }
            foreach (var (set, expected) in sets)
            {
                Assert.Equal(expected.Count, set.Count);
                foreach (var index in expected) Assert.True(set.Contains(index), $"{index}");
                for (int probe = 0; probe < 50; probe++)
                {
                    int index = random.Next(range + 100);
                    Assert.Equal(expected.Contains(index), set.Contains(index));
                }
                long first = random.Next(range / 64 + 2), end = first + random.Next(range / 64 + 2);
                var parts = new List<IndexSet>();
                Assert.Equal(expected.Count(i => i >= first * 64 && i < end * 64), set.CountWords(first, end, parts));
                Assert.Equal(parts.Sum(p => p.Count), set.CountWords(first, end, null));
                int from = random.Next(range + 100), limit = from + random.Next(3000);
                Assert.Equal(Enumerable.Range(from, limit - from).Where(i => !expected.Contains(i)).DefaultIfEmpty(limit).First(), set.NextAbsent(from, limit));
            }
        }
    }

    [Fact]
    public void The_next_index_absent_passes_over_parts_held_whole()
    {
        var full = Enumerable.Range(0, 5000).Aggregate(IndexSet.Empty, (s, i) => s.Add(i)).Add(5001);
        Assert.Equal(5000, full.NextAbsent(0, 10_000));
        Assert.Equal(5002, full.NextAbsent(5001, 10_000));
        Assert.Equal(4000, full.NextAbsent(0, 4000)); // held up to the end asked about
        Assert.Equal(1 << 20, full.NextAbsent(1 << 20, 1 << 21)); // past the root
        Assert.Equal(0, IndexSet.Empty.NextAbsent(0, 5));
    }

    [Fact]
    public void Sets_that_share_the_parts_of_a_run_hold_the_same_indices_there()
    {
        var shared = Enumerable.Range(0, 3000).Where(i => i % 3 == 0).Aggregate(IndexSet.Empty, (s, i) => s.Add(i));
        var one = shared.Add(5000);
        var other = shared.Add(7000);
        var (oneParts, otherParts) = (new List<IndexSet>(), new List<IndexSet>());
        one.CountWords(0, 3000 / 64 + 1, oneParts);
        other.CountWords(0, 3000 / 64 + 1, otherParts);
        Assert.Equal(oneParts, otherParts); // by reference: the run below 3,000 is the shared set's own nodes
        Assert.False(shared.Contains(5000));
        Assert.Equal(1001, one.Count);
    }
}
