using System;
using System.Linq;
using Picares.Dsl.Runtime.Eligibility;
using Xunit;

namespace Picares.Dsl.Tests.Eligibility;

/// <summary>Packed outcomes read back as packed, and the verdict read off whole words agrees with criterion-by-criterion logic.</summary>
public class CriterionOutcomesTests
{
    [Fact]
    public void Packed_truths_read_back_as_the_same_outcomes_in_every_lane_and_word()
    {
        var random = new Random(5);
        for (int round = 0; round < 200; round++)
        {
            int count = 1 + random.Next(130);
            var truths = Enumerable.Range(0, count).Select(_ => (Truth)random.Next(3)).ToArray();
            var words = new ulong[(count + 31) / 32];
            for (int i = 0; i < count; i++) words[i / 32] |= CriterionOutcomes.Pack(truths[i], i % 32);
            var outcomes = new CriterionOutcomes(words[0], words.Length > 1 ? words[1] : 0, words.Length > 2 ? words.Skip(2).ToArray() : null);
            for (int i = 0; i < count; i++) Assert.Equal((CriterionOutcome)truths[i], outcomes[i]);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => new CriterionOutcomes(0)[64]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CriterionOutcomes(0)[-1]);
    }

    [Fact]
    public void The_verdict_read_from_masks_matches_deciding_criterion_by_criterion()
    {
        var random = new Random(9);
        for (int round = 0; round < 5_000; round++)
        {
            int count = 1 + random.Next(32);
            var truths = Enumerable.Range(0, count).Select(_ => (Truth)random.Next(3)).ToArray();
            var exclusion = Enumerable.Range(0, count).Select(_ => random.Next(2) == 0).ToArray();
            ulong word = 0, lanes = 0, inclusions = 0, exclusions = 0;
            for (int i = 0; i < count; i++)
            {
                word |= CriterionOutcomes.Pack(truths[i], i);
                lanes |= CriterionOutcomes.Lane(i);
                if (exclusion[i]) exclusions |= CriterionOutcomes.Lane(i); else inclusions |= CriterionOutcomes.Lane(i);
            }
            bool failing = Enumerable.Range(0, count).Any(i => truths[i] == (exclusion[i] ? Truth.True : Truth.False));
            bool unknown = truths.Contains(Truth.Unknown);
            Assert.Equal(failing, CriterionOutcomes.AnyFailing(word, inclusions, exclusions));
            Assert.Equal(unknown, CriterionOutcomes.AnyUnknown(word, lanes));
        }
    }

    [Fact]
    public void Truth_and_outcome_share_their_values()
    {
        Assert.Equal(CriterionOutcome.Unknown, Evaluate.Outcome(Truth.Unknown));
        Assert.Equal(CriterionOutcome.NotMet, Evaluate.Outcome(Truth.False));
        Assert.Equal(CriterionOutcome.Met, Evaluate.Outcome(Truth.True));
    }
}
