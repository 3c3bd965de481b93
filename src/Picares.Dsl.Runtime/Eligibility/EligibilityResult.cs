using System.Collections.Generic;
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
    public bool Fails => Criterion.Category == CriterionCategory.Inclusion ? Outcome == CriterionOutcome.NotMet : Outcome == CriterionOutcome.Met;

    /// <summary>True when this criterion lets the candidate through.</summary>
    public bool Passes => Criterion.Category == CriterionCategory.Inclusion ? Outcome == CriterionOutcome.Met : Outcome == CriterionOutcome.NotMet;
}

/// <summary>The screening result of one candidate.</summary>
public sealed record EligibilityResult(Verdict Verdict, IReadOnlyList<CriterionResult> Criteria)
{
    /// <summary>The criteria that make the candidate ineligible.</summary>
    public IEnumerable<CriterionResult> Failing
    {
        get { foreach (var c in Criteria) if (c.Fails) yield return c; }
    }

    /// <summary>Every input still missing, once each, in criterion order.</summary>
    [ProtocolName(ProtocolNameKind.Input)]
    public IReadOnlyList<string> Missing
    {
        get
        {
            var seen = new HashSet<string>();
            var list = new List<string>();
            foreach (var c in Criteria)
                foreach (var m in c.Missing)
                    if (seen.Add(m)) list.Add(m);
            return list;
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
        bool allPass = true;
        foreach (var c in criteria)
        {
            if (c.Fails) return Verdict.Ineligible;
            if (!c.Passes) allPass = false;
        }
        return allPass ? Verdict.Eligible : Verdict.Pending;
    }
}
