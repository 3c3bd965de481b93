using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Picares.Dsl.Benchmarks.Inputs;
using Picares.Dsl.Runtime.Eligibility;
using RulesEngine.Models;
using Screening = Picares.Protocols.PicaresProtocol.Screening;

namespace Picares.Dsl.Benchmarks;

/// <summary>
/// Screening part-way through: the same PICARES candidates as <see cref="EligibilityBenchmarks"/>, each with one to four
/// data not yet collected (a pending serology, an ECOG not yet scored, a weight not yet taken). The generated
/// evaluator answers Pending and names what is missing; RulesEngine 6.0.1 (the baseline, with null checks in its rules)
/// can only fail the rules whose data are null. Reading <c>Missing</c> is what a screening worklist pays to say what to
/// collect next.
/// </summary>
[MemoryDiagnoser]
public class IncompleteScreeningBenchmarks
{
    private Screening.Input[] _inputs = Array.Empty<Screening.Input>();
    private Screening.Dates _dates = new();
    private FlatCandidate[] _flat = Array.Empty<FlatCandidate>();
    private RulesEngine.RulesEngine _engine = null!;

    /// <summary>Data a screening visit may not have yet, each with the input name the evaluator reports for it.</summary>
    private static readonly (string Input, Action<Screening.Input> Clear)[] NotYetCollected =
    {
        ("Serology.hiv", i => i.Serology.Hiv = null),
        ("Serology.hbsag", i => i.Serology.Hbsag = null),
        ("Serology.hcv_antibody", i => i.Serology.HcvAntibody = null),
        ("Baseline.ecog", i => i.Baseline.Ecog = null),
        ("Baseline.life_expectancy", i => i.Baseline.LifeExpectancy = null),
        ("Baseline.cns_metastases", i => i.Baseline.CnsMetastases = null),
        ("Vitals.weight", i => i.Vitals.Weight = null),
        ("Pathology.specimens_available", i => i.Pathology.SpecimensAvailable = null),
        ("PriorTherapy.residual_ae_grade", i => i.PriorTherapy.ResidualAeGrade = null),
        ("MedicalHistory.interstitial_lung_disease", i => i.MedicalHistory.InterstitialLungDisease = null),
    };

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _dates = ScreeningCandidates.Dates();
        var cleared = new List<HashSet<string>>();
        _inputs = Enumerable.Range(0, 64).Select(_ =>
        {
            var input = ScreeningCandidates.Complete(random);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, clear) in NotYetCollected.OrderBy(_ => random.Next()).Take(1 + random.Next(4)))
            {
                clear(input);
                names.Add(name);
            }
            cleared.Add(names);
            return input;
        }).ToArray();
        _flat = _inputs.Select(i => FlatCandidate.From(i, _dates)).ToArray();
        _engine = FlatCandidate.Engine();

        // The two must agree on who is eligible (nobody with a datum missing that a criterion needs), and the evaluator must
        // name only data that were cleared, and some for every Pending candidate, before anything is timed.
        int pending = 0;
        for (int i = 0; i < _inputs.Length; i++)
        {
            var ours = Screening.Evaluate(_inputs[i], _dates);
            var theirs = FlatCandidate.Admits(_engine, _flat[i]);
            if ((ours.Verdict == Verdict.Eligible) != theirs)
                throw new InvalidOperationException($"candidate {i}: generated {ours.Verdict}, RulesEngine {theirs}");
            if (ours.Missing.FirstOrDefault(m => !cleared[i].Contains(m)) is { } extra)
                throw new InvalidOperationException($"candidate {i}: {extra} reported missing, but it was given");
            if (ours.Verdict == Verdict.Pending)
            {
                pending++;
                if (ours.Missing.Count == 0) throw new InvalidOperationException($"candidate {i}: Pending with nothing missing");
            }
            if (ours.Verdict == Verdict.Eligible) throw new InvalidOperationException($"candidate {i}: eligible with data missing");
        }
        if (pending < _inputs.Length / 4) throw new InvalidOperationException($"only {pending} of {_inputs.Length} candidates are Pending");
    }

    [Benchmark(Baseline = true, Description = "RulesEngine 6.0.1, 64 incomplete candidates")]
    public async Task<int> RulesEngine_64_incomplete()
    {
        int failedRules = 0;
        foreach (var candidate in _flat)
            foreach (var result in await _engine.ExecuteAllRulesAsync("Picares", new RuleParameter("c", candidate)))
                if (!result.IsSuccess) failedRules++;
        return failedRules;
    }

    [Benchmark(Description = "Generated evaluator, 64 incomplete candidates")]
    public int Generated_64_incomplete()
    {
        int pending = 0;
        foreach (var input in _inputs)
            if (Screening.Evaluate(input, _dates).Verdict == Verdict.Pending) pending++;
        return pending;
    }

    /// <summary>Evaluate, then read what each candidate still lacks: a screening worklist.</summary>
    [Benchmark(Description = "Generated evaluator, Missing read, 64 incomplete candidates")]
    public int Generated_missing_64_incomplete()
    {
        int missing = 0;
        foreach (var input in _inputs)
            missing += Screening.Evaluate(input, _dates).Missing.Count;
        return missing;
    }
}
