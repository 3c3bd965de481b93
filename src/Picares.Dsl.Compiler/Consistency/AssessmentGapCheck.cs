using Picares.Dsl.Compiler.Binding;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// A time-to-event endpoint's <c>censor_after_gap</c> against the schedule (PIC4020): a gap shorter than the time that
/// may pass between two on-time tumor assessments would censor an event found at an assessment that missed nothing. The
/// assessments are those of a repeating visit (more than once) placed on the endpoint's <c>start</c> that collects the form
/// of its response. Two consecutive on-time occurrences may be the interval and both sides of the window apart (with
/// <c>anchoring actual</c>, counted from the previous one's actual date, the interval and the later side), and the first
/// may be its offset and the later side after the start. Of several such visits, the one that allows the shortest gap is
/// compared (a subject it follows misses nothing within it). The gap it suggests also lets one missed assessment pass.
/// </summary>
internal static class AssessmentGapCheck
{
    public static void Run(CheckContext c)
    {
        ResponseVisits? schedules = null; // made only when an endpoint states a gap
        foreach (var endpoint in c.Model.Endpoints)
        {
            if (endpoint.CensorAfterGapDays is not { } gap) continue;
            schedules ??= new ResponseVisits(c.Model.Visits, LongestOnTimeInterval);
            if (schedules.For(endpoint) is not { } found || gap >= found.Days) continue;
            var v = found.Visit;
            var window = $"window -{v.WindowBefore}..+{v.WindowAfter} days";
            var why = FirstAfterStart(v) >= BetweenTwo(v)
                ? $"an on-time first assessment may come {found.Days} days after {endpoint.Start} (due {v.OffsetDays ?? 0} days after it, {window})"
                : $"two on-time assessments may be {found.Days} days apart (every {v.EveryDays} days{(v.Anchoring == "actual" ? " from the previous one's actual date" : "")}, {window})";
            // A gap past the longest the language takes cannot be written: the suggestion stops there.
            var suggested = System.Math.Min(AllowedRanges.MaxDays, System.Math.Max(found.Days, OneMissedPasses(v)));
            c.Report(DiagnosticDescriptors.AssessmentGapShorterThanSchedule, c.Locator.InnerArguments("endpoint", endpoint.Name, "censor_after_gap"),
                endpoint.Name, gap, v.Name, found.Form, why, found.Days, suggested);
        }
    }

    /// <summary>
    /// How far apart two on-time occurrences of a repeating visit, or the start and its first, may be; null for a visit that
    /// does not repeat, or happens once (whose one assessment says nothing about the time between two).
    /// </summary>
    private static int? LongestOnTimeInterval(VisitModel visit) =>
        visit.Timing == "repeating" && visit.EveryDays is not null && visit.MaxCount != 1 ? System.Math.Max(FirstAfterStart(visit), BetweenTwo(visit)) : null;

    /// <summary>From the anchor to the end of the first occurrence's window.</summary>
    private static int FirstAfterStart(VisitModel v) => (v.OffsetDays ?? 0) + v.WindowAfter;

    /// <summary>Between two consecutive on-time occurrences.</summary>
    private static int BetweenTwo(VisitModel v) => v.EveryDays!.Value + EarlySide(v) + v.WindowAfter;

    /// <summary>
    /// A gap that an event found on time after one missed occurrence stays within: a missed occurrence counts from its
    /// nominal date, so the next one is two intervals on (or, when the first is missed, the offset and one interval).
    /// </summary>
    private static int OneMissedPasses(VisitModel v) =>
        System.Math.Max(2 * v.EveryDays!.Value + EarlySide(v), (v.OffsetDays ?? 0) + v.EveryDays.Value) + v.WindowAfter;

    /// <summary>How early the previous occurrence may have been: its window's early side, or nothing when each is counted from the previous one's actual date.</summary>
    private static int EarlySide(VisitModel v) => v.Anchoring == "actual" ? 0 : v.WindowBefore;
}
