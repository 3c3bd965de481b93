using System.Collections.Generic;
using System.Linq;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// The visits that several forms share (a visit may collect more than one of a time-to-event endpoint's forms), each
/// counted once: how many of their second and later appearances fall in a start's frame, so that the count of the
/// visits in it is the sum of each form's less these. The early ones are a group of their own, an entry an appearance.
/// </summary>
internal sealed class SharedVisits
{
    private readonly AtOrAfterPoints _anchors;
    private readonly int _group, _others, _early; // second and later appearances: of visits no start rules out, of early visits

    public SharedVisits(AtOrAfterPoints anchors, List<EarlyVisits> forms)
    {
        // A visit in several of the forms is in one other than the one with most visits: those are gone through, each visit
        // once, and its forms counted.
        int largest = 0;
        for (int i = 1; i < forms.Count; i++)
            if (forms[i].Planned.Count > forms[largest].Planned.Count) largest = i;
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var early = new List<string>();
        for (int i = 0; i < forms.Count; i++)
        {
            if (i == largest) continue;
            foreach (var visit in forms[i].Planned)
            {
                if (!seen.Add(visit.Name)) continue;
                int again = forms.Count(f => f.Collects(visit)) - 1;
                for (int k = 0; k < again; k++)
                    if (Timeline.EndsBeforeItsAnchorsDay(visit)) early.Add(visit.Anchor);
                    else _others++;
            }
        }
        _anchors = anchors;
        _group = anchors.AddGroup(early);
        _early = early.Count;
    }

    /// <summary>How many second and later appearances of the shared visits fall in the time frame from <paramref name="start"/>.</summary>
    public int InFrameAgain(string start) => _others + _early - _anchors.CountAtOrAfter(_group, start);
}
