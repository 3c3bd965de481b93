using System;
using Picares.Dsl.Runtime.Eligibility;
using Picares.Dsl.Runtime.Units;
using Xunit;
using Screening = Picares.Protocols.ConstructsProtocol.Screening;

namespace Picares.Dsl.Tests.Eligibility;

/// <summary>
/// Eligibility/Constructs.protocol through its generated screening API: min() and max() in conditions (constants, a
/// field, units converted), the operators ≤ ≥ ≠ at their boundaries, and a criterion with both a condition and an
/// attestation, combined in Kleene logic (an inclusion needs both, an exclusion applies on either; docs/language.md §5.1).
/// </summary>
public class ConstructEvaluationTests
{
    private const double KilogramsPerPound = 0.45359237;

    private static CriterionOutcome Outcome(string id, Action<Screening.Input> set)
    {
        var input = new Screening.Input();
        set(input);
        return Screening.Evaluate(input, new Screening.Dates()).Outcome(id);
    }

    [Theory]
    [InlineData(40, "kg", CriterionOutcome.NotMet)]      // meets 40 kg, but max() is 90 lb
    [InlineData(40.8, "kg", CriterionOutcome.NotMet)]
    [InlineData(90, "lb", CriterionOutcome.Met)]         // exactly the larger bound: ≥ includes it
    [InlineData(40.83, "kg", CriterionOutcome.Met)]
    [InlineData(89.99, "lb", CriterionOutcome.NotMet)]
    public void Max_of_constants_in_other_units_takes_the_larger_and_greater_or_equal_includes_it(double weight, string unit, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("I1", i => i.Labs.Weight = new Quantity(weight, unit)));

    [Fact]
    public void Max_with_a_missing_operand_is_unknown()
    {
        Assert.Equal(CriterionOutcome.Unknown, Outcome("I1", _ => { }));
    }

    [Theory]
    [InlineData(200, 300 * KilogramsPerPound, CriterionOutcome.Met)]         // min() is 300 lb: ≤ includes it
    [InlineData(200, 136.1, CriterionOutcome.NotMet)]                         // above 300 lb, below 150 kg and the limit
    [InlineData(100, 100, CriterionOutcome.Met)]                              // min() is the site's limit
    [InlineData(100, 100.01, CriterionOutcome.NotMet)]
    [InlineData(140, 139.99, CriterionOutcome.NotMet)]                        // below 150 kg and the limit, above 300 lb
    [InlineData(140, 136, CriterionOutcome.Met)]
    public void Min_with_a_field_takes_the_smallest_and_less_or_equal_includes_it(double siteLimit, double weight, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("I2", i =>
        {
            i.Labs.SiteLimit = new Quantity(siteLimit, "kg");
            i.Labs.Weight = new Quantity(weight, "kg");
        }));

    [Fact]
    public void Min_with_a_missing_field_is_unknown_even_when_the_value_is_below_every_known_bound()
    {
        Assert.Equal(CriterionOutcome.Unknown, Outcome("I2", i => i.Labs.Weight = new Quantity(50, "kg")));
    }

    [Theory]
    [InlineData(1, CriterionOutcome.Met)]
    [InlineData(2, CriterionOutcome.NotMet)]
    [InlineData(3, CriterionOutcome.Met)]
    [InlineData(null, CriterionOutcome.Unknown)]
    public void Not_equal_written_as_the_unicode_sign(int? ecog, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("I3", i => i.Labs.Ecog = ecog));

    // Condition × attestation. The attestation is in the candidate's favour: yes confirms an inclusion and clears an exclusion.
    [Theory]
    [InlineData(true, true, CriterionOutcome.Met)]
    [InlineData(true, false, CriterionOutcome.NotMet)]
    [InlineData(true, null, CriterionOutcome.Unknown)]
    [InlineData(false, true, CriterionOutcome.NotMet)]
    [InlineData(false, false, CriterionOutcome.NotMet)]
    [InlineData(false, null, CriterionOutcome.NotMet)]     // a false condition decides without the attestation
    [InlineData(null, true, CriterionOutcome.Unknown)]
    [InlineData(null, false, CriterionOutcome.NotMet)]     // a refused attestation decides without the data
    [InlineData(null, null, CriterionOutcome.Unknown)]
    public void An_inclusion_with_a_condition_and_an_attestation_needs_both(bool? measurable, bool? attested, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("I4", i =>
        {
            i.Labs.Measurable = measurable;
            i.Attestations.I4 = attested;
        }));

    [Theory]
    [InlineData(3, true, CriterionOutcome.Met)]            // the condition excludes whatever the investigator says
    [InlineData(4, false, CriterionOutcome.Met)]
    [InlineData(3, null, CriterionOutcome.Met)]
    [InlineData(2, true, CriterionOutcome.NotMet)]         // ≥ 3 is false and the investigator clears the candidate
    [InlineData(2, false, CriterionOutcome.Met)]           // the investigator's judgment excludes on its own
    [InlineData(2, null, CriterionOutcome.Unknown)]
    [InlineData(null, true, CriterionOutcome.Unknown)]     // cleared by the investigator, but the grade is missing
    [InlineData(null, false, CriterionOutcome.Met)]
    [InlineData(null, null, CriterionOutcome.Unknown)]
    public void An_exclusion_with_a_condition_and_an_attestation_applies_on_either(int? grade, bool? attested, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("E1", i =>
        {
            i.Labs.ToxicityGrade = grade;
            i.Attestations.E1 = attested;
        }));

    [Fact]
    public void A_pending_combined_criterion_lists_both_its_field_and_its_attestation_as_missing()
    {
        var input = new Screening.Input();
        input.Labs.Weight = new Quantity(70, "kg");
        input.Labs.SiteLimit = new Quantity(120, "kg");
        input.Labs.Ecog = 1;
        input.Labs.ToxicityGrade = 0;
        input.Attestations.E1 = true;
        var result = Screening.Evaluate(input, new Screening.Dates());
        Assert.Equal(Verdict.Pending, result.Verdict);
        Assert.Equal(new[] { "Labs.measurable", "attestation of I4" }, result.Missing);
    }
}
