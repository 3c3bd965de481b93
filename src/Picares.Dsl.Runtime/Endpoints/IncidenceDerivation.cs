using System;
using System.Collections.Generic;
using System.Linq;
using static Picares.Dsl.Runtime.Endpoints.ObjectiveResponseDerivation;

namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>A subject's worst CTCAE grade of one adverse-event term, and the record that has it.</summary>
public sealed record TermWorstGrade(string Term, int WorstGrade, AdverseEventRecord Record);

/// <summary>One subject's adverse events as the incidence endpoint counts them: the worst grade per term and overall.</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="Start">The start date; events with an onset before it are not counted.</param>
/// <param name="IsAnalysed">False when the subject has no start date, or when what it counts cannot be told yet (see
/// <see cref="NotAnalysedBecause"/>): such a subject is left out of the summary's denominators rather than counted as without events.</param>
/// <param name="WorstGrade">The worst grade of any counted event; null when none.</param>
/// <param name="Terms">The worst grade per term (terms compared ignoring case and surrounding white space), by term; events without a
/// term are under <see cref="IncidenceDerivation.TermNotRecorded"/>.</param>
/// <param name="Used">The events counted.</param>
/// <param name="NotUsed">The events not counted, with the reason.</param>
public sealed record SubjectIncidence(string SubjectId, DateTime? Start, bool IsAnalysed, int? WorstGrade, IReadOnlyList<TermWorstGrade> Terms,
    IReadOnlyList<AdverseEventRecord> Used, IReadOnlyList<UnusedRecord> NotUsed)
{
    /// <summary>Why the subject is not analysed, when it is not: no start date, an event whose <c>count_when</c> cannot be told, or a
    /// period of onset that the data cut-off ends early; null when it is analysed.</summary>
    public string? NotAnalysedBecause { get; init; }
}

/// <summary>
/// Derives the adverse-event incidence of one subject: events with a CTCAE grade 1 to 5 and an onset on or after the start
/// (treatment-emergent) and not after the data cut-off are counted; each subject counts once per term, at the worst grade.
/// An event whose term is missing is still an adverse event: it counts for any event and under
/// <see cref="TermNotRecorded"/>, as a safety table shows uncoded events, rather than leaving its subject without events.
/// Events without a grade or onset, with a grade outside 1..5, or outside the period are listed as not used.
/// An endpoint may count fewer: only events with an onset on one of the first days from the start (<c>onset_within</c>, such as
/// a dose-limiting toxicity period), and only events that meet a condition (<c>count_when</c>); an event for which the
/// condition cannot be told, since a field it reads is missing, is not counted and is listed as such, never taken as met.
/// </summary>
public static class IncidenceDerivation
{
    /// <summary>The comparer of terms: ordinal, ignoring case.</summary>
    public static StringComparer TermComparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>The term under which events without a term count: in parentheses, so that it reads as no term a site would write.</summary>
    public const string TermNotRecorded = "(term not recorded)";

    // The term an event counts under: its own, trimmed, or TermNotRecorded.
    internal static string TermOf(AdverseEventRecord record) => string.IsNullOrWhiteSpace(record.Term) ? TermNotRecorded : record.Term!.Trim();

    /// <summary>Derives one subject's incidence.</summary>
    /// <param name="subjectId">The subject.</param>
    /// <param name="startAnchor">The anchor the endpoint starts at (first_dose); null when it has none, and every event counts.</param>
    /// <param name="start">The subject's date of that anchor; a subject without it is not analysed.</param>
    /// <param name="records">The subject's adverse events.</param>
    /// <param name="dataCutoff">When given, events with an onset after it are not counted.</param>
    /// <param name="onsetWithinDays">When given, only events with an onset on one of the first this many days from the start
    /// (the start's day is the first) are counted.</param>
    /// <param name="countWhen">The endpoint's <c>count_when</c> condition as written, for the reasons of the events that do not
    /// meet it (<see cref="AdverseEventRecord.MeetsCondition"/>); null when it has none.</param>
    /// <param name="doses">With <paramref name="daysAfterLastDose"/> (the protocol's <c>onset_until last</c>), the subject's doses: only events
    /// with an onset at most that many days after the last dose's date on or before the cut-off count (treatment-emergent). A
    /// subject without a dated dose is not analysed; with a dose whose date is missing, an event after the last dated dose's
    /// period cannot be placed, and leaves the subject out only when it would make the worst grade worse.</param>
    /// <param name="daysAfterLastDose">How many days after the last dose an onset still counts (0 or more).</param>
    /// <param name="afterEachDose">With <paramref name="doses"/> (the protocol's <c>onset_until each</c>): only events with an onset from a
    /// dose's date to <paramref name="daysAfterLastDose"/> days after it count, after any dose (a vaccine's solicited reactions
    /// in the 7 days after each dose: 6 days after). With a dose whose date is missing, an event outside every dated dose's
    /// period cannot be placed, and leaves the subject out only when it would make the worst grade worse.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="records"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="onsetWithinDays"/> is less than 1, or <paramref name="daysAfterLastDose"/> less than 0.</exception>
    public static SubjectIncidence Derive(string subjectId, string? startAnchor, DateTime? start, IEnumerable<AdverseEventRecord> records, DateTime? dataCutoff = null,
        int? onsetWithinDays = null, string? countWhen = null, IEnumerable<DoseRecord>? doses = null, int? daysAfterLastDose = null, bool afterEachDose = false)
    {
        if (onsetWithinDays is < 1) throw new ArgumentOutOfRangeException(nameof(onsetWithinDays), onsetWithinDays, "The period of onset is at least one day.");
        if (daysAfterLastDose is < 0) throw new ArgumentOutOfRangeException(nameof(daysAfterLastDose), daysAfterLastDose, "The days after the last dose are 0 or more.");
        if (records is null) throw new ArgumentNullException(nameof(records));
        var all = records.ToList();
        if (startAnchor is not null && start is null)
        {
            var reason = $"the subject has no {startAnchor} date";
            return new(subjectId, null, false, null, Array.Empty<TermWorstGrade>(), Array.Empty<AdverseEventRecord>(), all.Select(r => new UnusedRecord(r, reason)).ToList())
            {
                NotAnalysedBecause = reason,
            };
        }

        var used = new List<AdverseEventRecord>();
        var notUsed = new List<UnusedRecord>();
        // The end of a treatment-emergent period: the last dose's date, on or before the cut-off, plus the days after it. A dose
        // without a date can only make the last dose later: every onset up to the last dated dose plus the days counts, and one
        // after it cannot be placed.
        DateTime? lastDose = null;
        DoseRecord? undated = null;
        var doseDays = new List<DateTime>(); // with afterEachDose, every dated dose's day on or before the cut-off, in order
        if (daysAfterLastDose is not null)
            foreach (var dose in doses ?? Array.Empty<DoseRecord>())
                if (dose.Date is not { } given) undated ??= dose;
                else if (dataCutoff is { } cut && given.Date > cut.Date) notUsed.Add(new UnusedRecord(dose, $"after the data cut-off ({Day(cut)})"));
                else
                {
                    if (lastDose is null || given.Date > lastDose) lastDose = given.Date;
                    doseDays.Add(given.Date);
                }
        doseDays.Sort();
        // After each dose: whether an onset falls on a dose's day or at most the days after it (the latest dose on or before it decides).
        bool AfterADose(DateTime onset)
        {
            int i = doseDays.BinarySearch(onset.Date);
            if (i < 0) i = ~i - 1;
            return i >= 0 && (onset.Date - doseDays[i]).TotalDays <= daysAfterLastDose!.Value;
        }
        var doseWindow = afterEachDose ? $"within {daysAfterLastDose} days after a dose" : $"within {daysAfterLastDose} days of the last dose";
        AdverseEventRecord? untold = null; // the worst event that would count but for a count_when that cannot be told
        AdverseEventRecord? unplaced = null; // the worst event after the last dated dose's period, with a dose undated
        AdverseEventRecord? undatedEvent = null, ungraded = null; // the worst event without an onset date, the first without a grade
        var condition = countWhen ?? "(the endpoint's condition)";
        var cannotBeTold = $"count_when {condition} cannot be told: a field it reads is missing";
        var cannotBePlaced = undated is null || lastDose is null ? null
            : afterEachDose ? $"onset not within {daysAfterLastDose} days after a dated dose, and {undated.Reference} has no date: whether it falls in the period cannot be told"
            : $"onset more than {daysAfterLastDose} days after the last dated dose ({Day(lastDose.Value)}), and {undated.Reference} has no date: whether it falls in the period cannot be told";
        // Why an onset falls outside the endpoint's period (before the start, after the cut-off, past onset_within or the days
        // after the last dose), or null: for the events counted, and for those whose grade is missing.
        string? OutsidePeriod(DateTime onset) =>
            start is { } s && onset.Date < s.Date ? $"onset before the start ({Day(s)})"
            : dataCutoff is { } cutoff && onset.Date > cutoff.Date ? $"onset after the data cut-off ({Day(cutoff)})"
            : onsetWithinDays is { } days && start is { } from && (onset.Date - from.Date).TotalDays >= days
                ? $"onset after the first {days} days from the start (on or after {Day(from.Date.AddDays(days))})"
            : afterEachDose && daysAfterLastDose is { } each && lastDose is not null && !AfterADose(onset)
                ? cannotBePlaced ?? $"onset not on the day of a dose or in the {each} days after it"
            : !afterEachDose && daysAfterLastDose is { } after && lastDose is { } last && (onset.Date - last).TotalDays > after
                ? cannotBePlaced ?? $"onset more than {after} days after the last dose ({Day(last)})"
            : null;
        foreach (var record in all)
        {
            string? reason = record.Grade is not { } grade ? "no grade"
                : grade is < 1 or > 5 ? $"grade {grade} is not a CTCAE grade (1 to 5)"
                : record.Onset is not { } onset ? "no onset date"
                : OutsidePeriod(onset) is { } outside ? outside
                : record.MeetsCondition is false ? $"does not meet count_when {condition}"
                : record.MeetsCondition is null ? cannotBeTold
                : null;
            if (reason is null) used.Add(record);
            else notUsed.Add(new UnusedRecord(record, reason));
            if (ReferenceEquals(reason, cannotBeTold) && (untold is null || record.Grade > untold.Grade)) untold = record;
            if (reason is not null && ReferenceEquals(reason, cannotBePlaced) && (unplaced is null || record.Grade > unplaced.Grade)) unplaced = record;
            // An event without its onset date may or may not be in the period; one without its grade (but an
            // onset in it) is an event of a grade not known. Either may change the result.
            // (Only one the endpoint's other rules would count: not outside a known period, not failing count_when.)
            if (record.MeetsCondition is not false)
            {
                if (record.Grade is int g && g is >= 1 and <= 5 && record.Onset is null && (undatedEvent is null || g > undatedEvent.Grade))
                    undatedEvent = record;
                if (record.Grade is null && record.Onset is { } on && ungraded is null && OutsidePeriod(on) is null)
                    ungraded = record;
            }
        }

        var terms = used
            .GroupBy(TermOf, TermComparer)
            .Select(g =>
            {
                var worst = g.First(r => r.Grade == g.Max(x => x.Grade));
                return new TermWorstGrade(g.Key, worst.Grade!.Value, worst);
            })
            .OrderBy(t => t.Term == TermNotRecorded).ThenBy(t => t.Term, TermComparer).ThenBy(t => t.Term, StringComparer.Ordinal)
            .ToList();
        // Missing data never count as a subject without the event: a subject with an event that may or may not count and would
        // make its worst grade worse (or its only event), or whose period of onset the cut-off ends before its last day with
        // nothing counted yet, is not analysed, and says why. An event already counted is never dropped for another unknown one.
        var worst = used.Count == 0 ? (int?)null : used.Max(r => r.Grade);
        // The onset_within period's last day, brought forward by the end of the period after the last dose when that comes first.
        var periodDays = onsetWithinDays is { } within ? within - 1 : (int?)null;
        if (periodDays is { } days0 && start is { } begin && lastDose is { } lastKnown && undated is null && daysAfterLastDose is { } afterDays)
            periodDays = (int)Math.Min(days0, (lastKnown - begin.Date).TotalDays + afterDays);
        string? notAnalysed = daysAfterLastDose is not null && lastDose is null
            ? undated is not null ? $"no dose has a date ({undated.Reference} has none): the period after the last dose has no known end"
                : "no dose is recorded on or before the cut-off: the period after the last dose has no end"
            : undatedEvent is not null && (worst is null || undatedEvent.Grade > worst)
            ? $"the onset date of {undatedEvent.Reference} is missing: whether it counts cannot be told"
            : ungraded is not null && worst is not 5
            ? $"the grade of {ungraded.Reference} is missing: the subject's worst grade cannot be told"
            : unplaced is not null && (worst is null || unplaced.Grade > worst)
            ? $"whether {unplaced.Reference} falls {doseWindow} cannot be told: {undated!.Reference} has no date"
            : untold is not null && (worst is null || untold.Grade > worst)
            ? $"whether {untold.Reference} counts cannot be told (count_when {condition}: a field it reads is missing)"
            : used.Count == 0 && periodDays is { } last0 && start is { } first && dataCutoff is { } end && (end.Date - first.Date).TotalDays < last0
                ? $"its {onsetWithinDays}-day period of onset ends after the data cut-off ({Day(end)}), with no event counted so far"
                : null;
        return new(subjectId, start, notAnalysed is null, worst, terms, used, notUsed) { NotAnalysedBecause = notAnalysed };
    }
}

/// <summary>One line of an incidence table: subjects by their worst grade, and the proportions with any grade and grade 3 or worse.</summary>
/// <param name="Term">The term, or "Any adverse event".</param>
/// <param name="ByWorstGrade">Subjects whose worst grade is 1, 2, 3, 4, 5 (indexes 0 to 4); each subject counts once.</param>
/// <param name="AnyGrade">Subjects with any grade out of the analysed subjects, with the Clopper-Pearson interval.</param>
/// <param name="Grade3OrWorse">Subjects with a worst grade of 3 or more out of the analysed subjects.</param>
public sealed record IncidenceRow(string Term, IReadOnlyList<int> ByWorstGrade, ProportionEstimate AnyGrade, ProportionEstimate Grade3OrWorse)
{
    /// <summary>The subjects whose worst grade is <paramref name="grade"/> (1 to 5).</summary>
    public int SubjectsAtWorstGrade(int grade) => grade is >= 1 and <= 5 ? ByWorstGrade[grade - 1] : throw new ArgumentOutOfRangeException(nameof(grade), grade, "CTCAE grades are 1 to 5.");
}

/// <summary>The adverse-event incidence of a set of subjects, overall and per term.</summary>
/// <param name="Subjects">Every subject given.</param>
/// <param name="Analysed">The subjects analysed: the denominator.</param>
/// <param name="AnyEvent">Subjects by their worst grade of any event.</param>
/// <param name="Terms">One row per term, the most frequent first, then by term; the row of events without a term last.</param>
public sealed record IncidenceSummary(int Subjects, int Analysed, IncidenceRow AnyEvent, IReadOnlyList<IncidenceRow> Terms)
{
    /// <summary>The row name of <see cref="AnyEvent"/>.</summary>
    public const string AnyEventTerm = "Any adverse event";

    /// <summary>Summarizes per-subject derivations; a term is shown as first written by the first subject that has it, and the
    /// row of events without a term (<see cref="IncidenceDerivation.TermNotRecorded"/>) comes last.</summary>
    /// <param name="subjects">The derivations.</param>
    /// <param name="confidenceLevel">The two-sided confidence level of the intervals.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="subjects"/> is null.</exception>
    public static IncidenceSummary Summarize(IEnumerable<SubjectIncidence> subjects, double confidenceLevel = 0.95)
    {
        if (subjects is null) throw new ArgumentNullException(nameof(subjects));
        var all = subjects.ToList();
        var analysed = all.Where(s => s.IsAnalysed).ToList();
        IncidenceRow Row(string term, IEnumerable<int> worstGrades)
        {
            var byGrade = new int[5];
            foreach (var g in worstGrades) byGrade[g - 1]++;
            return new IncidenceRow(term, byGrade,
                ProportionEstimate.ClopperPearson(byGrade.Sum(), analysed.Count, confidenceLevel),
                ProportionEstimate.ClopperPearson(byGrade[2] + byGrade[3] + byGrade[4], analysed.Count, confidenceLevel));
        }

        var any = Row(AnyEventTerm, analysed.Where(s => s.WorstGrade is not null).Select(s => s.WorstGrade!.Value));
        var terms = analysed.SelectMany(s => s.Terms)
            .GroupBy(t => t.Term, IncidenceDerivation.TermComparer)
            .Select(g => Row(g.First().Term, g.Select(t => t.WorstGrade)))
            .OrderBy(r => r.Term == IncidenceDerivation.TermNotRecorded).ThenByDescending(r => r.AnyGrade.Count).ThenBy(r => r.Term, IncidenceDerivation.TermComparer).ThenBy(r => r.Term, StringComparer.Ordinal)
            .ToList();
        return new(all.Count, analysed.Count, any, terms);
    }
}
