using System;
using System.Collections.Generic;
using System.Linq;

namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>A subject's RECIST 1.1 best overall response and whether it is an objective response.</summary>
/// <param name="Best">The best response up to and including the first PD; NE when there is no post-baseline assessment.</param>
/// <param name="HasPostBaselineAssessment">False when the subject has no post-baseline assessment, so the best response is NE by default and the subject is not evaluable.</param>
/// <param name="BestResponseDate">The date of the first assessment with the best response; null without assessments.</param>
/// <param name="FirstProgressionDate">The date of the first PD; null when there is none.</param>
/// <param name="AssessmentsConsidered">The assessments up to and including the first PD, the ones the best response is taken from.</param>
public sealed record BestOverallResponseResult(RecistResponse Best, bool HasPostBaselineAssessment, DateTime? BestResponseDate, DateTime? FirstProgressionDate, int AssessmentsConsidered)
{
    /// <summary>True when the best response is CR or PR.</summary>
    public bool IsObjectiveResponse => RecistResponseCodes.IsObjectiveResponse(Best);

    /// <summary>True when the best response is other than NE: there is at least one post-baseline assessment with a response.</summary>
    public bool IsEvaluable => Best != RecistResponse.NE;
}

/// <summary>Derives a subject's RECIST 1.1 best overall response from the responses at the tumour assessments.</summary>
/// <remarks>
/// The best response is the highest ranked (CR &gt; PR &gt; SD &gt; PD &gt; NE) among the assessments in date order up to
/// and including the first PD; later assessments do not count. This is the unconfirmed best overall response: RECIST 1.1's
/// confirmation of CR and PR and the minimum duration of SD are not applied.
/// </remarks>
public static class BestOverallResponse
{
    /// <summary>The best overall response of one subject.</summary>
    /// <param name="assessments">The subject's post-baseline assessments; ordered by date here (assessments on the same date keep their given order).</param>
    /// <param name="baselineDate">When given, assessments on or before this date are baseline, not post-baseline, and are ignored.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="assessments"/> or one of them is null.</exception>
    public static BestOverallResponseResult Derive(IEnumerable<ResponseAssessment> assessments, DateTime? baselineDate = null)
    {
        if (assessments is null) throw new ArgumentNullException(nameof(assessments));
        var ordered = assessments
            .Select(a => a ?? throw new ArgumentNullException(nameof(assessments), "An assessment is null."))
            .Where(a => baselineDate is not { } baseline || a.Date > baseline)
            .OrderBy(a => a.Date)
            .ToList();
        if (ordered.Count == 0) return new(RecistResponse.NE, HasPostBaselineAssessment: false, null, null, 0);

        ResponseAssessment best = ordered[0];
        DateTime? progression = null;
        var considered = 0;
        foreach (var assessment in ordered)
        {
            considered++;
            if (RecistResponseCodes.Rank(assessment.Response) > RecistResponseCodes.Rank(best.Response)) best = assessment;
            if (assessment.Response == RecistResponse.PD)
            {
                progression = assessment.Date;
                break;
            }
        }
        return new(best.Response, HasPostBaselineAssessment: true, best.Date, progression, considered);
    }

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
