using System.Collections.Generic;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Runtime.Model;

/// <summary>Where a fact comes from.</summary>
public enum Provenance
{
    /// <summary>Stated in the source record (registry entry, protocol document).</summary>
    Record,
    /// <summary>Assumed by the protocol author; see the reason.</summary>
    Assumed,
}

/// <summary>A one-based line and column in a .protocol file.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}({Line},{Column})";
}

/// <summary>Where an element is declared and where its facts come from.</summary>
public sealed record Origin(Provenance Provenance, string? Assumption, SourceLocation Location)
{
    /// <summary>True when the author assumed it.</summary>
    public bool IsAssumed => Provenance == Provenance.Assumed;
}

/// <summary>One assumption the author made beyond the source record.</summary>
public sealed record AssumptionInfo(string Subject, string Reason, SourceLocation Location);

/// <summary>An identifier of the study (registry, sponsor).</summary>
public sealed record StudyIdentifier(string Scheme, string Value);

/// <summary>The study's registry facts.</summary>
public sealed record StudyInfo(
    string Name,
    string Title,
    string? OfficialTitle,
    string? Acronym,
    IReadOnlyList<StudyIdentifier> Identifiers,
    string? Sponsor,
    string? Funder,
    IReadOnlyList<string> Phases,
    string StudyType,
    string? Purpose,
    string? Allocation,
    string? Design,
    string Masking,
    IReadOnlyList<string> MaskedRoles,
    string? Status,
    IReadOnlyList<string> Conditions,
    int? Enrollment,
    string? EnrollmentKind,
    string? Summary,
    string? Description,
    IReadOnlyList<string> Contacts,
    string? DayOneAnchor,
    Origin Origin,
    int? Locations = null);

/// <summary>
/// Who may take part. The age limits are inclusive, in completed days, weeks, months or years (<see cref="AgeLimit"/>) at
/// <see cref="AgeReference"/>, from the <see cref="BirthDateField"/>; a range may state one limit only (<c>18 years or
/// older</c>). <see cref="EligibilityDecision"/> is the anchor at which eligibility is decided: the population's
/// <c>eligibility_at</c>, or else the study's day one; null when the protocol names neither.
/// </summary>
public sealed record PopulationInfo(string Sex, AgeLimit? MinimumAge, AgeLimit? MaximumAge, string? AgeReference, string? BirthDateField, bool? HealthyVolunteers, string? EligibilityDecision = null)
{
    /// <summary>The age range as a sentence: <c>18 to 75 years</c>, <c>6 months to 17 years</c>, <c>18 years or older</c>; null without one.</summary>
    public string? AgeRange => AgeLimit.Describe(MinimumAge, MaximumAge);
}

/// <summary>A reference date of a subject's timeline; <paramref name="EndsStudy"/> when it is the date the study ends for the subject (<c>ends_study</c>).</summary>
public sealed record AnchorInfo([property: ProtocolName(ProtocolNameKind.Anchor)] string Name, string Label, Origin Origin, bool EndsStudy = false);

/// <summary>An event that ends treatment or visits; a <paramref name="Terminal"/> one (such as death) ends every visit of the subject.</summary>
public sealed record EventInfo([property: ProtocolName(ProtocolNameKind.Event)] string Name, string Label, Origin Origin, bool Terminal = false);

/// <summary>
/// One phase of a regimen, or the whole regimen: the <paramref name="Dose"/> of one administration, or of a whole day
/// when its unit is per day (<see cref="IsDailyDose"/>: <c>400 mg/d</c>, <c>20 mg/kg/d</c>, divided among the day's
/// doses), capped at <paramref name="MaximumDose"/> when the protocol caps a dose per body weight, body surface or AUC;
/// given <paramref name="DosesPerDay"/> times (null when the protocol does not say) on each of the <paramref name="CycleDays"/>
/// of a cycle <paramref name="EveryDays"/> long, for <paramref name="Cycles"/> cycles or <paramref name="Until"/> one of the events.
/// </summary>
public sealed record RegimenInfo(string Phase, Quantity? Dose, string? Route, int? EveryDays, DayRanges CycleDays, int? Cycles, IReadOnlyList<string> Until, Origin Origin,
    int? DosesPerDay = null, Quantity? MaximumDose = null)
{
    /// <summary>Whether <see cref="Dose"/> is a whole day's (its unit is per day, such as mg/d or mg/kg/d).</summary>
    public bool IsDailyDose => Dose is { } dose && DoseDimensions.IsDaily(dose.Unit);
}

/// <summary>An intervention.</summary>
public sealed record InterventionInfo(string Name, string Label, string Kind, string? Description, IReadOnlyList<RegimenInfo> Regimens, Origin Origin);

/// <summary>An arm.</summary>
public sealed record ArmInfo(string Name, string Label, string Kind, string? Description, IReadOnlyList<string> Interventions, int Ratio, Origin Origin);

/// <summary>Randomization method and stratification factors.</summary>
public sealed record RandomizationInfo(string? Method, IReadOnlyList<string> StratifyBy, Origin Origin);

/// <summary>A code and its label.</summary>
public sealed record CodeInfo(string Code, string Label);

/// <summary>A code list.</summary>
public sealed record CodeListInfo(string Name, string Label, IReadOnlyList<CodeInfo> Codes, Origin Origin);

/// <summary>Inclusive limits of a field, in <see cref="Unit"/> when it has one.</summary>
public sealed record FieldLimit(double? Lower, double? Upper, string? Unit);

/// <summary>A field of a case report form.</summary>
public sealed record FieldInfo([property: ProtocolName(ProtocolNameKind.Field)] string Name, string Label, string DataType, string? CodeList, string? Unit, bool Required,
    FieldLimit? HardLimit, FieldLimit? SoftLimit, string? ShownWhen, Origin Origin);

/// <summary>A case report form.</summary>
public sealed record FormInfo([property: ProtocolName(ProtocolNameKind.Form)] string Name, string Label, bool Repeating, IReadOnlyList<FieldInfo> Fields, Origin Origin);

/// <summary>Inclusion or exclusion.</summary>
public enum CriterionCategory
{
    /// <summary>Must be met.</summary>
    Inclusion,
    /// <summary>Must not be met.</summary>
    Exclusion,
}

/// <summary>
/// An eligibility criterion: its id, category and original text; the condition it computes, as written;
/// the role that attests it; the fields and anchors it reads.
/// </summary>
public sealed record CriterionInfo([property: ProtocolName(ProtocolNameKind.Criterion)] string Id, CriterionCategory Category, string Text, string? Condition, string? AttestedBy,
    [property: ProtocolName(ProtocolNameKind.Input)] IReadOnlyList<string> Reads, Origin Origin)
{
    /// <summary>True when the criterion rests on someone's confirmation.</summary>
    public bool IsAttested => AttestedBy is not null;
}

/// <summary>A visit of the schedule.</summary>
/// <param name="Name">The visit's name in the protocol.</param>
/// <param name="Label">Its label.</param>
/// <param name="Timing"><c>day</c>, <c>repeating</c> (<c>every</c>), <c>relative</c> (<c>at</c>) or <c>unscheduled</c>.</param>
/// <param name="Anchor">The anchor (or, for <c>at</c>, the event) it is placed on.</param>
/// <param name="Day">A <c>day</c> visit's study day (no day 0), or the first of its range.</param>
/// <param name="LastDay">The last study day of a <c>day</c> visit's range.</param>
/// <param name="WindowBefore">Days allowed before the nominal date.</param>
/// <param name="WindowAfter">Days allowed after it.</param>
/// <param name="OffsetDays">
/// Days from the anchor's date: of an <c>at</c> visit (negative before it), or of a repeating visit's first occurrence
/// (<c>every 6 weeks from first_dose + 6 weeks</c> is 42; null when it falls on the anchor's date).
/// </param>
/// <param name="EveryDays">A repeating visit's interval in days.</param>
/// <param name="Anchoring"><c>fixed</c> (a grid from the anchor) or <c>actual</c> (each from the previous one's actual date).</param>
/// <param name="Until">The events or anchors that stop a repeating visit.</param>
/// <param name="MaxCount">The most occurrences of a repeating visit.</param>
/// <param name="Collect">The forms collected.</param>
/// <param name="Activities">Further activities, in words.</param>
/// <param name="Origin">Where it is declared, and whether it is an assumption.</param>
public sealed record VisitInfo([property: ProtocolName(ProtocolNameKind.Visit)] string Name, string Label, string Timing, string Anchor, int? Day, int? LastDay, int WindowBefore, int WindowAfter,
    int? OffsetDays, int? EveryDays, string Anchoring, IReadOnlyList<string> Until, int? MaxCount, [property: ProtocolName(ProtocolNameKind.Form)] IReadOnlyList<string> Collect,
    IReadOnlyList<string> Activities, Origin Origin);

/// <summary>
/// An endpoint. For an objective_response endpoint, RECIST 1.1's confirmation as the protocol states it:
/// <see cref="ConfirmationDays"/> (<c>confirm_response</c>), the least days between a CR or PR and the assessment that
/// confirms it, and <see cref="StableDiseaseMinimumDays"/> (<c>stable_disease_minimum</c>), the least days from the start
/// to an assessment of stable disease; null when not given. For a time_to_event endpoint, <see cref="CensorAfterGapDays"/>
/// (<c>censor_after_gap</c>): an event more than that many days after the last adequate tumour assessment is censored there;
/// and <see cref="NewTherapyField"/> (<c>censor_at_new_therapy</c>), the <c>Form.field</c> that dates a new anticancer
/// therapy, before which a subject's time is censored. For an incidence endpoint, <see cref="OnsetWithinDays"/>
/// (<c>onset_within</c>): only adverse events with an onset in that many days from the start count (such as a dose-limiting
/// toxicity period); <see cref="CountWhen"/> (<c>count_when</c>), the condition as written that an event meets to count; and
/// <see cref="LastDoseField"/> with <see cref="DaysAfterLastDose"/> (<c>onset_until last</c>): only events with an onset at most that many
/// days after the last dose's date count; with <see cref="AfterEachDose"/> (<c>onset_until each</c>), only events with an onset from
/// a dose's date to that many days after it.
/// </summary>
public sealed record EndpointInfo(string Name, string Level, string Title, string Kind, IReadOnlyList<string> Data, string? Start,
    IReadOnlyList<string> Events, string? Censoring, string? TimeFrame, Origin Origin, int? ConfirmationDays = null, int? StableDiseaseMinimumDays = null,
    int? CensorAfterGapDays = null, [property: ProtocolName(ProtocolNameKind.Field)] string? NewTherapyField = null, int? OnsetWithinDays = null,
    string? CountWhen = null, [property: ProtocolName(ProtocolNameKind.Field)] string? LastDoseField = null, int? DaysAfterLastDose = null,
    bool AfterEachDose = false);

/// <summary>Everything a protocol declares, as generated from its .protocol file.</summary>
public sealed record ProtocolInfo(
    string SourceFile,
    StudyInfo Study,
    PopulationInfo Population,
    IReadOnlyList<AnchorInfo> Anchors,
    IReadOnlyList<EventInfo> Events,
    IReadOnlyList<InterventionInfo> Interventions,
    IReadOnlyList<ArmInfo> Arms,
    RandomizationInfo? Randomization,
    IReadOnlyList<CodeListInfo> CodeLists,
    IReadOnlyList<FormInfo> Forms,
    IReadOnlyList<CriterionInfo> Criteria,
    IReadOnlyList<VisitInfo> Visits,
    IReadOnlyList<EndpointInfo> Endpoints,
    IReadOnlyList<AssumptionInfo> Assumptions);
