using System;
using System.Linq;
using Picares.Dsl.Runtime.Endpoints;
using Xunit;

using static Picares.Dsl.Tests.Endpoints.SubjectRecords;

namespace Picares.Dsl.Tests.Endpoints;

/// <summary>
/// RECIST 1.1's confirmed best overall response (Eisenhauer et al. 2009, section 4.4 and Table 3) on small cases worked out
/// by hand: confirmation of CR and PR 4 weeks (28 days) or more later, SD at least 6 weeks (42 days) after the start.
/// Days are counted from the start (day 0).
/// </summary>
public class ConfirmedResponseTests
{
    private static readonly ResponseConfirmation Recist = new(confirmationDays: 28, stableDiseaseMinimumDays: 42);

    private static BestOverallResponseResult Derive(params (int Day, string Code)[] assessments) => Derive(Recist, assessments);

    private static BestOverallResponseResult Derive(ResponseConfirmation rules, params (int Day, string Code)[] assessments) =>
        BestOverallResponse.Derive(assessments.Select(a => ResponseAssessment.FromCode(Day(a.Day), a.Code)), Start, rules);

    // ---- RECIST 1.1 Table 3, first and subsequent time point; the second 42 days after the first ----

    [Fact]
    public void CR_then_CR_is_a_confirmed_CR()
    {
        var r = Derive((42, "CR"), (84, "CR"));
        Assert.Equal((RecistResponse.CR, Day(42), Day(84)), (r.Best, r.BestResponseDate, r.ConfirmationDate));
        Assert.True(r.IsObjectiveResponse);
        Assert.True(r.ConfirmationApplied);
    }

    [Fact]
    public void CR_then_PR_is_a_PR_confirmed_at_the_PR() // Table 3: "SD, PD or PR"; its note: the first CR re-read as PR
    {
        var r = Derive((42, "CR"), (84, "PR"));
        Assert.Equal((RecistResponse.PR, Day(42), Day(84)), (r.Best, r.BestResponseDate, r.ConfirmationDate));
    }

    [Theory]
    // CR or PR, then SD, PD or NE: SD when the first is on or after day 42 ...
    [InlineData("CR", 42, "SD", 84, "SD")]
    [InlineData("CR", 42, "PD", 84, "SD")]
    [InlineData("CR", 42, "NE", 84, "SD")]
    [InlineData("PR", 42, "SD", 84, "SD")]
    [InlineData("PR", 42, "PD", 84, "SD")]
    [InlineData("PR", 42, "NE", 84, "SD")]
    // ... otherwise PD when there is a PD or the SD follows a CR (disease that came back), else NE (the SD at day 35 is
    // short of 42 days too).
    [InlineData("CR", 21, "PD", 35, "PD")]
    [InlineData("CR", 21, "NE", 49, "NE")]
    [InlineData("CR", 14, "SD", 35, "PD")]
    [InlineData("PR", 21, "PD", 35, "PD")]
    [InlineData("PR", 21, "NE", 49, "NE")]
    [InlineData("PR", 14, "SD", 35, "NE")]
    // ... and an SD on or after day 42 after an early response is SD.
    [InlineData("PR", 21, "SD", 63, "SD")]
    public void An_unconfirmed_response_is_at_best_stable_disease_after_its_minimum(string first, int firstDay, string second, int secondDay, string best)
    {
        var r = Derive((firstDay, first), (secondDay, second));
        Assert.Equal(RecistResponseCodes.Parse(best), r.Best);
        Assert.Null(r.ConfirmationDate);
        Assert.False(r.IsObjectiveResponse);
        // The date is that of the first assessment that gives the best response.
        var expected = best switch
        {
            "SD" => firstDay >= 42 ? Day(firstDay) : Day(secondDay),
            "PD" => Day(secondDay),
            _ => second == "NE" ? Day(secondDay) : (DateTime?)null,
        };
        Assert.Equal(expected, r.BestResponseDate);
    }

    [Fact]
    public void PR_then_CR_is_a_PR_confirmed_at_the_CR()
    {
        var r = Derive((42, "PR"), (84, "CR"));
        Assert.Equal((RecistResponse.PR, Day(42), Day(84)), (r.Best, r.BestResponseDate, r.ConfirmationDate));
    }

    [Fact]
    public void PR_then_PR_is_a_confirmed_PR()
    {
        var r = Derive((42, "PR"), (84, "PR"));
        Assert.Equal((RecistResponse.PR, Day(42), Day(84)), (r.Best, r.BestResponseDate, r.ConfirmationDate));
    }

    [Fact]
    public void NE_then_NE_is_NE()
    {
        var r = Derive((42, "NE"), (84, "NE"));
        Assert.Equal((RecistResponse.NE, Day(42), (DateTime?)null), (r.Best, r.BestResponseDate, r.ConfirmationDate));
        Assert.True(r.HasPostBaselineAssessment);
        Assert.False(r.IsEvaluable);
    }

    // ---- the confirmation interval ----

    [Theory]
    [InlineData("PR", "PR", 27, "SD")]
    [InlineData("PR", "PR", 28, "PR")]
    [InlineData("CR", "CR", 27, "SD")]
    [InlineData("CR", "CR", 28, "CR")]
    [InlineData("CR", "PR", 27, "SD")]
    [InlineData("CR", "PR", 28, "PR")]
    public void Confirmation_needs_the_whole_interval(string first, string second, int daysLater, string best)
    {
        var r = Derive((42, first), (42 + daysLater, second));
        Assert.Equal(RecistResponseCodes.Parse(best), r.Best);
        Assert.Equal(best is "CR" or "PR" ? Day(42 + daysLater) : (DateTime?)null, r.ConfirmationDate);
    }

    [Fact]
    public void Days_count_by_calendar_date_whatever_the_time_of_day()
    {
        var assessments = new[]
        {
            new ResponseAssessment(Day(42).AddHours(17), RecistResponse.PR),
            new ResponseAssessment(Day(70).AddHours(8), RecistResponse.PR), // 27 days and 15 hours later: the 28th calendar day
        };
        Assert.Equal(RecistResponse.PR, BestOverallResponse.Derive(assessments, Start, Recist).Best);
    }

    [Fact]
    public void Not_evaluable_or_stable_assessments_in_between_do_not_break_a_confirmation()
    {
        var pr = Derive((42, "PR"), (56, "NE"), (63, "SD"), (84, "PR"));
        Assert.Equal((RecistResponse.PR, Day(42), Day(84)), (pr.Best, pr.BestResponseDate, pr.ConfirmationDate));
        var cr = Derive((42, "CR"), (56, "SD"), (63, "NE"), (84, "CR"));
        Assert.Equal((RecistResponse.CR, Day(42), Day(84)), (cr.Best, cr.BestResponseDate, cr.ConfirmationDate));
    }

    [Fact]
    public void Progression_before_the_confirming_assessment_leaves_the_response_unconfirmed()
    {
        var r = Derive((42, "PR"), (63, "PD"), (84, "PR"));
        Assert.Equal((RecistResponse.SD, Day(42), Day(63)), (r.Best, r.BestResponseDate, r.FirstProgressionDate));
        Assert.Equal(2, r.AssessmentsConsidered);
        Assert.Null(r.ConfirmationDate);
    }

    [Fact]
    public void A_CR_too_soon_confirmed_as_CR_can_still_be_confirmed_as_PR()
    {
        // CR on day 42 and 60 (18 days apart) is no confirmed CR; the PR on day 84 confirms the CR of day 42 as PR.
        var r = Derive((42, "CR"), (60, "CR"), (84, "PR"));
        Assert.Equal((RecistResponse.PR, Day(42), Day(84)), (r.Best, r.BestResponseDate, r.ConfirmationDate));
    }

    [Fact]
    public void A_confirmed_CR_wins_over_an_earlier_confirmed_PR()
    {
        var r = Derive((42, "PR"), (84, "PR"), (126, "CR"), (168, "CR"));
        Assert.Equal((RecistResponse.CR, Day(126), Day(168)), (r.Best, r.BestResponseDate, r.ConfirmationDate));
        var unconfirmedCr = Derive((42, "PR"), (84, "PR"), (126, "CR"));
        Assert.Equal((RecistResponse.PR, Day(42), Day(84)), (unconfirmedCr.Best, unconfirmedCr.BestResponseDate, unconfirmedCr.ConfirmationDate));
    }

    // ---- the minimum duration of SD ----

    [Theory]
    [InlineData(41, "NE", "PD")]
    [InlineData(42, "SD", "SD")]
    public void Stable_disease_counts_from_its_minimum_after_the_start(int day, string alone, string beforeProgression)
    {
        Assert.Equal(RecistResponseCodes.Parse(alone), Derive((day, "SD")).Best);
        Assert.Equal(RecistResponseCodes.Parse(beforeProgression), Derive((day, "SD"), (day + 42, "PD")).Best);
    }

    [Fact]
    public void Stable_disease_before_its_minimum_then_progression_is_PD()
    {
        var r = Derive((35, "SD"), (77, "PD"));
        Assert.Equal((RecistResponse.PD, Day(77), Day(77)), (r.Best, r.BestResponseDate, r.FirstProgressionDate));
    }

    [Fact]
    public void Stable_disease_is_dated_by_the_first_assessment_past_its_minimum()
    {
        var r = Derive((35, "SD"), (49, "SD"), (77, "SD"));
        Assert.Equal((RecistResponse.SD, Day(49)), (r.Best, r.BestResponseDate));
    }

    [Fact]
    public void Without_a_minimum_any_stable_assessment_is_stable_disease()
    {
        var r = Derive(new ResponseConfirmation(28, null), (7, "SD"), (14, "PD"));
        Assert.Equal((RecistResponse.SD, Day(7)), (r.Best, r.BestResponseDate));
        Assert.Null(r.StableDiseaseMinimumDays);
    }

    [Fact]
    public void A_minimum_for_stable_disease_alone_leaves_responses_unconfirmed()
    {
        var rules = new ResponseConfirmation(null, 42);
        var pr = Derive(rules, (21, "PR"), (35, "PD"));
        Assert.Equal((RecistResponse.PR, Day(21), (DateTime?)null), (pr.Best, pr.BestResponseDate, pr.ConfirmationDate));
        Assert.False(pr.ConfirmationApplied);
        Assert.Equal(RecistResponse.PD, Derive(rules, (21, "SD"), (35, "PD")).Best);
    }

    // ---- no post-baseline assessment; the rules reported; the unconfirmed response unchanged ----

    [Fact]
    public void No_post_baseline_assessment_is_NE_with_the_rules_reported()
    {
        var r = BestOverallResponse.Derive(new[] { new ResponseAssessment(Start, RecistResponse.PR), new ResponseAssessment(Day(-7), RecistResponse.SD) }, Start, Recist);
        Assert.Equal((RecistResponse.NE, false, (DateTime?)null, 0), (r.Best, r.HasPostBaselineAssessment, r.BestResponseDate, r.AssessmentsConsidered));
        Assert.Equal((28, 42, true), (r.ConfirmationDays, r.StableDiseaseMinimumDays, r.ConfirmationApplied));
        Assert.False(r.IsEvaluable);
    }

    [Fact]
    public void Without_rules_the_result_is_the_unconfirmed_one()
    {
        var assessments = new[] { new ResponseAssessment(Day(42), RecistResponse.PR), new ResponseAssessment(Day(63), RecistResponse.SD) };
        var unconfirmed = BestOverallResponse.Derive(assessments, Start, null);
        Assert.Equal(BestOverallResponse.Derive(assessments, Start), unconfirmed);
        Assert.Equal(RecistResponse.PR, unconfirmed.Best);
        Assert.False(unconfirmed.ConfirmationApplied);
        Assert.Equal(RecistResponse.SD, BestOverallResponse.Derive(assessments, Start, Recist).Best);
    }

    /// <summary>
    /// On random sequences: rules that confirm nothing and ask no minimum give the unconfirmed result (best, dates, count);
    /// confirmation never makes the best response better than the unconfirmed one; a confirmed CR or PR has a confirming
    /// assessment of CR or PR (CR for CR) at least 28 days after the response, not after the first PD.
    /// </summary>
    [Fact]
    public void Confirmation_agrees_with_the_unconfirmed_response_on_random_sequences()
    {
        var random = new Random(20091);
        var codes = new[] { "CR", "PR", "SD", "PD", "NE" };
        for (int n = 0; n < 2000; n++)
        {
            var count = random.Next(0, 7);
            var assessments = Enumerable.Range(0, count)
                .Select(_ => new ResponseAssessment(Day(random.Next(1, 200)), RecistResponseCodes.Parse(codes[random.Next(codes.Length)])))
                .ToList();
            var unconfirmed = BestOverallResponse.Derive(assessments, Start);
            var none = BestOverallResponse.Derive(assessments, Start, new ResponseConfirmation(null, null));
            Assert.Equal((unconfirmed.Best, unconfirmed.BestResponseDate, unconfirmed.FirstProgressionDate, unconfirmed.AssessmentsConsidered, unconfirmed.HasPostBaselineAssessment),
                (none.Best, none.BestResponseDate, none.FirstProgressionDate, none.AssessmentsConsidered, none.HasPostBaselineAssessment));

            var confirmed = BestOverallResponse.Derive(assessments, Start, Recist);
            Assert.True(RecistResponseCodes.Rank(confirmed.Best) <= RecistResponseCodes.Rank(unconfirmed.Best),
                $"confirmed {confirmed.Best} is better than unconfirmed {unconfirmed.Best}");
            Assert.Equal(unconfirmed.FirstProgressionDate, confirmed.FirstProgressionDate);
            if (confirmed.IsObjectiveResponse)
            {
                var confirmation = confirmed.ConfirmationDate!.Value;
                Assert.True((confirmation - confirmed.BestResponseDate!.Value).Days >= 28);
                Assert.True(unconfirmed.FirstProgressionDate is not { } pd || confirmation < pd);
                Assert.Contains(assessments, a => a.Date == confirmation && (confirmed.Best == RecistResponse.CR
                    ? a.Response == RecistResponse.CR : a.Response is RecistResponse.PR or RecistResponse.CR));
            }
            else Assert.Null(confirmed.ConfirmationDate);
        }
    }

    // ---- the per-subject derivation and the rules themselves ----

    [Fact]
    public void The_subject_derivation_counts_the_minimum_from_the_start_and_ignores_baseline()
    {
        // The baseline SD (day -7) is not used; the first post-baseline SD is on day 41, one day short of the minimum; the PR on
        // day 63 is not confirmed before the PD on day 84, but lies past the minimum: SD.
        var records = new[] { R(1, -7, "SD"), R(2, 41, "SD"), R(3, 63, "PR"), R(4, 84, "PD"), R(5, 126, "PR") };
        var s = ObjectiveResponseDerivation.Derive("S", "first_dose", Start, records, null, Recist);
        Assert.Equal((RecistResponse.SD, Day(63), Day(84)), (s.Result!.Best, s.Result.BestResponseDate, s.Result.FirstProgressionDate));
        Assert.False(s.IsResponder);
        Assert.Equal(new[] { 2, 3, 4 }, s.Used.Select(r => r.Occurrence));
        Assert.Equal(new[] { 1, 5 }, s.NotUsed.Select(u => u.Record.Occurrence));
        // Unconfirmed, the same records make a responder.
        Assert.True(ObjectiveResponseDerivation.Derive("S", "first_dose", Start, records).IsResponder);
    }

    [Fact]
    public void The_subject_derivation_needs_a_start_for_the_minimum_of_stable_disease()
    {
        Assert.Throws<ArgumentException>(() => ObjectiveResponseDerivation.Derive("S", null, null, new[] { R(1, 42, "SD") }, null, Recist));
        var withoutStart = ObjectiveResponseDerivation.Derive("S", null, null, new[] { R(1, 42, "PR"), R(2, 70, "PR") }, null, new ResponseConfirmation(28, null));
        Assert.Equal((RecistResponse.PR, Day(70)), (withoutStart.Result!.Best, withoutStart.Result.ConfirmationDate!.Value));
        Assert.Throws<ArgumentException>(() => BestOverallResponse.Derive(Array.Empty<ResponseAssessment>(), null, Recist));
    }

    [Fact]
    public void Rules_reject_intervals_that_mean_nothing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseConfirmation(0, 42));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseConfirmation(28, -1));
        Assert.Equal((1, 0), (new ResponseConfirmation(1, 0).ConfirmationDays!.Value, new ResponseConfirmation(1, 0).StableDiseaseMinimumDays!.Value));
    }
}
