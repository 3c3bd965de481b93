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

    /// <summary>The item at <paramref name="index"/>, by reference.</summary>
    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            return ref _segments[index >> SegmentShift][index & OffsetMask];
        }
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

    T IReadOnlyList<T>.this[int index] => this[index];

    /// <summary>The items in order.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return _segments[i >> SegmentShift][i & OffsetMask];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
