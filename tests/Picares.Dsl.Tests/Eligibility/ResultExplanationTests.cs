using System;
using System.Linq;
using Picares.Dsl.Runtime.Eligibility;
using Picares.Dsl.Runtime.Units;
using Xunit;
using Screening = Picares.Protocols.PicaresProtocol.Screening;

namespace Picares.Dsl.Tests.Eligibility;

/// <summary>
/// A result knows its verdict and outcomes at once and builds its explanations on first read, from the data it
/// was evaluated from; it refuses to explain itself from data changed since.
/// </summary>
public class ResultExplanationTests
{
    [Fact]
    public void Outcomes_by_id_match_the_explained_criteria_and_the_screened_criteria_list()
    {
        var input = Candidates.Eligible();
        input.Vitals.Weight = new Quantity(39, "kg");
        input.Serology.Hiv = null;
        var result = Screening.Evaluate(input, Candidates.Dates());

        Assert.Equal(CriterionOutcome.NotMet, result.Outcome("I6"));
        Assert.Equal(CriterionOutcome.Unknown, result.Outcome("E6"));
        Assert.Equal(CriterionOutcome.Met, result.Outcome("AGE"));
        Assert.Equal(Screening.ScreenedCriteria.Count, result.Count);
        Assert.Equal(Screening.ScreenedCriteria.Select(c => c.Id), result.Criteria.Select(c => c.Criterion.Id));
        Assert.All(result.Criteria, c => Assert.Equal(c.Outcome, result.Outcome(c.Criterion.Id)));
        var unknown = "I" + 99; // a literal would be PIC5002 at compile time
        Assert.Throws<ArgumentException>(() => result.Outcome(unknown));
    }

    [Fact]
    public void Explanations_are_built_from_the_data_as_evaluated_and_kept_once_read()
    {
        var input = Candidates.Eligible();
        input.Vitals.Weight = new Quantity(39, "kg");
        var result = Screening.Evaluate(input, Candidates.Dates());
        var weight = result.Criteria.Single(c => c.Criterion.Id == "I6");

        input.Vitals.Weight = new Quantity(70, "kg"); // after the explanations were read: they stay as they were

        Assert.Same(weight, result.Criteria.Single(c => c.Criterion.Id == "I6"));
        Assert.Equal("39 kg", weight.Values.Single(v => v.Input == "Vitals.weight").Value);
        Assert.Equal(Verdict.Ineligible, result.Verdict);
    }

    [Fact]
    public void Missing_read_first_names_what_every_explanation_names_in_the_same_order()
    {
        // Every nullable datum of the screening input, cleared at random (attestations included); Missing read before
        // Criteria explains only the undecided criteria, and must say what the explanations of all of them say.
        var data = typeof(Screening.Input).GetProperties()
            .Where(form => form.PropertyType.Name.EndsWith("Input", StringComparison.Ordinal) || form.PropertyType.Name == "CriterionAttestations")
            .SelectMany(form => form.PropertyType.GetProperties()
                .Where(p => p.CanWrite && p.SetMethod!.IsPublic && (!p.PropertyType.IsValueType || Nullable.GetUnderlyingType(p.PropertyType) is not null))
                .Select(p => (Form: form, Field: p)))
            .ToArray();
        Assert.True(data.Length > 40, $"only {data.Length} data found");
        var random = new Random(20261124);
        int pending = 0;
        for (int n = 0; n < 400; n++)
        {
            var input = Candidates.Eligible();
            foreach (var (form, field) in data.OrderBy(_ => random.Next()).Take(random.Next(9)))
                field.SetValue(form.GetValue(input), null);
            var dates = Candidates.Dates();
            if (random.Next(8) == 0) dates.Consent = null;

            var first = Screening.Evaluate(input, dates);
            var missing = first.Missing.ToArray();
            var explained = Screening.Evaluate(input, dates).Criteria.SelectMany(c => c.Missing).Distinct().ToArray();

            Assert.Equal(explained, missing);
            Assert.Equal(explained, first.Missing); // the same once the explanations are read and kept
            Assert.Equal(missing, (first.Criteria.SelectMany(c => c.Missing).Distinct()));
            if (first.Verdict == Verdict.Pending)
            {
                pending++;
                Assert.NotEmpty(missing.Concat(first.PendingAttestations.Select(c => c.Criterion.Id)));
            }
        }
        Assert.True(pending > 100, $"only {pending} of 400 candidates were Pending");
    }

    [Fact]
    public void A_result_whose_input_changed_before_its_explanations_were_read_refuses_to_explain()
    {
        var input = Candidates.Eligible();
        var result = Screening.Evaluate(input, Candidates.Dates());

        input.Vitals.Weight = new Quantity(39, "kg");

        var error = Assert.Throws<InvalidOperationException>(() => result.Criteria);
        Assert.Contains("evaluate the candidate again", error.Message);
        Assert.Throws<InvalidOperationException>(() => result.Missing);
        Assert.Equal(Verdict.Eligible, result.Verdict); // the verdict is what was evaluated
        Assert.Equal(Verdict.Ineligible, Screening.Evaluate(input, Candidates.Dates()).Verdict);
    }

    [Fact]
    public void Every_kind_of_input_change_is_noticed()
    {
        var changes = new Action<Screening.Input>[]
        {
            i => i.Attestations.I5 = null,
            i => i.Attestations.Set("E11", false),
            i => i.Set("Baseline.ecog", "0"),
            i => i.Demographics.Sex = "female",
            i => i.Demographics.BirthDate = i.Demographics.BirthDate, // the same value is still a write
        };
        foreach (var change in changes)
        {
            var input = Candidates.Eligible();
            var result = Screening.Evaluate(input, Candidates.Dates());
            change(input);
            Assert.Throws<InvalidOperationException>(() => result.Criteria);
        }
    }

    [Fact]
    public void A_result_whose_dates_changed_refuses_to_explain_and_the_new_dates_move_every_boundary()
    {
        var input = Candidates.Eligible();
        input.PriorTherapy.LastChemotherapyDate = Candidates.FirstDose.Date.AddDays(-29); // more than 4 weeks before
        var dates = Candidates.Dates();
        var result = Screening.Evaluate(input, dates);
        Assert.Equal(CriterionOutcome.Met, result.Outcome("I9"));

        dates.FirstDose = Candidates.FirstDose.AddDays(-2); // now 27 days after the last chemotherapy

        Assert.Throws<InvalidOperationException>(() => result.Criteria);
        var again = Screening.Evaluate(input, dates);
        Assert.Equal(CriterionOutcome.NotMet, again.Outcome("I9"));
        dates.Set("first_dose", null);
        Assert.Equal(CriterionOutcome.Unknown, Screening.Evaluate(input, dates).Outcome("I9"));
    }

    [Fact]
    public void The_change_counter_counts_every_write()
    {
        var counter = new ChangeCounter();
        Assert.Equal(0, counter.Count);
        counter.Increment();
        counter.Increment();
        Assert.Equal(2, counter.Count);
    }
}
