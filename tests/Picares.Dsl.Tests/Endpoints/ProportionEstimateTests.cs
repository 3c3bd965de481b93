using System;
using Picares.Dsl.Runtime.Endpoints;
using Xunit;

namespace Picares.Dsl.Tests.Endpoints;

public class ProportionEstimateTests
{
    // Published exact (Clopper-Pearson) 95% limits for n = 6: x = 0 → 0..0.4593, x = 3 → 0.1181..0.8819,
    // x = 6 → 0.5407..1. The others are the binomial-tail definition solved by bisection outside this code
    // (P(X ≥ x | p_L) = α/2, P(X ≤ x | p_U) = α/2): 1/10 → 0.002529..0.445016, 7/20 → 0.153909..0.592189,
    // 12/40 → 0.165627..0.465316, 0/1 → 0..0.975 (= 1 - α/2, exactly).
    [Theory]
    [InlineData(0, 6, 0.0, 0.4593)]
    [InlineData(3, 6, 0.1181, 0.8819)]
    [InlineData(6, 6, 0.5407, 1.0)]
    [InlineData(1, 10, 0.0025, 0.4450)]
    [InlineData(7, 20, 0.1539, 0.5922)]
    [InlineData(12, 40, 0.1656, 0.4653)]
    [InlineData(0, 1, 0.0, 0.975)]
    public void Matches_published_clopper_pearson_limits(int count, int n, double lower, double upper)
    {
        var estimate = ProportionEstimate.ClopperPearson(count, n);
        Assert.True(estimate.HasEstimate);
        Assert.Equal((double)count / n, estimate.Proportion!.Value, 12);
        Assert.Equal(lower, estimate.Lower!.Value, 4);
        Assert.Equal(upper, estimate.Upper!.Value, 4);
        Assert.Equal(0.95, estimate.ConfidenceLevel);
    }

    [Fact]
    public void The_edges_are_exactly_zero_and_one()
    {
        Assert.Equal(0.0, ProportionEstimate.ClopperPearson(0, 6).Lower);
        Assert.Equal(1.0, ProportionEstimate.ClopperPearson(6, 6).Upper);
    }

    [Fact]
    public void No_subjects_means_no_estimate()
    {
        var estimate = ProportionEstimate.ClopperPearson(0, 0);
        Assert.False(estimate.HasEstimate);
        Assert.Null(estimate.Proportion);
        Assert.Null(estimate.Lower);
        Assert.Null(estimate.Upper);
    }

    [Fact]
    public void A_lower_level_gives_a_narrower_interval()
    {
        // 90% limits for 3/6: the 0.05 quantile of Beta(3, 4) and the 0.95 quantile of Beta(4, 3), 0.1532..0.8468
        // (bisection on the binomial tails, as above).
        var ninety = ProportionEstimate.ClopperPearson(3, 6, 0.90);
        Assert.Equal(0.1532, ninety.Lower!.Value, 4);
        Assert.Equal(0.8468, ninety.Upper!.Value, 4);
    }

    [Theory]
    [InlineData(-1, 5, 0.95)]
    [InlineData(6, 5, 0.95)]
    [InlineData(0, -1, 0.95)]
    [InlineData(1, 5, 0.0)]
    [InlineData(1, 5, 1.0)]
    [InlineData(1, 5, double.NaN)]
    public void Rejects_impossible_arguments(int count, int n, double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionEstimate.ClopperPearson(count, n, level));
}
