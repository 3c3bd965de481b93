using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>One subject's objective response: the RECIST 1.1 best overall response and the assessments it rests on.</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="Start">The start date (first dose); assessments on or before it are baseline.</param>
/// <param name="Result">The best overall response; null when the subject is not analysed.</param>
/// <param name="Used">The assessments the best response is taken from, in date order, up to and including the first PD.</param>
/// <param name="NotUsed">Every other assessment, with the reason.</param>
/// <param name="NotAnalysedReason">Why the subject is not analysed (no start date); null when analysed.</param>
public sealed record SubjectObjectiveResponse(string SubjectId, DateTime? Start, BestOverallResponseResult? Result,
    IReadOnlyList<ResponseRecord> Used, IReadOnlyList<UnusedRecord> NotUsed, string? NotAnalysedReason)
{
    /// <summary>True when the subject counts in the denominator of the response rate.</summary>
    public bool IsAnalysed => Result is not null;

    /// <summary>True when the best overall response is CR or PR.</summary>
    public bool IsResponder => Result?.IsObjectiveResponse == true;
}

/// <summary>
/// Derives the objective response of one subject from the records of a RECIST 1.1 response field: records without
/// a date or a response, baseline records (on or before the start date) and records after a data cut-off are not
/// used; the best overall response is then <see cref="BestOverallResponse.Derive(IEnumerable{ResponseAssessment}, DateTime?)"/>
/// over the rest, so responses after the first PD do not count. A subject without post-baseline assessments is NE,
/// analysed and not a responder. Given a <see cref="ResponseConfirmation"/> (an endpoint's <c>confirm_response</c> and
/// <c>stable_disease_minimum</c>), the best response is RECIST 1.1's confirmed one, the minimum duration of SD counted from
/// the start date (<see cref="BestOverallResponse.Derive(IEnumerable{ResponseAssessment}, DateTime?, ResponseConfirmation?)"/>).
/// </summary>
public static class ObjectiveResponseDerivation
{
    /// <summary>Derives one subject's best overall response.</summary>
    /// <param name="subjectId">The subject.</param>
    /// <param name="startAnchor">The anchor the endpoint starts at (first_dose); null when the endpoint has no start, and every dated assessment counts.</param>
    /// <param name="start">The subject's date of that anchor; a subject without it is not analysed.</param>
    /// <param name="records">The subject's assessments.</param>
    /// <param name="dataCutoff">When given, assessments after this date are not used.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="records"/> is null.</exception>
    public static SubjectObjectiveResponse Derive(string subjectId, string? startAnchor, DateTime? start, IEnumerable<ResponseRecord> records, DateTime? dataCutoff = null) =>
        Derive(subjectId, startAnchor, start, records, dataCutoff, null);

    /// <summary>Derives one subject's best overall response, confirmed as RECIST 1.1 requires when <paramref name="confirmation"/> is given.</summary>
    /// <param name="subjectId">The subject.</param>
    /// <param name="startAnchor">The anchor the endpoint starts at (first_dose); null when the endpoint has no start, and every dated assessment counts.</param>
    /// <param name="start">The subject's date of that anchor; a subject without it is not analysed. The minimum duration of SD counts from it.</param>
    /// <param name="records">The subject's assessments.</param>
    /// <param name="dataCutoff">When given, assessments after this date are not used.</param>
    /// <param name="confirmation">The confirmation interval of CR and PR and the minimum duration of SD; null for the unconfirmed best response.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="records"/> is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="confirmation"/> gives a minimum duration of SD and <paramref name="startAnchor"/> is null (no start to count it from).</exception>
    public static SubjectObjectiveResponse Derive(string subjectId, string? startAnchor, DateTime? start, IEnumerable<ResponseRecord> records, DateTime? dataCutoff, ResponseConfirmation? confirmation)
    {
        if (records is null) throw new ArgumentNullException(nameof(records));
        if (confirmation?.StableDiseaseMinimumDays is not null && startAnchor is null)
            throw new ArgumentException("A minimum duration of stable disease counts from the endpoint's start: give its anchor.", nameof(startAnchor));
        var all = records.ToList();
        var notUsed = new List<UnusedRecord>();
        if (startAnchor is not null && start is null)
        {
            var reason = $"the subject has no {startAnchor} date";
            return new(subjectId, null, null, Array.Empty<ResponseRecord>(), all.Select(r => new UnusedRecord(r, reason)).ToList(), reason);
        }

        var usable = new List<(ResponseRecord Record, RecistResponse Response)>();
        foreach (var record in all)
        {
            if (Unusable(record, start, dataCutoff, out var response) is { } reason) notUsed.Add(new UnusedRecord(record, reason));
            else usable.Add((record, response));
        }

        var used = new List<ResponseRecord>();
        var assessments = new List<ResponseAssessment>();
        DateTime? progression = null;
        foreach (var (record, response) in usable.OrderBy(u => u.Record.Date!.Value)) // stable: same-day records keep their order
        {
            if (progression is { } pd)
            {
                notUsed.Add(new UnusedRecord(record, $"after the first progression ({Day(pd)})"));
                continue;
            }
            used.Add(record);
            assessments.Add(new ResponseAssessment(record.Date!.Value, response));
            if (response == RecistResponse.PD) progression = record.Date!.Value;
        }
        // The used records all lie after the start, so giving it as the baseline drops none; it is what SD's minimum counts from.
        var result = BestOverallResponse.Derive(assessments, start, confirmation);
        return new(subjectId, start, result, used, notUsed, null);
    }

    internal static string? Unusable(ResponseRecord record, DateTime? start, DateTime? dataCutoff, out RecistResponse response)
    {
        response = RecistResponse.NE;
        if (record.Date is not { } date) return "no assessment date";
        if (record.Code is null) return "no response";
        if (!TryParse(record.Code, out response)) return $"'{record.Code}' is not a RECIST 1.1 response (CR, PR, SD, PD, NE)";
        if (start is { } s && date.Date <= s.Date) return $"baseline: on or before the start ({Day(s)})";
        if (dataCutoff is { } cutoff && date.Date > cutoff.Date) return $"after the data cut-off ({Day(cutoff)})";
        return null;
    }

    internal static bool TryParse(string code, out RecistResponse response)
    {
        switch (code)
        {
            case "CR": response = RecistResponse.CR; return true;
            case "PR": response = RecistResponse.PR; return true;
            case "SD": response = RecistResponse.SD; return true;
            case "PD": response = RecistResponse.PD; return true;
            case "NE": response = RecistResponse.NE; return true;
            default: response = RecistResponse.NE; return false;
        }
    }

    internal static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The objective response rate of a set of subjects: best responses counted, and the rate with its exact interval.</summary>
/// <param name="Subjects">Every subject given.</param>
/// <param name="Analysed">The subjects analysed (those with a start date): the denominator.</param>
/// <param name="Evaluable">The analysed subjects with a post-baseline response other than NE.</param>
/// <param name="BestResponses">Analysed subjects by best overall response, CR to NE (NE includes subjects without post-baseline assessment).</param>
/// <param name="Rate">Responders (CR or PR) out of the analysed subjects, with the Clopper-Pearson interval.</param>
public sealed record ObjectiveResponseSummary(int Subjects, int Analysed, int Evaluable, IReadOnlyDictionary<RecistResponse, int> BestResponses, ProportionEstimate Rate)
{
    /// <summary>Summarizes per-subject derivations.</summary>
    /// <param name="subjects">The derivations.</param>
    /// <param name="confidenceLevel">The two-sided confidence level of the interval.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="subjects"/> is null.</exception>
    public static ObjectiveResponseSummary Summarize(IEnumerable<SubjectObjectiveResponse> subjects, double confidenceLevel = 0.95)
    {
        if (subjects is null) throw new ArgumentNullException(nameof(subjects));
        var all = subjects.ToList();
        var analysed = all.Where(s => s.IsAnalysed).ToList();
        var counts = new SortedDictionary<RecistResponse, int>();
        foreach (RecistResponse response in Enum.GetValues(typeof(RecistResponse))) counts[response] = 0;
        foreach (var s in analysed) counts[s.Result!.Best]++;
        return new(all.Count, analysed.Count, analysed.Count(s => s.Result!.IsEvaluable), counts,
            ProportionEstimate.ClopperPearson(analysed.Count(s => s.IsResponder), analysed.Count, confidenceLevel));
    }
}
