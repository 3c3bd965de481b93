namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>
/// One distinct time of a Kaplan-Meier curve: the subjects at risk, the events and censorings there, and the
/// survival estimate just after it. A time with censorings only leaves the survival unchanged.
/// </summary>
/// <param name="Time">The time in days.</param>
/// <param name="AtRisk">The subjects at risk just before <paramref name="Time"/>: those whose time is <paramref name="Time"/> or later (a subject censored at <paramref name="Time"/> is at risk at it).</param>
/// <param name="Events">The events at <paramref name="Time"/>.</param>
/// <param name="Censored">The subjects censored at <paramref name="Time"/>.</param>
/// <param name="Survival">The Kaplan-Meier estimate S(t) for t from <paramref name="Time"/> up to the next time.</param>
/// <param name="StandardError">
/// Greenwood's standard error of <paramref name="Survival"/>: S(t) · √(Σ dᵢ / (nᵢ (nᵢ - dᵢ))) over event times up to t;
/// 0 before the first event and once S(t) is 0.
/// </param>
/// <param name="Lower">
/// The lower pointwise confidence limit of S(t) on the log-log scale: S(t)^exp(z·σ/ln S(t)) with σ² the Greenwood sum;
/// equal to <paramref name="Survival"/> when S(t) is 1 or 0.
/// </param>
/// <param name="Upper">The upper pointwise confidence limit of S(t) on the log-log scale: S(t)^exp(-z·σ/ln S(t)).</param>
public sealed record KaplanMeierStep(double Time, int AtRisk, int Events, int Censored, double Survival, double StandardError, double Lower, double Upper);
