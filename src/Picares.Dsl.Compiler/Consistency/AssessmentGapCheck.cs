using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// A time-to-event endpoint's <c>censor_after_gap</c> against the schedule (PIC4020): a gap shorter than the time that
/// may pass between two on-time tumor assessments would censor an event found at an assessment that missed nothing. The
/// assessments are those of a repeating visit placed on the endpoint's <c>start</c> that collects the form of its
/// response: consecutive occurrences may be the interval plus both sides of the window apart, and the first may be its
/// offset plus the window's later side after the start. Of several such visits, the one that allows the shortest gap is
/// compared (a subject it follows misses nothing within it).
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
            c.Report(DiagnosticDescriptors.AssessmentGapShorterThanSchedule, c.Locator.InnerArguments("endpoint", endpoint.Name, "censor_after_gap"),
                endpoint.Name, gap, found.Days, v.Name, found.Form, v.EveryDays!.Value, v.WindowBefore, v.WindowAfter, 2 * v.EveryDays.Value + v.WindowAfter);
        }
    }

    /// <summary>
    /// How far apart two on-time occurrences of a repeating visit may be: the interval and both sides of the window, or from
    /// the anchor to the end of the first occurrence's window; null for a visit that does not repeat.
    /// </summary>
    private static int? LongestOnTimeInterval(VisitModel visit) =>
        visit.Timing == "repeating" && visit.EveryDays is { } every
            ? System.Math.Max(every + visit.WindowBefore + visit.WindowAfter, (visit.OffsetDays ?? 0) + visit.WindowAfter)
            : null;
}
