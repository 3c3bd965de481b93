using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Collections;
using Xunit;

namespace Picares.Dsl.Tests.Collections;

public class ShardedDictionaryTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 10)]
    [InlineData(5_000, 5_000)]
    [InlineData(100, 20_000)] // far more keys than it was sized for
    public void It_answers_as_a_dictionary_does(int capacity, int keys)
    {
        var sharded = new ShardedDictionary<string, int>(capacity, StringComparer.OrdinalIgnoreCase);
        var plain = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < keys; i++)
        {
            string key = "Name" + i;
            sharded.Add(key, i);
            plain.Add(key, i);
        }
        Assert.Equal(plain.Count, sharded.Count);
        for (int i = 0; i < keys; i++)
        {
            string asked = "NAME" + i; // through the comparer
            Assert.True(sharded.TryGetValue(asked, out int value));
            Assert.Equal(plain[asked], value);
            Assert.Equal(plain[asked], sharded[asked]);
            Assert.True(sharded.ContainsKey(asked));
        }
        Assert.False(sharded.TryGetValue("absent", out _));
        Assert.False(sharded.ContainsKey("Name" + keys));
        Assert.Throws<ArgumentException>(() => sharded.Add("name0", 1));
        Assert.Equal(plain.Keys.OrderBy(k => k, StringComparer.Ordinal), sharded.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(plain.Values.OrderBy(v => v), sharded.Values.OrderBy(v => v));
        Assert.Equal(plain.OrderBy(p => p.Value), sharded.OrderBy(p => p.Value));
    }

    [Fact]
    public void Setting_replaces_and_clearing_empties_every_shard()
    {
        var sharded = new ShardedDictionary<int, string>(10_000);
        for (int i = 0; i < 10_000; i++) sharded[i] = "a";
        sharded[42] = "b";
        Assert.Equal(10_000, sharded.Count);
        Assert.Equal("b", sharded[42]);
        sharded.Clear();
        Assert.Empty(sharded);
        Assert.False(sharded.ContainsKey(42));
        sharded.Add(42, "c");
        Assert.Equal("c", sharded[42]);
    }

    [Theory]
    [InlineData(-5, 1)]
    [InlineData(0, 1)]
    [InlineData(512, 1)]
    [InlineData(513, 2)]
    [InlineData(100_000, 256)]
    public void A_table_has_as_many_shards_as_keep_their_average_fill(int capacity, int shards)
    {
        Assert.Equal(shards, Shards.For(capacity, out int shift));
        // Every hash goes to a shard that exists, the one shard included.
        var rng = new Random(3);
        for (int i = 0; i < 1000; i++)
            Assert.InRange(Shards.Index(rng.Next(int.MinValue, int.MaxValue), shift), 0, shards - 1);
        Assert.Equal(0, Shards.Index(-1, Shards.For(1, out int one) == 1 ? one : 0));
    }

    [Fact]
    public void Keys_set_through_the_indexer_count_once_and_reshard_like_added_ones()
    {
        var sharded = new ShardedDictionary<string, int>(0, StringComparer.Ordinal);
        for (int round = 0; round < 2; round++)
            for (int i = 0; i < 3_000; i++) sharded["k" + i] = round;
        Assert.Equal(3_000, sharded.Count);
        Assert.All(Enumerable.Range(0, 3_000), i => Assert.Equal(1, sharded["k" + i]));
    }

    [Fact]
    public void A_sharded_set_answers_as_a_hash_set_does()
    {
        var sharded = new ShardedSet<(string, string)>(30_000);
        var plain = new HashSet<(string, string)>();
        var rng = new Random(9);
        for (int i = 0; i < 30_000; i++)
        {
            var item = ("Form" + rng.Next(500), "field" + rng.Next(100));
            Assert.Equal(plain.Add(item), sharded.Add(item));
        }
        Assert.Equal(plain.Count, sharded.Count);
        for (int f = 0; f < 500; f++)
            for (int g = 0; g < 100; g += 7)
                Assert.Equal(plain.Contains(("Form" + f, "field" + g)), sharded.Contains(("Form" + f, "field" + g)));
    }
}
