using System;
using MathNet.Numerics.Distributions;

namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>
/// A binomial proportion (responders out of evaluable subjects, say) with its exact Clopper-Pearson
/// confidence interval. With no subjects there is no estimate: <see cref="Proportion"/>,
/// <see cref="Lower"/> and <see cref="Upper"/> are null.
/// </summary>
/// <param name="Count">The number of subjects with the outcome (x).</param>
/// <param name="N">The number of subjects (n).</param>
/// <param name="ConfidenceLevel">The two-sided confidence level of the interval, such as 0.95.</param>
/// <param name="Proportion">x / n; null when n is 0.</param>
/// <param name="Lower">The lower confidence limit; 0 when x is 0; null when n is 0.</param>
/// <param name="Upper">The upper confidence limit; 1 when x is n; null when n is 0.</param>
public sealed record ProportionEstimate(int Count, int N, double ConfidenceLevel, double? Proportion, double? Lower, double? Upper)
{
    /// <summary>True when there is at least one subject, so the proportion and its interval exist.</summary>
    public bool HasEstimate => N > 0;

    /// <summary>
    /// The proportion <paramref name="count"/> / <paramref name="n"/> with the exact (Clopper-Pearson) interval:
    /// with α = 1 - <paramref name="confidenceLevel"/>, the lower limit is the α/2 quantile of Beta(x, n - x + 1)
    /// (0 when x = 0) and the upper limit the 1 - α/2 quantile of Beta(x + 1, n - x) (1 when x = n).
    /// The quantiles are MathNet.Numerics' <see cref="Beta.InvCDF(double, double, double)"/>.
    /// </summary>
    /// <param name="count">The number of subjects with the outcome, 0 to <paramref name="n"/>.</param>
    /// <param name="n">The number of subjects, 0 or more; 0 gives an estimate without values.</param>
    /// <param name="confidenceLevel">The two-sided confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a count is negative, <paramref name="count"/> exceeds <paramref name="n"/>, or the level is not strictly between 0 and 1.</exception>
    public static ProportionEstimate ClopperPearson(int count, int n, double confidenceLevel = 0.95)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "The number of subjects cannot be negative.");
        if (count < 0 || count > n) throw new ArgumentOutOfRangeException(nameof(count), count, $"The count must be between 0 and n ({n}).");
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must be strictly between 0 and 1, such as 0.95.");
        if (n == 0) return new(count, n, confidenceLevel, null, null, null);

        var alpha = 1 - confidenceLevel;
        var lower = count == 0 ? 0.0 : Beta.InvCDF(count, n - count + 1, alpha / 2);
        var upper = count == n ? 1.0 : Beta.InvCDF(count + 1, n - count, 1 - alpha / 2);
        return new(count, n, confidenceLevel, (double)count / n, lower, upper);
    }
}
