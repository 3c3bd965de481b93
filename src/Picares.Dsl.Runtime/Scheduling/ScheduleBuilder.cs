using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Runtime.Model;

namespace Picares.Dsl.Runtime.Scheduling;

/// <summary>
/// Plans one subject's visits from a protocol's visit declarations and what is known of the subject's timeline.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>day</c> visits fall on a study day of their anchor; a range (<c>day -28..-1</c>) is due on its first day and its
/// window spans the range, widened by the declared window.</item>
/// <item><c>relative</c> visits fall on their anchor's date plus the offset.</item>
/// <item><c>repeating</c> visits (<c>every N days from A</c>): occurrence k is due on A + (k-1)·N days with <c>fixed</c>
/// anchoring; with <c>actual</c> anchoring, occurrence k+1 is due N days after the actual date of occurrence k when it is
/// known, else N days after its due date. They stop at their maximum count, at the horizon, or after one of their
/// <c>until</c> events has happened: no occurrence is due after that event's date.</item>
/// <item><c>unscheduled</c> visits, and visits whose anchor date is not known yet, are not planned.</item>
/// <item>No visit is due after a terminal event (the protocol's events marked <c>terminal</c>, such as death); none after the horizon. Both bounds are inclusive.</item>
/// </list>
/// Windows are inclusive, in calendar days around the due date. The result is in date order, then declaration order.
/// </remarks>
public sealed class ScheduleBuilder
{
    private readonly IReadOnlyList<VisitInfo> visits;
    private readonly string? dayOneAnchor;
    private readonly IReadOnlyList<string> terminalEvents;

    /// <summary>
    /// A builder over the visits of a protocol, with the anchor that is study day 1 (when the protocol names one) and the
    /// events that end every visit of a subject (its <c>terminal</c> events; none when not given).
    /// </summary>
    public ScheduleBuilder(IReadOnlyList<VisitInfo> visits, string? dayOneAnchor = null, IReadOnlyList<string>? terminalEvents = null)
    {
        this.visits = visits ?? throw new ArgumentNullException(nameof(visits));
        this.dayOneAnchor = dayOneAnchor;
        this.terminalEvents = terminalEvents ?? Array.Empty<string>();
    }

    /// <summary>A builder over a protocol's visits, counting study days from its <c>day_one</c> anchor and ending them at its <c>terminal</c> events.</summary>
    public ScheduleBuilder(ProtocolInfo protocol)
        : this((protocol ?? throw new ArgumentNullException(nameof(protocol))).Visits, protocol.Study.DayOneAnchor,
            protocol.Events.Where(e => e.Terminal).Select(e => e.Name).ToArray())
    {
    }

    /// <summary>The events that end every visit when a request does not name its own.</summary>
    public IReadOnlyList<string> TerminalEvents => terminalEvents;

    /// <summary>The subject's planned visits, in date order.</summary>
    /// <exception cref="InvalidOperationException">
    /// When a repeating visit would never stop (no maximum count, no horizon, no ending event), or a visit's timing is unknown.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// When a visit that is due, or its window, falls outside the calendar (0001-01-01 to 9999-12-31): an anchor date within
    /// a few years of either end. The message names the visit and the anchor. An occurrence that would come after the
    /// horizon or an ending event is not worked out, so it never throws.
    /// </exception>
    public IReadOnlyList<PlannedVisit> Build(ScheduleRequest request)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        var dayOneName = request.DayOneAnchor ?? dayOneAnchor;
        DateTime? dayOne = dayOneName is not null && request.Anchors.TryGetValue(dayOneName, out var d1) ? d1.Date : null;
        var terminal = Earliest(request.TerminalEvents ?? terminalEvents, request.Events);

        var planned = new List<(int Order, PlannedVisit Visit)>();
        for (var order = 0; order < visits.Count; order++)
        {
            var visit = visits[order];
            // A visit is placed on an anchor's date, or on an event's (`at progression + 30 days`) once it has happened.
            if (visit.Timing == "unscheduled" ||
                !(request.Anchors.TryGetValue(visit.Anchor, out var anchorDate) || request.Events.TryGetValue(visit.Anchor, out anchorDate))) continue;
            var last = Min(Min(terminal, Earliest(visit.Until, request.Events)), request.Horizon?.Date);
            foreach (var occurrence in Occurrences(visit, anchorDate.Date, last, request))
                planned.Add((order, occurrence));
        }

        return planned
            .OrderBy(p => p.Visit.NominalDate)
            .ThenBy(p => p.Order)
            .ThenBy(p => p.Visit.Occurrence ?? 0)
            .Select(p => p.Visit)
            .ToList();

        PlannedVisit Plan(VisitInfo visit, int? occurrence, DateTime nominal, DateTime windowStart, DateTime windowEnd) =>
            new(visit.Name, visit.Label, occurrence,
                dayOne is { } one ? StudyDay.FromDate(one, nominal) : null,
                nominal, windowStart, windowEnd, visit.Collect, visit.Activities,
                request.ActualDates.TryGetValue(new VisitOccurrence(visit.Name, occurrence), out var actual) ? actual.Date : null);

        // A date of the visit: outside the calendar, an exception that names the visit and its anchor rather than DateTime's.
        DateTime DateOf(VisitInfo visit, DateTime from, int days) =>
            CalendarDays.TryAdd(from, days, out var date)
                ? date
                : throw new ArgumentOutOfRangeException(nameof(request),
                    $"Visit {visit.Name} falls outside the calendar (0001-01-01 to 9999-12-31): {CalendarDays.Count(days)} from {from:yyyy-MM-dd}, counted from {visit.Anchor}; check that date.");

        PlannedVisit PlanAround(VisitInfo visit, int? occurrence, DateTime nominal, DateTime end) =>
            Plan(visit, occurrence, nominal, DateOf(visit, nominal, -visit.WindowBefore), DateOf(visit, end, visit.WindowAfter));

        IEnumerable<PlannedVisit> Occurrences(VisitInfo visit, DateTime anchor, DateTime? last, ScheduleRequest request)
        {
            switch (visit.Timing)
            {
                case "day":
                {
                    var first = DateOf(visit, anchor, StudyDay.ToOffset(visit.Day ?? throw Invalid(visit, "a day visit without a day")));
                    var end = DateOf(visit, anchor, StudyDay.ToOffset(visit.LastDay ?? visit.Day.Value));
                    if (last is null || first <= last)
                        yield return PlanAround(visit, null, first, end);
                    yield break;
                }
                case "relative":
                {
                    var nominal = DateOf(visit, anchor, visit.OffsetDays ?? 0);
                    if (last is null || nominal <= last)
                        yield return PlanAround(visit, null, nominal, nominal);
                    yield break;
                }
                case "repeating":
                {
                    var every = visit.EveryDays is > 0 ? visit.EveryDays.Value : throw Invalid(visit, "a repeating visit without a positive period");
                    if (visit.MaxCount is null && last is null)
                        throw new InvalidOperationException(
                            $"Visit {visit.Name} repeats without a maximum count and none of its ending events has happened: give the request a horizon.");
                    var actualAnchoring = visit.Anchoring == "actual";
                    // Occurrence 1: the anchor's date, or 'from A + <duration>' later. Past the end of the calendar it is not due
                    // when a horizon or an ending event comes first (as for the later ones below); otherwise it cannot be dated.
                    if (!CalendarDays.TryAdd(anchor, visit.OffsetDays ?? 0, out var nominal))
                    {
                        if (last is not null) yield break;
                        nominal = DateOf(visit, anchor, visit.OffsetDays ?? 0);
                    }
                    for (var k = 1; (visit.MaxCount is not { } max || k <= max) && (last is null || nominal <= last); k++)
                    {
                        yield return PlanAround(visit, k, nominal, nominal);
                        if (visit.MaxCount == k) yield break;
                        var from = actualAnchoring && request.ActualDates.TryGetValue(new VisitOccurrence(visit.Name, k), out var actual) ? actual.Date : nominal;
                        // Past the end of the calendar, the next occurrence is also past the horizon or ending event when
                        // there is one (they are dates): nothing more is due. Otherwise it is, and cannot be dated.
                        if (!CalendarDays.TryAdd(from, every, out nominal))
                        {
                            if (last is not null) yield break;
                            nominal = DateOf(visit, from, every);
                        }
                    }
                    yield break;
                }
                default:
                    throw Invalid(visit, $"unknown timing '{visit.Timing}'");
            }
        }
    }

    private static InvalidOperationException Invalid(VisitInfo visit, string what) =>
        new($"Visit {visit.Name} cannot be planned: {what}.");

    /// <summary>The earliest date among the named events that have happened, or null.</summary>
    private static DateTime? Earliest(IEnumerable<string> names, IReadOnlyDictionary<string, DateTime> events)
    {
        DateTime? earliest = null;
        foreach (var name in names)
            if (events.TryGetValue(name, out var date)) earliest = Min(earliest, date.Date);
        return earliest;
    }

    private static DateTime? Min(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
