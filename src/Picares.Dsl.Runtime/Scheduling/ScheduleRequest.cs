using System;
using System.Collections.Generic;
using Picares.Dsl.Runtime.Model;

namespace Picares.Dsl.Runtime.Scheduling;

/// <summary>What is known of one subject's timeline, for <see cref="ScheduleBuilder.Build"/>.</summary>
public sealed class ScheduleRequest
{
    private static readonly IReadOnlyDictionary<string, DateTime> NoDates = new Dictionary<string, DateTime>();
    private static readonly IReadOnlyDictionary<VisitOccurrence, DateTime> NoVisits = new Dictionary<VisitOccurrence, DateTime>();

    /// <summary>Dates of the anchors known so far, by anchor name (such as <c>first_dose</c>). Visits anchored on an anchor missing here are not planned.</summary>
    [ProtocolName(ProtocolNameKind.Anchor)]
    public IReadOnlyDictionary<string, DateTime> Anchors { get; init; } = NoDates;

    /// <summary>Events that have happened, by event name (such as <c>progression</c>), with their dates.</summary>
    [ProtocolName(ProtocolNameKind.Event)]
    public IReadOnlyDictionary<string, DateTime> Events { get; init; } = NoDates;

    /// <summary>Dates on which past visits actually took place; they re-anchor visits with <c>actual</c> anchoring.</summary>
    public IReadOnlyDictionary<VisitOccurrence, DateTime> ActualDates { get; init; } = NoVisits;

    /// <summary>The last date to plan, inclusive; null plans every visit up to its maximum count or ending event.</summary>
    public DateTime? Horizon { get; init; }

    /// <summary>
    /// The anchor that is study day 1 (<c>ProtocolInfo.Study.DayOneAnchor</c>); null uses the builder's protocol default.
    /// Study days are null when neither is given or the anchor's date is not known.
    /// </summary>
    [ProtocolName(ProtocolNameKind.Anchor)]
    public string? DayOneAnchor { get; init; }

    /// <summary>
    /// Events after which no visit at all takes place; null (the default) uses the builder's, which for a builder made
    /// from a <c>ProtocolInfo</c> are the protocol's events marked <c>terminal</c>.
    /// </summary>
    [ProtocolName(ProtocolNameKind.Event)]
    public IReadOnlyList<string>? TerminalEvents { get; init; }
}
