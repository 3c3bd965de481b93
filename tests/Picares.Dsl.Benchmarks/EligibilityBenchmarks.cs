using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Picares.Dsl.Benchmarks.Inputs;
using Picares.Dsl.Runtime.Eligibility;
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
        _dates = ScreeningCandidates.Dates();
        _inputs = Enumerable.Range(0, 64).Select(_ => ScreeningCandidates.Complete(random)).ToArray();
        _flat = _inputs.Select(i => FlatCandidate.From(i, _dates)).ToArray();
        _engine = FlatCandidate.Engine();

        // The two must agree before they are compared.
        for (int i = 0; i < _inputs.Length; i++)
        {
            var ours = Screening.Evaluate(_inputs[i], _dates).Verdict;
            var theirs = FlatCandidate.Admits(_engine, _flat[i]);
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
}
