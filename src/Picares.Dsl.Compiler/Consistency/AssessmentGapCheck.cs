using System.Collections.Generic;
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
        Dictionary<(string Anchor, string Form), (VisitModel Visit, int Days)>? longest = null;
        foreach (var endpoint in c.Model.Endpoints)
        {
            if (endpoint.CensorAfterGapDays is not { } gap || endpoint.Start is not { } start) continue;
            longest ??= LongestOnTimeIntervals(c.Model);
            foreach (var role in endpoint.Roles)
            {
                if (role.Role != "response" || !longest.TryGetValue((start, role.Form), out var found) || gap >= found.Days) continue;
                var statement = SourceLocator.Inner(c.Locator.Declaration("endpoint", endpoint.Name), "censor_after_gap");
                var span = statement is null ? c.Locator.Name("endpoint", endpoint.Name) : SourceLocator.Arguments(statement);
                var v = found.Visit;
                c.Report(DiagnosticDescriptors.AssessmentGapShorterThanSchedule, span, endpoint.Name, gap, found.Days, v.Name, role.Form,
                    v.EveryDays ?? 0, v.WindowBefore, v.WindowAfter, 2 * (v.EveryDays ?? 0) + v.WindowAfter);
                break;
            }
        }
    }

    /// <summary>
    /// For each anchor and form, the repeating visit that collects it whose on-time assessments may be the least far apart,
    /// and how far: the interval and both sides of the window, or from the anchor to the first occurrence's window's end.
    /// </summary>
    private static Dictionary<(string, string), (VisitModel, int)> LongestOnTimeIntervals(ProtocolModel model)
    {
        var result = new Dictionary<(string, string), (VisitModel Visit, int Days)>();
        foreach (var visit in model.Visits)
        {
            if (visit.Timing != "repeating" || visit.EveryDays is not { } every) continue;
            int days = System.Math.Max(every + visit.WindowBefore + visit.WindowAfter, (visit.OffsetDays ?? 0) + visit.WindowAfter);
            foreach (var form in visit.Collect)
                if (!result.TryGetValue((visit.Anchor, form), out var known) || days < known.Days) result[(visit.Anchor, form)] = (visit, days);
        }
        return result;
    }
}
