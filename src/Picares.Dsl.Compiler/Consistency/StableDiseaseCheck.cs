using System.Collections.Generic;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;

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
        // The earliest assessment of each form on each anchor, worked out once (only when an endpoint asks).
        Dictionary<(string Anchor, string Form), (VisitModel Visit, int Days)>? earliest = null;
        foreach (var endpoint in c.Model.Endpoints)
        {
            if (endpoint.StableDiseaseMinimumDays is not { } minimum || endpoint.Start is not { } start || endpoint.Roles.Count == 0) continue;
            earliest ??= EarliestAssessments(c.Model);
            foreach (var role in endpoint.Roles)
            {
                if (role.Role != "response" || !earliest.TryGetValue((start, role.Form), out var first) || first.Days >= minimum) continue;
                var statement = SourceLocator.Inner(c.Locator.Declaration("endpoint", endpoint.Name), "stable_disease_minimum");
                var span = statement is null ? c.Locator.Name("endpoint", endpoint.Name) : SourceLocator.Arguments(statement);
                c.Report(DiagnosticDescriptors.StableDiseaseMinimumTooLong, span, endpoint.Name, minimum, start, first.Visit.Name, role.Form,
                    first.Days + 1, first.Days);
                break;
            }
        }
    }

    private static Dictionary<(string, string), (VisitModel, int)> EarliestAssessments(ProtocolModel model)
    {
        var earliest = new Dictionary<(string, string), (VisitModel Visit, int Days)>();
        foreach (var visit in model.Visits)
        {
            if (Timeline.EarliestDaysAfterItsAnchor(visit) is not { } days) continue;
            foreach (var form in visit.Collect)
                if (!earliest.TryGetValue((visit.Anchor, form), out var known) || days < known.Days) earliest[(visit.Anchor, form)] = (visit, days);
        }
        return earliest;
    }
}
