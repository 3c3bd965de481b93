using Picares.Dsl.Compiler.Diagnostics;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// RECIST 1.1's minimum time for stable disease against the schedule (PIC4019): an objective-response endpoint's
/// <c>stable_disease_minimum</c> longer than the earliest day its first tumor assessment may be done makes stable disease
/// read on time, early in that visit's window, count for nothing (NE). The first assessment is the earliest occurrence,
/// wholly after the start's date, of a visit placed on the endpoint's <c>start</c> that collects the form of its response.
/// </summary>
internal static class StableDiseaseCheck
{
    public static void Run(CheckContext c)
    {
        ResponseVisits? first = null; // made only when an endpoint states a minimum
        foreach (var endpoint in c.Model.Endpoints)
        {
            if (endpoint.StableDiseaseMinimumDays is not { } minimum) continue;
            first ??= new ResponseVisits(c.Model.Visits, Timeline.EarliestDaysAfterItsAnchor);
            if (first.For(endpoint) is not { } found || found.Days >= minimum) continue;
            // Days after the start; the start's own day is its day 1.
            c.Report(DiagnosticDescriptors.StableDiseaseMinimumTooLong, c.Locator.InnerArguments("endpoint", endpoint.Name, "stable_disease_minimum"),
                endpoint.Name, minimum, endpoint.Start!, found.Visit.Name, found.Form, found.Days, found.Days + 1);
        }
    }
}
