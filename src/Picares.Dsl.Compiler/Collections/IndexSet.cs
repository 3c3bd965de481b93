using System.Collections.Generic;

namespace Picares.Dsl.Compiler.Collections;

/// <summary>
/// A set of non-negative integers that never changes: adding to it, or joining two, makes a new set that shares with the
/// old ones every part the change leaves alone. It is a tree of 16 children a node over words of 64 indices, so an index
/// added to a set of thousands costs a new word and a node a level (three levels for a quarter of a million indices), and
/// the join of two sets walks only where both have indices; a set that the join leaves as it was is returned itself.
/// </summary>
/// <remarks>
/// Made for <c>Consistency/AtOrAfterPoints</c>, where thousands of points each add one index to the set of a point they
/// share: a set that is copied to be changed costs each of them the shared set's size, and the file's work grows with the
/// square of its points. A node's place in the tree never changes (a set grown past its root becomes the first child of a
/// new root), so two sets that hold the same node object hold the same indices in its place.
/// </remarks>
internal sealed class IndexSet
{
    private const int Shift = 4;
    private const int Fanout = 1 << Shift;
    private const int WordShift = 6; // 64 indices a word

    /// <summary>The set of no index.</summary>
    public static readonly IndexSet Empty = new(0, 0, null, 0);

    private readonly int _level; // 0: a word of 64 indices; a node of level L spans 64 × 16^L of them
    private readonly ulong _word; // at level 0
    private readonly IndexSet?[]? _children; // above level 0; null for an empty part

    private IndexSet(int level, ulong word, IndexSet?[]? children, int count)
    {
        _level = level;
        _word = word;
        _children = children;
        Count = count;
    }

    /// <summary>How many indices the set holds.</summary>
    public int Count { get; }

    /// <summary>How many words (of 64 indices) a node of <paramref name="level"/> spans.</summary>
    private static long WordsAt(int level) => 1L << (Shift * level);

    /// <summary>True when the set holds <paramref name="index"/>.</summary>
    public bool Contains(int index)
    {
        long word = index >> WordShift;
        if (word >= WordsAt(_level)) return false;
        var node = this;
        while (node._level > 0)
        {
            long span = WordsAt(node._level - 1);
            node = node._children![(int)(word / span)];
            if (node is null) return false;
            word %= span;
        }
        return (node._word & (1UL << (index & 63))) != 0;
    }

    /// <summary>The set with <paramref name="index"/> added (this set when it holds it).</summary>
    public IndexSet Add(int index)
    {
        if (Contains(index)) return this;
        var root = this;
        while ((index >> WordShift) >= WordsAt(root._level)) root = root.Raised();
        return root.With(index >> WordShift, 1UL << (index & 63));
    }

    /// <summary>This set as the first child of a root one level up.</summary>
    private IndexSet Raised()
    {
        var children = new IndexSet?[Fanout];
        if (Count > 0) children[0] = this;
        return new IndexSet(_level + 1, 0, children, Count);
    }

    /// <summary>The set with the bits <paramref name="bits"/> (none of them held) added to the word <paramref name="word"/>, inside this node's span.</summary>
    private IndexSet With(long word, ulong bits)
    {
        if (_level == 0) return new IndexSet(0, _word | bits, null, Count + PopCount(bits));
        long span = WordsAt(_level - 1);
        int slot = (int)(word / span);
        var children = (IndexSet?[])_children!.Clone();
        var child = children[slot] ?? (_level == 1 ? Empty : new IndexSet(_level - 1, 0, new IndexSet?[Fanout], 0));
        children[slot] = child.With(word % span, bits);
        return new IndexSet(_level, 0, children, Count + PopCount(bits));
    }

    /// <summary>The indices of both sets: one of them itself when it holds the other's.</summary>
    public static IndexSet Union(IndexSet a, IndexSet b)
    {
        if (ReferenceEquals(a, b) || b.Count == 0) return a;
        if (a.Count == 0) return b;
        while (a._level < b._level) a = a.Raised();
        while (b._level < a._level) b = b.Raised();
        return UnionAtLevel(a, b);
    }

    private static IndexSet UnionAtLevel(IndexSet a, IndexSet b)
    {
        if (ReferenceEquals(a, b)) return a;
        if (a._level == 0)
        {
            ulong word = a._word | b._word;
            return word == a._word ? a : word == b._word ? b : new IndexSet(0, word, null, PopCount(word));
        }
        IndexSet?[]? children = null; // made only when the union is neither a nor b
        bool isA = true, isB = true;
        int count = 0;
        for (int i = 0; i < Fanout; i++)
        {
            var x = a._children![i];
            var y = b._children![i];
            var z = x is null ? y : y is null ? x : UnionAtLevel(x, y);
            bool stillA = isA && ReferenceEquals(z, x), stillB = isB && ReferenceEquals(z, y);
            if (children is null && !stillA && !stillB)
            {
                children = new IndexSet?[Fanout];
                System.Array.Copy((isA ? a : b)._children!, children, i); // the union so far: a's parts or b's
            }
            if (children is not null) children[i] = z;
            (isA, isB) = (stillA, stillB);
            count += z?.Count ?? 0;
        }
        return isA ? a : isB ? b : new IndexSet(a._level, 0, children, count);
    }

    /// <summary>
    /// How many indices the set holds from <paramref name="firstWord"/> × 64 to <paramref name="endWord"/> × 64, and, when
    /// <paramref name="parts"/> is given, the largest nodes that make up that run (none for an empty part), in order: two
    /// sets with the same part objects hold the same indices there.
    /// </summary>
    public int CountWords(long firstWord, long endWord, List<IndexSet>? parts) => CountWords(0, firstWord, endWord, parts);

    private int CountWords(long offset, long firstWord, long endWord, List<IndexSet>? parts)
    {
        long span = WordsAt(_level);
        if (Count == 0 || endWord <= offset || firstWord >= offset + span) return 0;
        if (firstWord <= offset && offset + span <= endWord)
        {
            parts?.Add(this);
            return Count;
        }
        int count = 0;
        long childSpan = WordsAt(_level - 1); // a word (level 0) is always inside or outside the run
        for (int i = 0; i < Fanout; i++)
            if (_children![i] is { } child) count += child.CountWords(offset + i * childSpan, firstWord, endWord, parts);
        return count;
    }

    /// <summary>
    /// The least index from <paramref name="from"/> that the set does not hold, or <paramref name="end"/> when it holds every
    /// one up to it: a part it holds whole is passed over at once, so finding the first few gaps in a long run costs a few
    /// steps a level.
    /// </summary>
    public int NextAbsent(int from, int end)
    {
        if (from >= end) return end;
        long found = from >= WordsAt(_level) * 64 ? from : NextAbsent(this, 0, from);
        return (int)System.Math.Min(found, end);
    }

    /// <summary>The least index from <paramref name="from"/> (inside the node's span, which starts at <paramref name="first"/>) that the node does not hold; the end of its span when it holds them all.</summary>
    private static long NextAbsent(IndexSet node, long first, long from)
    {
        long span = WordsAt(node._level) * 64;
        if (node.Count == span) return first + span;
        if (node._level == 0)
        {
            ulong absent = ~node._word & (~0UL << (int)(from - first));
            return absent == 0 ? first + 64 : first + PopCount((absent & (~absent + 1)) - 1); // the lowest absent bit's place
        }
        long childSpan = span / Fanout;
        for (int i = (int)((from - first) / childSpan); i < Fanout; i++)
        {
            long childFirst = first + i * childSpan, childFrom = System.Math.Max(from, childFirst);
            if (node._children![i] is not { } child) return childFrom;
            long found = NextAbsent(child, childFirst, childFrom);
            if (found < childFirst + childSpan) return found;
        }
        return first + span;
    }

    private static int PopCount(ulong x)
    {
        x -= (x >> 1) & 0x5555555555555555UL;
        x = (x & 0x3333333333333333UL) + ((x >> 2) & 0x3333333333333333UL);
        x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
        return (int)((x * 0x0101010101010101UL) >> 56);
    }
}
