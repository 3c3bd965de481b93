using System;
using Picares.Dsl.Runtime.Units;
using Screening = Picares.Protocols.PicaresProtocol.Screening;

namespace Picares.Dsl.Tests.Eligibility;

/// <summary>Builds PICARES screening input: an eligible candidate, to be varied one datum at a time.</summary>
internal static class Candidates
{
    public static readonly DateTime FirstDose = new(2026, 3, 2, 9, 0, 0);
    public static readonly DateTime Consent = new(2026, 2, 2);
    public static readonly DateTime Enrollment = new(2026, 2, 16);

    public static Screening.Dates Dates() => new() { FirstDose = FirstDose, Consent = Consent, Enrollment = Enrollment };

    /// <summary>A candidate who meets every criterion, with every attestation given.</summary>
    public static Screening.Input Eligible()
    {
        var input = new Screening.Input();
        input.Consent.Signed = true;
        input.Demographics.BirthDate = new DateTime(1960, 5, 17);
        input.Demographics.Sex = "male";
        input.Diagnosis.SmallCellLungCancer = true;
        input.Diagnosis.Stage = "extensive";
        input.PriorTherapy.FirstLineChemotherapy = true;
        input.PriorTherapy.ChemotherapyResponse = "PR";
        input.PriorTherapy.LastChemotherapyDate = new DateTime(2026, 1, 5);
        input.PriorTherapy.ResidualAeGrade = 1;
        input.PriorTherapy.CheckpointAntibody = false;
        input.PriorMedication.ImmunosuppressiveDose = new Quantity(0, "mg/d");
        input.PriorMedication.InvestigationalDrug = false;
        input.PriorMedication.Vaccine = false;
        input.PriorMedication.ChineseMedicine = false;
        input.PriorMedication.MonoclonalAntibody = false;
        input.Surgery.MajorSurgery = false;
        input.Surgery.LocalSurgery = false;
        input.Surgery.SkinBiopsy = false;
        input.Pathology.SpecimensAvailable = 6;
        input.Vitals.Weight = new Quantity(62, "kg");
        input.Baseline.Ecog = "1";
        input.Baseline.LifeExpectancy = new Quantity(26, "weeks");
        input.Baseline.CnsMetastases = false;
        input.Baseline.CarcinomatousMeningitis = false;
        input.MedicalHistory.AutoimmuneDisease = false;
        input.MedicalHistory.ActiveTuberculosis = false;
        input.MedicalHistory.Aids = false;
        input.MedicalHistory.NeedsImmunosuppression = false;
        input.MedicalHistory.InterstitialLungDisease = false;
        input.MedicalHistory.OtherMalignancy = false;
        input.MedicalHistory.ProteinAllergy = false;
        input.Serology.Hiv = "negative";
        input.Serology.Hbsag = "negative";
        input.Serology.HcvAntibody = "negative";
        input.Attestations.I4 = true;
        input.Attestations.I5 = true;
        input.Attestations.I12 = true;
        input.Attestations.E11 = true;
        input.Attestations.E12 = true;
        return input;
    }
}
