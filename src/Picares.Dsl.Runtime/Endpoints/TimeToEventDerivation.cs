using System;

namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>Derives one subject's time-to-event observation (overall or progression-free survival, say) from dates.</summary>
public static class TimeToEventDerivation
{
    /// <summary>
    /// The observation for a subject who started at <paramref name="start"/>: when <paramref name="eventDate"/> is given,
    /// an event at <c>(eventDate - start).TotalDays</c>; otherwise a censoring at <c>(censoringDate - start).TotalDays</c>.
    /// Days are <see cref="TimeSpan.TotalDays"/> of the difference, so dates without a time of day give whole days
    /// (start and event on the same day is day 0). An event date wins over the censoring date: rules that censor
    /// an event after a data cut-off or after missed assessments are the caller's to apply first.
    /// </summary>
    /// <param name="start">The time origin (randomisation, first dose).</param>
    /// <param name="eventDate">The date of the event, or null when it was not observed.</param>
    /// <param name="censoringDate">The date the subject was last known to be event-free; used when <paramref name="eventDate"/> is null.</param>
    /// <exception cref="ArgumentOutOfRangeException">When the date used is before <paramref name="start"/>.</exception>
    public static SurvivalObservation Derive(DateTime start, DateTime? eventDate, DateTime censoringDate)
    {
        if (eventDate is { } eventOn)
        {
            var eventDays = (eventOn - start).TotalDays;
            if (eventDays < 0) throw new ArgumentOutOfRangeException(nameof(eventDate), eventOn, $"The event date is before the start date {start:yyyy-MM-dd}.");
            return new SurvivalObservation(eventDays, Event: true);
        }

        var censoredDays = (censoringDate - start).TotalDays;
        if (censoredDays < 0) throw new ArgumentOutOfRangeException(nameof(censoringDate), censoringDate, $"The censoring date is before the start date {start:yyyy-MM-dd}.");
        return new SurvivalObservation(censoredDays, Event: false);
    }
}
