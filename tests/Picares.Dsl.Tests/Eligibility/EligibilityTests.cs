using System;
using System.Linq;
using Picares.Dsl.Runtime.Eligibility;
using Picares.Dsl.Runtime.Units;
using Xunit;
using Screening = Picares.Protocols.PicaresProtocol.Screening;

namespace Picares.Dsl.Tests.Eligibility;

/// <summary>The generated PICARES screening API, criterion by criterion, at every boundary the protocol states.</summary>
public class EligibilityTests
{
    private static EligibilityResult Evaluate(Action<Screening.Input>? change = null, Action<Screening.Dates>? changeDates = null)
    {
        var input = Candidates.Eligible();
        change?.Invoke(input);
        var dates = Candidates.Dates();
        changeDates?.Invoke(dates);
        return Screening.Evaluate(input, dates);
    }

    private static CriterionOutcome Outcome(string id, Action<Screening.Input>? change = null, Action<Screening.Dates>? changeDates = null) =>
        Evaluate(change, changeDates).Criteria.Single(c => c.Criterion.Id == id).Outcome;

    [Fact]
    public void The_reference_candidate_is_eligible_with_every_criterion_passing()
    {
        var result = Evaluate();
        Assert.Equal(Verdict.Eligible, result.Verdict);
        Assert.Equal(31, result.Criteria.Count); // the age range and I1..I12, E1..E18
        Assert.All(result.Criteria, c => Assert.True(c.Passes, c.Criterion.Id));
        Assert.Empty(result.Missing);
    }

    [Theory]
    [InlineData(39.99, "kg", CriterionOutcome.NotMet)]
    [InlineData(40, "kg", CriterionOutcome.Met)]
    [InlineData(40.01, "kg", CriterionOutcome.Met)]
    [InlineData(88.18, "lb", CriterionOutcome.NotMet)]
    [InlineData(88.18490487395103, "lb", CriterionOutcome.Met)] // exactly 40 kg
    [InlineData(88.2, "lb", CriterionOutcome.Met)]
    [InlineData(40000, "g", CriterionOutcome.Met)]
    public void I6_weight_at_least_40_kg_in_any_unit_of_mass(double value, string unit, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("I6", i => i.Vitals.Weight = new Quantity(value, unit)));

    [Fact]
    public void A_weight_in_a_unit_of_another_dimension_is_rejected_when_the_input_is_built()
    {
        var input = new Screening.Input();
        var error = Assert.Throws<InvalidInputException>(() => input.Vitals.Weight = new Quantity(12, "weeks"));
        Assert.Equal("Vitals.weight", error.Field);
        Assert.Contains("mass", error.Message);
        var code = Assert.Throws<InvalidInputException>(() => input.Baseline.Ecog = "7");
        Assert.Contains("0, 1, 2, 3, 4, 5", code.Message);
    }

    [Fact]
    public void Values_outside_the_hard_limits_or_not_numbers_are_rejected_when_the_input_is_built()
    {
        var input = new Screening.Input();
        Assert.Equal("PriorTherapy.residual_ae_grade", Assert.Throws<InvalidInputException>(() => input.PriorTherapy.ResidualAeGrade = -3).Field);
        Assert.Throws<InvalidInputException>(() => input.PriorMedication.ImmunosuppressiveDose = new Quantity(-50, "mg/d"));
        Assert.Throws<InvalidInputException>(() => input.Vitals.Weight = new Quantity(5000, "kg"));
        Assert.Throws<InvalidInputException>(() => input.Vitals.Weight = new Quantity(double.NaN, "kg"));
        Assert.Throws<InvalidInputException>(() => input.Pathology.SpecimensAvailable = 1000);
        input.Vitals.Weight = new Quantity(661.38, "lb"); // 299.99 kg: inside the hard limit of 300 kg
        Assert.Null(Picares.Dsl.Runtime.Eligibility.Evaluate.Compare(double.NaN, 5d));
    }

    [Theory]
    [InlineData(-1, CriterionOutcome.NotMet)] // 27 days before: not more than 4 weeks
    [InlineData(0, CriterionOutcome.NotMet)]  // exactly 4 weeks before: not more than 4 weeks
    [InlineData(1, CriterionOutcome.Met)]     // 29 days before
    public void I9_chemotherapy_ended_more_than_4_weeks_before_first_dose(int extraDays, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("I9", i => i.PriorTherapy.LastChemotherapyDate = Candidates.FirstDose.Date.AddDays(-28 - extraDays)));

    [Theory]
    [InlineData(2, CriterionOutcome.NotMet)]
    [InlineData(1, CriterionOutcome.Met)]
    [InlineData(0, CriterionOutcome.Met)]
    public void I9_adverse_events_reduced_to_grade_1_or_less(int grade, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("I9", i => i.PriorTherapy.ResidualAeGrade = grade));

    [Theory]
    [InlineData(0, CriterionOutcome.Met)]             // exactly 72 hours before
    [InlineData(-1, CriterionOutcome.NotMet)]         // 71 h 59 min before
    [InlineData(60, CriterionOutcome.Met)]
    public void I11_local_anesthesia_surgery_at_least_72_hours_before_first_dose(int extraMinutes, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("I11", i =>
        {
            i.Surgery.LocalSurgery = true;
            i.Surgery.Recovered = true;
            i.Surgery.LocalSurgeryEnd = Candidates.FirstDose.AddHours(-72).AddMinutes(-extraMinutes);
        }));

    [Theory]
    [InlineData(0, CriterionOutcome.Met)]     // exactly 1 hour before
    [InlineData(-1, CriterionOutcome.NotMet)] // 59 minutes before
    public void I11_skin_biopsy_at_least_1_hour_before_first_dose(int extraMinutes, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("I11", i =>
        {
            i.Surgery.SkinBiopsy = true;
            i.Surgery.SkinBiopsyEnd = Candidates.FirstDose.AddHours(-1).AddMinutes(-extraMinutes);
        }));

    [Fact]
    public void I11_a_surgery_without_recovery_is_not_met_and_without_its_date_is_unknown()
    {
        Assert.Equal(CriterionOutcome.NotMet, Outcome("I11", i => { i.Surgery.LocalSurgery = true; i.Surgery.Recovered = false; i.Surgery.LocalSurgeryEnd = Candidates.FirstDose.AddDays(-10); }));
        var result = Evaluate(i => { i.Surgery.MajorSurgery = true; });
        var i11 = result.Criteria.Single(c => c.Criterion.Id == "I11");
        Assert.Equal(CriterionOutcome.Unknown, i11.Outcome);
        // Only what can still change the outcome: not the end dates of a local surgery or biopsy that did not happen.
        Assert.Equal(new[] { "Surgery.major_surgery_end" }, i11.Missing);
        Assert.Equal(Verdict.Pending, result.Verdict);
    }

    [Theory]
    [InlineData(4, 25, CriterionOutcome.Met)]     // 5 half-lives = 20 days < 28: the 28 days count; 25 days ago is within
    [InlineData(4, 29, CriterionOutcome.NotMet)]  // 29 days ago: outside 28 days
    [InlineData(7, 30, CriterionOutcome.Met)]     // 5 half-lives = 35 days > 28: 30 days ago is within
    [InlineData(7, 35, CriterionOutcome.Met)]     // exactly 35 days: within is inclusive
    [InlineData(7, 36, CriterionOutcome.NotMet)]
    public void E8_other_research_drug_within_28_days_or_5_half_lives_whichever_is_longer(double halfLifeDays, int daysAgo, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("E8", i =>
        {
            i.PriorMedication.InvestigationalDrug = true;
            i.PriorMedication.InvestigationalDrugLastDose = Candidates.FirstDose.Date.AddDays(-daysAgo);
            i.PriorMedication.InvestigationalDrugHalfLife = new Quantity(halfLifeDays * 24, "h");
        }));

    [Fact]
    public void E8_without_the_half_life_is_unknown_and_lists_it_as_missing()
    {
        var e8 = Evaluate(i => { i.PriorMedication.InvestigationalDrug = true; i.PriorMedication.InvestigationalDrugLastDose = Candidates.FirstDose.AddDays(-40); })
            .Criteria.Single(c => c.Criterion.Id == "E8");
        Assert.Equal(CriterionOutcome.Unknown, e8.Outcome);
        Assert.Contains("PriorMedication.investigational_drug_half_life", e8.Missing);
    }

    [Fact]
    public void Missing_lists_every_input_that_keeps_an_or_unknown()
    {
        var i10 = Evaluate(i => { i.PriorMedication.ImmunosuppressiveDose = null; i.PriorMedication.ImmunosuppressiveStopDate = null; })
            .Criteria.Single(c => c.Criterion.Id == "I10");
        Assert.Equal(CriterionOutcome.Unknown, i10.Outcome);
        Assert.Equal(new[] { "PriorMedication.immunosuppressive_dose", "PriorMedication.immunosuppressive_stop_date" }, i10.Missing.OrderBy(x => x, StringComparer.Ordinal));
    }

    [Fact]
    public void E8_within_28_days_excludes_even_without_the_half_life()
    {
        Assert.Equal(CriterionOutcome.Met, Outcome("E8", i =>
        {
            i.PriorMedication.InvestigationalDrug = true;
            i.PriorMedication.InvestigationalDrugLastDose = Candidates.FirstDose.Date.AddDays(-10);
        }));
    }

    [Theory]
    [InlineData("other", 0, false, CriterionOutcome.NotMet)]          // cured exactly 2 years before enrollment, no treatment: allowed
    [InlineData("other", 1, false, CriterionOutcome.Met)]             // a day short of 2 years: excluded
    [InlineData("other", 0, true, CriterionOutcome.Met)]              // still needs treatment: excluded
    [InlineData("cis_breast", 400, false, CriterionOutcome.NotMet)]   // listed exception, however recent
    [InlineData("non_melanoma_skin", 400, true, CriterionOutcome.NotMet)]
    public void E16_previous_malignancy_cured_at_least_2_years_before_enrollment_unless_an_exception(string type, int daysShort, bool needsTreatment, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("E16", i =>
        {
            i.MedicalHistory.OtherMalignancy = true;
            i.MedicalHistory.OtherMalignancyType = type;
            i.MedicalHistory.OtherMalignancyCuredDate = Candidates.Enrollment.AddYears(-2).AddDays(daysShort);
            i.MedicalHistory.OtherMalignancyNeedsTreatment = needsTreatment;
        }));

    [Theory]
    [InlineData(2008, 2, 3, CriterionOutcome.NotMet)] // 18th birthday the day after consent: 17
    [InlineData(2008, 2, 2, CriterionOutcome.Met)]    // 18th birthday on the day of consent
    [InlineData(2008, 2, 1, CriterionOutcome.Met)]
    [InlineData(1950, 2, 3, CriterionOutcome.Met)]    // 76th birthday the day after consent: still 75
    [InlineData(1950, 2, 2, CriterionOutcome.NotMet)] // 76 on the day of consent
    [InlineData(1950, 2, 1, CriterionOutcome.NotMet)]
    public void Age_18_to_75_in_completed_years_at_consent(int year, int month, int day, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("AGE", i => i.Demographics.BirthDate = new DateTime(year, month, day)));

    [Fact]
    public void E15_monoclonal_antibody_within_3_calendar_months()
    {
        Assert.Equal(CriterionOutcome.Met, Outcome("E15", i => { i.PriorMedication.MonoclonalAntibody = true; i.PriorMedication.MonoclonalAntibodyLastDate = new DateTime(2025, 12, 2); }));
        Assert.Equal(CriterionOutcome.NotMet, Outcome("E15", i => { i.PriorMedication.MonoclonalAntibody = true; i.PriorMedication.MonoclonalAntibodyLastDate = new DateTime(2025, 12, 1); }));
    }

    [Theory]
    [InlineData("negative", false, CriterionOutcome.NotMet)]
    [InlineData("positive", false, CriterionOutcome.Met)]
    [InlineData("negative", true, CriterionOutcome.Met)] // AIDS excludes on its own, as the record says
    public void E6_a_positive_HIV_test_or_AIDS(string hiv, bool aids, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("E6", i => { i.Serology.Hiv = hiv; i.MedicalHistory.Aids = aids; }));

    [Theory]
    [InlineData(4, true, CriterionOutcome.NotMet)]  // fewer than 5 fail under every reading of "at least 5-8"
    [InlineData(5, true, CriterionOutcome.Met)]
    [InlineData(12, true, CriterionOutcome.Met)]    // more than 8 meet it: "at least" is not the range 5..8
    [InlineData(6, false, CriterionOutcome.NotMet)] // the pathologist finds them not enough
    public void I4_at_least_5_specimens_and_the_pathologist_confirms_they_are_enough(int specimens, bool attested, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome("I4", i => { i.Pathology.SpecimensAvailable = specimens; i.Attestations.I4 = attested; }));

    [Fact]
    public void E10_pregnancy_does_not_matter_for_a_man_and_is_missing_for_a_woman()
    {
        Assert.Equal(CriterionOutcome.NotMet, Outcome("E10", i => { i.Demographics.Sex = "male"; i.Baseline.PregnantOrBreastfeeding = null; }));
        var e10 = Evaluate(i => { i.Demographics.Sex = "female"; i.Baseline.PregnantOrBreastfeeding = null; }).Criteria.Single(c => c.Criterion.Id == "E10");
        Assert.Equal(CriterionOutcome.Unknown, e10.Outcome);
        Assert.Equal(new[] { "Baseline.pregnant_or_breastfeeding" }, e10.Missing);
    }

    [Fact]
    public void Attestations_are_pending_until_given_and_decide_when_given()
    {
        var pending = Evaluate(i => { i.Attestations.I5 = null; i.Attestations.E12 = null; });
        Assert.Equal(Verdict.Pending, pending.Verdict);
        Assert.Equal(new[] { "I5", "E12" }, pending.PendingAttestations.Select(c => c.Criterion.Id));
        Assert.Contains("attestation of I5", pending.Missing);
        Assert.Equal(Verdict.Ineligible, Evaluate(i => i.Attestations.I5 = false).Verdict);
        Assert.Equal(CriterionOutcome.Met, Outcome("E12", i => i.Attestations.E12 = false)); // the investigator confirms the exclusion applies
    }

    [Fact]
    public void A_failing_criterion_makes_the_candidate_ineligible_even_with_data_missing()
    {
        var result = Evaluate(i => { i.Vitals.Weight = new Quantity(35, "kg"); i.Serology.Hiv = null; });
        Assert.Equal(Verdict.Ineligible, result.Verdict);
        var failing = Assert.Single(result.Failing);
        Assert.Equal("I6", failing.Criterion.Id);
        Assert.Equal(new ObservedValue("Vitals.weight", "35 kg"), Assert.Single(failing.Values));
        Assert.Contains("Serology.hiv", result.Missing);
    }

    [Fact]
    public void Results_carry_the_criterion_text_category_and_protocol_line()
    {
        var i6 = Evaluate().Criteria.Single(c => c.Criterion.Id == "I6");
        Assert.Equal("Weight ≥ 40kg;", i6.Criterion.Text);
        Assert.Equal(Picares.Dsl.Runtime.Model.CriterionCategory.Inclusion, i6.Criterion.Category);
        var line = System.IO.File.ReadAllLines(Infrastructure.Repository.PicaresPath)[i6.Criterion.Origin.Location.Line - 1];
        Assert.StartsWith("criterion I6 inclusion", line);
    }

    // The fields always asked and required: a conditional field is required only when shown, and the eligible candidate's
    // answers hide some (no other investigational drug: no date of its last dose).
    private static string[] RequiredFieldNames()
    {
        var read = Picares.Protocols.PicaresProtocol.Criteria.All.SelectMany(c => c.Reads).Append("Demographics.birth_date").ToHashSet();
        return Picares.Protocols.PicaresProtocol.Forms.All
            .SelectMany(form => form.Fields.Where(f => f.Required && f.ShownWhen is null && read.Contains(form.Name + "." + f.Name)).Select(f => form.Name + "." + f.Name))
            .ToArray();
    }

    public static TheoryData<string> RequiredFields() => new(RequiredFieldNames());

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void A_missing_required_input_never_yields_eligible(string field)
    {
        var input = Candidates.Eligible();
        input.Set(field, null);
        var result = Screening.Evaluate(input, Candidates.Dates());
        Assert.NotEqual(Verdict.Eligible, result.Verdict);
        Assert.Contains(field, result.Missing);
    }

    [Fact]
    public void Randomly_removed_inputs_and_dates_never_yield_eligible()
    {
        var fields = RequiredFieldNames();
        var random = new Random(7);
        for (int run = 0; run < 2000; run++)
        {
            var input = Candidates.Eligible();
            var dates = Candidates.Dates();
            int removed = 0;
            foreach (var field in fields)
                if (random.Next(8) == 0) { input.Set(field, null); removed++; }
            if (random.Next(6) == 0) { dates.FirstDose = null; removed++; }
            if (random.Next(6) == 0) { dates.Consent = null; removed++; }
            if (random.Next(6) == 0) { input.Attestations.I12 = null; removed++; }
            var verdict = Screening.Evaluate(input, dates).Verdict;
            if (removed > 0) Assert.NotEqual(Verdict.Eligible, verdict);
            Assert.Equal(verdict, Screening.Decide(input, dates)); // the allocation-free path agrees
        }
    }
}
