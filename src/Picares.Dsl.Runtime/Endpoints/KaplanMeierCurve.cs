using System.Collections.Generic;

namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>
/// A Kaplan-Meier survival curve with its median survival time and the median's confidence interval.
/// Made by <see cref="KaplanMeier.Estimate"/>.
/// </summary>
public sealed class KaplanMeierCurve
{
    internal KaplanMeierCurve(IReadOnlyList<KaplanMeierStep> steps, int subjects, double confidenceLevel, double? median, double? medianLower, double? medianUpper)
    {
        Steps = steps;
        Subjects = subjects;
        ConfidenceLevel = confidenceLevel;
        Median = median;
        MedianLower = medianLower;
        MedianUpper = medianUpper;
    }

    /// <summary>One step for each distinct observed time, in increasing time, including times with censorings only.</summary>
    public IReadOnlyList<KaplanMeierStep> Steps { get; }

    /// <summary>The number of subjects (observations).</summary>
    public int Subjects { get; }

    /// <summary>The two-sided confidence level of the pointwise limits and of the median's interval, such as 0.95.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>The median survival time: the smallest time at which S(t) ≤ 0.5; null when the curve never falls to 0.5.</summary>
    public double? Median { get; }

    /// <summary>
    /// The lower limit of the median's Brookmeyer-Crowley interval: the first event time at which the lower log-log
    /// pointwise limit of S(t) is ≤ 0.5; null when there is none (as with no median).
    /// </summary>
    public double? MedianLower { get; }

    /// <summary>
    /// The upper limit of the median's Brookmeyer-Crowley interval: the first event time at which the upper log-log
    /// pointwise limit of S(t) is ≤ 0.5; null (not estimable) when the upper limit never falls to 0.5.
    /// </summary>
    public double? MedianUpper { get; }

    /// <summary>The estimate S(<paramref name="time"/>): 1 before the first step, then the survival of the last step at or before the time.</summary>
    public double SurvivalAt(double time)
    {
        var survival = 1.0;
        foreach (var step in Steps)
        {
            if (step.Time > time) break;
            survival = step.Survival;
        }
        return survival;
    }
}
