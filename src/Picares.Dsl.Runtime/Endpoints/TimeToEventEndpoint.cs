using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static Picares.Dsl.Runtime.Endpoints.ObjectiveResponseDerivation;

namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>When a subject without the event is censored.</summary>
public enum CensoringRule
{
    /// <summary>At the last adequate tumour assessment: the last post-baseline response CR, PR or SD; at the start without one.</summary>
    LastAssessment,
    /// <summary>At the last contact with the subject alive; at the start without one.</summary>
    LastKnownAlive,
    /// <summary>At the data cut-off date.</summary>
    EndOfStudy,
}

/// <summary>A time-to-event endpoint as the protocol defines it: where time starts, the events that end it, and the censoring.</summary>
/// <param name="Name">The endpoint's name (PFS).</param>
/// <param name="StartAnchor">The anchor time is counted from (first_dose).</param>
/// <param name="Progression">True when progression (the first PD) is an event.</param>
/// <param name="Death">True when death is an event.</param>
/// <param name="Censoring">When subjects without an event are censored.</param>
/// <param name="CensorAfterGapDays">
/// When given, an event more than this many days after the last adequate tumour assessment on or before its day (CR, PR or
/// SD; the start when there is none) is censored at that assessment: the event followed missed assessments, so when it began is
/// not known (the protocol's <c>censor_after_gap</c>; FDA guidance on cancer endpoints, 2018).
/// </param>
public sealed record TimeToEventDefinition(string Name, string StartAnchor, bool Progression, bool Death, CensoringRule Censoring, int? CensorAfterGapDays = null);

/// <summary>One subject's time-to-event observation, what it rests on, and the records not used.</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="Start">The start date.</param>
/// <param name="Observation">Days from the start to the event or the censoring; null when the subject is not analysed.</param>
/// <param name="Event">"progression", "death" or another event of the protocol (from its <c>event_date</c>); null when censored or not analysed.</param>
/// <param name="Date">The date of the event or of the censoring.</param>
/// <param name="Basis">In words, what decided the observation.</param>
/// <param name="Used">The records the observation rests on (the event's, or the censoring's, and a new therapy that censored it); empty when censored at the start for want of any record.</param>
/// <param name="NotUsed">Records that could not be used, with the reason.</param>
public sealed record SubjectTimeToEvent(string SubjectId, DateTime? Start, SurvivalObservation? Observation, string? Event, DateTime? Date, string Basis,
    IReadOnlyList<EndpointRecord> Used, IReadOnlyList<UnusedRecord> NotUsed)
{
    /// <summary>True when the subject has an observation.</summary>
    public bool IsAnalysed => Observation is not null;
}

/// <summary>
/// Derives time-to-event observations (progression-free survival, overall survival) from the records of tumour
/// assessments and survival contacts, by calendar day (the start day is day 0):
/// <list type="bullet">
/// <item>progression is the date of the first post-baseline assessment with PD;</item>
/// <item>death is the earliest date of death (the record's date of death, or its contact date when that is missing) of a record with status dead;</item>
/// <item>another event of the protocol is the earliest date its <c>event_date</c> field records (<see cref="DatedEventRecord"/>);</item>
/// <item>the event is the earliest of these (on one day: progression, then death, then the others in the order given);</item>
/// <item>without an event the subject is censored by the rule: at the last adequate assessment (CR, PR or SD), at the last
/// contact alive, or at the data cut-off; with no such record, at the start (day 0).</item>
/// <item>with new anticancer therapies given, a subject who starts one before the event (or without one) is censored at the
/// last adequate assessment on or before its start.</item>
/// <item>with <see cref="TimeToEventDefinition.CensorAfterGapDays"/>, an event more than that many days after the last
/// adequate assessment on or before its day (or after the start, without one) is censored at that assessment (or the start).</item>
/// </list>
/// Records without a date or a status, before the start, or after the data cut-off are not used and are listed with the reason.
/// </summary>
public static class TimeToEventEndpoint
{
    /// <summary>Derives one subject's observation.</summary>
    /// <param name="definition">The endpoint.</param>
    /// <param name="subjectId">The subject.</param>
    /// <param name="start">The subject's date of the start anchor; a subject without it is not analysed.</param>
    /// <param name="assessments">The subject's tumour assessments (empty when the endpoint does not read them).</param>
    /// <param name="statuses">The subject's survival contacts (empty when the endpoint does not read them).</param>
    /// <param name="dataCutoff">When given, records after it are not used; needed for <see cref="CensoringRule.EndOfStudy"/>.</param>
    /// <param name="newTherapies">
    /// When given (the protocol's <c>censor_at_new_therapy</c>), the subject's new anticancer therapies: a subject who starts
    /// one before the event, or without an event, is censored at the last adequate assessment on or before the earliest
    /// one's start (at the start without one), whatever the censoring rule (FDA guidance on cancer endpoints, 2018).
    /// </param>
    /// <param name="datedEvents">
    /// When given, the records of the endpoint's other events (its <c>event_date</c> statements): a record with a date on or
    /// after the start is the event on that date, unless the statement's condition rules it out; one without a date records
    /// no event. A record the condition cannot be told of, dated before the event found (or with none) and not after a new
    /// therapy that censors first, leaves the subject unanalysed, with the reason: missing data never make a subject event-free.
    /// </param>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static SubjectTimeToEvent Derive(TimeToEventDefinition definition, string subjectId, DateTime? start,
        IEnumerable<ResponseRecord> assessments, IEnumerable<VitalStatusRecord> statuses, DateTime? dataCutoff = null,
        IEnumerable<TherapyRecord>? newTherapies = null, IEnumerable<DatedEventRecord>? datedEvents = null)
    {
        if (definition is null) throw new ArgumentNullException(nameof(definition));
        if (assessments is null) throw new ArgumentNullException(nameof(assessments));
        if (statuses is null) throw new ArgumentNullException(nameof(statuses));
        var responses = assessments.ToList();
        var contacts = statuses.ToList();
        var therapies = newTherapies?.ToList() ?? new List<TherapyRecord>();
        var dated = datedEvents?.ToList() ?? new List<DatedEventRecord>();
        var notUsed = new List<UnusedRecord>();
        if (start is not { } startDate)
        {
            var reason = $"the subject has no {definition.StartAnchor} date";
            notUsed.AddRange(responses.Select(r => new UnusedRecord(r, reason)));
            notUsed.AddRange(contacts.Select(r => new UnusedRecord(r, reason)));
            notUsed.AddRange(therapies.Select(r => new UnusedRecord(r, reason)));
            notUsed.AddRange(dated.Select(r => new UnusedRecord(r, reason)));
            return new(subjectId, null, null, null, null, reason, Array.Empty<EndpointRecord>(), notUsed);
        }
        startDate = startDate.Date;

        var usableAssessments = new List<(ResponseRecord Record, RecistResponse Response)>();
        foreach (var record in responses)
        {
            if (Unusable(record, startDate, dataCutoff, out var response) is { } reason) notUsed.Add(new UnusedRecord(record, reason));
            else usableAssessments.Add((record, response));
        }
        usableAssessments = usableAssessments.OrderBy(a => a.Record.Date!.Value).ToList();

        var usableContacts = new List<(VitalStatusRecord Record, DateTime Date)>();
        foreach (var record in contacts)
        {
            var date = record.IsDead ? record.DeathDate ?? record.Date : record.Date;
            string? reason = record.Date is null && date is null ? "no contact date"
                : record.Status is null ? "no vital status"
                : !record.IsDead && !record.IsAlive ? $"vital status '{record.Status}' is neither alive nor dead"
                : OutsideTheStudy(date!.Value, startDate, dataCutoff);
            if (reason is not null) notUsed.Add(new UnusedRecord(record, reason));
            else usableContacts.Add((record, date!.Value.Date));
        }
        usableContacts = usableContacts.OrderBy(c => c.Date).ToList();

        (EndpointRecord Record, DateTime Date, string Event, string Basis)? found = null;
        if (definition.Progression && usableAssessments.FirstOrDefault(a => a.Response == RecistResponse.PD) is { Record: not null } pd)
            found = (pd.Record, pd.Record.Date!.Value.Date, "progression", $"PD at {pd.Record.Reference}");
        if (definition.Death && usableContacts.FirstOrDefault(c => c.Record.IsDead) is { Record: not null } death &&
            (found is null || death.Date < found.Value.Date))
            found = (death.Record, death.Date, "death",
                death.Record.DeathDate is null ? $"death at {death.Record.Reference} (no date of death: the contact date)" : $"death at {death.Record.Reference}");
        // The other events: the earliest recorded date of each, on or after the start and not after the cut-off. An occurrence
        // without a date is read as recording no event, and is listed so, since on a form of one occurrence per event it may
        // be an event whose date is missing.
        // A record its event_date's condition rules out is not the event; one the condition cannot be told of is the earliest
        // such (untold), which leaves the subject unanalysed if it comes before whatever else decides the observation.
        DatedEventRecord? untold = null, undatedEvent = null;
        foreach (var record in dated)
        {
            if (record.Date is not { } when)
            {
                // Without a condition, an occurrence without the date records no event; one its condition says is (or may be) the
                // event is an event whose date is missing.
                if (record.Condition is not null && record.IsEvent is not false)
                {
                    notUsed.Add(new UnusedRecord(record, $"no date: {(record.IsEvent is true ? "a" : "perhaps a")} {record.Event} whose date is missing"));
                    undatedEvent ??= record;
                }
                else notUsed.Add(new UnusedRecord(record, $"no date: read as no {record.Event}"));
                continue;
            }
            var outside = OutsideTheStudy(when, startDate, dataCutoff);
            string? reason = outside
                ?? (record.IsEvent is false ? $"not a {record.Event}: does not meet {record.Condition ?? "its condition"}"
                : record.IsEvent is null ? $"whether it is a {record.Event} cannot be told: {record.Condition ?? "its condition"} reads a missing field"
                : null);
            if (reason is not null)
            {
                notUsed.Add(new UnusedRecord(record, reason));
                if (record.IsEvent is null && outside is null && (untold is null || when.Date < untold.Date!.Value.Date)) untold = record;
            }
            else if (found is null || when.Date < found.Value.Date) found = (record, when.Date, record.Event, $"{record.Event} at {record.Reference}");
        }

        // The last adequate assessment on or before a day, which each censoring at an assessment below starts from.
        ResponseRecord? LastAdequate(DateTime onOrBefore) =>
            usableAssessments.LastOrDefault(a => a.Record.Date!.Value.Date <= onOrBefore && IsAdequate(a.Response)).Record;
        // A censored observation, resting on the records given (those that are null left out).
        SubjectTimeToEvent Censored(DateTime at, string text, params EndpointRecord?[] basis) =>
            new(subjectId, startDate, TimeToEventDerivation.Derive(startDate, null, at), null, at, text,
                basis.Where(r => r is not null).Select(r => r!).ToArray(), notUsed);

        // A new anticancer therapy started before the event (or with none): the disease is no longer followed untreated,
        // so the subject is censored at the last adequate assessment on or before the therapy's start.
        TherapyRecord? therapy = null;
        foreach (var record in therapies)
        {
            string? reason = record.Date is null ? "no start date" : OutsideTheStudy(record.Date.Value, startDate, dataCutoff);
            if (reason is not null) notUsed.Add(new UnusedRecord(record, reason));
            else if (therapy is null || record.Date!.Value.Date < therapy.Date!.Value.Date) therapy = record;
        }
        // An event whose date is missing may come before anything else: the observation cannot be told.
        if (undatedEvent is not null && (found is null || found.Value.Date > startDate))
            return new(subjectId, startDate, null, null, null,
                $"the date of {undatedEvent.Reference}, {(undatedEvent.IsEvent is true ? "a" : "perhaps a")} {undatedEvent.Event}, is missing: whether it comes first cannot be told",
                Array.Empty<EndpointRecord>(), notUsed);
        var decided = Decide(found);
        // Missing data never make a subject event-free: a record that may be the event, before the event found (or with none),
        // is taken both ways; when the two observations differ (not when a new therapy or censor_after_gap censors both at
        // one day), the observation cannot be told.
        if (untold is { Date: { } untoldDate } && (found is null || untoldDate.Date < found.Value.Date))
        {
            var ifEvent = Decide((untold, untoldDate.Date, untold.Event, $"{untold.Event} at {untold.Reference}"));
            if (ifEvent.Observation != decided.Observation || ifEvent.Event != decided.Event)
                return new(subjectId, startDate, null, null, null,
                    $"whether {untold.Reference} on {Day(untoldDate.Date)} is a {untold.Event} cannot be told ({untold.Condition ?? "its condition"} reads a missing field), and it would decide the observation",
                    Array.Empty<EndpointRecord>(), notUsed);
        }
        return decided;

        // The observation, given the event found (or none).
        SubjectTimeToEvent Decide((EndpointRecord Record, DateTime Date, string Event, string Basis)? found)
        {
            if (therapy is not null && (found is null || found.Value.Date > therapy.Date!.Value.Date))
            {
                var therapyStart = therapy.Date!.Value.Date;
                var before = LastAdequate(therapyStart);
                var since = before is null ? "the start, with no adequate assessment on or before" : $"the last adequate assessment, {before.Reference}, on or before";
                return Censored(before?.Date!.Value.Date ?? startDate, $"censored at {since} the new anticancer therapy of {Day(therapyStart)} ({therapy.Reference})",
                    before, therapy);
            }

            if (found is { } e)
            {
                if (definition.CensorAfterGapDays is { } gap)
                {
                    // The last adequate assessment on or before the event's day: an event long after it followed missed assessments.
                    var last = LastAdequate(e.Date);
                    var from = last?.Date!.Value.Date ?? startDate;
                    var days = (e.Date - from).TotalDays;
                    if (days > gap)
                    {
                        var since = last is null ? "the start, with no adequate assessment on or before its day" : $"the last adequate assessment, {last.Reference}";
                        return Censored(from, $"censored at {since}: the {e.Event} on {Day(e.Date)} came {((int)days).ToString(CultureInfo.InvariantCulture)} days after it, " +
                            $"more than the {gap.ToString(CultureInfo.InvariantCulture)} days censor_after_gap allows", last);
                    }
                }
                return new(subjectId, startDate, TimeToEventDerivation.Derive(startDate, e.Date, e.Date), e.Event, e.Date, e.Basis, new[] { e.Record }, notUsed);
            }

            EndpointRecord? basis = null;
            DateTime censoredAt = startDate;
            string text;
            switch (definition.Censoring)
            {
                case CensoringRule.LastAssessment:
                    var adequate = LastAdequate(DateTime.MaxValue);
                    if (adequate is not null) (basis, censoredAt) = (adequate, adequate.Date!.Value.Date);
                    text = adequate is null ? "censored at the start: no adequate post-baseline assessment" : $"censored at the last adequate assessment, {adequate.Reference}";
                    break;
                case CensoringRule.LastKnownAlive:
                    var alive = usableContacts.LastOrDefault(c => c.Record.IsAlive).Record;
                    if (alive is not null) (basis, censoredAt) = (alive, alive.Date!.Value.Date);
                    text = alive is null ? "censored at the start: never known alive after it" : $"censored at the last contact alive, {alive.Reference}";
                    break;
                default:
                    if (dataCutoff is not { } end)
                        return new(subjectId, startDate, null, null, null, "censoring at the end of the study needs a data cut-off date", Array.Empty<EndpointRecord>(), notUsed);
                    censoredAt = end.Date < startDate ? startDate : end.Date;
                    text = $"censored at the data cut-off ({Day(end)})";
                    break;
            }
            return Censored(censoredAt, text, basis);
        }
    }

    /// <summary>Why a record's date is not used: before the start or after the data cut-off; null when it is inside them.</summary>
    private static string? OutsideTheStudy(DateTime date, DateTime start, DateTime? dataCutoff) =>
        date.Date < start ? $"before the start ({Day(start)})"
        : dataCutoff is { } cutoff && date.Date > cutoff.Date ? $"after the data cut-off ({Day(cutoff)})"
        : null;

    /// <summary>An adequate tumour assessment: one that shows the disease has not progressed (CR, PR or SD; not PD or NE).</summary>
    private static bool IsAdequate(RecistResponse response) => response is RecistResponse.CR or RecistResponse.PR or RecistResponse.SD;
}

/// <summary>A time-to-event endpoint over a set of subjects: events, censorings and the Kaplan-Meier curve with its median.</summary>
/// <param name="Subjects">Every subject given.</param>
/// <param name="Analysed">The subjects with an observation.</param>
/// <param name="Events">The analysed subjects with the event.</param>
/// <param name="Censored">The analysed subjects censored.</param>
/// <param name="Curve">The Kaplan-Meier estimate over the analysed subjects, in days, with the median and its Brookmeyer-Crowley interval.</param>
public sealed record TimeToEventSummary(int Subjects, int Analysed, int Events, int Censored, KaplanMeierCurve Curve)
{
    /// <summary>Summarizes per-subject derivations.</summary>
    /// <param name="subjects">The derivations.</param>
    /// <param name="confidenceLevel">The two-sided confidence level of the median's interval.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="subjects"/> is null.</exception>
    public static TimeToEventSummary Summarize(IEnumerable<SubjectTimeToEvent> subjects, double confidenceLevel = 0.95)
    {
        if (subjects is null) throw new ArgumentNullException(nameof(subjects));
        var all = subjects.ToList();
        var observations = all.Where(s => s.Observation is not null).Select(s => s.Observation!.Value).ToList();
        return new(all.Count, observations.Count, observations.Count(o => o.Event), observations.Count(o => o.IsCensored),
            KaplanMeier.Estimate(observations, confidenceLevel));
    }
}
