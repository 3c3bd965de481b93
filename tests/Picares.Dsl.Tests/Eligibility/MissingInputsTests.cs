using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Runtime.Eligibility;
using Xunit;

namespace Picares.Dsl.Tests.Eligibility;

/// <summary>
/// <see cref="MissingInputs"/> answers as a plain list that adds a label only when it does not contain it: the same labels
/// in the same order, the same answer from each add, below and past the 8 labels it searches in place before it makes a set.
/// </summary>
public class MissingInputsTests
{
    /// <summary>The reference: a list searched before each add.</summary>
    private static bool AddToReference(List<string> reference, string label)
    {
        if (reference.Contains(label, StringComparer.Ordinal)) return false;
        reference.Add(label);
        return true;
    }

    private static void AssertSame(List<string> reference, MissingInputs missing, IReadOnlyList<string> pool, string context)
    {
        Assert.True(reference.Count == missing.Count, $"{context}: {missing.Count} listed, expected {reference.Count}");
        Assert.True(reference.SequenceEqual(missing), $"{context}: [{string.Join(", ", missing)}], expected [{string.Join(", ", reference)}]");
        for (int i = 0; i < reference.Count; i++) Assert.Equal(reference[i], missing[i]);
        foreach (var label in pool) Assert.True(reference.Contains(label) == missing.Contains(label), $"{context}: Contains({label})");
        Assert.Throws<ArgumentOutOfRangeException>(() => missing[reference.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => missing[-1]);
    }

    [Fact]
    public void Random_adds_list_what_a_list_searched_before_each_add_lists_in_the_same_order()
    {
        var random = new Random(17);
        int pastTheSet = 0;
        for (int round = 0; round < 600; round++)
        {
            // Pools of 1 to 40 labels: most rounds repeat labels, many list more than 8.
            var pool = Enumerable.Range(0, 1 + random.Next(40)).Select(k => "Form.f" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var reference = new List<string>();
            var missing = new MissingInputs();
            int adds = random.Next(3 * pool.Length + 1);
            for (int a = 0; a < adds; a++)
            {
                // A fresh copy of the label, so that a match is by its characters, not by reference.
                var label = new string(pool[random.Next(pool.Length)].ToCharArray());
                bool expected = AddToReference(reference, label);
                Assert.True(expected == missing.Add(label), $"round {round}, add {a} of {label}: expected {expected}");
                Assert.Equal(reference.Count, missing.Count);
            }
            AssertSame(reference, missing, pool.Append("Form.absent").ToArray(), $"round {round}");
            if (reference.Count > 8 && adds > reference.Count) pastTheSet++;
        }
        Assert.True(pastTheSet > 100, $"{pastTheSet} rounds repeated a label past the 8th"); // the set is exercised, not only the search in place
    }

    [Fact]
    public void Labels_added_again_before_and_after_the_ninth_keep_their_first_places()
    {
        var missing = new MissingInputs();
        var labels = Enumerable.Range(1, 20).Select(i => "L" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        for (int n = 0; n < labels.Count; n++)
        {
            Assert.True(missing.Add(labels[n]));
            // Every label listed so far, added again (last first): none is listed twice, none moves.
            for (int again = n; again >= 0; again--) Assert.False(missing.Add(labels[again]), $"{labels[again]} added again with {n + 1} listed");
            Assert.Equal(labels.Take(n + 1), missing);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void Labels_compare_ordinally_and_null_is_refused(int listedBefore)
    {
        // Searched in place (none listed before), and in the set (8 listed before).
        var missing = new MissingInputs();
        var before = Enumerable.Range(1, listedBefore).Select(i => "Other." + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var label in before) Assert.True(missing.Add(label));
        Assert.False(missing.Contains("Labs.a"));
        Assert.True(missing.Add("Labs.a"));
        Assert.True(missing.Add("LABS.A"));
        Assert.True(missing.Add("Labs.a\u0301")); // a combining accent: another label, ordinally
        Assert.False(missing.Add("LABS.A"));
        Assert.True(missing.Contains("LABS.A"));
        Assert.False(missing.Contains("labs.A"));
        Assert.Equal(before.Concat(new[] { "Labs.a", "LABS.A", "Labs.a\u0301" }), missing);
        Assert.Throws<ArgumentNullException>(() => missing.Add(null!));
        Assert.False(missing.Contains(null!));
        Assert.Equal(listedBefore + 3, missing.Count);
    }
}
