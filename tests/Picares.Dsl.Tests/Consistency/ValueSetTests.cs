using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Consistency.Constraints;
using Xunit;

namespace Picares.Dsl.Tests.Consistency;

/// <summary>
/// Sets of codes, kept as the codes they list or as every code of the domain but some, and the per-code tally of many
/// bounds: every operation, on every pair of random sets over a small domain, against the plain set it stands for.
/// </summary>
public class ValueSetTests
{
    private static readonly string[] Codes = { "a", "b", "c", "d", "e" };
    private static readonly ValueSet Domain = ValueSet.Of(Codes);

    /// <summary>A random set: the codes it admits, and the set kept one way or the other.</summary>
    private static (HashSet<string> Admits, ValueSet Set) RandomSet(Random random)
    {
        var chosen = Codes.Where(_ => random.Next(2) == 0).ToList();
        return random.Next(2) == 0
            ? (new HashSet<string>(chosen), ValueSet.Of(chosen))
            : (new HashSet<string>(Codes.Except(chosen)), ValueSet.AllBut(Domain, chosen));
    }

    [Fact]
    public void Sets_kept_either_way_agree_with_the_codes_they_admit()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 2000; trial++)
        {
            var (x, first) = RandomSet(random);
            var (y, second) = RandomSet(random);
            Assert.Equal(x.OrderBy(c => c, StringComparer.Ordinal), first.Admitted());
            Assert.Equal(x.Count, first.Count);
            Assert.Equal(x.Count == 0, first.IsEmpty);
            Assert.All(Codes, c => Assert.Equal(x.Contains(c), first.Contains(c)));
            Assert.Equal(x.Intersect(y).OrderBy(c => c, StringComparer.Ordinal), first.Intersect(second).Admitted());
            Assert.Equal(x.IsSubsetOf(y), first.IsSubsetOf(second));
            Assert.Equal(x.SetEquals(y), first.SameAs(second));
            var complement = first.Complement(Domain);
            Assert.NotNull(complement);
            Assert.Equal(Codes.Except(x), complement!.Admitted());
        }
    }

    [Fact]
    public void A_complement_is_as_long_as_the_set_not_as_the_domain()
    {
        var longDomain = ValueSet.Of(Enumerable.Range(0, 10_000).Select(i => "c" + i));
        var notOne = ValueSet.Of("c5").Complement(longDomain)!;
        Assert.True(notOne.IsAllBut);
        Assert.Equal(new[] { "c5" }, notOne.Excluded);
        Assert.Equal(9_999, notOne.Count);
        Assert.Equal(new[] { "c5" }, notOne.Complement(longDomain)!.Codes); // and back
    }

    [Fact]
    public void A_tally_of_bounds_admits_what_their_intersection_admits_however_they_come_and_go()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 500; trial++)
        {
            var tally = new CodeTally(Domain);
            var bounds = new List<(HashSet<string> Admits, ValueSet Set)>();
            int count = random.Next(1, 7);
            for (int i = 0; i < count; i++)
            {
                var bound = RandomSet(random);
                var before = Intersection(bounds);
                // Added one by one, the tally knows how many codes are admitted and how many of a set.
                Assert.Equal(before.Count(bound.Admits.Contains), tally.AdmittedAmong(bound.Set));
                tally.Add(bound.Set);
                bounds.Add(bound);
                var now = Intersection(bounds);
                Assert.Equal(now.Count, tally.AdmittedCount);
                Assert.Equal(now.OrderBy(c => c, StringComparer.Ordinal), tally.Admitted().Admitted());
            }
            // Asked with some bounds left out, or after some are taken away, it admits what the others admit.
            var except = bounds.Where(_ => random.Next(3) == 0).ToList();
            var others = bounds.Except(except).ToList();
            Assert.All(Codes, c => Assert.Equal(Intersection(others).Contains(c), tally.Admits(c, except.Select(b => b.Set).ToList())));
            foreach (var removed in except) tally.Remove(removed.Set);
            Assert.All(Codes, c => Assert.Equal(Intersection(others).Contains(c), tally.Admits(c)));
            Assert.Throws<InvalidOperationException>(() => except.Count > 0 ? tally.AdmittedCount : throw new InvalidOperationException());
        }
    }

    private static HashSet<string> Intersection(IEnumerable<(HashSet<string> Admits, ValueSet Set)> bounds)
    {
        var admitted = new HashSet<string>(Codes);
        foreach (var bound in bounds) admitted.IntersectWith(bound.Admits);
        return admitted;
    }
}
