namespace Picares.Dsl.Compiler.Model;

/// <summary>
/// Everything one .protocol file declares, bound and checked: the input of the emitter and the value the
/// incremental generator caches. It holds only strings, numbers, records and equatable arrays.
/// </summary>
public sealed record ProtocolModel(
    string FileName,
    StudyModel Study,
    PopulationModel Population,
    EquatableArray<AnchorModel> Anchors,
    EquatableArray<EventModel> Events,
    EquatableArray<InterventionModel> Interventions,
    EquatableArray<ArmModel> Arms,
    RandomizationModel? Randomization,
    EquatableArray<CodeListModel> CodeLists,
    EquatableArray<FormModel> Forms,
    EquatableArray<CriterionModel> Criteria,
    EquatableArray<VisitModel> Visits,
    EquatableArray<EndpointModel> Endpoints,
    EquatableArray<AssumptionModel> Assumptions)
{
    /// <summary>
    /// The anchor at which eligibility is decided: the population's <c>eligibility_at</c>, or else the study's
    /// <c>day_one</c> anchor (study day 1); null when the protocol names neither.
    /// </summary>
    public string? EligibilityDecision => Population.EligibilityAnchor ?? Study.DayOneAnchor;
}

/// <summary>An identifier of the study in a registry or at the sponsor.</summary>
public sealed record StudyIdentifierModel(string Scheme, string Value);

/// <summary>The study's registry facts.</summary>
public sealed record StudyModel(
    string Name,
    string Title,
    string? OfficialTitle,
    string? Acronym,
    EquatableArray<StudyIdentifierModel> Identifiers,
    string? Sponsor,
    string? Funder,
    EquatableArray<string> Phases,
    string StudyType,
    string? Purpose,
    string? Allocation,
    string? Design,
    string Masking,
    EquatableArray<string> MaskedRoles,
    string? Status,
    EquatableArray<string> Conditions,
    int? Enrollment,
    string? EnrollmentKind,
    string? Summary,
    string? Description,
    EquatableArray<string> Contacts,
    string? DayOneAnchor,
    Origin Origin,
    int? Locations = null);

/// <summary>
/// Who may take part: sex, age range (inclusive limits in completed days, weeks, months or years at a reference anchor,
/// computed from the birth-date field; either limit may be absent), volunteers; and the anchor at which eligibility is decided, when the protocol states it
/// (<c>eligibility_at</c>; see <see cref="ProtocolModel.EligibilityDecision"/>).
/// </summary>
public sealed record PopulationModel(string Sex, Picares.Dsl.Runtime.Model.AgeLimit? MinimumAge, Picares.Dsl.Runtime.Model.AgeLimit? MaximumAge, string? AgeReference, string? BirthDateField, bool? HealthyVolunteers, string? EligibilityAnchor, Origin? Origin)
{
    /// <summary>Whether the screening code checks the age: a limit, the birth-date field and the anchor it is measured at.</summary>
    public bool ChecksAge => (MinimumAge is not null || MaximumAge is not null) && BirthDateField is not null && AgeReference is not null;
}

/// <summary>
/// A reference date of each subject's timeline: consent, first dose, randomization, end of treatment.
/// <see cref="After"/> names the anchors or events it never comes before.
/// </summary>
public sealed record AnchorModel(string Name, string Label, EquatableArray<string> After, Origin Origin)
{
    /// <summary>Whether the anchor is the date the study ends for the subject (<c>ends_study</c>): a common study end, until which a
    /// visit follows the subject for an endpoint censored at the end of the study.</summary>
    public bool EndsStudy { get; init; }
}

/// <summary>
/// Something that happens to a subject and ends or triggers visits or treatment: progression, death.
/// <see cref="After"/> names the anchors or events it never comes before; a <see cref="Terminal"/> event
/// (death) ends the subject's participation.
/// </summary>
public sealed record EventModel(string Name, string Label, EquatableArray<string> After, bool Terminal, Origin Origin);

/// <summary>
/// A dose: value and unit, such as 240 mg, 3 mg/kg, 1000 mg/m2, AUC 5, or a daily dose such as 400 mg/d or 20 mg/kg/d;
/// <see cref="Maximum"/> caps a dose per body weight, body surface or AUC in an absolute amount (<c>dose 3 mg/kg max 240 mg</c>).
/// </summary>
public sealed record DoseModel(double Value, string Unit, DoseModel? Maximum = null);

/// <summary>Days <see cref="First"/> to <see cref="Last"/> of a cycle, both included; a single day is a range of one.</summary>
public readonly record struct DayRange(int First, int Last);

/// <summary>
/// One phase of a regimen (induction, maintenance), or the whole regimen when it has no phases. <see cref="CycleDays"/> are
/// as written (<c>1..14</c> is one range); <see cref="DosesPerDay"/> is how many times the dose is given on each of them
/// (<c>doses_per_day 2</c>: twice daily), null when the protocol does not say.
/// </summary>
public sealed record RegimenModel(
    string Phase,
    DoseModel? Dose,
    string? Route,
    int? EveryDays,
    EquatableArray<DayRange> CycleDays,
    int? Cycles,
    EquatableArray<string> Until,
    Origin Origin,
    int? DosesPerDay = null);

/// <summary>A drug, biological, radiation, procedure or device given in an arm.</summary>
public sealed record InterventionModel(string Name, string Label, string Kind, string? Description, EquatableArray<RegimenModel> Regimens, Origin Origin);

/// <summary>An arm: its type, description, the interventions it receives and its allocation ratio.</summary>
public sealed record ArmModel(string Name, string Label, string Kind, string? Description, EquatableArray<string> Interventions, int Ratio, Origin Origin);

/// <summary>How subjects are randomized: stratification factors (form fields) and method.</summary>
public sealed record RandomizationModel(string? Method, EquatableArray<string> StratifyBy, Origin Origin);

/// <summary>A code of a code list and its label.</summary>
public sealed record CodeModel(string Code, string Label);

/// <summary>A code list: coded answers such as RECIST responses or ECOG scores.</summary>
public sealed record CodeListModel(string Name, string Label, EquatableArray<CodeModel> Codes, Origin Origin);

/// <summary>Limits on a numeric, quantity or date field, inclusive; a missing bound is open.</summary>
public sealed record LimitModel(double? Lower, double? Upper, string? Unit);

/// <summary>A field of a case report form.</summary>
public sealed record FieldModel(
    string Name,
    string Label,
    string DataType,
    string? CodeList,
    string? Unit,
    bool Required,
    LimitModel? HardLimit,
    LimitModel? SoftLimit,
    BoundExpression? ShownWhen,
    string? ShownWhenText,
    Origin Origin);

/// <summary>A case report form: its fields, and whether it repeats (adverse events, medications).</summary>
public sealed record FormModel(string Name, string Label, bool Repeating, EquatableArray<FieldModel> Fields, Origin Origin);

/// <summary>
/// An eligibility criterion with its original text. <see cref="Condition"/> is what it computes
/// (for an inclusion: the criterion is met when true; for an exclusion: the subject is excluded when true);
/// <see cref="AttestedBy"/> names the role that must confirm it.
/// </summary>
public sealed record CriterionModel(
    string Id,
    string Category,
    string Text,
    BoundExpression? Condition,
    string? ConditionText,
    string? AttestedBy,
    EquatableArray<string> Reads,
    Origin Origin);

/// <summary>
/// A visit of the schedule: a single visit at a nominal study day, a repeating visit, a visit placed relative
/// to another anchor, or an unscheduled visit; with its window and what is collected. <see cref="OffsetDays"/> is an
/// <c>at</c> visit's offset from its anchor or event, or a repeating visit's first occurrence's offset from its anchor
/// (<c>every 6 weeks from first_dose + 6 weeks</c>: 42; null when it falls on the anchor's date).
/// </summary>
public sealed record VisitModel(
    string Name,
    string Label,
    string Timing,
    string Anchor,
    int? Day,
    int? LastDay,
    int WindowBefore,
    int WindowAfter,
    int? OffsetDays,
    int? EveryDays,
    string Anchoring,
    EquatableArray<string> Until,
    int? MaxCount,
    EquatableArray<string> Collect,
    EquatableArray<string> Activities,
    Origin Origin);

/// <summary>
/// An endpoint: its level, what it measures and from which data, over which time frame; and, for the kinds the
/// generated code derives (objective_response, time_to_event, incidence), the part each data field plays. An
/// objective_response endpoint may also give RECIST 1.1's confirmation: <see cref="ConfirmationDays"/>
/// (<c>confirm_response</c>), the least days between a CR or PR and the assessment that confirms it, and
/// <see cref="StableDiseaseMinimumDays"/> (<c>stable_disease_minimum</c>), the least days from the start to an
/// assessment of stable disease; null when not given. A time_to_event endpoint may give <see cref="CensorAfterGapDays"/>
/// (<c>censor_after_gap</c>): an event more than that many days after the last adequate tumor assessment (or the start)
/// is censored there. An incidence endpoint may give <see cref="OnsetWithinDays"/> (<c>onset_within</c>): only events with
/// an onset on one of the first that many days from the start count (a dose-limiting toxicity period); and
/// <see cref="CountWhen"/> (<c>count_when</c>): a condition on each event's own form that says which events count; and
/// <see cref="LastDoseField"/> with <see cref="DaysAfterLastDose"/> (<c>onset_until last Dosing.date + 30 days</c>): only events with an
/// onset at most that many days after the last dose's date count (treatment-emergent); with <see cref="AfterEachDose"/>
/// (<c>onset_until each Dosing.date + 6 days</c>), only events with an onset from a dose's date to that many days after it
/// (a vaccine's solicited reactions in the 7 days after each dose).
/// </summary>
public sealed record EndpointModel(
    string Name,
    string Level,
    string Title,
    string Kind,
    EquatableArray<string> Data,
    string? Start,
    EquatableArray<string> Events,
    string? Censoring,
    string? TimeFrame,
    Origin Origin,
    EquatableArray<EndpointRoleModel> Roles = default,
    int? ConfirmationDays = null,
    int? StableDiseaseMinimumDays = null,
    int? CensorAfterGapDays = null,
    int? OnsetWithinDays = null,
    BoundExpression? CountWhen = null,
    string? CountWhenText = null,
    string? LastDoseField = null,
    int? DaysAfterLastDose = null,
    EquatableArray<EventConditionModel> EventConditions = default,
    bool AfterEachDose = false);

/// <summary>
/// Which records of the form that dates <see cref="Event"/> are that event (<c>event_date major_bleeding Outcomes.bleed_date
/// when Outcomes.bleed_class == Bleeding.major</c>): a condition read from each record, with its text as written.
/// </summary>
public sealed record EventConditionModel(string Event, BoundExpression Condition, string Text);

/// <summary>
/// The part a form field plays in an endpoint's derivation. Roles: <c>response</c> (a RECIST 1.1 coded field) and
/// <c>response_date</c>; <c>status</c> (a vital status coded with <c>dead</c>), <c>status_date</c> and <c>death_date</c>;
/// <c>term</c>, <c>grade</c> and <c>onset</c> of adverse events; <c>new_therapy</c>; and <c>event_date</c>, the date field of
/// another event of a time-to-event endpoint, named by <see cref="Event"/> (null for every other role).
/// </summary>
public sealed record EndpointRoleModel(string Role, string Form, string Field, string? Event = null);
