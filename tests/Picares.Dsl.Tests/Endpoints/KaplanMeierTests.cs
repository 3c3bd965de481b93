using System;
using System.Linq;
using Picares.Dsl.Runtime.Endpoints;
using Xunit;

namespace Picares.Dsl.Tests.Endpoints;

public class KaplanMeierTests
{
    // Freireich et al. (1963), as tabulated by Gehan (1965): weeks of remission, 6-MP group; false = censored.
    private static readonly SurvivalObservation[] SixMp =
    {
        new(6, true), new(6, true), new(6, true), new(6, false), new(7, true), new(9, false), new(10, true),
        new(10, false), new(11, false), new(13, true), new(16, true), new(17, false), new(19, false), new(20, false),
        new(22, true), new(23, true), new(25, false), new(32, false), new(32, false), new(34, false), new(35, false),
    };

    // The placebo group of the same trial: every remission ended.
    private static readonly SurvivalObservation[] Placebo =
        new double[] { 1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23 }
            .Select(t => new SurvivalObservation(t, true)).ToArray();

    [Theory]
    // Published S(t) of the 6-MP group, and its Greenwood standard errors (0.076, 0.087, 0.096, 0.107, 0.114, 0.128, 0.135).
    [InlineData(6, 21, 3, 1, 0.857, 0.076)]
    [InlineData(7, 17, 1, 0, 0.807, 0.087)]
    [InlineData(10, 15, 1, 1, 0.753, 0.096)]
    [InlineData(13, 12, 1, 0, 0.690, 0.107)]
    [InlineData(16, 11, 1, 0, 0.627, 0.114)]
    [InlineData(22, 7, 1, 0, 0.538, 0.128)]
    [InlineData(23, 6, 1, 0, 0.448, 0.135)]
    public void Reproduces_the_6mp_curve(double time, int atRisk, int events, int censored, double survival, double standardError)
    {
        var step = KaplanMeier.Estimate(SixMp).Steps.Single(s => s.Time == time);
        Assert.Equal(atRisk, step.AtRisk);
        Assert.Equal(events, step.Events);
        Assert.Equal(censored, step.Censored);
        Assert.Equal(survival, step.Survival, 3);
        Assert.Equal(standardError, step.StandardError, 3);
    }

    [Fact]
    public void The_6mp_curve_has_a_step_for_every_distinct_time_and_censorings_do_not_move_it()
    {
        var curve = KaplanMeier.Estimate(SixMp);
        Assert.Equal(new double[] { 6, 7, 9, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 34, 35 }, curve.Steps.Select(s => s.Time));
        Assert.Equal(21, curve.Subjects);
        Assert.Equal(21, curve.Steps.Sum(s => s.Events + s.Censored));
        var at9 = curve.Steps.Single(s => s.Time == 9);
        Assert.Equal((0, 1, 16), (at9.Events, at9.Censored, at9.AtRisk));
        Assert.Equal(curve.Steps.Single(s => s.Time == 7).Survival, at9.Survival);
        Assert.Equal(0.448, curve.Steps[^1].Survival, 3);
        Assert.Equal(0.807, curve.SurvivalAt(9.5), 3);
        Assert.Equal(1.0, curve.SurvivalAt(5.9));
    }

    // Median 23 weeks, as published. The 95% log-log (Brookmeyer-Crowley) interval, worked by hand with
    // z = 1.959964 and σ² = Σ d/(n(n-d)), limits S^exp(±z·σ/ln S):
    //   t = 10: S = 0.752941, σ² = 3/378 + 1/272 + 1/210 = 0.016375, σ = 0.127965, ln S = -0.283750,
    //           z·σ/|ln S| = 0.88391, lower = S^exp(0.88391) = S^2.42039 = 0.5032  > 0.5
    //   t = 13: S = 0.690196, σ² = 0.016375 + 1/132 = 0.023951, σ = 0.154761, ln S = -0.370780,
    //           z·σ/|ln S| = 0.81807, lower = S^2.26636 = 0.4316 ≤ 0.5          → lower limit 13
    //   t = 23 (last event): σ² = 0.023951 + 1/110 + 1/42 + 1/30 = 0.090185, σ = 0.300308, S = 0.448179,
    //           ln S = -0.802563, z·σ/|ln S| = 0.73341, upper = S^exp(-0.73341) = S^0.48028 = 0.6801 > 0.5
    //           → the upper band never reaches 0.5: upper limit not estimable.
    [Fact]
    public void The_6mp_median_is_23_weeks_with_a_lower_limit_of_13()
    {
        var curve = KaplanMeier.Estimate(SixMp);
        Assert.Equal(23.0, curve.Median);
        Assert.Equal(13.0, curve.MedianLower);
        Assert.Null(curve.MedianUpper);
        Assert.Equal(0.5032, curve.Steps.Single(s => s.Time == 10).Lower, 4);
        Assert.Equal(0.4316, curve.Steps.Single(s => s.Time == 13).Lower, 4);
        Assert.Equal(0.6801, curve.Steps.Single(s => s.Time == 23).Upper, 4);
    }

    // Median 8 weeks, as published. Without censoring the Greenwood sum telescopes to σ² = 1/r - 1/21, r the
    // subjects still in remission after t. By hand (z = 1.959964):
    //   t = 3: S = 16/21, σ² = 1/16 - 1/21 = 0.014881, z·σ/|ln S| = 0.87928, lower = S^2.40910 = 0.5194 > 0.5
    //   t = 4: S = 14/21, σ² = 1/14 - 1/21 = 0.023810, z·σ/|ln S| = 0.74588, lower = S^2.10836 = 0.4254 ≤ 0.5 → 4
    //   t = 8: S = 8/21,  σ² = 1/8 - 1/21 = 0.077381,  z·σ/|ln S| = 0.56493, upper = S^0.56837 = 0.5778 > 0.5
    //   t = 11: S = 6/21, σ² = 1/6 - 1/21 = 0.119048,  z·σ/|ln S| = 0.53981, upper = S^0.58286 = 0.4818 ≤ 0.5 → 11
    [Fact]
    public void The_placebo_median_is_8_weeks_with_an_interval_of_4_to_11()
    {
        var curve = KaplanMeier.Estimate(Placebo);
        Assert.Equal(8.0, curve.Median);
        Assert.Equal(4.0, curve.MedianLower);
        Assert.Equal(11.0, curve.MedianUpper);
        var at8 = curve.Steps.Single(s => s.Time == 8);
        Assert.Equal((12, 4), (at8.AtRisk, at8.Events));
        Assert.Equal(8.0 / 21, at8.Survival, 12);
        Assert.Equal(0.106, at8.StandardError, 3); // published: se[S(10)] = 0.106 for the placebo group
        Assert.Equal(0.5778, at8.Upper, 4);
        Assert.Equal(0.4818, curve.Steps.Single(s => s.Time == 11).Upper, 4);
    }

    [Fact]
    public void The_placebo_curve_ends_at_zero_with_a_zero_standard_error()
    {
        var last = KaplanMeier.Estimate(Placebo).Steps[^1];
        Assert.Equal((23.0, 1, 1, 0.0, 0.0), (last.Time, last.AtRisk, last.Events, last.Survival, last.StandardError));
        Assert.Equal((0.0, 0.0), (last.Lower, last.Upper));
    }

    [Fact]
    public void The_median_and_its_limits_are_event_times_in_order()
    {
        foreach (var data in new[] { SixMp, Placebo })
        {
            var curve = KaplanMeier.Estimate(data);
            var eventTimes = curve.Steps.Where(s => s.Events > 0).Select(s => s.Time).ToList();
            Assert.Contains(curve.Median!.Value, eventTimes);
            Assert.Contains(curve.MedianLower!.Value, eventTimes);
            Assert.True(curve.MedianLower <= curve.Median);
            if (curve.MedianUpper is { } upper)
            {
                Assert.Contains(upper, eventTimes);
                Assert.True(curve.Median <= upper);
            }
        }
    }

    // An event and a censoring on day 5 among 4 subjects: the censored subject is at risk on day 5, so
    // S(5) = 1 - 1/4 = 0.75 (not 1 - 1/3); the event on day 8 then has 2 at risk, S(8) = 0.75 · 1/2 = 0.375.
    // Greenwood: SE(5) = 0.75·√(1/(4·3)) = 0.216506; SE(8) = 0.375·√(1/12 + 1/(2·1)) = 0.286411.
    [Fact]
    public void An_event_and_a_censoring_on_the_same_day_count_the_censored_subject_at_risk()
    {
        var curve = KaplanMeier.Estimate(new SurvivalObservation[] { new(8, true), new(5, false), new(5, true), new(10, false) });
        Assert.Equal(new double[] { 5, 8, 10 }, curve.Steps.Select(s => s.Time));
        var (day5, day8, day10) = (curve.Steps[0], curve.Steps[1], curve.Steps[2]);
        Assert.Equal((4, 1, 1), (day5.AtRisk, day5.Events, day5.Censored));
        Assert.Equal(0.75, day5.Survival, 12);
        Assert.Equal(0.216506, day5.StandardError, 6);
        Assert.Equal((2, 1, 0), (day8.AtRisk, day8.Events, day8.Censored));
        Assert.Equal(0.375, day8.Survival, 12);
        Assert.Equal(0.286411, day8.StandardError, 6);
        Assert.Equal((1, 0, 1), (day10.AtRisk, day10.Events, day10.Censored));
        Assert.Equal(0.375, day10.Survival, 12);
        Assert.Equal(8.0, curve.Median);
    }

    [Fact]
    public void All_censored_has_no_median()
    {
        var curve = KaplanMeier.Estimate(new SurvivalObservation[] { new(30, false), new(60, false), new(60, false) });
        Assert.All(curve.Steps, s => Assert.Equal(1.0, s.Survival));
        Assert.All(curve.Steps, s => Assert.Equal(0.0, s.StandardError));
        Assert.Null(curve.Median);
        Assert.Null(curve.MedianLower);
        Assert.Null(curve.MedianUpper);
    }

    // 24 subjects, one event a day on days 1..24: S(12) = 12/24 = 0.5 exactly, so the median is day 12 (the smallest
    // time with S ≤ 0.5). The product 23/24 · 22/23 · … · 12/13 comes to 0.5000000000000001 in double arithmetic, so
    // without the rounding allowance the median would wrongly be day 13.
    [Fact]
    public void A_curve_that_reaches_exactly_one_half_has_its_median_there()
    {
        var curve = KaplanMeier.Estimate(Enumerable.Range(1, 24).Select(day => new SurvivalObservation(day, true)));
        Assert.Equal(12.0, curve.Median);
        Assert.Equal(0.5, curve.Steps.Single(s => s.Time == 12).Survival, 12);
        Assert.Equal(0.0, curve.Steps[^1].Survival);
    }

    [Fact]
    public void No_observations_give_an_empty_curve()
    {
        var curve = KaplanMeier.Estimate(Array.Empty<SurvivalObservation>());
        Assert.Empty(curve.Steps);
        Assert.Null(curve.Median);
        Assert.Equal(1.0, curve.SurvivalAt(100));
    }

    [Fact]
    public void Rejects_negative_or_missing_times()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.Estimate(new SurvivalObservation[] { new(-1, true) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.Estimate(new SurvivalObservation[] { new(double.NaN, true) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.Estimate(SixMp, 1.5));
    }
}
