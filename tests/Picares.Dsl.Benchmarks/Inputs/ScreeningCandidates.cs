using System;
using Picares.Dsl.Runtime.Units;
using Screening = Picares.Protocols.PicaresProtocol.Screening;

namespace Picares.Dsl.Benchmarks.Inputs;

/// <summary>The PICARES candidates the screening benchmarks evaluate, and the reference dates they are screened at.</summary>
public static class ScreeningCandidates
{
    /// <summary>Consent, enrollment and first dose, as a screening visit has them.</summary>
    public static Screening.Dates Dates() =>
        new() { Consent = new DateTime(2026, 2, 2), Enrollment = new DateTime(2026, 2, 16), FirstDose = new DateTime(2026, 3, 2, 9, 0, 0) };

    /// <summary>A complete candidate: every datum the computable criteria read, drawn from plausible ranges.</summary>
    public static Screening.Input Complete(Random random)
    {
        var i = new Screening.Input();
        i.Consent.Signed = true;
        i.Demographics.BirthDate = new DateTime(1950 + random.Next(40), 1 + random.Next(12), 1 + random.Next(28));
        i.Demographics.Sex = random.Next(2) == 0 ? "male" : "female";
        i.Diagnosis.SmallCellLungCancer = true;
        i.Diagnosis.Stage = random.Next(10) == 0 ? "limited" : "extensive";
        i.PriorTherapy.FirstLineChemotherapy = true;
        i.PriorTherapy.ChemotherapyResponse = random.Next(6) == 0 ? "SD" : "PR";
        i.PriorTherapy.LastChemotherapyDate = new DateTime(2026, 1, 1).AddDays(random.Next(40));
        i.PriorTherapy.ResidualAeGrade = random.Next(6) == 0 ? 2 : 1;
        i.PriorTherapy.CheckpointAntibody = false;
        i.PriorMedication.ImmunosuppressiveDose = new Quantity(random.Next(8) == 0 ? 20 : 5, "mg/d");
        i.PriorMedication.ImmunosuppressiveStopDate = new DateTime(2026, 2, 1).AddDays(random.Next(25));
        i.PriorMedication.InvestigationalDrug = false;
        i.PriorMedication.Vaccine = false;
        i.PriorMedication.ChineseMedicine = false;
        i.PriorMedication.MonoclonalAntibody = false;
        i.Surgery.MajorSurgery = false;
        i.Surgery.LocalSurgery = false;
        i.Surgery.SkinBiopsy = false;
        i.Pathology.SpecimensAvailable = 3 + random.Next(6);
        i.Vitals.Weight = random.Next(2) == 0 ? new Quantity(35 + random.Next(50), "kg") : new Quantity(80 + random.Next(100), "lb");
        i.Baseline.Ecog = random.Next(5) == 0 ? "2" : "1";
        i.Baseline.LifeExpectancy = new Quantity(8 + random.Next(30), "weeks");
        i.Baseline.CnsMetastases = random.Next(10) == 0;
        i.Baseline.CarcinomatousMeningitis = false;
        i.Baseline.PregnantOrBreastfeeding = false;
        i.MedicalHistory.AutoimmuneDisease = false;
        i.MedicalHistory.ActiveTuberculosis = false;
        i.MedicalHistory.Aids = false;
        i.MedicalHistory.NeedsImmunosuppression = false;
        i.MedicalHistory.InterstitialLungDisease = false;
        i.MedicalHistory.OtherMalignancy = false;
        i.MedicalHistory.ProteinAllergy = false;
        i.Serology.Hiv = "negative";
        i.Serology.Hbsag = random.Next(12) == 0 ? "positive" : "negative";
        i.Serology.HcvAntibody = "negative";
        i.Attestations.I4 = true;
        i.Attestations.I5 = true;
        i.Attestations.I12 = true;
        i.Attestations.E11 = true;
        i.Attestations.E12 = true;
        return i;
    }
}
