using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// What the protocol says about the order of things in each subject's timeline: the <c>follows</c> clauses of
/// anchors and events (transitively), the terminal events, and where each visit falls relative to a point of
/// the timeline. Every answer is conservative: a visit is "before" or "after" a point only when the protocol
/// makes it so; otherwise the checks give it the benefit of the doubt.
/// </summary>
internal sealed class Timeline
{
    private readonly Dictionary<string, HashSet<string>> _notBefore = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _terminal = new(System.StringComparer.Ordinal);

    public Timeline(ProtocolModel model)
    {
        var direct = new Dictionary<string, IEnumerable<string>>(System.StringComparer.Ordinal);
        foreach (var a in model.Anchors) direct[a.Name] = a.After;
        foreach (var e in model.Events)
        {
            direct[e.Name] = e.After;
            if (e.Terminal) _terminal.Add(e.Name);
        }
        foreach (var name in direct.Keys)
        {
            // Everything reachable through 'follows' clauses comes no later than this point.
            var reached = new HashSet<string>(System.StringComparer.Ordinal);
            var stack = new Stack<string>(direct[name]);
            while (stack.Count > 0)
            {
                var next = stack.Pop();
                if (!reached.Add(next)) continue;
                if (direct.TryGetValue(next, out var further)) foreach (var f in further) stack.Push(f);
            }
            _notBefore[name] = reached;
        }
    }

    /// <summary>True when the protocol orders <paramref name="later"/> at or after <paramref name="earlier"/> (and they differ).</summary>
    public bool IsNotBefore(string later, string earlier) =>
        later != earlier && _notBefore.TryGetValue(later, out var set) && set.Contains(earlier);

    /// <summary>True when <paramref name="a"/> is <paramref name="b"/> or ordered at or after it.</summary>
    public bool IsSameOrNotBefore(string a, string b) => a == b || IsNotBefore(a, b);

    /// <summary>An event that ends every subject's participation.</summary>
    public bool IsTerminal(string name) => _terminal.Contains(name);

    /// <summary>The points of the timeline that a 'follows' chain from <paramref name="name"/> passes through back to itself, or null.</summary>
    public IReadOnlyList<string>? CycleThrough(string name) =>
        _notBefore.TryGetValue(name, out var set) && set.Contains(name) ? set.OrderBy(n => n, System.StringComparer.Ordinal).ToList() : null;

    /// <summary>A visit that has a planned date (not unscheduled).</summary>
    public static bool IsPlanned(VisitModel visit) => visit.Timing != "unscheduled";

    /// <summary>The earliest study day (counted from the visit's anchor) an occurrence can fall on, window included.</summary>
    private static int? FirstDay(VisitModel v) => v.Timing switch
    {
        "day" => v.Day is { } d ? StudyDayMinus(d, v.WindowBefore) : null,
        "repeating" => StudyDayMinus(1, v.WindowBefore),
        "relative" => v.OffsetDays is { } o ? OffsetAsDay(o - v.WindowBefore) : null,
        _ => null,
    };

    /// <summary>The latest study day an occurrence can fall on; null for a repeating visit (no last day).</summary>
    private static int? LastDay(VisitModel v) => v.Timing switch
    {
        "day" => (v.LastDay ?? v.Day) is { } d ? StudyDayPlus(d, v.WindowAfter) : null,
        "relative" => v.OffsetDays is { } o ? OffsetAsDay(o + v.WindowAfter) : null,
        _ => null,
    };

    // Study days skip 0: day 1 is the anchor's date, the day before is day -1.
    private static int StudyDayMinus(int day, int days) { var x = (day > 0 ? day - 1 : day) - days; return x >= 0 ? x + 1 : x; }
    private static int StudyDayPlus(int day, int days) { var x = (day > 0 ? day - 1 : day) + days; return x >= 0 ? x + 1 : x; }
    private static int OffsetAsDay(int offset) => offset >= 0 ? offset + 1 : offset;

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
    /// True when every occurrence of a planned visit falls before the day of <paramref name="point"/>: it is placed
    /// on <paramref name="point"/> (or on a point ordered at or before it) and ends before that point's day.
    /// </summary>
    public bool IsBefore(VisitModel visit, string point) =>
        IsPlanned(visit) && IsSameOrNotBefore(point, visit.Anchor) && LastDay(visit) is < 1;
}
