using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Picares.Dsl.Runtime.Eligibility;
using Picares.Dsl.Runtime.Units;
using RulesEngine.Models;
using Screening = Picares.Protocols.PicaresProtocol.Screening;

namespace Picares.Dsl.Benchmarks;

/// <summary>
/// The generated PICARES eligibility evaluation against Microsoft's RulesEngine 6.0.1 running the same
/// computable criteria on the same candidates. RulesEngine gets the data already flattened and converted to
/// one unit per field (it has no units and no three-valued logic), and null checks in its expressions stand
/// in for missing data, which makes its job easier, not harder.
/// </summary>
[MemoryDiagnoser]
public class EligibilityBenchmarks
{
    private Screening.Input[] _inputs = Array.Empty<Screening.Input>();
    private Screening.Dates _dates = new();
    private FlatCandidate[] _flat = Array.Empty<FlatCandidate>();
    private RulesEngine.RulesEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _dates = new Screening.Dates { Consent = new DateTime(2026, 2, 2), Enrollment = new DateTime(2026, 2, 16), FirstDose = new DateTime(2026, 3, 2, 9, 0, 0) };
        _inputs = Enumerable.Range(0, 64).Select(_ => Candidate(random)).ToArray();
        _flat = _inputs.Select(i => FlatCandidate.From(i, _dates)).ToArray();
        _engine = new RulesEngine.RulesEngine(new[] { FlatCandidate.Workflow() }, new ReSettings());

        // The two must agree before they are compared.
        for (int i = 0; i < _inputs.Length; i++)
        {
            var ours = Screening.Evaluate(_inputs[i], _dates).Verdict;
            var theirs = _engine.ExecuteAllRulesAsync("Picares", new RuleParameter("c", _flat[i])).GetAwaiter().GetResult().All(r => r.IsSuccess);
            if (Screening.Decide(_inputs[i], _dates) != ours) throw new InvalidOperationException($"candidate {i}: Decide and Evaluate disagree");
            if ((ours == Verdict.Eligible) != theirs)
                throw new InvalidOperationException($"candidate {i}: generated {ours} (missing: {string.Join(", ", Screening.Evaluate(_inputs[i], _dates).Missing)}), RulesEngine {theirs}");
        }
    }

    [Benchmark(Baseline = true, Description = "RulesEngine 6.0.1, 64 candidates")]
    public async Task<int> RulesEngine_64_candidates()
    {
        int eligible = 0;
        foreach (var candidate in _flat)
        {
            var results = await _engine.ExecuteAllRulesAsync("Picares", new RuleParameter("c", candidate));
            if (results.All(r => r.IsSuccess)) eligible++;
        }
        return eligible;
    }

    [Benchmark(Description = "Generated evaluator, 64 candidates")]
    public int Generated_64_candidates()
    {
        int eligible = 0;
        foreach (var input in _inputs)
            if (Screening.Evaluate(input, _dates).Verdict == Verdict.Eligible) eligible++;
        return eligible;
    }

    /// <summary>Evaluate, then read every criterion's explanation (values used, inputs lacking): what a screening log pays.</summary>
    [Benchmark(Description = "Generated evaluator, every explanation read, 64 candidates")]
    public int Generated_explained_64_candidates()
    {
        int failing = 0;
        foreach (var input in _inputs)
            foreach (var criterion in Screening.Evaluate(input, _dates).Criteria)
                if (criterion.Fails) failing++;
        return failing;
    }

    [Benchmark(Description = "Generated Decide (verdict only), 64 candidates")]
    public int Generated_decide_64_candidates()
    {
        int eligible = 0;
        foreach (var input in _inputs)
            if (Screening.Decide(input, _dates) == Verdict.Eligible) eligible++;
        return eligible;
    }

    /// <summary>A million evaluations with nothing kept: memory must not grow with the count.</summary>
    [Benchmark(Description = "Generated evaluator, 1,000,000 candidates streamed", OperationsPerInvoke = 1_000_000)]
    public int Generated_one_million_streamed()
    {
        int eligible = 0;
        for (int i = 0; i < 1_000_000; i++)
            if (Screening.Evaluate(_inputs[i & 63], _dates).Verdict == Verdict.Eligible) eligible++;
        return eligible;
    }

    /// <summary>A complete candidate: every datum the computable criteria read, drawn from plausible ranges.</summary>
    internal static Screening.Input Candidate(Random random)
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
