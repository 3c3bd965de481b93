using System;
using System.Collections.Generic;
using System.Threading;
using Picares.Dsl.Runtime.Model;

namespace Picares.Dsl.Runtime.Eligibility;

/// <summary>What a criterion yields for one candidate.</summary>
public enum CriterionOutcome : byte
{
    /// <summary>Data or an attestation is missing.</summary>
    Unknown = 0,
    /// <summary>The criterion's statement does not hold.</summary>
    NotMet = 1,
    /// <summary>The criterion's statement holds.</summary>
    Met = 2,
}

/// <summary>The overall verdict.</summary>
public enum Verdict : byte
{
    /// <summary>Something is missing and no failing criterion is known yet.</summary>
    Pending = 0,
    /// <summary>A failing criterion is known: an inclusion not met or an exclusion met.</summary>
    Ineligible = 1,
    /// <summary>Every inclusion met and every exclusion not met.</summary>
    Eligible = 2,
}

/// <summary>
/// One criterion's result: the outcome, the values it used, the inputs it lacked (listed only when the
/// outcome is Unknown, since a missing datum that does not change the outcome is not what is lacking), and
/// whether it waits for an attestation.
/// </summary>
public sealed record CriterionResult(
    CriterionInfo Criterion,
    CriterionOutcome Outcome,
    IReadOnlyList<ObservedValue> Values,
    [property: ProtocolName(ProtocolNameKind.Input)] IReadOnlyList<string> Missing,
    bool AwaitingAttestation)
{
    /// <summary>True when this criterion makes the candidate ineligible.</summary>
    public bool Fails => EligibilityResult.Fails(Criterion, Outcome);

    /// <summary>True when this criterion lets the candidate through.</summary>
    public bool Passes => EligibilityResult.Passes(Criterion, Outcome);
}

/// <summary>
/// The screening result of one candidate: the verdict and every criterion's outcome, known as soon as the
/// candidate is evaluated, and each criterion's explanation (the values it used, the inputs it lacked, the
/// attestation it waits for), built from the candidate's data the first time <see cref="Criteria"/> (or
/// anything built on it) is read. Evaluating therefore costs the outcomes alone; a screening log that reads
/// the explanations pays for them once.
/// </summary>
/// <remarks>
/// The explanations are built from the input and dates the result was evaluated from. If either has changed
/// since, reading them throws <see cref="InvalidOperationException"/> rather than explaining the outcome with
/// values it was not computed from: evaluate again, or read <see cref="Criteria"/> before changing the data.
/// A result is safe to read from several threads.
/// </remarks>
public abstract class EligibilityResult
{
    private readonly IReadOnlyList<CriterionInfo> _info;
    private readonly CriterionOutcomes _outcomes;
    private readonly ChangeCounter _inputChanges;
    private readonly ChangeCounter _dateChanges;
    private readonly int _inputCount;
    private readonly int _dateCount;
    private CriterionResult[]? _criteria;

    /// <summary>Creates a result.</summary>
    /// <param name="verdict">The verdict the outcomes give.</param>
    /// <param name="criteria">The criteria evaluated, in order.</param>
    /// <param name="outcomes">Each criterion's outcome, in the same order.</param>
    /// <param name="inputChanges">The change counter of the candidate's input.</param>
    /// <param name="dateChanges">The change counter of the reference dates.</param>
    protected EligibilityResult(Verdict verdict, IReadOnlyList<CriterionInfo> criteria, CriterionOutcomes outcomes,
        ChangeCounter inputChanges, ChangeCounter dateChanges)
    {
        Verdict = verdict;
        _info = criteria ?? throw new ArgumentNullException(nameof(criteria));
        _outcomes = outcomes;
        _inputChanges = inputChanges ?? throw new ArgumentNullException(nameof(inputChanges));
        _dateChanges = dateChanges ?? throw new ArgumentNullException(nameof(dateChanges));
        _inputCount = inputChanges.Count;
        _dateCount = dateChanges.Count;
    }

    /// <summary>The verdict.</summary>
    public Verdict Verdict { get; }

    /// <summary>How many criteria were evaluated.</summary>
    public int Count => _info.Count;

    /// <summary>The outcome of a criterion, by id (such as "I6" or "AGE"), without building any explanation.</summary>
    /// <exception cref="ArgumentException">No criterion has that id.</exception>
    public CriterionOutcome Outcome([ProtocolName(ProtocolNameKind.Criterion)] string criterionId)
    {
        for (int i = 0; i < _info.Count; i++)
            if (string.Equals(_info[i].Id, criterionId, StringComparison.Ordinal)) return _outcomes[i];
        throw new ArgumentException($"No criterion '{criterionId}' was evaluated.", nameof(criterionId));
    }

    /// <summary>Every criterion's result with its explanation, in protocol order (built on first read).</summary>
    /// <exception cref="InvalidOperationException">The input or the dates changed after the evaluation.</exception>
    public IReadOnlyList<CriterionResult> Criteria
    {
        get
        {
            var criteria = Volatile.Read(ref _criteria);
            if (criteria is not null) return criteria;
            ThrowIfChanged();
            criteria = new CriterionResult[_info.Count];
            for (int i = 0; i < criteria.Length; i++) criteria[i] = Explain(i, _info[i], _outcomes[i]);
            ThrowIfChanged(); // changed by another thread while the explanations were built: they may mix old and new data
            return Interlocked.CompareExchange(ref _criteria, criteria, null) ?? criteria;
        }
    }

    private void ThrowIfChanged()
    {
        if (_inputChanges.Count != _inputCount || _dateChanges.Count != _dateCount)
            throw new InvalidOperationException(
                "The screening input or the reference dates changed after this result was evaluated, so its explanations cannot be built from them; evaluate the candidate again, or read Criteria before changing the data.");
    }

    /// <summary>
    /// The explanation of the criterion at <paramref name="index"/>, from the data the result was evaluated from. It lists
    /// missing inputs only when <paramref name="outcome"/> is Unknown (<see cref="Missing"/> explains no other criterion).
    /// </summary>
    protected abstract CriterionResult Explain(int index, CriterionInfo criterion, CriterionOutcome outcome);

    /// <summary>The criteria that make the candidate ineligible.</summary>
    public IEnumerable<CriterionResult> Failing
    {
        get { foreach (var c in Criteria) if (c.Fails) yield return c; }
    }

    /// <summary>Every input still missing, once each, in criterion order.</summary>
    /// <remarks>
    /// Only a criterion whose outcome is Unknown lists missing inputs, so until <see cref="Criteria"/> has been read only
    /// those criteria are explained (and not kept): a screening worklist that asks what to collect next pays for the few
    /// undecided criteria, not for every explanation.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The input or the dates changed after the evaluation.</exception>
    [ProtocolName(ProtocolNameKind.Input)]
    public IReadOnlyList<string> Missing
    {
        get
        {
            var missing = new MissingInputs();
            if (Volatile.Read(ref _criteria) is { } criteria)
            {
                foreach (var c in criteria)
                    foreach (var m in c.Missing)
                        missing.Add(m);
                return missing;
            }
            ThrowIfChanged();
            for (int i = 0; i < _info.Count; i++)
            {
                if (_outcomes[i] != CriterionOutcome.Unknown) continue;
                foreach (var m in Explain(i, _info[i], CriterionOutcome.Unknown).Missing)
                    missing.Add(m);
            }
            ThrowIfChanged(); // as in Criteria: changed by another thread while the explanations were built
            return missing;
        }
    }

    /// <summary>The criteria that wait for an attestation.</summary>
    public IEnumerable<CriterionResult> PendingAttestations
    {
        get { foreach (var c in Criteria) if (c.AwaitingAttestation) yield return c; }
    }

    /// <summary>Combines criterion results: Ineligible if any fails, Eligible if all pass, otherwise Pending.</summary>
    public static Verdict Decide(IReadOnlyList<CriterionResult> criteria)
    {
        if (criteria is null) throw new ArgumentNullException(nameof(criteria));
        bool allPass = true;
        foreach (var c in criteria)
        {
            if (c.Fails) return Verdict.Ineligible;
            if (!c.Passes) allPass = false;
        }
        return allPass ? Verdict.Eligible : Verdict.Pending;
    }

    /// <summary>True when the outcome makes the candidate ineligible: an inclusion not met or an exclusion met.</summary>
    public static bool Fails(CriterionInfo criterion, CriterionOutcome outcome) =>
        criterion.Category == CriterionCategory.Inclusion ? outcome == CriterionOutcome.NotMet : outcome == CriterionOutcome.Met;

    /// <summary>True when the outcome lets the candidate through: an inclusion met or an exclusion not met.</summary>
    public static bool Passes(CriterionInfo criterion, CriterionOutcome outcome) =>
        criterion.Category == CriterionCategory.Inclusion ? outcome == CriterionOutcome.Met : outcome == CriterionOutcome.NotMet;
}
