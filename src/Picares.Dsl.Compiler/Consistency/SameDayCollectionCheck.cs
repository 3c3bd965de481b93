using System.Collections.Generic;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Runtime.Scheduling;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// A form that two visits collect on the same planned day (PIC4022): a repeating visit one of whose nominal occurrences
/// falls on the day (or within the days) of a single visit counted from the same anchor, or two repeating visits whose
/// first occurrences fall on the same day, with a form in common. The usual cause is a cycle visit written
/// <c>every 21 days from c1d1</c> beside a visit on C1D1: its first occurrence is on the anchor's date, so C1D1 is planned
/// twice. A subject would fill the form twice that day, as two visits in the EDC.
/// </summary>
/// <remarks>
/// Only nominal days are compared, not windows (single visits' windows have PIC3005). With <c>anchoring actual</c> only a
/// repeating visit's first occurrence has a nominal day. Two repeating visits whose later occurrences meet (every 21 and
/// every 42 days from one anchor) are not compared. Each repeating visit is reported once. The single visits of each
/// anchor and form are searched in order of their first day, from the repeating visit's first occurrence to its last: a
/// repeating visit that lasts the whole study and meets none of thousands of single visits on its anchor goes through
/// them all, which a protocol of that shape pays once per such visit.
/// </remarks>
internal static class SameDayCollectionCheck
{
    public static void Run(CheckContext c)
    {
        var singles = new Dictionary<(string Anchor, string Form), List<Single>>();
        var repeating = new List<VisitModel>();
        foreach (var visit in c.Model.Visits)
        {
            if (visit.Timing == "repeating")
            {
                if (visit.EveryDays is > 0) repeating.Add(visit);
                continue;
            }
            Single? single = visit.Timing == "day" && visit.Day is { } day ? new Single(StudyDay.ToOffset(day), StudyDay.ToOffset(visit.LastDay ?? day), visit)
                : visit.Timing == "relative" ? new Single(visit.OffsetDays ?? 0, visit.OffsetDays ?? 0, visit)
                : null;
            if (single is not { } found) continue;
            foreach (var form in visit.Collect)
            {
                if (!singles.TryGetValue((visit.Anchor, form), out var list)) singles.Add((visit.Anchor, form), list = new List<Single>());
                if (list.Count == 0 || !ReferenceEquals(list[list.Count - 1].Visit, visit)) list.Add(found);
            }
        }
        if (repeating.Count == 0) return;
        int widest = 0; // the most days a single visit spans, less one
        foreach (var list in singles.Values)
        {
            list.Sort((a, b) => a.First.CompareTo(b.First));
            foreach (var single in list) widest = System.Math.Max(widest, single.Last - single.First);
        }

        var firstOccurrences = new Dictionary<(string Anchor, string Form, int Day), VisitModel>();
        foreach (var visit in repeating)
        {
            int start = visit.OffsetDays ?? 0, every = visit.EveryDays!.Value;
            // Occurrences with a nominal day: all of them on a fixed grid (up to max, else to 36500 days), only the first when
            // each is counted from the previous one's actual date.
            // (The binder keeps the last one within 36500 days of the anchor, so that every day here is an int.)
            int occurrences = visit.Anchoring == "actual" ? 1 : visit.MaxCount ?? (36500 - start) / every + 1;
            bool reported = false;
            foreach (var form in visit.Collect)
            {
                if (!reported && singles.TryGetValue((visit.Anchor, form), out var list) && FirstMet(list, widest, start, every, occurrences) is { } met)
                {
                    Report(c, visit, met.Single.Visit, form, met.Occurrence, start, every, met.Single);
                    reported = true;
                }
                // Every form's first occurrence is kept, reported or not, for the repeating visits after it.
                if (firstOccurrences.TryGetValue((visit.Anchor, form, start), out var other))
                {
                    if (!reported && !ReferenceEquals(other, visit))
                    {
                        Report(c, visit, other, form, 0, start, every, null);
                        reported = true;
                    }
                }
                else firstOccurrences.Add((visit.Anchor, form, start), visit);
            }
        }
    }

    private readonly record struct Single(int First, int Last, VisitModel Visit);

    /// <summary>
    /// The first single visit (in order of its first day) on whose days an occurrence falls, with the occurrence (0 for the
    /// first). The search starts at the first visit that can reach the first occurrence (found by halving: no visit's days
    /// span more than <paramref name="widest"/>) and stops at the first that starts after the last occurrence.
    /// </summary>
    private static (Single Single, int Occurrence)? FirstMet(List<Single> singles, int widest, int start, int every, int occurrences)
    {
        int lastDay = start + (occurrences - 1) * every;
        int low = 0, high = singles.Count;
        while (low < high)
        {
            int middle = low + (high - low) / 2;
            if (singles[middle].First + widest < start) low = middle + 1;
            else high = middle;
        }
        for (int i = low; i < singles.Count; i++)
        {
            var single = singles[i];
            if (single.First > lastDay) break; // the rest start later still
            if (single.Last < start) continue;
            int k = single.First <= start ? 0 : (single.First - start + every - 1) / every;
            if (start + k * every <= single.Last) return (single, k);
        }
        return null;
    }

    private static void Report(CheckContext c, VisitModel visit, VisitModel other, string form, int occurrence, int start, int every, Single? single)
    {
        var when = $"day {StudyDay.FromOffset(start + occurrence * every)} from {visit.Anchor}";
        var where = single is { First: var first, Last: var last } && first != last
            ? $"within the days of visit {other.Name} ({StudyDay.FromOffset(first)}..{StudyDay.FromOffset(last)})"
            : $"on the day of visit {other.Name}" + (other.Timing == "repeating" ? "'s first occurrence" : "");
        // Started a cycle later, the visit keeps its last occurrence with one fewer.
        var fewer = visit.MaxCount is > 1 and var max ? $" and 'max {max - 1}'" : "";
        var fix = occurrence == 0
            ? $"if {visit.Name} is meant to start a cycle later, write 'every {every} days from {visit.Anchor} + {start + every} days'{fewer}; otherwise collect {form} at only one of them"
            : $"collect {form} at only one of them, or move {other.Name}";
        var timing = SourceLocator.Inner(c.Locator.Declaration("visit", visit.Name), "every");
        var span = timing is null ? c.Locator.Name("visit", visit.Name) : SourceLocator.Arguments(timing);
        c.Report(DiagnosticDescriptors.SameDayCollection, span, visit.Name, occurrence + 1, when, where, form, fix);
    }
}
