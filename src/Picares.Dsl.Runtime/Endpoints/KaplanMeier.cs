using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Distributions;

namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>
/// The Kaplan-Meier product-limit estimator of a survival function, with Greenwood standard errors,
/// log-log pointwise confidence limits and the Brookmeyer-Crowley confidence interval of the median.
/// </summary>
/// <remarks>
/// <para>
/// Ties: at a time with both events and censorings, the events come first, as is conventional: a subject
/// censored at t is at risk at t, so the number at risk at t counts every subject whose time is t or later.
/// </para>
/// <para>
/// Pointwise limits use the log-log transform (SAS's CONFTYPE=LOGLOG, R's conf.type = "log-log"):
/// with σ² = Σ dᵢ / (nᵢ (nᵢ - dᵢ)) the Greenwood sum up to t and z the normal quantile of 1 - α/2,
/// the limits of S(t) are S(t)^exp(±z·σ / ln S(t)), which always lie in [0, 1].
/// </para>
/// <para>
/// The median's interval inverts these limits (Brookmeyer and Crowley, 1982): it holds the times whose pointwise
/// interval contains 0.5. Its lower limit is the first event time at which the lower pointwise limit is ≤ 0.5, and its
/// upper limit the first event time at which the upper pointwise limit is ≤ 0.5 (null when it never is), the way R's
/// survival package reports quantile intervals. Comparisons with 0.5 allow 1e-10 for rounding, so that a curve that
/// reaches exactly 0.5 counts as reaching it; no midpoint rule is applied when S(t) is exactly 0.5 over an interval.
/// </para>
/// </remarks>
public static class KaplanMeier
{
    private const double HalfTolerance = 1e-10;

    /// <summary>Estimates the survival curve of <paramref name="observations"/>.</summary>
    /// <param name="observations">One observation per subject; may be empty (no steps, no median).</param>
    /// <param name="confidenceLevel">The two-sided confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="observations"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a time is negative or not a finite number, or the level is not strictly between 0 and 1.</exception>
    public static KaplanMeierCurve Estimate(IEnumerable<SurvivalObservation> observations, double confidenceLevel = 0.95)
    {
        if (observations is null) throw new ArgumentNullException(nameof(observations));
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must be strictly between 0 and 1, such as 0.95.");

        var sorted = observations.ToList();
        foreach (var observation in sorted)
        {
            if (double.IsNaN(observation.TimeInDays) || double.IsInfinity(observation.TimeInDays) || observation.TimeInDays < 0)
                throw new ArgumentOutOfRangeException(nameof(observations), observation.TimeInDays, "Every time must be a finite number of days, 0 or more.");
        }
        sorted.Sort((a, b) => a.TimeInDays.CompareTo(b.TimeInDays));

        var z = Normal.InvCDF(0, 1, 1 - (1 - confidenceLevel) / 2);
        var steps = new List<KaplanMeierStep>();
        var atRisk = sorted.Count;
        var survival = 1.0;
        var greenwood = 0.0;
        double? median = null, medianLower = null, medianUpper = null;

        for (var i = 0; i < sorted.Count;)
        {
            var time = sorted[i].TimeInDays;
            int events = 0, censored = 0;
            for (; i < sorted.Count && sorted[i].TimeInDays == time; i++)
            {
                if (sorted[i].Event) events++;
                else censored++;
            }

            if (events > 0)
            {
                survival *= (double)(atRisk - events) / atRisk;
                greenwood = atRisk > events ? greenwood + (double)events / ((double)atRisk * (atRisk - events)) : double.PositiveInfinity;
            }

            var (lower, upper) = LogLogLimits(survival, greenwood, z);
            var standardError = survival > 0 ? survival * Math.Sqrt(greenwood) : 0;
            steps.Add(new KaplanMeierStep(time, atRisk, events, censored, survival, standardError, lower, upper));

            if (events > 0)
            {
                median ??= AtMostHalf(survival) ? time : null;
                medianLower ??= AtMostHalf(lower) ? time : null;
                medianUpper ??= AtMostHalf(upper) ? time : null;
            }
            atRisk -= events + censored;
        }

        return new KaplanMeierCurve(steps, sorted.Count, confidenceLevel, median, medianLower, medianUpper);
    }

    private static bool AtMostHalf(double value) => value <= 0.5 + HalfTolerance;

    /// <summary>The log-log limits S^exp(±z·σ/ln S); S itself at S = 1 (no event yet, σ = 0) and S = 0.</summary>
    private static (double Lower, double Upper) LogLogLimits(double survival, double greenwood, double z)
    {
        if (survival <= 0 || survival >= 1 || greenwood <= 0) return (survival, survival);
        var logSurvival = Math.Log(survival);
        var spread = z * Math.Sqrt(greenwood) / logSurvival; // negative, since ln S < 0
        return (Math.Pow(survival, Math.Exp(-spread)), Math.Pow(survival, Math.Exp(spread)));
    }
}
