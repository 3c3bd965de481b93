using System;
using System.Collections.Generic;
using System.Linq;

namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>A subject's RECIST 1.1 best overall response and whether it is an objective response.</summary>
/// <param name="Best">The best response up to and including the first PD; NE when there is no post-baseline assessment.</param>
/// <param name="HasPostBaselineAssessment">False when the subject has no post-baseline assessment, so the best response is NE by default and the subject is not evaluable.</param>
/// <param name="BestResponseDate">
/// The date of the first assessment with the best response; null without assessments. With <see cref="ResponseConfirmation"/>:
/// for CR or PR the date of the first confirmed response (its confirmation is <see cref="ConfirmationDate"/>); for SD the
/// first assessment of SD, PR or CR at or after the minimum duration; for NE the first NE assessment, null when there is none.
/// </param>
/// <param name="FirstProgressionDate">The date of the first PD; null when there is none.</param>
/// <param name="AssessmentsConsidered">The assessments up to and including the first PD, the ones the best response is taken from.</param>
public sealed record BestOverallResponseResult(RecistResponse Best, bool HasPostBaselineAssessment, DateTime? BestResponseDate, DateTime? FirstProgressionDate, int AssessmentsConsidered)
{
    /// <summary>True when the best response is CR or PR.</summary>
    public bool IsObjectiveResponse => RecistResponseCodes.IsObjectiveResponse(Best);

    /// <summary>True when the best response is other than NE: there is at least one post-baseline assessment with a response.</summary>
    public bool IsEvaluable => Best != RecistResponse.NE;

    /// <summary>The least number of days between a CR or PR and its confirmation, as applied; null when the best response is unconfirmed.</summary>
    public int? ConfirmationDays { get; init; }

    /// <summary>The minimum duration of SD from the start in days, as applied; null when there is none.</summary>
    public int? StableDiseaseMinimumDays { get; init; }

    /// <summary>True when CR and PR count only once confirmed (RECIST 1.1 confirmation was applied).</summary>
    public bool ConfirmationApplied => ConfirmationDays is not null;

    /// <summary>The date of the assessment that confirms the best response, when it is a confirmed CR or PR; else null.</summary>
    public DateTime? ConfirmationDate { get; init; }
}

/// <summary>Derives a subject's RECIST 1.1 best overall response from the responses at the tumour assessments.</summary>
/// <remarks>
/// <para>
/// Without <see cref="ResponseConfirmation"/>, the best response is the highest ranked (CR &gt; PR &gt; SD &gt; PD &gt; NE)
/// among the assessments in date order up to and including the first PD; later assessments do not count. This is the
/// unconfirmed best overall response.
/// </para>
/// <para>
/// With it, the confirmed best overall response of RECIST 1.1 (Eisenhauer et al. 2009, section 4.4 and Table 3), over the
/// same assessments (in date order, up to and including the first PD), days counted by calendar date:
/// a CR on day d is confirmed by a later assessment of CR on day d + <see cref="ResponseConfirmation.ConfirmationDays"/> or
/// later; a PR, or a CR not confirmed as CR, on day d is confirmed as PR by a later assessment of PR or CR on day
/// d + <see cref="ResponseConfirmation.ConfirmationDays"/> or later. Assessments of NE or SD in between do not break a
/// confirmation; a PD does, since nothing after the first PD counts. The best response is then CR if a CR is confirmed; else
/// PR if a PR is confirmed; else SD if an assessment of SD, PR or CR lies at least
/// <see cref="ResponseConfirmation.StableDiseaseMinimumDays"/> after the start (any such assessment without a minimum);
/// else PD if there is a PD, or an SD after a CR (disease that came back: Table 3 reads CR then SD as PD when the minimum
/// for SD is not met); else NE. So Table 3 reads: CR then CR is CR; CR then PR is PR (the first CR re-read as PR, as
/// the table's note allows); PR then CR or PR is PR; CR or PR then SD, PD or NE is SD when the SD minimum is met, else PD
/// when there is a PD or the SD follows a CR, else NE; NE then NE is NE. With only a minimum for SD, CR and PR are unconfirmed and SD needs
/// the minimum.
/// </para>
/// </remarks>
public static class BestOverallResponse
{
    /// <summary>The best overall response of one subject.</summary>
    /// <param name="assessments">The subject's post-baseline assessments; ordered by date here (assessments on the same date keep their given order).</param>
    /// <param name="baselineDate">When given, assessments on or before this date are baseline, not post-baseline, and are ignored.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="assessments"/> or one of them is null.</exception>
    public static BestOverallResponseResult Derive(IEnumerable<ResponseAssessment> assessments, DateTime? baselineDate = null)
    {
        var considered = Considered(assessments, baselineDate, out var progression);
        if (considered.Count == 0) return new(RecistResponse.NE, HasPostBaselineAssessment: false, null, null, 0);
        ResponseAssessment best = considered[0];
        foreach (var assessment in considered)
            if (RecistResponseCodes.Rank(assessment.Response) > RecistResponseCodes.Rank(best.Response)) best = assessment;
        return new(best.Response, HasPostBaselineAssessment: true, best.Date, progression, considered.Count);
    }

    /// <summary>The best overall response of one subject, confirmed as RECIST 1.1 requires when <paramref name="confirmation"/> is given.</summary>
    /// <param name="assessments">The subject's post-baseline assessments; ordered by date here (assessments on the same date keep their given order).</param>
    /// <param name="baselineDate">
    /// The start: assessments on or before this date are baseline and ignored, and the minimum duration of SD counts from it.
    /// Needed when <paramref name="confirmation"/> gives a minimum duration of SD.
    /// </param>
    /// <param name="confirmation">The confirmation interval and minimum duration of SD; null for the unconfirmed best response, exactly as <see cref="Derive(IEnumerable{ResponseAssessment}, DateTime?)"/>.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="assessments"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="confirmation"/> gives a minimum duration of SD and <paramref name="baselineDate"/> is null.</exception>
    public static BestOverallResponseResult Derive(IEnumerable<ResponseAssessment> assessments, DateTime? baselineDate, ResponseConfirmation? confirmation)
    {
        if (confirmation is null) return Derive(assessments, baselineDate);
        if (confirmation.StableDiseaseMinimumDays is not null && baselineDate is null)
            throw new ArgumentException("A minimum duration of stable disease counts from the start: give the baseline date.", nameof(baselineDate));
        var considered = Considered(assessments, baselineDate, out var progression);
        var none = new BestOverallResponseResult(RecistResponse.NE, HasPostBaselineAssessment: false, null, null, 0)
        {
            ConfirmationDays = confirmation.ConfirmationDays,
            StableDiseaseMinimumDays = confirmation.StableDiseaseMinimumDays,
        };
        if (considered.Count == 0) return none;
        var found = none with { HasPostBaselineAssessment = true, FirstProgressionDate = progression, AssessmentsConsidered = considered.Count };

        if (Confirmed(considered, confirmation.ConfirmationDays, RecistResponse.CR) is { } cr)
            return found with { Best = RecistResponse.CR, BestResponseDate = cr.Response.Date, ConfirmationDate = cr.Confirmation?.Date };
        if (Confirmed(considered, confirmation.ConfirmationDays, RecistResponse.PR) is { } pr)
            return found with { Best = RecistResponse.PR, BestResponseDate = pr.Response.Date, ConfirmationDate = pr.Confirmation?.Date };
        foreach (var a in considered)
            if ((a.Response is RecistResponse.SD or RecistResponse.PR or RecistResponse.CR) &&
                (confirmation.StableDiseaseMinimumDays is not { } minimum || Days(baselineDate!.Value, a.Date) >= minimum))
                return found with { Best = RecistResponse.SD, BestResponseDate = a.Date };
        if (progression is not null) return found with { Best = RecistResponse.PD, BestResponseDate = progression };
        // Table 3: SD after a CR is disease that came back, so progression when the minimum for SD is not met.
        if (StableDiseaseAfterComplete(considered) is { } back) return found with { Best = RecistResponse.PD, BestResponseDate = back };
        return found with { Best = RecistResponse.NE, BestResponseDate = considered.FirstOrDefault(a => a.Response == RecistResponse.NE)?.Date };
    }

    /// <summary>
    /// The post-baseline assessments in date order (same-day ones in their given order) up to and including the first PD,
    /// which is <paramref name="progression"/>: nothing after it counts, confirmed or not.
    /// </summary>
    private static List<ResponseAssessment> Considered(IEnumerable<ResponseAssessment> assessments, DateTime? baselineDate, out DateTime? progression)
    {
        if (assessments is null) throw new ArgumentNullException(nameof(assessments));
        var considered = assessments
            .Select(a => a ?? throw new ArgumentNullException(nameof(assessments), "An assessment is null."))
            .Where(a => baselineDate is not { } baseline || a.Date > baseline)
            .OrderBy(a => a.Date)
            .ToList();
        progression = null;
        int first = considered.FindIndex(a => a.Response == RecistResponse.PD);
        if (first >= 0)
        {
            progression = considered[first].Date;
            considered.RemoveRange(first + 1, considered.Count - first - 1);
        }
        return considered;
    }

    /// <summary>
    /// The first response at the level asked that is confirmed, and the assessment that confirms it: for CR, a CR confirmed by a
    /// later CR; for PR, a PR or CR confirmed by a later PR or CR. Without a confirmation interval, the first response at that
    /// level (CR; PR), unconfirmed.
    /// </summary>
    private static (ResponseAssessment Response, ResponseAssessment? Confirmation)? Confirmed(List<ResponseAssessment> considered, int? interval, RecistResponse level)
    {
        bool Counts(ResponseAssessment a) => level == RecistResponse.CR ? a.Response == RecistResponse.CR : a.Response is RecistResponse.PR or RecistResponse.CR;
        if (interval is not { } days)
        {
            foreach (var a in considered)
                if (a.Response == level) return (a, null);
            return null;
        }
        for (int i = 0; i < considered.Count; i++)
        {
            if (!Counts(considered[i])) continue;
            for (int j = i + 1; j < considered.Count; j++)
                if (Counts(considered[j]) && Days(considered[i].Date, considered[j].Date) >= days) return (considered[i], considered[j]);
        }
        return null;
    }

    /// <summary>The date of the first assessment of SD that follows an assessment of CR, or null.</summary>
    private static DateTime? StableDiseaseAfterComplete(List<ResponseAssessment> considered)
    {
        bool complete = false;
        foreach (var a in considered)
        {
            if (complete && a.Response == RecistResponse.SD) return a.Date;
            complete |= a.Response == RecistResponse.CR;
        }
        return null;
    }

    /// <summary>Whole days from one date to another by calendar date (times of day ignored).</summary>
    private static int Days(DateTime from, DateTime to) => (to.Date - from.Date).Days;

    /// <summary>The best overall response of one subject from (date, code) pairs, codes CR, PR, SD, PD or NE.</summary>
    /// <param name="assessments">The subject's post-baseline assessments as (date, code) pairs.</param>
    /// <param name="baselineDate">When given, assessments on or before this date are ignored.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="assessments"/> is null.</exception>
    /// <exception cref="FormatException">When a code is not one of the five codes.</exception>
    public static BestOverallResponseResult Derive(IEnumerable<(DateTime Date, string Code)> assessments, DateTime? baselineDate = null)
    {
        if (assessments is null) throw new ArgumentNullException(nameof(assessments));
        return Derive(assessments.Select(a => ResponseAssessment.FromCode(a.Date, a.Code)), baselineDate);
    }
}
