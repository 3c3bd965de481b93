using Picares.Dsl.Runtime.Eligibility;
using Xunit;
using T = Picares.Dsl.Runtime.Eligibility.Truth;

namespace Picares.Dsl.Tests.Eligibility;

/// <summary>Truth tables of the three-valued logic.</summary>
public class KleeneTests
{
    [Theory]
    [InlineData(T.True, T.True, T.True)]
    [InlineData(T.True, T.False, T.False)]
    [InlineData(T.True, T.Unknown, T.Unknown)]
    [InlineData(T.False, T.True, T.False)]
    [InlineData(T.False, T.False, T.False)]
    [InlineData(T.False, T.Unknown, T.False)]
    [InlineData(T.Unknown, T.True, T.Unknown)]
    [InlineData(T.Unknown, T.False, T.False)]
    [InlineData(T.Unknown, T.Unknown, T.Unknown)]
    public void And(T a, T b, T expected) => Assert.Equal(expected, Kleene.And(a, b));

    [Theory]
    [InlineData(T.True, T.True, T.True)]
    [InlineData(T.True, T.False, T.True)]
    [InlineData(T.True, T.Unknown, T.True)]
    [InlineData(T.False, T.True, T.True)]
    [InlineData(T.False, T.False, T.False)]
    [InlineData(T.False, T.Unknown, T.Unknown)]
    [InlineData(T.Unknown, T.True, T.True)]
    [InlineData(T.Unknown, T.False, T.Unknown)]
    [InlineData(T.Unknown, T.Unknown, T.Unknown)]
    public void Or(T a, T b, T expected) => Assert.Equal(expected, Kleene.Or(a, b));

    [Theory]
    [InlineData(T.True, T.False)]
    [InlineData(T.False, T.True)]
    [InlineData(T.Unknown, T.Unknown)]
    public void Not(T a, T expected) => Assert.Equal(expected, Kleene.Not(a));

    [Theory]
    [InlineData(CriterionOutcome.Met, CriterionOutcome.NotMet, Verdict.Eligible)]
    [InlineData(CriterionOutcome.NotMet, CriterionOutcome.NotMet, Verdict.Ineligible)]
    [InlineData(CriterionOutcome.Met, CriterionOutcome.Met, Verdict.Ineligible)]
    [InlineData(CriterionOutcome.Unknown, CriterionOutcome.NotMet, Verdict.Pending)]
    [InlineData(CriterionOutcome.Met, CriterionOutcome.Unknown, Verdict.Pending)]
    [InlineData(CriterionOutcome.Unknown, CriterionOutcome.Met, Verdict.Ineligible)]
    public void Verdicts_combine_inclusions_and_exclusions(CriterionOutcome inclusion, CriterionOutcome exclusion, Verdict expected)
    {
        var results = new[]
        {
            new CriterionResult(Picares.Protocols.PicaresProtocol.Criteria.I1, inclusion, System.Array.Empty<ObservedValue>(), System.Array.Empty<string>(), false),
            new CriterionResult(Picares.Protocols.PicaresProtocol.Criteria.E1, exclusion, System.Array.Empty<ObservedValue>(), System.Array.Empty<string>(), false),
        };
        Assert.Equal(expected, EligibilityResult.Decide(results));
    }
}
