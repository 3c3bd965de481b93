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
