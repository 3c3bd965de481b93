namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>One subject's time-to-event observation: the time, and whether the event was observed then or the subject was censored.</summary>
/// <param name="TimeInDays">Days from the start (randomisation, first dose) to the event or the censoring; 0 or more.</param>
/// <param name="Event">True when the event was observed at <paramref name="TimeInDays"/>; false when the subject was censored then.</param>
public readonly record struct SurvivalObservation(double TimeInDays, bool Event)
{
    /// <summary>True when the subject was censored (the event was not observed).</summary>
    public bool IsCensored => !Event;
}
