using System;
using System.Collections.Generic;

namespace Picares.Dsl.Compiler.Syntax;

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
        if (count > MaxChunk) return new SyntaxList<T>(items.ToArray(), 0, count);
        int start = Reserve(count);
        items.CopyTo(_chunk, start);
        return new SyntaxList<T>(_chunk, start, count);
    }

    /// <summary>One item as a list of the tree.</summary>
    public SyntaxList<T> Add(T item)
    {
        int start = Reserve(1);
        _chunk[start] = item;
        return new SyntaxList<T>(_chunk, start, 1);
    }

    /// <summary>Where in <c>_chunk</c> the next <paramref name="count"/> items (at most <see cref="MaxChunk"/>) go, beginning a new chunk if they do not fit.</summary>
    private int Reserve(int count)
    {
        if (count > _chunk.Length - _used)
        {
            int size = Math.Min(MaxChunk, Math.Max(_chunk.Length * 2, FirstChunk));
            while (size < count) size *= 2;
            _chunk = new T[size];
            _used = 0;
        }
        int start = _used;
        _used += count;
        return start;
    }
}
