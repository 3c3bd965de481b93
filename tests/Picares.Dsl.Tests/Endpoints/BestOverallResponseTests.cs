using System;
using Picares.Dsl.Runtime.Endpoints;
using Xunit;

namespace Picares.Dsl.Tests.Endpoints;

public class BestOverallResponseTests
{
    private static readonly DateTime Week6 = new(2026, 2, 17), Week12 = new(2026, 3, 31), Week18 = new(2026, 5, 12), Week24 = new(2026, 6, 23);

    [Fact]
    public void Takes_the_best_response_of_all_assessments_without_progression()
    {
        var result = BestOverallResponse.Derive(new[] { (Week6, "SD"), (Week12, "PR"), (Week18, "PR"), (Week24, "SD") });
        Assert.Equal(RecistResponse.PR, result.Best);
        Assert.Equal(Week12, result.BestResponseDate);
        Assert.Null(result.FirstProgressionDate);
        Assert.Equal(4, result.AssessmentsConsidered);
        Assert.True(result.IsObjectiveResponse);
        Assert.True(result.IsEvaluable);
        Assert.True(result.HasPostBaselineAssessment);
    }

    [Fact]
    public void A_response_after_the_first_progression_does_not_count()
    {
        var result = BestOverallResponse.Derive(new[] { (Week6, "SD"), (Week12, "PD"), (Week18, "CR"), (Week24, "CR") });
        Assert.Equal(RecistResponse.SD, result.Best);
        Assert.Equal(Week6, result.BestResponseDate);
        Assert.Equal(Week12, result.FirstProgressionDate);
        Assert.Equal(2, result.AssessmentsConsidered);
        Assert.False(result.IsObjectiveResponse);
    }

    [Fact]
    public void Progression_at_the_first_assessment_is_the_best_response_even_if_a_CR_follows()
    {
        var result = BestOverallResponse.Derive(new[] { (Week6, "PD"), (Week12, "CR") });
        Assert.Equal(RecistResponse.PD, result.Best);
        Assert.False(result.IsObjectiveResponse);
    }

    [Fact]
    public void Assessments_are_taken_in_date_order()
    {
        var result = BestOverallResponse.Derive(new[] { (Week18, "CR"), (Week6, "PD") });
        Assert.Equal(RecistResponse.PD, result.Best);
    }

    [Fact]
    public void No_post_baseline_assessment_is_not_evaluable()
    {
        var result = BestOverallResponse.Derive(Array.Empty<ResponseAssessment>());
        Assert.Equal(RecistResponse.NE, result.Best);
        Assert.False(result.HasPostBaselineAssessment);
        Assert.False(result.IsEvaluable);
        Assert.False(result.IsObjectiveResponse);
        Assert.Null(result.BestResponseDate);
        Assert.Equal(0, result.AssessmentsConsidered);
    }

    [Fact]
    public void Assessments_on_or_before_baseline_are_ignored()
    {
        var result = BestOverallResponse.Derive(new[] { new ResponseAssessment(Week6, RecistResponse.PR) }, baselineDate: Week6);
        Assert.False(result.HasPostBaselineAssessment);
        Assert.Equal(RecistResponse.NE, result.Best);
    }

    [Fact]
    public void Only_not_evaluable_assessments_give_NE_with_assessments()
    {
        var result = BestOverallResponse.Derive(new[] { (Week6, "NE"), (Week12, "ne") });
        Assert.Equal(RecistResponse.NE, result.Best);
        Assert.True(result.HasPostBaselineAssessment);
        Assert.False(result.IsEvaluable);
    }

    [Theory]
    [InlineData("NE", "PD", "PD")]
    [InlineData("PD", "NE", "PD")]
    [InlineData("SD", "NE", "SD")]
    [InlineData("PR", "CR", "CR")]
    [InlineData("CR", "PR", "CR")]
    public void Ranks_CR_over_PR_over_SD_over_PD_over_NE(string first, string second, string best) =>
        Assert.Equal(RecistResponseCodes.Parse(best), BestOverallResponse.Derive(new[] { (Week6, first), (Week12, second) }).Best);

    [Fact]
    public void Unknown_codes_are_rejected()
    {
        Assert.Throws<FormatException>(() => BestOverallResponse.Derive(new[] { (Week6, "NED") }));
        Assert.Equal(RecistResponse.CR, RecistResponseCodes.Parse(" cr "));
    }

    [Fact]
    public void The_objective_response_rate_is_a_proportion()
    {
        var subjects = new[]
        {
            BestOverallResponse.Derive(new[] { (Week6, "PR") }),
            BestOverallResponse.Derive(new[] { (Week6, "SD"), (Week12, "PD") }),
            BestOverallResponse.Derive(new[] { (Week6, "CR") }),
            BestOverallResponse.Derive(Array.Empty<(DateTime, string)>()),
            BestOverallResponse.Derive(new[] { (Week6, "SD") }),
            BestOverallResponse.Derive(new[] { (Week6, "PD") }),
        };
        var responders = Array.FindAll(subjects, s => s.IsObjectiveResponse).Length;
        var orr = ProportionEstimate.ClopperPearson(responders, subjects.Length);
        Assert.Equal(2, orr.Count);
        Assert.Equal(6, orr.N);
        // Exact 95% limits for 2/6, by bisection on the binomial tails: 0.043272..0.777222.
        Assert.Equal(0.0433, orr.Lower!.Value, 4);
        Assert.Equal(0.7772, orr.Upper!.Value, 4);
    }
}
