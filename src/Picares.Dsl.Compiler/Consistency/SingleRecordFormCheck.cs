using System.Collections.Generic;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// A form that holds one record per subject (not <c>repeating</c>) collected more than once for every subject (PIC4026):
/// at a visit that repeats, or at two single visits on fixed study days (<c>day</c>, or <c>every</c> with <c>max 1</c>)
/// counted from one anchor, or from anchors the timeline orders, which every subject's schedule holds both of. Each new
/// record would replace the last, and a criterion or endpoint would read whichever came last (a screening weight
/// overwritten on treatment). Visits held at an event or an anchor (<c>at</c>), unscheduled visits and fixed days counted
/// from anchors the timeline does not order (alternatives, such as completion and discontinuation) are left out: a
/// form collected at one or the other is filled in once, whichever happens. Reported once per form, at its name.
/// </summary>
internal static class SingleRecordFormCheck
{
    // The most anchors of fixed-day visits kept per form to compare a new one with, and the most questions asked of the
    // timeline in all (past them, only visits on one anchor are paired), so that thousands of visits on thousands of
    // anchors cost no more than a few.
    private const int MostAnchors = 16, MostQuestions = 128;

    public static void Run(CheckContext c)
    {
        HashSet<string>? single = null;
        foreach (var form in c.Model.Forms)
            if (!form.Repeating) (single ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(form.Name);
        if (single is null) return;
        // Per form, the first fixed-day visit on each anchor seen so far; and the forms reported.
        Dictionary<string, List<(string Anchor, string Visit)>>? fixedDays = null;
        HashSet<string>? reported = null;
        int questions = 0;
        bool Ordered(string a, string b) => ++questions <= MostQuestions && (c.Timeline.IsNotBefore(a, b) || c.Timeline.IsNotBefore(b, a));
        foreach (var visit in c.Model.Visits)
        {
            bool repeats = visit.Timing == "repeating" && visit.MaxCount != 1;
            bool fixedDay = visit.Timing == "day" || (visit.Timing == "repeating" && visit.MaxCount == 1);
            if (!repeats && !fixedDay) continue;
            foreach (var form in visit.Collect)
            {
                if (!single.Contains(form) || (reported?.Contains(form) ?? false)) continue;
                string? why = null;
                if (repeats) why = $"visit {visit.Name}, which repeats, collects it";
                else
                {
                    fixedDays ??= new Dictionary<string, List<(string, string)>>(System.StringComparer.Ordinal);
                    if (!fixedDays.TryGetValue(form, out var seen)) fixedDays.Add(form, seen = new List<(string, string)>());
                    foreach (var (anchor, first) in seen)
                        if (first != visit.Name && (anchor == visit.Anchor || Ordered(anchor, visit.Anchor)))
                        {
                            why = $"visits {first} and {visit.Name}, on fixed study days, both collect it";
                            break;
                        }
                    if (why is null && seen.Count < MostAnchors && !seen.Exists(s => s.Anchor == visit.Anchor)) seen.Add((visit.Anchor, visit.Name));
                }
                if (why is null) continue;
                (reported ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(form);
                c.Report(DiagnosticDescriptors.SingleRecordFormCollectedRepeatedly, c.Locator.Name("form", form), form, why);
            }
        }
    }
}
