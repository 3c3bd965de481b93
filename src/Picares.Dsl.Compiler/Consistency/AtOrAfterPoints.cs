using System.Collections.Generic;
using System.Linq;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// Whether a point is ordered at or after every one of some points, or a given one of them (the anchors of the visits that
/// collect a form before their anchor's day, asked about for each endpoint's start). Asked for thousands of starts against thousands of anchors,
/// a question about each pair would cost their product; instead, which of the points each point is at or after is worked
/// out once, from what the points it follows are at or after: a point that follows one at or after all of them is so too,
/// without a set of its own, and the set of a point that only one other follows is taken over by it rather than copied.
/// </summary>
/// <remarks>
/// When the 'follows' clauses hold a cycle (an error already, PIC4016) the sets cannot be worked out in order, and each
/// pair is asked of the <see cref="Timeline"/>. A point that several others follow has its set copied by each of them that
/// adds to it: only a protocol of many such points can still make the work grow faster than the file.
/// </remarks>
internal sealed class AtOrAfterPoints
{
    // Markers, never changed: at or after all of the points; at or after none of them; not all, its set taken over by another point.
    private static readonly HashSet<string> All = new(System.StringComparer.Ordinal);
    private static readonly HashSet<string> None = new(System.StringComparer.Ordinal);
    private static readonly HashSet<string> Taken = new(System.StringComparer.Ordinal);

    private readonly Timeline _timeline;
    private readonly HashSet<string> _points;
    private readonly bool _byPair;
    // By point worked out: All, or which of the points it is at or after (Taken once another point took the set over).
    private readonly Dictionary<string, HashSet<string>> _atOrAfter = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _borrowed = new(System.StringComparer.Ordinal); // points whose set is another's, unchanged
    private readonly Dictionary<HashSet<string>, object> _signatures = new(); // by set (by reference): the signature of the points that share it, until it is taken over and changed

    public AtOrAfterPoints(Timeline timeline, IEnumerable<string> points)
    {
        _timeline = timeline;
        _points = new HashSet<string>(points, System.StringComparer.Ordinal);
        _byPair = _points.Count <= 1 || timeline.HasCycle; // a single point is one question
    }

    /// <summary>True when <paramref name="point"/> is each of the points or ordered at or after it (true when there are none).</summary>
    public bool IsAtOrAfterAll(string point)
    {
        if (_byPair) return _points.All(p => _timeline.IsSameOrNotBefore(point, p));
        return ReferenceEquals(AtOrAfter(point), All);
    }

    /// <summary>
    /// True when <paramref name="point"/> is <paramref name="one"/>, one of the points, or ordered at or after it; asked of the
    /// timeline only when the point's set was taken over.
    /// </summary>
    public bool IsAtOrAfter(string point, string one)
    {
        if (_byPair) return _timeline.IsSameOrNotBefore(point, one);
        var set = AtOrAfter(point);
        return ReferenceEquals(set, All) || (ReferenceEquals(set, Taken) ? _timeline.IsSameOrNotBefore(point, one) : set.Contains(one));
    }

    /// <summary>
    /// An object that two points share only when they are at or after the same of the points: a caller may keep what it
    /// works out from <see cref="IsAtOrAfter"/> and <see cref="IsAtOrAfterAll"/> by it, for every point of the same
    /// signature. The point itself when its set was taken over; a set taken over later gets a new signature, since its new
    /// owner changes it.
    /// </summary>
    public object Signature(string point)
    {
        if (_byPair) return point;
        var set = AtOrAfter(point);
        if (ReferenceEquals(set, Taken)) return point;
        if (!_signatures.TryGetValue(set, out var signature)) _signatures.Add(set, signature = new object());
        return signature;
    }

    private HashSet<string> AtOrAfter(string point)
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

    /// <summary>Which of the points <paramref name="point"/> is at or after, from the sets of the points it directly follows.</summary>
    private HashSet<string> Join(string point, IReadOnlyList<string> earlier)
    {
        HashSet<string> largest = None;
        string? owner = null;
        foreach (var e in earlier)
        {
            var set = _atOrAfter[e];
            if (ReferenceEquals(set, All)) return All;
            if (set.Count > largest.Count) (largest, owner) = (set, e);
        }
        var added = new HashSet<string>(System.StringComparer.Ordinal);
        if (_points.Contains(point) && !largest.Contains(point)) added.Add(point);
        foreach (var e in earlier)
            if (e != owner)
                foreach (var p in _atOrAfter[e])
                    if (!largest.Contains(p)) added.Add(p);
        if (added.Count == 0)
        {
            if (owner is not null && !TakeOver(owner)) _borrowed.Add(point);
            return largest;
        }
        if (largest.Count + added.Count == _points.Count) return All;
        var joined = owner is not null && TakeOver(owner) ? largest : new HashSet<string>(largest, System.StringComparer.Ordinal);
        joined.UnionWith(added);
        return joined;
    }

    /// <summary>
    /// Takes the set of <paramref name="owner"/> over when only one point follows it (nothing else will read it) and the set is
    /// its own, not one it shares with a point that others follow; false when it must be copied to be changed.
    /// </summary>
    private bool TakeOver(string owner)
    {
        if (_borrowed.Contains(owner) || _timeline.LaterThan(owner) is not { Count: 1 }) return false;
        _signatures.Remove(_atOrAfter[owner]);
        _atOrAfter[owner] = Taken;
        return true;
    }
}
