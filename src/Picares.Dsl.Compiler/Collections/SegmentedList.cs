using System;
using System.Collections;
using System.Collections.Generic;

namespace Picares.Dsl.Compiler.Collections;

/// <summary>
/// A list kept in segments of <see cref="SegmentLength"/> items instead of one array, for the tables that grow with the
/// file (line starts, interned names, per-statement slots). No segment reaches the large-object heap (85,000 bytes) for
/// items of up to 40 bytes, and growing adds a segment instead of copying the list. An array on the large-object heap
/// is collected only by a full collection, and every 100 KB allocated there brings that full collection nearer: at 100
/// times PICARES's size those arrays made most of the compiler's collections full ones (docs/performance.md).
/// </summary>
/// <remarks>
/// Roslyn keeps such tables in <c>SegmentedArray&lt;T&gt;</c> and <c>SegmentedDictionary</c> from its
/// <c>Microsoft.CodeAnalysis.Collections</c> source package for the same reason; that package is not obtainable here
/// (docs/architecture.md, "Substitutes"), so this is the small part of it the compiler needs.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class SegmentedList<T> : IReadOnlyList<T>
{
    /// <summary>Items per segment: 2,048, so that a segment of 40-byte items is 80 KB.</summary>
    internal const int SegmentLength = 1 << SegmentShift;
    private const int SegmentShift = 11;
    private const int OffsetMask = SegmentLength - 1;

    private T[][] _segments;
    private int _count;

    /// <summary>An empty list.</summary>
    public SegmentedList() => _segments = Array.Empty<T[]>();

    /// <summary>A list of <paramref name="count"/> default items.</summary>
    public SegmentedList(int count)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
        int segments = (count + OffsetMask) >> SegmentShift;
        _segments = new T[segments][];
        for (int s = 0; s < segments; s++)
            _segments[s] = new T[s == segments - 1 ? count - (s << SegmentShift) : SegmentLength];
        _count = count;
    }

    /// <summary>How many items the list holds.</summary>
    public int Count => _count;

    /// <summary>The item at <paramref name="index"/>.</summary>
    /// <remarks>A value, not a reference: a reference into an array of a reference type costs the runtime a type check
    /// on every read, and the lexer reads its name table at every name.</remarks>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            return _segments[index >> SegmentShift][index & OffsetMask];
        }
        set
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            _segments[index >> SegmentShift][index & OffsetMask] = value;
        }
    }

    /// <summary>
    /// Searches a list sorted by <paramref name="comparer"/> (the default when null) for <paramref name="value"/>, as
    /// <see cref="Array.BinarySearch{T}(T[], int, int, T, IComparer{T})"/> does: its index, or the bitwise complement of
    /// the index of the first larger item. Finds the segment first, then searches it with the runtime's own search.
    /// </summary>
    public int BinarySearch(T value, IComparer<T>? comparer = null)
    {
        comparer ??= Comparer<T>.Default;
        int segments = (_count + OffsetMask) >> SegmentShift;
        if (segments == 0) return ~0;
        // The last segment whose first item is at or below the value (or the first segment).
        int low = 0, high = segments - 1;
        while (low < high)
        {
            int middle = low + (high - low + 1) / 2;
            if (comparer.Compare(_segments[middle][0], value) <= 0) low = middle;
            else high = middle - 1;
        }
        int length = low == segments - 1 ? _count - (low << SegmentShift) : SegmentLength;
        int found = Array.BinarySearch(_segments[low], 0, length, value, comparer);
        return found >= 0 ? (low << SegmentShift) + found : ~((low << SegmentShift) + ~found);
    }

    /// <summary>Adds an item at the end.</summary>
    public void Add(T item)
    {
        int segment = _count >> SegmentShift, offset = _count & OffsetMask;
        if (segment == _segments.Length || _segments[segment] is not { } items || offset == items.Length) Grow(segment);
        _segments[segment][offset] = item;
        _count++;
    }

    // A small list grows its one segment by doubling up to the segment length, so that a small file's table stays small;
    // after that, segments are added whole. The segments array itself holds one reference per 2,048 items.
    private void Grow(int segment)
    {
        if (segment == _segments.Length) Array.Resize(ref _segments, Math.Max(4, _segments.Length * 2));
        var current = _segments[segment];
        if (current is null)
        {
            _segments[segment] = new T[segment == 0 ? 16 : SegmentLength];
            return;
        }
        var larger = new T[Math.Min(SegmentLength, current.Length * 2)];
        Array.Copy(current, larger, current.Length);
        _segments[segment] = larger;
    }

    /// <summary>The items in order.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return _segments[i >> SegmentShift][i & OffsetMask];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
