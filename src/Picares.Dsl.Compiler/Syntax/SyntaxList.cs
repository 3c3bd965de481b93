using System;
using System.Collections;
using System.Collections.Generic;

namespace Picares.Dsl.Compiler.Syntax;

/// <summary>
/// The nodes of one list in the tree (a statement's arguments, a block's statements, a list's items): a slice of storage
/// that the parser shares among the lists of a file (<see cref="SyntaxListStore{T}"/>), so that a list costs no object
/// of its own. A value; <c>default</c> is the empty list. Enumerating it with <c>foreach</c> allocates nothing.
/// A list keeps its whole chunk alive, and with it the nodes of other lists: hold on to a tree, not to single lists of one.
/// </summary>
/// <typeparam name="T">The node type.</typeparam>
public readonly struct SyntaxList<T> : IReadOnlyList<T> where T : class
{
    private readonly T[]? _storage;
    private readonly int _start;

    internal SyntaxList(T[] storage, int start, int count)
    {
        _storage = storage;
        _start = start;
        Count = count;
    }

    /// <summary>How many nodes the list holds.</summary>
    public int Count { get; }

    /// <summary>The node at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="index"/> is not in 0 .. Count - 1.</exception>
    public T this[int index] => (uint)index < (uint)Count ? _storage![_start + index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The last node. The list must not be empty.</summary>
    public T Last => this[Count - 1];

    /// <summary>Enumerates the nodes without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The first node that <paramref name="match"/> accepts, or null (without boxing the list, as LINQ's would).</summary>
    public T? FirstOrDefault(Func<T, bool> match)
    {
        for (int i = 0; i < Count; i++)
            if (match(_storage![_start + i])) return _storage[_start + i];
        return null;
    }

    /// <summary>The nodes in a new array.</summary>
    public T[] ToArray()
    {
        if (Count == 0) return Array.Empty<T>();
        var items = new T[Count];
        Array.Copy(_storage!, _start, items, 0, Count);
        return items;
    }

    /// <summary>Enumerates a <see cref="SyntaxList{T}"/>.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly SyntaxList<T> _list;
        private int _index;

        internal Enumerator(SyntaxList<T> list)
        {
            _list = list;
            _index = -1;
        }

        /// <inheritdoc />
        public T Current => _list[_index]; // checked: past the end it throws rather than read a neighbouring list

        object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext() => ++_index < _list.Count;

        /// <inheritdoc />
        public void Reset() => _index = -1;

        /// <inheritdoc />
        public void Dispose()
        {
        }
    }
}

/// <summary>
/// The storage behind a file's <see cref="SyntaxList{T}"/>s of one node type: lists are copied one after another into
/// shared arrays (chunks), so that a tree of a hundred thousand lists holds a few dozen arrays rather than a hundred
/// thousand. A chunk is never grown or moved, since the lists made from it keep pointing into it; when a list does not
/// fit in what is left, a new chunk is begun, twice as large as the last up to <see cref="MaxChunk"/> items, so that a
/// small file gets small chunks. A list longer than that gets a chunk of its own.
/// </summary>
/// <typeparam name="T">The node type.</typeparam>
internal sealed class SyntaxListStore<T> where T : class
{
    /// <summary>The most items in a shared chunk (64 KB of references: under the large-object threshold).</summary>
    internal const int MaxChunk = 8192;
    private const int FirstChunk = 64;

    private T[] _chunk = Array.Empty<T>();
    private int _used;

    /// <summary>The items of <paramref name="items"/> as a list of the tree; <paramref name="items"/> is left as it was.</summary>
    public SyntaxList<T> Add(List<T> items)
    {
        int count = items.Count;
        if (count == 0) return default;
        if (count > _chunk.Length - _used)
        {
            if (count > MaxChunk) return new SyntaxList<T>(items.ToArray(), 0, count);
            int size = Math.Min(MaxChunk, Math.Max(_chunk.Length * 2, FirstChunk));
            while (size < count) size *= 2;
            _chunk = new T[size];
            _used = 0;
        }
        items.CopyTo(_chunk, _used);
        var list = new SyntaxList<T>(_chunk, _used, count);
        _used += count;
        return list;
    }

    /// <summary>One item as a list of the tree.</summary>
    public SyntaxList<T> Add(T item)
    {
        if (_chunk.Length == _used)
        {
            _chunk = new T[Math.Min(MaxChunk, Math.Max(_chunk.Length * 2, FirstChunk))];
            _used = 0;
        }
        _chunk[_used] = item;
        return new SyntaxList<T>(_chunk, _used++, 1);
    }
}
