using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Runtime.Eligibility;
using Xunit;
using Screening = Picares.Protocols.RepeatedProtocol.Screening;

namespace Picares.Dsl.Tests.Eligibility;

/// <summary>
/// Eligibility/RepeatedField.protocol through its generated screening API: Labs.x, tested thirteen times in I1 (before and
/// after each of twelve other fields) and again in I2 and I3, is listed once among the inputs each criterion and the whole
/// result lack, where it was first tested; the other inputs keep their first-seen order, past the 8 that
/// <see cref="MissingInputs"/> searches in place too.
/// </summary>
public class RepeatedFieldTests
{
    private static readonly string[] Fields = new[] { "x" }.Concat(Enumerable.Range(1, 12).Select(i => "f" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append("y").ToArray();

    /// <summary>The fields each criterion tests, in the order its condition (an 'or' of equalities) tests them.</summary>
    private static readonly (string Id, string[] Tests)[] Criteria =
    {
        ("I1", new[] { "x" }.Concat(Enumerable.Range(1, 12).SelectMany(i => new[] { "f" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "x" })).ToArray()),
        ("I2", new[] { "y", "x", "f12" }),
        ("I3", new[] { "x", "y" }),
    };

    /// <summary>The reference: a list searched before each add, of the fields missing, in the order they are tested.</summary>
    private static void AddMissing(IEnumerable<string> tests, Func<string, bool> isMissing, List<string> into)
    {
        foreach (var field in tests)
            if (isMissing(field) && !into.Contains("Labs." + field)) into.Add("Labs." + field);
    }

    [Fact]
    public void A_field_tested_in_many_places_is_listed_once_where_it_was_first_tested()
    {
        Assert.Equal(13, Criteria[0].Tests.Count(t => t == "x"));
        int pastEight = 0;
        // Every field missing or given a value no test asks for (so every test is false, and a criterion is Unknown exactly
        // when one of its fields is missing): all 2^14 inputs.
        for (int mask = 0; mask < 1 << Fields.Length; mask++)
        {
            var input = new Screening.Input();
            var missingFields = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < Fields.Length; i++)
            {
                int? value = (mask >> i & 1) == 1 ? null : 0;
                if (value is null) missingFields.Add(Fields[i]);
                var property = typeof(Screening.LabsInput).GetProperty(char.ToUpperInvariant(Fields[i][0]) + Fields[i].Substring(1))
                    ?? throw new InvalidOperationException($"no property for {Fields[i]}");
                property.SetValue(input.Labs, value);
            }
            var result = Screening.Evaluate(input, new Screening.Dates());
            var expectedAll = new List<string>();
            foreach (var (id, tests) in Criteria)
            {
                var criterion = result.Criteria.Single(c => c.Criterion.Id == id);
                var expected = new List<string>();
                AddMissing(tests, missingFields.Contains, expected);
                Assert.Equal(expected.Count == 0 ? CriterionOutcome.NotMet : CriterionOutcome.Unknown, criterion.Outcome);
                Assert.True(expected.SequenceEqual(criterion.Missing), $"mask {mask}, {id}: missing [{string.Join(", ", criterion.Missing)}], expected [{string.Join(", ", expected)}]");
                AddMissing(tests, missingFields.Contains, expectedAll);
                if (expected.Count > 8 && missingFields.Contains("x")) pastEight++;
            }
            Assert.True(expectedAll.SequenceEqual(result.Missing), $"mask {mask}: missing [{string.Join(", ", result.Missing)}], expected [{string.Join(", ", expectedAll)}]");
        }
        Assert.True(pastEight > 1000, $"{pastEight} inputs lacked more than 8 in I1 with Labs.x among them");
    }
}
