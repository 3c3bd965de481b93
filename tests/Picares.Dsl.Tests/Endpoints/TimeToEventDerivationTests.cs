using System;
using Picares.Dsl.Runtime.Endpoints;
using Xunit;

namespace Picares.Dsl.Tests.Endpoints;

public class TimeToEventDerivationTests
{
    private static readonly DateTime Start = new(2026, 1, 6);

    [Fact]
    public void An_event_date_gives_an_event_at_its_day_count()
    {
        var observation = TimeToEventDerivation.Derive(Start, new DateTime(2026, 3, 3), new DateTime(2026, 6, 30));
        Assert.Equal(new SurvivalObservation(56, true), observation);
        Assert.False(observation.IsCensored);
    }

    [Fact]
    public void No_event_date_gives_a_censoring_at_the_censoring_date()
    {
        var observation = TimeToEventDerivation.Derive(Start, null, new DateTime(2026, 2, 5));
        Assert.Equal(new SurvivalObservation(30, false), observation);
        Assert.True(observation.IsCensored);
    }

    [Fact]
    public void An_event_on_the_start_date_is_day_0_and_times_of_day_count()
    {
        Assert.Equal(0, TimeToEventDerivation.Derive(Start, Start, Start).TimeInDays);
        Assert.Equal(1.5, TimeToEventDerivation.Derive(Start, Start.AddHours(36), Start).TimeInDays);
    }

    [Fact]
    public void Dates_before_the_start_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeToEventDerivation.Derive(Start, Start.AddDays(-1), Start.AddDays(10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeToEventDerivation.Derive(Start, null, Start.AddDays(-1)));
    }

    [Fact]
    public void Derived_observations_feed_the_kaplan_meier_estimate()
    {
        var curve = KaplanMeier.Estimate(new[]
        {
            TimeToEventDerivation.Derive(Start, Start.AddDays(10), Start.AddDays(90)),
            TimeToEventDerivation.Derive(Start, null, Start.AddDays(10)),
            TimeToEventDerivation.Derive(Start, Start.AddDays(40), Start.AddDays(90)),
        });
        // Day 10: 3 at risk (the subject censored on day 10 included), 1 event → 2/3; day 40: 1 at risk → 0.
        Assert.Equal(2.0 / 3, curve.SurvivalAt(10), 12);
        Assert.Equal(40.0, curve.Median);
    }
}
