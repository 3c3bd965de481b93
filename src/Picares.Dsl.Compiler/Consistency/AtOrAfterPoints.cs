using System.Collections.Generic;
using Picares.Dsl.Compiler.Collections;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// Whether a point is ordered at or after every one of a group of points, or a given one of them (the groups are the
/// anchors of the visits that collect a form before their anchor's day, one group a form, asked about for each endpoint's
/// start). Asked for thousands of starts against thousands of anchors, a question about each pair would cost their
/// product; instead, which points of every group each point is at or after is worked out once, from what the points it
/// follows are at or after.
/// </summary>
/// <remarks>
/// <para>
/// The answers are kept as one <see cref="IndexSet"/> a point, over the entries of every group (each group in a run of
/// its own that starts a word), so that: a point that adds an anchor of its own to the set of a point
/// that thousands of others follow shares that set rather than copying it; and the forms share one pass through the
/// points (a hub that follows the anchors of thousands of forms is worked out once, not once a form).
/// </para>
/// <para>
/// The points of a 'follows' cycle (an error already, PIC4016) are each at or after the others, so a cycle is worked out
/// as one point (the first of its points), whose set every point of it shares: asked about each pair instead, a
/// protocol with a cycle anywhere cost its starts times its anchors.
/// </para>
/// </remarks>
internal sealed class AtOrAfterPoints
{
    private readonly Timeline _timeline;
    private readonly List<Group> _groups = new();
    private readonly Dictionary<string, List<int>> _indices = new(System.StringComparer.Ordinal); // a point's entries, in every group
    private int _end; // the first index past every group
    // By point worked out (the first point of a cycle for the cycle): the indices of the groups' points it is at or after.
    private readonly Dictionary<string, IndexSet> _atOrAfter = new(System.StringComparer.Ordinal);
    private readonly Dictionary<(int Group, IndexSet Set), object> _signatures = new(); // by set object: the points that share one share their signature's object too
    private readonly Dictionary<(IndexSet, IndexSet), IndexSet> _unions = new(); // by the pair of sets (objects) joined, when both have at least LargeUnion indices
    private const int LargeUnion = 64;

    public AtOrAfterPoints(Timeline timeline) => _timeline = timeline;

    /// <summary>
    /// A group of points to ask about, and the number to ask about it by: its entries, one for each point given, in order (a
    /// point given twice, the anchor of two of a form's visits, is two entries). Every group is added before the first
    /// question, since a point's set is worked out once, for all groups.
    /// </summary>
    public int AddGroup(IReadOnlyList<string> points)
    {
        if (_atOrAfter.Count > 0) throw new System.InvalidOperationException("A group was added after the first question.");
        var group = new Group(_end, _groups.Count);
        for (int i = 0; i < points.Count; i++)
        {
            var point = points[i];
            int index = group.First + group.Size++;
            group.Index ??= new Dictionary<string, int>(System.StringComparer.Ordinal);
            if (!group.Index.ContainsKey(point)) group.Index.Add(point, index);
            if (!_indices.TryGetValue(point, out var indices)) _indices.Add(point, indices = new List<int>(1));
            indices.Add(index);
        }
        _end = (int)group.EndWord * 64; // the next group starts a word of its own, so that no word holds two groups
        _groups.Add(group);
        return group.Number;
    }

    /// <summary>True when <paramref name="point"/> is each of the group's points or ordered at or after it (true when there are none).</summary>
    public bool IsAtOrAfterAll(int group, string point) => CountAtOrAfter(group, point) == _groups[group].Size;

    /// <summary>How many of the group's entries <paramref name="point"/> is at or after (is, or is ordered at or after their point).</summary>
    public int CountAtOrAfter(int group, string point)
    {
        var g = _groups[group];
        return AtOrAfter(point).CountWords(g.First / 64, g.EndWord, null);
    }

    /// <summary>
    /// The first of the group's entries from <paramref name="from"/> (by their order) that <paramref name="point"/> is not at
    /// or after; the group's size when there is none. Entries it is at or after are passed over a word or a node at a time.
    /// </summary>
    public int NextNotAtOrAfter(int group, string point, int from)
    {
        var g = _groups[group];
        return AtOrAfter(point).NextAbsent(g.First + from, g.First + g.Size) - g.First;
    }

    /// <summary>True when <paramref name="point"/> is <paramref name="one"/>, a point of the group, or ordered at or after it.</summary>
    public bool IsAtOrAfter(int group, string point, string one) =>
        _groups[group].Index is { } entries && entries.TryGetValue(one, out var index) ? AtOrAfter(point).Contains(index) : _timeline.IsSameOrNotBefore(point, one);

    /// <summary>
    /// An object that equals another of the group's only when their points are at or after the same of the group's points:
    /// a caller may keep what it works out from <see cref="IsAtOrAfter"/> and <see cref="IsAtOrAfterAll"/> by it, for
    /// every point of an equal signature.
    /// </summary>
    public object Signature(int group, string point)
    {
        var g = _groups[group];
        var set = AtOrAfter(point);
        if (_signatures.TryGetValue((group, set), out var signature)) return signature;
        var parts = new List<IndexSet>();
        int count = set.CountWords(g.First / 64, g.EndWord, parts);
        signature = count == g.Size ? g.All : count == 0 ? g.None : new PartsSignature(parts);
        _signatures.Add((group, set), signature);
        return signature;
    }

    private IndexSet AtOrAfter(string point)
    {
        var first = FirstOfCycle(point);
        if (!_atOrAfter.ContainsKey(first)) WorkOut(first);
        return _atOrAfter[first];
    }

    /// <summary>The point that stands for <paramref name="point"/>: the first point of its cycle, or itself.</summary>
    private string FirstOfCycle(string point) => _timeline.CycleThrough(point) is { } cycle ? cycle[0] : point;

    /// <summary>How many points <paramref name="first"/> stands for, and its <paramref name="i"/>th: the points of its cycle, or itself.</summary>
    private int CountOf(string first) => _timeline.CycleThrough(first)?.Count ?? 1;
    private string PointOf(string first, int i) => _timeline.CycleThrough(first)?[i] ?? first;

    /// <summary>
    /// Works out <paramref name="start"/> and every point it follows that is not yet, earlier points first (without
    /// recursion: a long chain cannot overflow the stack). <paramref name="start"/> stands for its cycle, if any.
    /// </summary>
    private void WorkOut(string start)
    {
        var pending = new Stack<(string Point, bool Ready)>();
        pending.Push((start, false));
        while (pending.Count > 0)
        {
            var (point, ready) = pending.Pop();
            if (_atOrAfter.ContainsKey(point)) continue;
            if (ready)
            {
                _atOrAfter.Add(point, Join(point));
                continue;
            }
            pending.Push((point, true));
            for (int i = CountOf(point) - 1; i >= 0; i--)
            {
                if (_timeline.EarlierThan(PointOf(point, i)) is not { } earlierPoints) continue;
                for (int k = 0; k < earlierPoints.Count; k++) // by index: a foreach over the list's interface makes an enumerator
                    if (FirstOfCycle(earlierPoints[k]) is var earlier && earlier != point && !_atOrAfter.ContainsKey(earlier)) pending.Push((earlier, false));
            }
        }
    }

    /// <summary>Which of the groups' points <paramref name="point"/> (and its cycle) is at or after: those of the points it directly follows, and itself.</summary>
    private IndexSet Join(string point)
    {
        var set = IndexSet.Empty;
        for (int i = CountOf(point) - 1; i >= 0; i--)
        {
            var member = PointOf(point, i);
            if (_timeline.EarlierThan(member) is { } earlierPoints)
                for (int k = 0; k < earlierPoints.Count; k++)
                    if (FirstOfCycle(earlierPoints[k]) is var earlier && earlier != point) set = Union(set, _atOrAfter[earlier]);
            if (_indices.TryGetValue(member, out var indices))
                foreach (var index in indices) set = set.Add(index);
        }
        return set;
    }

    /// <summary>
    /// The union of two sets, kept by the pair when both are large and it is a new set: thousands of points that each follow
    /// the same two large sets (two hubs, each after half of a form's anchors) then share one union rather than each making
    /// one, a word at a time.
    /// </summary>
    private IndexSet Union(IndexSet a, IndexSet b)
    {
        if (a.Count < LargeUnion || b.Count < LargeUnion) return IndexSet.Union(a, b);
        if (_unions.TryGetValue((a, b), out var kept)) return kept;
        var union = IndexSet.Union(a, b);
        if (!ReferenceEquals(union, a) && !ReferenceEquals(union, b)) _unions.Add((a, b), union);
        return union;
    }

    private sealed class Group
    {
        public Group(int first, int number) => (First, Number) = (first, number);

        public int First { get; } // a multiple of 64
        public int Number { get; }
        public int Size { get; set; } // entries
        public Dictionary<string, int>? Index { get; set; } // a point's first entry; made with the first (most forms have no early visits)
        public long EndWord => (First + Size + 63) / 64;
        public object All => _all ??= new object(); // the signature of a point at or after every one of the group's points
        public object None => _none ??= new object(); // of one at or after none of them
        private object? _all, _none;
    }

    /// <summary>
    /// The nodes of a point's set that hold a group's run, compared node by node: a node holds the same indices wherever it
    /// is found, so equal parts are equal answers (equal answers may still have different parts, only never the reverse).
    /// </summary>
    private sealed class PartsSignature : System.IEquatable<PartsSignature>
    {
        private readonly List<IndexSet> _parts;

        public PartsSignature(List<IndexSet> parts) => _parts = parts;

        public bool Equals(PartsSignature? other)
        {
            if (other is null || other._parts.Count != _parts.Count) return false;
            for (int i = 0; i < _parts.Count; i++)
                if (!ReferenceEquals(_parts[i], other._parts[i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as PartsSignature);

        public override int GetHashCode()
        {
            int hash = _parts.Count;
            foreach (var part in _parts) hash = hash * 31 + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(part);
            return hash;
        }
    }
}
