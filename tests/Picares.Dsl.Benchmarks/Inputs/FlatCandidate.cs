using System;
using System.Linq;
using Picares.Dsl.Runtime.Units;
using RulesEngine.Models;
using Screening = Picares.Protocols.PicaresProtocol.Screening;

namespace Picares.Dsl.Benchmarks.Inputs;

/// <summary>The same candidate flattened for RulesEngine: one property per datum, in one unit each.</summary>
public sealed class FlatCandidate
{
    public bool? ConsentSigned { get; set; }
    public DateTime? BirthDate { get; set; }
    public DateTime? ConsentDate { get; set; }
    public DateTime? EnrollmentDate { get; set; }
    public DateTime? FirstDose { get; set; }
    public string? Sex { get; set; }
    public bool? Sclc { get; set; }
    public string? Stage { get; set; }
    public bool? FirstLine { get; set; }
    public string? Response { get; set; }
    public DateTime? LastChemo { get; set; }
    public int? ResidualGrade { get; set; }
    public bool? Checkpoint { get; set; }
    public double? SteroidMgPerDay { get; set; }
    public DateTime? SteroidStop { get; set; }
    public bool? Investigational { get; set; }
    public bool? Vaccine { get; set; }
    public bool? ChineseMedicine { get; set; }
    public bool? Monoclonal { get; set; }
    public bool? MajorSurgery { get; set; }
    public bool? LocalSurgery { get; set; }
    public bool? SkinBiopsy { get; set; }
    public int? Specimens { get; set; }
    public double? WeightKg { get; set; }
    public string? Ecog { get; set; }
    public double? LifeExpectancyWeeks { get; set; }
    public bool? Cns { get; set; }
    public bool? Meningitis { get; set; }
    public bool? Pregnant { get; set; }
    public bool? Autoimmune { get; set; }
    public bool? Tuberculosis { get; set; }
    public bool? Aids { get; set; }
    public bool? NeedsImmunosuppression { get; set; }
    public bool? Ild { get; set; }
    public bool? OtherMalignancy { get; set; }
    public bool? ProteinAllergy { get; set; }
    public string? Hiv { get; set; }
    public string? Hbsag { get; set; }
    public string? Hcv { get; set; }
    public bool? AttestedI4 { get; set; }
    public bool? AttestedI5 { get; set; }
    public bool? AttestedI12 { get; set; }
    public bool? AttestedE11 { get; set; }
    public bool? AttestedE12 { get; set; }

    public static FlatCandidate From(Screening.Input i, Screening.Dates d) => new()
    {
        ConsentSigned = i.Consent.Signed, BirthDate = i.Demographics.BirthDate, ConsentDate = d.Consent, EnrollmentDate = d.Enrollment, FirstDose = d.FirstDose,
        Sex = i.Demographics.Sex, Sclc = i.Diagnosis.SmallCellLungCancer, Stage = i.Diagnosis.Stage, FirstLine = i.PriorTherapy.FirstLineChemotherapy,
        Response = i.PriorTherapy.ChemotherapyResponse, LastChemo = i.PriorTherapy.LastChemotherapyDate, ResidualGrade = i.PriorTherapy.ResidualAeGrade,
        Checkpoint = i.PriorTherapy.CheckpointAntibody, SteroidMgPerDay = i.PriorMedication.ImmunosuppressiveDose?.ConvertTo(UnitCatalog.Get("mg/d")).Value,
        SteroidStop = i.PriorMedication.ImmunosuppressiveStopDate, Investigational = i.PriorMedication.InvestigationalDrug, Vaccine = i.PriorMedication.Vaccine,
        ChineseMedicine = i.PriorMedication.ChineseMedicine, Monoclonal = i.PriorMedication.MonoclonalAntibody, MajorSurgery = i.Surgery.MajorSurgery,
        LocalSurgery = i.Surgery.LocalSurgery, SkinBiopsy = i.Surgery.SkinBiopsy, Specimens = i.Pathology.SpecimensAvailable,
        WeightKg = i.Vitals.Weight?.ConvertTo(UnitCatalog.Get("kg")).Value, Ecog = i.Baseline.Ecog,
        LifeExpectancyWeeks = i.Baseline.LifeExpectancy?.ConvertTo(UnitCatalog.Get("wk")).Value, Cns = i.Baseline.CnsMetastases,
        Meningitis = i.Baseline.CarcinomatousMeningitis, Pregnant = i.Baseline.PregnantOrBreastfeeding, Autoimmune = i.MedicalHistory.AutoimmuneDisease,
        Tuberculosis = i.MedicalHistory.ActiveTuberculosis, Aids = i.MedicalHistory.Aids, NeedsImmunosuppression = i.MedicalHistory.NeedsImmunosuppression, Ild = i.MedicalHistory.InterstitialLungDisease,
        OtherMalignancy = i.MedicalHistory.OtherMalignancy, ProteinAllergy = i.MedicalHistory.ProteinAllergy, Hiv = i.Serology.Hiv, Hbsag = i.Serology.Hbsag,
        Hcv = i.Serology.HcvAntibody, AttestedI4 = i.Attestations.I4, AttestedI5 = i.Attestations.I5, AttestedI12 = i.Attestations.I12, AttestedE11 = i.Attestations.E11, AttestedE12 = i.Attestations.E12,
    };

    /// <summary>A RulesEngine holding <see cref="Workflow"/>.</summary>
    public static RulesEngine.RulesEngine Engine() => new(new[] { Workflow() }, new ReSettings());

    /// <summary>Whether RulesEngine passes <paramref name="candidate"/> on every rule (outside the measured calls: it blocks on the task).</summary>
    public static bool Admits(RulesEngine.RulesEngine engine, FlatCandidate candidate) =>
        engine.ExecuteAllRulesAsync("Picares", new RuleParameter("c", candidate)).GetAwaiter().GetResult().All(r => r.IsSuccess);

    /// <summary>The computable PICARES criteria (and the attestations) as RulesEngine rules: each succeeds when the candidate passes it.</summary>
    public static Workflow Workflow()
    {
        var rules = new (string Name, string Expression)[]
        {
            ("AGE", "BirthDate != null && ConsentDate != null && (ConsentDate.Value.Year - BirthDate.Value.Year - (ConsentDate.Value.Month * 100 + ConsentDate.Value.Day < BirthDate.Value.Month * 100 + BirthDate.Value.Day ? 1 : 0)) >= 18 && (ConsentDate.Value.Year - BirthDate.Value.Year - (ConsentDate.Value.Month * 100 + ConsentDate.Value.Day < BirthDate.Value.Month * 100 + BirthDate.Value.Day ? 1 : 0)) <= 75"),
            ("I1", "ConsentSigned == true"),
            ("I2", "Sclc == true && Stage == \"extensive\""),
            ("I3", "FirstLine == true && (Response == \"CR\" || Response == \"PR\")"),
            ("I4", "Specimens != null && Specimens >= 5 && AttestedI4 == true"),
            ("I5", "AttestedI5 == true"),
            ("I6", "WeightKg != null && WeightKg >= 40"),
            ("I7", "LifeExpectancyWeeks != null && LifeExpectancyWeeks >= 12"),
            ("I8", "Ecog == \"0\" || Ecog == \"1\""),
            ("I9", "LastChemo != null && FirstDose != null && (FirstDose.Value.Date - LastChemo.Value.Date).TotalDays > 28 && ResidualGrade != null && ResidualGrade <= 1"),
            ("I10", "(SteroidMgPerDay != null && SteroidMgPerDay <= 10) || (SteroidStop != null && FirstDose != null && (FirstDose.Value.Date - SteroidStop.Value.Date).TotalDays >= 14)"),
            ("I11", "MajorSurgery == false && LocalSurgery == false && SkinBiopsy == false"),
            ("I12", "AttestedI12 == true"),
            ("E1", "Cns == false"),
            ("E2", "Meningitis == false"),
            ("E3", "Autoimmune == false"),
            ("E4", "Checkpoint == false"),
            ("E5", "Tuberculosis == false"),
            ("E6", "Hiv != null && Hiv != \"positive\" && Aids == false"),
            ("E7", "NeedsImmunosuppression == false"),
            ("E8", "Investigational == false"),
            ("E9", "Vaccine == false"),
            ("E10", "Sex == \"male\" || (Sex == \"female\" && Pregnant == false)"),
            ("E11", "AttestedE11 == true"),
            ("E12", "AttestedE12 == true"),
            ("E13", "Ild == false"),
            ("E14", "ChineseMedicine == false"),
            ("E15", "Monoclonal == false"),
            ("E16", "OtherMalignancy == false"),
            ("E17", "Hbsag != null && Hcv != null && Hbsag != \"positive\" && Hcv != \"positive\""),
            ("E18", "ProteinAllergy == false"),
        };
        // Every property is read through the rule parameter "c".
        var names = typeof(FlatCandidate).GetProperties().Select(p => p.Name).OrderByDescending(n => n.Length).ToArray();
        var pattern = new System.Text.RegularExpressions.Regex(@"(?<![.\w""])(" + string.Join("|", names) + @")\b");
        return new Workflow
        {
            WorkflowName = "Picares",
            Rules = rules.Select(r => new Rule { RuleName = r.Name, Expression = pattern.Replace(r.Expression, "c.$1"), RuleExpressionType = RuleExpressionType.LambdaExpression }).ToList(),
        };
    }
}
