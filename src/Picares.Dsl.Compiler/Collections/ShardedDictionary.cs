using System;
using System.Collections;
using System.Collections.Generic;

namespace Picares.Dsl.Compiler.Collections;

/// <summary>
/// A dictionary for the tables that grow with the file (declarations, fields, C# names): its keys are spread by hash
/// over enough <see cref="Dictionary{TKey, TValue}"/>s that none holds more than about <see cref="ShardSize"/> of them,
/// so that no array of a large file's table reaches the large-object heap (see <see cref="SegmentedList{T}"/> for why).
/// A table of a small file has one shard and is a plain dictionary.
/// </summary>
/// <remarks>The order of enumeration is not the order of insertion: it follows the keys' hashes, which for
/// strings differ from run to run. A caller that shows what it enumerates sorts it first.</remarks>
internal sealed class ShardedDictionary<TKey, TValue> : IReadOnlyDictionary<TKey, TValue> where TKey : notnull
{
    /// <summary>
    /// The most keys a shard is meant for: 1,024 entries of up to 40 bytes (key, value, hash and link) stay under the
    /// large-object threshold even when an unlucky shard outgrows its share of the capacity and doubles.
    /// </summary>
    internal const int ShardSize = 1024;

    private readonly Dictionary<TKey, TValue>[] _shards;
    private readonly IEqualityComparer<TKey> _comparer;
    private readonly int _shift;

    /// <param name="capacity">How many keys the table will hold at most (or about), which decides the number of shards.</param>
    /// <param name="comparer">How keys compare; the default comparer when null.</param>
    public ShardedDictionary(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        _comparer = comparer ?? EqualityComparer<TKey>.Default;
        int shards = Shards.For(capacity, ShardSize, out _shift);
        _shards = new Dictionary<TKey, TValue>[shards];
        // Each shard is sized for its share and an eighth more, since hashing does not share the keys out evenly.
        int share = shards == 1 ? capacity : capacity / shards + capacity / shards / 8;
        for (int i = 0; i < shards; i++) _shards[i] = new Dictionary<TKey, TValue>(share, _comparer);
    }

    /// <summary>How many keys the table holds.</summary>
    public int Count
    {
        get
        {
            int count = 0;
            foreach (var shard in _shards) count += shard.Count;
            return count;
        }
    }

    /// <summary>The value of <paramref name="key"/>; the key must be present.</summary>
    public TValue this[TKey key]
    {
        get => ShardOf(key)[key];
        set => ShardOf(key)[key] = value;
    }

    TValue IReadOnlyDictionary<TKey, TValue>.this[TKey key] => this[key];

    /// <summary>Adds a key that is not yet present.</summary>
    public void Add(TKey key, TValue value) => ShardOf(key).Add(key, value);

    /// <summary>The value of <paramref name="key"/>, when present.</summary>
    public bool TryGetValue(TKey key, out TValue value) => ShardOf(key).TryGetValue(key, out value!);

    /// <summary>Whether <paramref name="key"/> is present.</summary>
    public bool ContainsKey(TKey key) => ShardOf(key).ContainsKey(key);

    /// <summary>Removes every key, keeping the shards' capacity.</summary>
    public void Clear()
    {
        foreach (var shard in _shards) shard.Clear();
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

    private Dictionary<TKey, TValue> ShardOf(TKey key) =>
        _shards.Length == 1 ? _shards[0] : _shards[Shards.Index(_comparer.GetHashCode(key), _shift)];
}

/// <summary>
/// A set for the tables that grow with the file, spread over <see cref="HashSet{T}"/>s like
/// <see cref="ShardedDictionary{TKey, TValue}"/>.
/// </summary>
internal sealed class ShardedSet<T> where T : notnull
{
    private readonly HashSet<T>[] _shards;
    private readonly IEqualityComparer<T> _comparer;
    private readonly int _shift;

    /// <param name="capacity">How many items the set will hold at most (or about), which decides the number of shards.</param>
    /// <param name="comparer">How items compare; the default comparer when null.</param>
    public ShardedSet(int capacity, IEqualityComparer<T>? comparer = null)
    {
        _comparer = comparer ?? EqualityComparer<T>.Default;
        int shards = Shards.For(capacity, ShardedDictionary<T, T>.ShardSize, out _shift);
        _shards = new HashSet<T>[shards];
        for (int i = 0; i < shards; i++) _shards[i] = new HashSet<T>(_comparer);
    }

    /// <summary>How many items the set holds.</summary>
    public int Count
    {
        get
        {
            int count = 0;
            foreach (var shard in _shards) count += shard.Count;
            return count;
        }
    }

    /// <summary>Adds an item; false when it was already there.</summary>
    public bool Add(T item) => ShardOf(item).Add(item);

    /// <summary>Whether <paramref name="item"/> is in the set.</summary>
    public bool Contains(T item) => ShardOf(item).Contains(item);

    private HashSet<T> ShardOf(T item) =>
        _shards.Length == 1 ? _shards[0] : _shards[Shards.Index(_comparer.GetHashCode(item), _shift)];
}

/// <summary>How many shards a table needs and which one a hash goes to.</summary>
internal static class Shards
{
    /// <summary>The number of shards (a power of two) for <paramref name="capacity"/> keys, at most <paramref name="perShard"/> each.</summary>
    /// <param name="shift">How far to shift a mixed hash right to get a shard's index.</param>
    public static int For(int capacity, int perShard, out int shift)
    {
        int shards = 1, bits = 0;
        while ((long)shards * perShard < capacity) { shards <<= 1; bits++; }
        shift = 32 - bits;
        return shards;
    }

    /// <summary>The shard of a key's hash: the top bits of the hash times 2^32 over the golden ratio (Fibonacci hashing),
    /// so that the shards use other bits than the dictionaries' own buckets do.</summary>
    public static int Index(int hash, int shift) => (int)(unchecked((uint)hash * 2654435769u) >> shift);
}
