using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Runtime.Scheduling;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// What the protocol says about the order of things in each subject's timeline: the <c>follows</c> clauses of
/// anchors and events (transitively), the terminal events, and where each visit falls relative to a point of
/// the timeline. Every answer is conservative: a visit is "before" or "after" a point only when the protocol
/// makes it so; otherwise the checks give it the benefit of the doubt.
/// </summary>
internal sealed class Timeline
{
    // The 'follows' clauses: for each point, the points it comes no earlier than (direct), and the reverse.
    private readonly Dictionary<string, IReadOnlyList<string>> _follows = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _followedBy = new(System.StringComparer.Ordinal);
    // The answers given so far, by pair asked about, and the whole of what comes before (or after) a point asked about more
    // than once. No table of every ordered pair is made: it could grow with the square of the points (a chain of ten
    // thousand 'follows' makes fifty million pairs).
    private readonly Dictionary<(string Later, string Earlier), bool> _answers = new();
    private readonly Dictionary<string, HashSet<string>> _before = new(System.StringComparer.Ordinal); // what a point comes no earlier than
    private readonly Dictionary<string, HashSet<string>> _after = new(System.StringComparer.Ordinal); // what comes no earlier than a point
    private readonly Dictionary<string, int> _askedAsLater = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, int> _askedAsEarlier = new(System.StringComparer.Ordinal);
    private int _kept; // points held in _before and _after together, at most MostKept
    private const int MostKept = 1 << 20;
    private readonly HashSet<string> _terminal = new(System.StringComparer.Ordinal);
    private readonly List<string> _terminalInOrder = new(); // the terminal events in the protocol's order
    private Dictionary<string, string>? _firstTerminalAtOrBefore;
    private Dictionary<string, IReadOnlyList<string>>? _cycles;

    private readonly HashSet<string> _anchors = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _endsStudy = new(System.StringComparer.Ordinal);

    public Timeline(ProtocolModel model)
    {
        foreach (var a in model.Anchors)
        {
            Declare(a.Name, a.After);
            _anchors.Add(a.Name);
            if (a.EndsStudy) _endsStudy.Add(a.Name);
        }
        foreach (var e in model.Events)
        {
            Declare(e.Name, e.After);
            if (e.Terminal && _terminal.Add(e.Name)) _terminalInOrder.Add(e.Name);
        }
    }

    private void Declare(string name, IReadOnlyList<string> after)
    {
        _follows[name] = after;
        foreach (var earlier in after)
        {
            if (!_followedBy.TryGetValue(earlier, out var later)) _followedBy[earlier] = later = new List<string>();
            later.Add(name);
        }
    }

    /// <summary>True when the protocol orders <paramref name="later"/> at or after <paramref name="earlier"/> (and they differ).</summary>
    public bool IsNotBefore(string later, string earlier)
    {
        if (later == earlier) return false;
        if (!_answers.TryGetValue((later, earlier), out var ordered)) _answers[(later, earlier)] = ordered = Reaches(later, earlier);
        return ordered;
    }

    /// <summary>True when <paramref name="a"/> is <paramref name="b"/> or ordered at or after it.</summary>
    public bool IsSameOrNotBefore(string a, string b) => a == b || IsNotBefore(a, b);

    /// <summary>An event that ends every subject's participation.</summary>
    public bool IsTerminal(string name) => _terminal.Contains(name);

    /// <summary>Whether <paramref name="name"/> is an anchor (not an event).</summary>
    public bool IsAnchor(string name) => _anchors.Contains(name);

    /// <summary>An anchor declared as the date the study ends for the subject (<c>ends_study</c>), such as a common study end.</summary>
    public bool EndsStudy(string name) => _endsStudy.Contains(name);

    /// <summary>
    /// The first terminal event, in the protocol's order, that <paramref name="point"/> is or is ordered at or after; null
    /// when there is none. Worked out for every point at once, on first use: a search forwards from each terminal event in
    /// turn, through the points no earlier one reached (what an earlier one reached, it also reached everything after),
    /// so that asking for each of thousands of visits is a lookup rather than a question about each terminal event.
    /// </summary>
    public string? FirstTerminalAtOrBefore(string point)
    {
        if (_firstTerminalAtOrBefore is null)
        {
            var first = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var pending = new Stack<string>();
            foreach (var terminal in _terminalInOrder)
            {
                if (first.ContainsKey(terminal)) continue;
                first.Add(terminal, terminal);
                pending.Push(terminal);
                while (pending.Count > 0)
                {
                    if (LaterThan(pending.Pop()) is not { } later) continue;
                    foreach (var next in later)
                        if (!first.ContainsKey(next))
                        {
                            first.Add(next, terminal);
                            pending.Push(next);
                        }
                }
            }
            _firstTerminalAtOrBefore = first;
        }
        return _firstTerminalAtOrBefore.TryGetValue(point, out var found) ? found : null;
    }

    /// <summary>
    /// The points of the 'follows' cycle that <paramref name="name"/> is on, itself included, in ordinal order; null when
    /// it is on none.
    /// </summary>
    public IReadOnlyList<string>? CycleThrough(string name) => (_cycles ??= Cycles()).TryGetValue(name, out var cycle) ? cycle : null;

    /// <summary>
    /// Whether a chain of 'follows' clauses leads from <paramref name="later"/> to <paramref name="earlier"/>. A point asked
    /// about a second time gets the whole of its side found once and kept (within <see cref="MostKept"/> points in all), so
    /// that the checks, which ask about a few points again and again (the eligibility decision, terminal events, a common
    /// anchor), pay for each once. Otherwise the question is searched forwards from the one and backwards from the other, a
    /// 'follows' clause from each side in turn, until the searches meet or one of them has found everything on its side: it
    /// costs the smaller side's clauses, however long the other side's chains.
    /// </summary>
    private bool Reaches(string later, string earlier)
    {
        if (_before.TryGetValue(later, out var before)) return before.Contains(earlier);
        if (_after.TryGetValue(earlier, out var after)) return after.Contains(later);
        if (AskedAgain(_askedAsEarlier, earlier) && Keep(_after, earlier, LaterThan) is { } afterEarlier) return afterEarlier.Contains(later);
        if (AskedAgain(_askedAsLater, later) && Keep(_before, later, EarlierThan) is { } beforeLater) return beforeLater.Contains(earlier);
        var forward = new Search(later, EarlierThan);
        var backward = new Search(earlier, LaterThan);
        while (true)
        {
            if (forward.Step() is { } f && backward.Reached.Contains(f)) return true;
            if (forward.Done) return false;
            if (backward.Step() is { } b && forward.Reached.Contains(b)) return true;
            if (backward.Done) return false;
        }
    }

    /// <summary>The points <paramref name="point"/> directly follows.</summary>
    public IReadOnlyList<string>? EarlierThan(string point) => _follows.TryGetValue(point, out var earlier) ? earlier : null;

    /// <summary>The points that directly follow <paramref name="point"/>.</summary>
    private IReadOnlyList<string>? LaterThan(string point) => _followedBy.TryGetValue(point, out var later) ? later : null;

    /// <summary>
    /// True only the second time <paramref name="point"/> is asked about on this side: its side is then searched once to be
    /// kept, and not again when it was too large to keep (searched afresh at each later question, a side of thousands of
    /// points made each question cost thousands of steps).
    /// </summary>
    private static bool AskedAgain(Dictionary<string, int> asked, string point)
    {
        asked[point] = asked.TryGetValue(point, out var times) ? times + 1 : 1;
        return times == 1;
    }

    /// <summary>Everything reachable from <paramref name="point"/> through <paramref name="edges"/>, kept; null when keeping it would pass <see cref="MostKept"/>.</summary>
    private HashSet<string>? Keep(Dictionary<string, HashSet<string>> kept, string point, System.Func<string, IReadOnlyList<string>?> edgesOf)
    {
        var search = new Search(point, edgesOf);
        while (!search.Done)
        {
            search.Step();
            if (_kept + search.Reached.Count > MostKept) return null;
        }
        _kept += search.Reached.Count;
        return kept[point] = search.Reached;
    }

    /// <summary>A search from one point through 'follows' clauses in one direction, a clause at a time.</summary>
    private sealed class Search
    {
        private readonly System.Func<string, IReadOnlyList<string>?> _edgesOf;
        private readonly Stack<string> _pending = new();
        private IReadOnlyList<string>? _edges;
        private int _next;

        /// <param name="start">Where it starts.</param>
        /// <param name="edgesOf">The points one 'follows' clause leads to from a point, in the search's direction.</param>
        public Search(string start, System.Func<string, IReadOnlyList<string>?> edgesOf)
        {
            _edgesOf = edgesOf;
            Reached.Add(start);
            _pending.Push(start);
        }

        /// <summary>The points found so far, the start included.</summary>
        public HashSet<string> Reached { get; } = new(System.StringComparer.Ordinal);

        /// <summary>True when every point reachable has been found.</summary>
        public bool Done => _edges is null && _pending.Count == 0;

        /// <summary>Follows one clause; returns the point it reached, when that is new.</summary>
        public string? Step()
        {
            while (_edges is null)
            {
                if (_pending.Count == 0) return null;
                var edges = _edgesOf(_pending.Pop());
                if (edges is { Count: > 0 }) (_edges, _next) = (edges, 0);
            }
            var point = _edges[_next++];
            if (_next == _edges.Count) _edges = null;
            if (!Reached.Add(point)) return null;
            _pending.Push(point);
            return point;
        }
    }

    /// <summary>
    /// The cycles of the 'follows' clauses: their strongly connected components of more than one point, or of one point that
    /// follows itself (Tarjan's algorithm, without recursion, so that a long chain cannot overflow the stack).
    /// </summary>
    private Dictionary<string, IReadOnlyList<string>> Cycles()
    {
        var cycles = new Dictionary<string, IReadOnlyList<string>>(System.StringComparer.Ordinal);
        var index = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var low = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var onStack = new HashSet<string>(System.StringComparer.Ordinal);
        var component = new Stack<string>();
        var work = new Stack<(string Node, int Next)>();
        foreach (var root in _follows.Keys)
        {
            if (index.ContainsKey(root)) continue;
            Visit(root);
            while (work.Count > 0)
            {
                var (node, next) = work.Pop();
                var edges = _follows.TryGetValue(node, out var e) ? e : System.Array.Empty<string>();
                if (next < edges.Count)
                {
                    work.Push((node, next + 1));
                    var target = edges[next];
                    if (!index.ContainsKey(target)) Visit(target);
                    else if (onStack.Contains(target)) low[node] = System.Math.Min(low[node], index[target]);
                    continue;
                }
                if (work.Count > 0) { var parent = work.Peek().Node; low[parent] = System.Math.Min(low[parent], low[node]); }
                if (low[node] != index[node]) continue;
                var members = new List<string>();
                string member;
                do { member = component.Pop(); onStack.Remove(member); members.Add(member); } while (member != node);
                if (members.Count > 1 || edges.Contains(node))
                {
                    members.Sort(System.StringComparer.Ordinal);
                    foreach (var m in members) cycles[m] = members;
                }
            }
        }
        return cycles;

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            component.Push(node);
            onStack.Add(node);
            work.Push((node, 0));
        }
    }

    /// <summary>A visit that has a planned date (not unscheduled).</summary>
    public static bool IsPlanned(VisitModel visit) => visit.Timing != "unscheduled";

    /// <summary>The earliest study day (counted from the visit's anchor) an occurrence can fall on, window included.</summary>
    private static int? FirstDay(VisitModel v) => v.Timing switch
    {
        "day" => v.Day is { } d ? StudyDay.Add(d, -(v.WindowBefore)) : null,
        "repeating" => StudyDay.FromOffset((v.OffsetDays ?? 0) - v.WindowBefore), // occurrence 1, on the anchor's day unless 'from A + <duration>'
        "relative" => v.OffsetDays is { } o ? StudyDay.FromOffset(o - v.WindowBefore) : null,
        _ => null,
    };

    /// <summary>
    /// How many days after its anchor's date the earliest occurrence of a planned visit that falls wholly after that date
    /// can be (window included): a tumor assessment every 6 weeks from the first dose + 6 weeks, window ±7 days, is 35 days.
    /// Occurrences whose window reaches the anchor's date or before it (a baseline) are passed over, as is a visit with no
    /// such occurrence (null).
    /// </summary>
    public static int? EarliestDaysAfterItsAnchor(VisitModel v)
    {
        switch (v.Timing)
        {
            case "day" when v.Day is { } d:
                var day = (d > 0 ? d - 1 : d) - v.WindowBefore;
                return day > 0 ? day : null;
            case "relative" when v.OffsetDays is { } o:
                return o - v.WindowBefore > 0 ? o - v.WindowBefore : null;
            case "repeating" when v.EveryDays is { } every:
                long first = (long)(v.OffsetDays ?? 0) - v.WindowBefore;
                // With 'anchoring actual' each occurrence counts from the previous one's actual date, which may itself have
                // been early: each step may be its window's early side shorter (a window narrower than the interval, PIC3004,
                // keeps the step positive).
                long step = v.Anchoring == "actual" ? every - v.WindowBefore : every;
                if (step <= 0) return null;
                long skipped = first > 0 ? 0 : -first / step + 1; // the occurrences whose window reaches the anchor's date
                if (v.MaxCount is { } max && skipped >= max) return null;
                return (int)(first + skipped * step);
            default:
                return null;
        }
    }

    /// <summary>The latest study day an occurrence can fall on; null for a repeating visit (no last day).</summary>
    private static int? LastDay(VisitModel v) => v.Timing switch
    {
        "day" => (v.LastDay ?? v.Day) is { } d ? StudyDay.Add(d, v.WindowAfter) : null,
        "relative" => v.OffsetDays is { } o ? StudyDay.FromOffset(o + v.WindowAfter) : null,
        _ => null,
    };


    /// <summary>
    /// True when an occurrence of a planned visit can fall after the day of its anchor: a repeating visit, or one whose last
    /// day (window included) is after day 1 of its anchor. A visit on an anchor's day or before it (screening, baseline) cannot.
    /// </summary>
    public static bool CanFallAfterItsAnchorsDay(VisitModel visit) =>
        IsPlanned(visit) && (visit.Timing == "repeating" || LastDay(visit) is not < 2);

    /// <summary>
    /// True when every occurrence of a planned visit falls after the day of <paramref name="point"/>: it is placed
    /// on <paramref name="point"/> (or on a point ordered at or after it) and starts after that point's day.
    /// </summary>
    public bool IsAfter(VisitModel visit, string point) =>
        IsPlanned(visit) && IsSameOrNotBefore(visit.Anchor, point) && FirstDay(visit) is > 1;

    /// <summary>
    /// True when every occurrence of a planned visit falls before the day of its anchor (window included): such a visit falls
    /// before the day of any point ordered at or after its anchor (the endpoints' time frames ask it of their starts through
    /// <see cref="AtOrAfterPoints"/>, for all of a form's visits at once).
    /// </summary>
    public static bool EndsBeforeItsAnchorsDay(VisitModel visit) => IsPlanned(visit) && LastDay(visit) is < 1;
}
