using System;
using System.Collections.Generic;
using Picares.Dsl.Runtime.Model;

namespace Picares.Dsl.Runtime.Scheduling;

/// <summary>
/// One visit of a subject's calendar: which visit and occurrence, when it is due (the nominal date and its study day),
/// the inclusive window around it, what it collects, and the actual date when the caller gave one.
/// </summary>
/// <param name="Visit">The visit's name, as declared.</param>
/// <param name="Label">The visit's label.</param>
/// <param name="Occurrence">The one-based occurrence of a repeating visit; null for a visit that happens once.</param>
/// <param name="StudyDay">The nominal date's study day, counted from the day-one anchor (never 0); null when that anchor's date is not known.</param>
/// <param name="NominalDate">The date the visit is due.</param>
/// <param name="WindowStart">The first date of the window, inclusive.</param>
/// <param name="WindowEnd">The last date of the window, inclusive.</param>
/// <param name="Collect">The forms collected, in declaration order.</param>
/// <param name="Activities">The activities other than forms.</param>
/// <param name="ActualDate">The date the visit actually took place, when the caller gave it.</param>
public sealed record PlannedVisit(
    [property: ProtocolName(ProtocolNameKind.Visit)] string Visit,
    string Label,
    int? Occurrence,
    int? StudyDay,
    DateTime NominalDate,
    DateTime WindowStart,
    DateTime WindowEnd,
    [property: ProtocolName(ProtocolNameKind.Form)] IReadOnlyList<string> Collect,
    IReadOnlyList<string> Activities,
    DateTime? ActualDate)
{
    /// <summary>The visit and occurrence, such as <c>Cycle#2</c>.</summary>
    public VisitOccurrence Key => new(Visit, Occurrence);

    /// <summary>True when <paramref name="date"/> (ignoring time of day) falls in the window, both ends included.</summary>
    public bool IsInWindow(DateTime date) => date.Date >= WindowStart && date.Date <= WindowEnd;
}
