using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// What a start can rule out of a form's planned visits: only those that end before their anchor's day, and all of them
/// exactly when the start is at or after each of their anchors. Worked out once per form, so that thousands of starts
/// over thousands of visits (or of their anchors) do not ask the timeline about each pair.
/// </summary>
internal sealed class EarlyVisits
{
    private readonly AtOrAfterPoints _anchors;
    private readonly int _group;

    private readonly List<VisitModel> _planned;
    private HashSet<string>? _names; // the planned visits' names, made when asked
    private readonly List<int> _othersAt, _earlyAt = new(); // where the others and the early visits are in the planned visits
    // Made when first asked: most forms' visits are asked about neither by a time-to-event endpoint nor with none but early visits.
    private Dictionary<string, bool>? _othersFollow;
    private Dictionary<string, bool>? _anyInFrame;

    /// <param name="anchors">Shared by the forms; this form's early visits' anchors are added to it as a group, an entry a visit.</param>
    /// <param name="planned">The form's planned visits.</param>
    public EarlyVisits(AtOrAfterPoints anchors, List<VisitModel> planned)
    {
        _planned = planned;
        _othersAt = new List<int>(planned.Count); // sized for every visit: few end before their anchor's day
        List<string>? earlyAnchors = null;
        for (int i = 0; i < planned.Count; i++)
        {
            if (Timeline.EndsBeforeItsAnchorsDay(planned[i]))
            {
                _earlyAt.Add(i);
                (earlyAnchors ??= new List<string>()).Add(planned[i].Anchor);
            }
            else _othersAt.Add(i);
        }
        // Without early visits, as a form mostly has, the others are the planned visits themselves (neither list changes).
        if (_earlyAt.Count == 0) Others = planned;
        else
        {
            Others = new List<VisitModel>(_othersAt.Count);
            foreach (var i in _othersAt) Others.Add(planned[i]);
        }
        _anchors = anchors;
        _group = anchors.AddGroup(earlyAnchors ?? (IReadOnlyList<string>)System.Array.Empty<string>());
    }

    /// <summary>The visits that do not end before their anchor's day, in order: no start rules them out.</summary>
    public List<VisitModel> Others { get; }

    /// <summary>The form's planned visits, in order.</summary>
    public List<VisitModel> Planned => _planned;

    /// <summary>True when <paramref name="visit"/> is one of the form's planned visits.</summary>
    public bool Collects(VisitModel visit) => (_names ??= new HashSet<string>(_planned.Select(v => v.Name), System.StringComparer.Ordinal)).Contains(visit.Name);

    /// <summary>
    /// Whether one of the others is a visit that follows the subjects until one of some events, by
    /// <paramref name="follows"/>; found once for the events (<paramref name="events"/>, joined by line breaks), however
    /// many starts ask.
    /// </summary>
    public bool AnyOtherFollows(string events, System.Func<VisitModel, bool> follows)
    {
        _othersFollow ??= new Dictionary<string, bool>(System.StringComparer.Ordinal);
        if (!_othersFollow.TryGetValue(events, out var any)) _othersFollow.Add(events, any = Others.Any(follows));
        return any;
    }

    /// <summary>
    /// Whether one of the planned visits falls in the time frame from <paramref name="start"/>: one of the others, if there
    /// is one; else an early visit the start does not come after, found once for each start.
    /// </summary>
    public bool AnyInFrame(string start)
    {
        if (Others.Count > 0) return true;
        if (_planned.Count == 0) return false;
        _anyInFrame ??= new Dictionary<string, bool>(System.StringComparer.Ordinal);
        if (!_anyInFrame.TryGetValue(start, out var any)) _anyInFrame.Add(start, any = !AllBefore(start));
        return any;
    }

    /// <summary>How many of the planned visits fall in the time frame from <paramref name="start"/>: the others, and the early visits it does not come after.</summary>
    public int CountInFrame(string start) => _planned.Count - _anchors.CountAtOrAfter(_group, start);

    /// <summary>
    /// The planned visits in the time frame from <paramref name="start"/>, in order, as far as they are read: the early
    /// visits that the start comes after are passed over a word or a node at a time, not one by one.
    /// </summary>
    public IEnumerable<VisitModel> InFrame(string start)
    {
        int other = 0, early = _anchors.NextNotAtOrAfter(_group, start, 0);
        while (other < _othersAt.Count || early < _earlyAt.Count)
        {
            if (early == _earlyAt.Count || (other < _othersAt.Count && _othersAt[other] < _earlyAt[early])) yield return _planned[_othersAt[other++]];
            else
            {
                yield return _planned[_earlyAt[early]];
                early = _anchors.NextNotAtOrAfter(_group, start, early + 1);
            }
        }
    }

    /// <summary>True when <paramref name="start"/> comes after every one of the visits that end before their anchor's day.</summary>
    public bool AllBefore(string start) => _anchors.IsAtOrAfterAll(_group, start);

    /// <summary>Shared by the starts that come after the same of these visits (<see cref="AtOrAfterPoints.Signature"/>).</summary>
    public object Signature(string start) => _anchors.Signature(_group, start);
}
