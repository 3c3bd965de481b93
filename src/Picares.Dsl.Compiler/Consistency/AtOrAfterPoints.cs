using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Collections;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// Whether a point is ordered at or after every one of some points, or a given one of them (the anchors of the visits that
/// collect a form before their anchor's day, asked about for each endpoint's start). Asked for thousands of starts against thousands of anchors,
/// a question about each pair would cost their product; instead, which of the points each point is at or after is worked
/// out once, from what the points it follows are at or after.
/// </summary>
/// <remarks>
/// The answers are kept as an <see cref="IndexSet"/> a point (the points by their order), which a point shares with the
/// points it follows: a point that follows one other, or one that adds an anchor of its own to the set of a point that
/// thousands of others follow, makes a new word and a node a level rather than copying that set. When the 'follows'
/// clauses hold a cycle (an error already, PIC4016) the sets cannot be worked out in order, and each pair is asked of the
/// <see cref="Timeline"/>.
/// </remarks>
internal sealed class AtOrAfterPoints
{
    // The signature of a point at or after all of the points.
    private static readonly object All = new();

    private readonly Timeline _timeline;
    private readonly Dictionary<string, int> _points = new(System.StringComparer.Ordinal); // by their order
    private readonly bool _byPair;
    // By point worked out: which of the points it is at or after.
    private readonly Dictionary<string, IndexSet> _atOrAfter = new(System.StringComparer.Ordinal);

    public AtOrAfterPoints(Timeline timeline, IEnumerable<string> points)
    {
        _timeline = timeline;
        foreach (var point in points)
            if (!_points.ContainsKey(point)) _points.Add(point, _points.Count);
        _byPair = _points.Count <= 1 || timeline.HasCycle; // a single point is one question
    }

    /// <summary>True when <paramref name="point"/> is each of the points or ordered at or after it (true when there are none).</summary>
    public bool IsAtOrAfterAll(string point)
    {
        if (_byPair) return _points.Keys.All(p => _timeline.IsSameOrNotBefore(point, p));
        return AtOrAfter(point).Count == _points.Count;
    }

    /// <summary>True when <paramref name="point"/> is <paramref name="one"/>, one of the points, or ordered at or after it.</summary>
    public bool IsAtOrAfter(string point, string one)
    {
        if (_byPair || !_points.TryGetValue(one, out var index)) return _timeline.IsSameOrNotBefore(point, one);
        return AtOrAfter(point).Contains(index);
    }

    /// <summary>
    /// An object that two points share only when they are at or after the same of the points: a caller may keep what it
    /// works out from <see cref="IsAtOrAfter"/> and <see cref="IsAtOrAfterAll"/> by it, for every point of the same
    /// signature. The point itself when asked of the timeline by pair; else its set (the same set object holds the same
    /// points), or one object for all of them.
    /// </summary>
    public object Signature(string point)
    {
        if (_byPair) return point;
        var set = AtOrAfter(point);
        return set.Count == _points.Count ? All : set;
    }

    private IndexSet AtOrAfter(string point)
    {
        if (!_atOrAfter.ContainsKey(point)) WorkOut(point);
        return _atOrAfter[point];
    }

    /// <summary>Works out <paramref name="start"/> and every point it follows that is not yet, earlier points first (without recursion: a long chain cannot overflow the stack).</summary>
    private void WorkOut(string start)
    {
        var pending = new Stack<(string Point, bool Ready)>();
        pending.Push((start, false));
        while (pending.Count > 0)
        {
            var (point, ready) = pending.Pop();
            if (_atOrAfter.ContainsKey(point)) continue;
            var earlier = _timeline.EarlierThan(point) ?? System.Array.Empty<string>();
            if (ready)
            {
                _atOrAfter.Add(point, Join(point, earlier));
                continue;
            }
            pending.Push((point, true));
            foreach (var e in earlier)
                if (!_atOrAfter.ContainsKey(e)) pending.Push((e, false));
        }
    }

    /// <summary>Which of the points <paramref name="point"/> is at or after: those of the points it directly follows, and itself.</summary>
    private IndexSet Join(string point, IReadOnlyList<string> earlier)
    {
        var set = IndexSet.Empty;
        foreach (var e in earlier) set = IndexSet.Union(set, _atOrAfter[e]);
        return _points.TryGetValue(point, out var index) ? set.Add(index) : set;
    }
}
