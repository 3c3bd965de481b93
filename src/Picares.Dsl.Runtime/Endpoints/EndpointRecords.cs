using System;

namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>One occurrence of a form as an endpoint derivation reads it; generated code maps each typed form to one.</summary>
/// <param name="Form">The form's protocol name.</param>
/// <param name="Occurrence">The occurrence of a repeating form, from 1 as in CRF findings; 1 for a single form.</param>
public abstract record EndpointRecord(string Form, int Occurrence)
{
    /// <summary>"TumorAssessment#3".</summary>
    public string Reference => Form + "#" + Occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A tumour assessment: its date and RECIST 1.1 overall response code (CR, PR, SD, PD, NE).</summary>
public sealed record ResponseRecord(string Form, int Occurrence, DateTime? Date, string? Code) : EndpointRecord(Form, Occurrence);

/// <summary>A survival contact: its date, the vital status code (<c>alive</c>, <c>dead</c>) and the date of death when known.</summary>
public sealed record VitalStatusRecord(string Form, int Occurrence, DateTime? Date, string? Status, DateTime? DeathDate) : EndpointRecord(Form, Occurrence)
{
    /// <summary>True when the status is the code <c>dead</c>.</summary>
    public bool IsDead => Status == "dead";

    /// <summary>True when the status is the code <c>alive</c>.</summary>
    public bool IsAlive => Status == "alive";
}

/// <summary>A new anticancer therapy given after the start (a subsequent line of treatment): its start date.</summary>
public sealed record TherapyRecord(string Form, int Occurrence, DateTime? Date) : EndpointRecord(Form, Occurrence);

/// <summary>A record of an event other than progression and death (a cardiovascular event, a rescue therapy): the date the
/// endpoint's <c>event_date</c> names, on one occurrence of its form.</summary>
/// <param name="Form">The form.</param>
/// <param name="Occurrence">Its occurrence, from 1.</param>
/// <param name="Event">The protocol's event (mace).</param>
/// <param name="Date">The date of the event; null when not recorded (the occurrence then records no such event).</param>
/// <param name="IsEvent">
/// Whether the occurrence is the event by the <c>event_date</c>'s condition (<c>when Outcomes.bleed_class == Bleeding.major</c>):
/// true without a condition; null when the condition cannot be told (a field it reads is missing).
/// </param>
/// <param name="Condition">The condition as written, for the reasons of the records it rules out; null without one.</param>
public sealed record DatedEventRecord(string Form, int Occurrence, string Event, DateTime? Date, bool? IsEvent = true, string? Condition = null)
    : EndpointRecord(Form, Occurrence);

/// <summary>A dose of study treatment given: its date, for the end of an incidence endpoint's period (<c>onset_until last</c>).</summary>
public sealed record DoseRecord(string Form, int Occurrence, DateTime? Date) : EndpointRecord(Form, Occurrence);

/// <summary>An adverse event: its term, CTCAE grade and onset date.</summary>
/// <param name="Form">The form it was recorded on.</param>
/// <param name="Occurrence">Its occurrence of the form, from 1.</param>
/// <param name="Term">The term.</param>
/// <param name="Grade">The CTCAE grade.</param>
/// <param name="Onset">The onset date.</param>
/// <param name="MeetsCondition">Whether it meets the endpoint's <c>count_when</c> condition: true (or no condition), false, or null when a
/// field the condition reads is missing and it cannot be told; only an event that meets it counts.</param>
public sealed record AdverseEventRecord(string Form, int Occurrence, string? Term, int? Grade, DateTime? Onset, bool? MeetsCondition = true) : EndpointRecord(Form, Occurrence);

/// <summary>A record a derivation did not use, and why: a missing date or code, before the start, after the first progression or the data cut-off.</summary>
public sealed record UnusedRecord(EndpointRecord Record, string Reason)
{
    /// <summary>"TumorAssessment#4: after the first progression (2026-03-01)".</summary>
    public override string ToString() => Record.Reference + ": " + Reason;
}
