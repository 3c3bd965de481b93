using System;
using System.Collections;
using System.Collections.Generic;

namespace Picares.Dsl.Compiler.Collections;

/// <summary>
/// A dictionary for the tables that grow with the file (declarations, fields, C# names): its keys are spread by hash
/// over <see cref="Dictionary{TKey, TValue}"/>s (shards), and when the keys come to average more than
/// <see cref="Shards.AverageFill"/> a shard, the shards are doubled and the keys shared out again. So no shard's arrays
/// reach the large-object heap, however many keys the table was sized for (see <see cref="SegmentedList{T}"/> for why).
/// A small table has one shard and is a plain dictionary.
/// </summary>
/// <remarks>
/// The order of enumeration is not the order of insertion: it follows the keys' hashes, which for strings differ from
/// run to run. A caller that shows what it enumerates sorts it first. A lookup in a table of several shards hashes the
/// key twice, once for the shard and once in it; Roslyn's <c>SegmentedDictionary</c> hashes once, but is not obtainable here.
/// </remarks>
internal sealed class ShardedDictionary<TKey, TValue> : IReadOnlyDictionary<TKey, TValue> where TKey : notnull
{
    private readonly IEqualityComparer<TKey> _comparer;
    private Dictionary<TKey, TValue>[] _shards;
    private int _shift;
    private int _count;

    /// <param name="capacity">About how many keys the table will hold: it decides the first number of shards and their size.</param>
    /// <param name="comparer">How keys compare; the default comparer when null.</param>
    public ShardedDictionary(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        _comparer = comparer ?? EqualityComparer<TKey>.Default;
        _shards = NewShards(capacity, out _shift);
    }

    /// <summary>How many keys the table holds.</summary>
    public int Count => _count;

    /// <summary>The value of <paramref name="key"/>; the key must be present. Setting adds the key or replaces its value.</summary>
    public TValue this[TKey key]
    {
        get => ShardOf(key)[key];
        set
        {
            var shard = ShardOf(key);
            int before = shard.Count;
            shard[key] = value;
            if (shard.Count > before) Added();
        }
    }

    TValue IReadOnlyDictionary<TKey, TValue>.this[TKey key] => this[key];

    /// <summary>Adds a key that is not yet present.</summary>
    public void Add(TKey key, TValue value)
    {
        ShardOf(key).Add(key, value);
        Added();
    }

    /// <summary>Adds a key unless it is present; false when it was (netstandard2.0's dictionary has no TryAdd).</summary>
    public bool TryAdd(TKey key, TValue value)
    {
        var shard = ShardOf(key);
        if (shard.ContainsKey(key)) return false;
        shard.Add(key, value);
        Added();
        return true;
    }

    /// <summary>The value of <paramref name="key"/>, when present.</summary>
    public bool TryGetValue(TKey key, out TValue value) => ShardOf(key).TryGetValue(key, out value!);

    /// <summary>Whether <paramref name="key"/> is present.</summary>
    public bool ContainsKey(TKey key) => ShardOf(key).ContainsKey(key);

    /// <summary>Removes every key, keeping the shards and their capacity.</summary>
    public void Clear()
    {
        foreach (var shard in _shards) shard.Clear();
        _count = 0;
    }

    /// <summary>The keys, shard by shard (in no order a caller may rely on).</summary>
    public IEnumerable<TKey> Keys
    {
        get
        {
            foreach (var shard in _shards)
                foreach (var key in shard.Keys)
                    yield return key;
        }
    }

    /// <summary>The values, shard by shard (in no order a caller may rely on).</summary>
    public IEnumerable<TValue> Values
    {
        get
        {
            foreach (var shard in _shards)
                foreach (var value in shard.Values)
                    yield return value;
        }
    }

    /// <summary>The keys and values, shard by shard (in no order a caller may rely on).</summary>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        foreach (var shard in _shards)
            foreach (var pair in shard)
                yield return pair;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // A table of one shard hashes a key once, in the shard.
    private Dictionary<TKey, TValue> ShardOf(TKey key) =>
        _shards.Length == 1 ? _shards[0] : _shards[Shards.Index(_comparer.GetHashCode(key), _shift)];

    private void Added()
    {
        if (++_count <= _shards.Length * Shards.AverageFill) return;
        // Twice the shards, each sized for its new share: every key is hashed once more.
        var old = _shards;
        _shards = NewShards(_count, out _shift);
        foreach (var shard in old)
            foreach (var pair in shard)
                ShardOf(pair.Key).Add(pair.Key, pair.Value);
    }

    private Dictionary<TKey, TValue>[] NewShards(int capacity, out int shift)
    {
        var shards = new Dictionary<TKey, TValue>[Shards.For(capacity, out shift)];
        int share = Shards.Share(capacity, shards.Length);
        for (int i = 0; i < shards.Length; i++) shards[i] = new Dictionary<TKey, TValue>(share, _comparer);
        return shards;
    }
}

/// <summary>
/// A set for the tables that grow with the file: the keys of a <see cref="ShardedDictionary{TKey, TValue}"/>, which
/// shards and reshares them.
/// </summary>
internal sealed class ShardedSet<T> where T : notnull
{
    private readonly ShardedDictionary<T, bool> _items;

    /// <param name="capacity">About how many items the set will hold: it decides the first number of shards and their size.</param>
    /// <param name="comparer">How items compare; the default comparer when null.</param>
    public ShardedSet(int capacity, IEqualityComparer<T>? comparer = null) => _items = new ShardedDictionary<T, bool>(capacity, comparer);

    /// <summary>How many items the set holds.</summary>
    public int Count => _items.Count;

    /// <summary>Adds an item; false when it was already there.</summary>
    public bool Add(T item) => _items.TryAdd(item, true);

    /// <summary>Whether <paramref name="item"/> is in the set.</summary>
    public bool Contains(T item) => _items.ContainsKey(item);
}

/// <summary>How many shards a table needs and which one a hash goes to.</summary>
internal static class Shards
{
    /// <summary>
    /// The most keys a table holds per shard, on average, before it doubles its shards: 512. Hashing does not share keys
    /// out evenly, but a shard of 512 on average seldom passes 600, and a BCL table grows its arrays from 673 entries to
    /// 1,361, which for entries of up to 62 bytes (key, value, hash and link; the compiler's are at most 48) stays under
    /// the large-object threshold of 85,000 bytes.
    /// </summary>
    internal const int AverageFill = 512;

    /// <summary>The number of shards (a power of two) that keeps <paramref name="capacity"/> keys at <see cref="AverageFill"/> a shard or fewer.</summary>
    /// <param name="shift">How far to shift a mixed hash right to get a shard's index (32 for one shard: every hash goes to shard 0).</param>
    public static int For(int capacity, out int shift)
    {
        int shards = 1, bits = 0;
        while ((long)shards * AverageFill < capacity) { shards <<= 1; bits++; }
        shift = 32 - bits;
        return shards;
    }

    /// <summary>What to size each of <paramref name="shards"/> shards for: its share of <paramref name="capacity"/> and an eighth more, since hashing does not share keys out evenly.</summary>
    public static int Share(int capacity, int shards) => shards == 1 ? Math.Max(0, capacity) : capacity / shards + capacity / shards / 8;

    /// <summary>The shard of a key's hash: the top bits of the hash times 2^32 over the golden ratio (Fibonacci hashing),
    /// so that the shards use other bits than the dictionaries' own buckets do.</summary>
    public static int Index(int hash, int shift) => shift >= 32 ? 0 : (int)(unchecked((uint)hash * 2654435769u) >> shift);
}
