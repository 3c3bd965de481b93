using System;
using System.Collections.Generic;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// For the checks that hold an endpoint's RECIST timing against the schedule (PIC4019, PIC4020): of the visits that
/// collect each form on each anchor, the one with the least of some measure in days (the earliest first assessment, the
/// shortest time between on-time assessments). Worked out once for all the visits, however many endpoints ask.
/// </summary>
internal sealed class ResponseVisits
{
    private readonly Dictionary<(string Anchor, string Form), (VisitModel Visit, int Days)> _least = new();

    /// <param name="visits">The protocol's visits.</param>
    /// <param name="measure">A visit's measure in days; null for a visit it does not apply to.</param>
    public ResponseVisits(IEnumerable<VisitModel> visits, Func<VisitModel, int?> measure)
    {
        foreach (var visit in visits)
        {
            if (measure(visit) is not { } days) continue;
            foreach (var form in visit.Collect)
                if (!_least.TryGetValue((visit.Anchor, form), out var known) || days < known.Days) _least[(visit.Anchor, form)] = (visit, days);
        }
    }

    /// <summary>
    /// The visit with the least measure among those placed on the endpoint's <c>start</c> that collect the form of its
    /// RECIST response, and the form; null when the endpoint has no start or response, or no such visit.
    /// </summary>
    public (VisitModel Visit, int Days, string Form)? For(EndpointModel endpoint)
    {
        if (endpoint.Start is not { } start) return null;
        foreach (var role in endpoint.Roles)
            if (role.Role == "response" && _least.TryGetValue((start, role.Form), out var found))
                return (found.Visit, found.Days, role.Form);
        return null;
    }
}
