using System;
using System.Linq;
using Picares.Dsl.Runtime.Crf;
using Picares.Dsl.Runtime.Units;
using Xunit;
using Crf = Picares.Protocols.PicaresProtocol.Crf;

namespace Picares.Dsl.Tests.CaseReportForms;

/// <summary>The CRF models generated for PICARES: typed forms, code lists, edit checks at their boundaries.</summary>
public class CrfModelTests
{
    private static CrfFinding[] Check(Crf.Vitals vitals) => vitals.Validate().ToArray();

    [Theory]
    [InlineData(19.99, "kg", "hard_limit soft_limit")] // below the hard limit is below the soft one too
    [InlineData(20, "kg", "soft_limit")]
    [InlineData(300, "kg", "soft_limit")]
    [InlineData(300.01, "kg", "hard_limit soft_limit")]
    [InlineData(661.3, "lb", "soft_limit")]            // 299.96 kg
    [InlineData(661.4, "lb", "hard_limit soft_limit")] // 300.01 kg
    [InlineData(34.99, "kg", "soft_limit")]
    [InlineData(35, "kg", "")]
    [InlineData(200, "kg", "")]
    [InlineData(440.92, "lb", "")]                     // 199.999 kg
    [InlineData(200.01, "kg", "soft_limit")]
    public void Weight_limits_hard_and_soft_after_conversion(double value, string unit, string rules)
    {
        var vitals = new Crf.Vitals { Weight = new Quantity(value, unit) };
        var findings = Check(vitals);
        Assert.Equal(rules.Split(' ', StringSplitOptions.RemoveEmptyEntries), findings.Select(f => f.Rule));
        Assert.All(findings, f => Assert.Equal(f.Rule == "hard_limit" ? FindingSeverity.Reject : FindingSeverity.Query, f.Severity));
        Assert.All(findings, f => Assert.Equal(("Vitals", "weight"), (f.Form, f.Field)));
        Assert.Equal(new Quantity(value, unit), vitals.Weight);         // never clamped, rounded or dropped
        Assert.Equal(UnitCatalog.Get(unit), vitals.Weight!.Value.Unit); // in the unit it was given
    }

    [Fact]
    public void A_value_in_a_unit_of_another_dimension_is_kept_and_rejected()
    {
        var vitals = new Crf.Vitals { Weight = new Quantity(70, "weeks") };
        var finding = Assert.Single(Check(vitals));
        Assert.Equal(("unit", FindingSeverity.Reject), (finding.Rule, finding.Severity));
        Assert.Equal(new Quantity(70, "weeks"), vitals.Weight);
    }

    [Fact]
    public void A_required_field_without_a_value_is_rejected_with_its_protocol_line()
    {
        var finding = Assert.Single(new Crf.Vitals().Validate());
        Assert.Equal(("weight", "required", FindingSeverity.Reject), (finding.Field, finding.Rule, finding.Severity));
        var line = System.IO.File.ReadAllLines(Infrastructure.Repository.PicaresPath)[finding.Line - 1];
        Assert.Contains("field weight", line);
    }

    [Fact]
    public void Integer_limits_are_checked()
    {
        var prior = new Crf.PriorTherapy { FirstLineChemotherapy = true, ChemotherapyResponse = Crf.Response.PR, LastChemotherapyDate = new DateTime(2026, 1, 5), ResidualAeGrade = 6, CheckpointAntibody = false };
        var finding = Assert.Single(prior.Validate());
        Assert.Equal(("residual_ae_grade", "hard_limit"), (finding.Field, finding.Rule));
        Assert.Equal(6, prior.ResidualAeGrade);
    }

    [Fact]
    public void A_required_conditional_field_is_required_when_shown_and_must_be_empty_when_not()
    {
        var medication = new Crf.PriorMedication
        {
            ImmunosuppressiveDose = new Quantity(0, "mg/d"), InvestigationalDrug = true, Vaccine = false, ChineseMedicine = false, MonoclonalAntibody = false,
        };
        var findings = medication.Validate();
        Assert.Equal(new[] { "investigational_drug_last_dose", "investigational_drug_half_life" }, findings.Select(f => f.Field));
        Assert.All(findings, f => Assert.Equal("required", f.Rule));

        medication.InvestigationalDrug = false;
        medication.InvestigationalDrugLastDose = new DateTime(2026, 1, 1);
        var hidden = Assert.Single(medication.Validate());
        Assert.Equal(("investigational_drug_last_dose", "shown_when"), (hidden.Field, hidden.Rule));
        Assert.Equal(new DateTime(2026, 1, 1), medication.InvestigationalDrugLastDose); // kept, reported
    }

    [Fact]
    public void A_condition_on_another_form_reads_it_from_the_case_book_and_is_unchecked_without_it()
    {
        var baseline = new Crf.Baseline { Ecog = Crf.Ecog._1, LifeExpectancy = new Quantity(26, "weeks"), CnsMetastases = false, CarcinomatousMeningitis = false, PregnantOrBreastfeeding = true };
        var book = new Crf.CaseBook { Baseline = baseline, Demographics = new Crf.Demographics { BirthDate = new DateTime(1960, 1, 1), Sex = Crf.Sex.Male } };
        var finding = Assert.Single(book.Validate());
        Assert.Equal(("Baseline", "pregnant_or_breastfeeding", "shown_when"), (finding.Form, finding.Field, finding.Rule));

        book.Demographics.Sex = Crf.Sex.Female;
        Assert.Empty(book.Validate());
        Assert.Empty(baseline.Validate()); // without the case book the sex is unknown: no finding either way
    }

    [Fact]
    public void Repeating_forms_are_lists_and_findings_name_the_occurrence()
    {
        var book = new Crf.CaseBook();
        book.AdverseEvents.Add(new Crf.AdverseEvents { Term = "Rash", OnsetDate = new DateTime(2026, 2, 1), Grade = 2, Related = true });
        book.AdverseEvents.Add(new Crf.AdverseEvents { Term = "Pneumonitis", OnsetDate = new DateTime(2026, 3, 1), Grade = 6, Related = true });
        var finding = Assert.Single(book.Validate());
        Assert.Equal(("AdverseEvents", 2, "grade", "hard_limit"), (finding.Form, finding.Occurrence, finding.Field, finding.Rule));
    }

    [Fact]
    public void Code_lists_are_enums_with_their_codes_and_labels()
    {
        Assert.Equal("0", Crf.EcogCodes.CodeOf(Crf.Ecog._0));
        Assert.Equal("Fully active", Crf.EcogCodes.LabelOf(Crf.Ecog._0));
        Assert.True(Crf.ResponseCodes.TryParse("PR", out var pr));
        Assert.Equal(Crf.Response.PR, pr);
        Assert.False(Crf.ResponseCodes.TryParse("XX", out _));
        Assert.Equal("Partial response", Crf.ResponseCodes.LabelOf(pr));
        Assert.Equal(Enum.GetValues<Crf.Response>().Length, Picares.Protocols.PicaresProtocol.CodeLists.Response.Codes.Count);
    }
}
