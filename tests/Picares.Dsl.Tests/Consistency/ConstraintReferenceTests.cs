using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Consistency.Constraints;
using Picares.Dsl.Compiler.Model;
using Xunit;

namespace Picares.Dsl.Tests.Consistency;

/// <summary>
/// The code sets, the per-code tally and the bounds read from the last back, against plain sets of the codes they stand
/// for: random sets over domains of every kind (empty, one code, the booleans, a short and a long code list), random
/// bounds from random criteria, walked back as the eligibility check walks them. And a complement of a long list is kept
/// as what it leaves out.
/// </summary>
public class ConstraintReferenceTests
{
    private static readonly StringComparer Order = StringComparer.Ordinal;

    private static string[] DomainOf(int size) =>
        size == 2 ? new[] { "false", "true" } : Enumerable.Range(0, size).Select(i => "c" + i).ToArray();

    private static readonly int[] Sizes = { 0, 1, 2, 3, 5, 8, CodeTally.MostCodesIntersected + 6 };

    /// <summary>Codes no domain here has: sorting before, between and after the domains' codes.</summary>
    private static readonly string[] Foreign = { "a", "c00", "zz" };

    /// <summary>
    /// A random set of codes of the domain (mostly of its first few, so that sets meet), kept one way or the other, and
    /// written sometimes with codes the domain lacks, which the set must drop.
    /// </summary>
    private static (HashSet<string> Admits, ValueSet Set) RandomSet(Random random, string[] domain, ValueSet whole)
    {
        int reach = Math.Min(domain.Length, random.Next(3) == 0 ? domain.Length : 6);
        var chosen = domain.Take(reach).Where(_ => random.Next(2) == 0).ToList();
        var written = chosen.Concat(Foreign.Where(_ => random.Next(4) == 0)).ToList();
        if (random.Next(2) == 0) return (new HashSet<string>(chosen, Order), ValueSet.Within(whole, written));
        var set = random.Next(2) == 0 ? ValueSet.AllBut(whole, written) : ValueSet.Within(whole, written).Complement(whole)!;
        return (new HashSet<string>(domain.Except(chosen), Order), set);
    }

    private static IEnumerable<string> Sorted(IEnumerable<string> codes) => codes.OrderBy(c => c, Order);

    [Fact]
    public void Code_sets_agree_with_plain_sets_over_every_kind_of_domain()
    {
        var random = new Random(424242);
        foreach (int size in Sizes)
        {
            var domain = DomainOf(size);
            var whole = ValueSet.Of(domain);
            for (int trial = 0; trial < 400; trial++)
            {
                var (x, first) = RandomSet(random, domain, whole);
                var (y, second) = RandomSet(random, domain, whole);
                Assert.Equal(Sorted(x), first.Admitted());
                Assert.Equal(x.Count, first.Count);
                Assert.Equal(x.Count == 0, first.IsEmpty);
                Assert.All(domain.Concat(Foreign), c => Assert.Equal(x.Contains(c), first.Contains(c)));
                Assert.Equal(Sorted(domain.Except(x)), first.LeftOutOf(whole));
                var both = first.Intersect(second);
                Assert.Equal(Sorted(x.Intersect(y)), both.Admitted());
                Assert.Equal(x.Intersect(y).Count(), both.Count);
                Assert.Equal(!x.Overlaps(y), both.IsEmpty);
                Assert.Equal(x.IsSubsetOf(y), first.IsSubsetOf(second));
                Assert.Equal(x.SetEquals(y), first.SameAs(second));
                Assert.Equal(Sorted(domain.Except(x)), first.Complement(whole)!.Admitted());
                Assert.True(whole.Intersect(first).SameAs(first));
                Assert.True(first.IsSubsetOf(whole));
            }
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
    public void A_tally_agrees_with_the_intersection_of_the_bounds_it_counts_before_and_after_removals()
    {
        var random = new Random(8080);
        foreach (int size in Sizes)
        {
            var domain = DomainOf(size);
            var whole = ValueSet.Of(domain);
            for (int trial = 0; trial < 300; trial++)
            {
                var tally = new CodeTally(whole);
                var bounds = new List<(HashSet<string> Admits, ValueSet Set)>();
                for (int i = random.Next(0, 7); i > 0; i--)
                {
                    var bound = RandomSet(random, domain, whole);
                    var (_, asked) = RandomSet(random, domain, whole);
                    var before = Intersection(domain, bounds);
                    Assert.Equal(before.Count(bound.Admits.Contains), tally.AdmittedAmong(bound.Set));
                    Assert.Equal(before.Count(c => asked.Contains(c)), tally.AdmittedAmong(asked));
                    tally.Add(bound.Set);
                    bounds.Add(bound);
                    var now = Intersection(domain, bounds);
                    Assert.Equal(now.Count, tally.AdmittedCount);
                    Assert.Equal(Sorted(now), tally.Admitted().Admitted());
                }
                // Taken away in several rounds, each asked with others left out too.
                var left = bounds.ToList();
                while (left.Count > 0)
                {
                    var except = left.Where(_ => random.Next(3) == 0).ToList();
                    var others = Intersection(domain, left.Except(except));
                    var leftOut = new CodeTally(whole);
                    foreach (var bound in except) leftOut.Add(bound.Set);
                    Assert.All(domain, c => Assert.Equal(others.Contains(c), tally.Admits(c, leftOut)));
                    var removed = left[random.Next(left.Count)];
                    tally.Remove(removed.Set);
                    left.Remove(removed);
                    var after = Intersection(domain, left);
                    Assert.All(domain, c => Assert.Equal(after.Contains(c), tally.Admits(c)));
                    // Once a bound is taken away, what all admit together is no longer kept.
                    Assert.Throws<InvalidOperationException>(() => tally.AdmittedCount);
                }
            }
        }
    }

    [Fact]
    public void Bounds_read_from_the_last_back_agree_with_the_plain_definition_of_the_others()
    {
        var random = new Random(1357);
        foreach (int size in Sizes)
        {
            var domain = DomainOf(size);
            var whole = ValueSet.Of(domain);
            var variable = Variable.OfField(0, "F", "a", null, null, whole);
            for (int trial = 0; trial < 300; trial++)
            {
                // Criteria of one to three bounds each, in file order.
                var criteria = Enumerable.Range(1, random.Next(1, 9)).Select(i => Criterion("I" + i)).ToList();
                var bounds = new List<(CriterionModel Criterion, HashSet<string> Admits, Bound Bound)>();
                foreach (var criterion in criteria)
                    for (int j = random.Next(1, 4); j > 0; j--)
                    {
                        var (admits, set) = RandomSet(random, domain, whole);
                        bounds.Add((criterion, admits, new Bound(criterion.Id, new Atom(variable, set), criterion)));
                    }
                var onVariable = BoundsOnVariable.For(variable);
                foreach (var b in bounds) onVariable.Add(b.Bound);

                var dropped = new HashSet<CriterionModel>(ReferenceEqualityComparer.Instance);
                foreach (var criterion in Enumerable.Reverse(criteria))
                {
                    var others = bounds.Where(b => b.Criterion != criterion && !dropped.Contains(b.Criterion)).ToList();
                    var admitted = Intersection(domain, others.Select(b => (b.Admits, b.Bound.Atom.Set)));
                    // Asked of its own bounds, and of a random set.
                    var asked = bounds.Where(b => b.Criterion == criterion).Select(b => (b.Admits, b.Bound.Atom.Set)).ToList();
                    asked.Add(RandomSet(random, domain, whole));
                    foreach (var (admits, set) in asked)
                    {
                        var (within, any) = onVariable.OthersWithin(criterion, set);
                        Assert.Equal(admitted.IsSubsetOf(admits), within);
                        Assert.Equal(others.Count > 0, any);
                    }
                    Assert.Equal(others.Select(b => b.Bound), onVariable.OthersThanInOrder(criterion));
                    bool keep = random.Next(2) == 0;
                    onVariable.PassBack(criterion, keep);
                    if (!keep) dropped.Add(criterion);
                }
            }
        }
    }

    private static CriterionModel Criterion(string id) =>
        new(id, "inclusion", "x", null, null, null, default, default!);

    private static HashSet<string> Intersection(string[] domain, IEnumerable<(HashSet<string> Admits, ValueSet Set)> bounds)
    {
        var admitted = new HashSet<string>(domain, Order);
        foreach (var bound in bounds) admitted.IntersectWith(bound.Admits);
        return admitted;
    }
}
