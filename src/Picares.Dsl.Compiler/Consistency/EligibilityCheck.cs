using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Collections;
using Picares.Dsl.Compiler.Consistency.Constraints;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// Interval reasoning over the criteria: the bounds that inclusion criteria and the population's age range put
/// on each variable are intersected (with the field's hard limits as its domain). It then reports criteria that
/// admit nobody together (PIC4004), an exclusion that excludes everyone they admit (PIC4004), an inclusion that
/// the others already imply (PIC4005), an exclusion that can never apply (PIC4006), and an age criterion that
/// disagrees with the population (PIC4007). Parts of conditions it cannot read (<c>or</c>, functions, two
/// fields) are left out, so that everything it reports holds for the whole condition.
/// </summary>
internal static class EligibilityCheck
{
    private sealed record Bound(string Who, Atom Atom, CriterionModel? Criterion);

    public static void Run(CheckContext c)
    {
        var extractor = new ConstraintExtractor(c.Model);
        var bounds = new List<Bound>();
        var population = extractor.PopulationAge();
        if (population is not null) bounds.Add(new Bound("the population's age range", population, null));

        var inclusions = new List<(CriterionModel Criterion, List<Atom?> Parts)>();
        var exclusions = new List<(CriterionModel Criterion, List<Atom?> Parts)>();
        foreach (var criterion in c.Model.Criteria)
        {
            if (criterion.Condition is null) continue;
            var parts = extractor.Conjuncts(criterion.Condition);
            if (criterion.Category == "inclusion")
            {
                inclusions.Add((criterion, parts));
                foreach (var part in parts)
                    if (part is not null) bounds.Add(new Bound(criterion.Id, part, criterion));
            }
            else exclusions.Add((criterion, parts));
        }

        // Admitted values per variable, criterion by criterion; the first criterion that empties a set is reported.
        var admitted = new ShardedDictionary<string, (Variable Variable, ValueSet Set, List<Bound> By)>(0, System.StringComparer.Ordinal);
        var broken = new ShardedSet<string>(0, System.StringComparer.Ordinal);
        foreach (var bound in bounds)
        {
            var v = bound.Atom.Variable;
            if (broken.Contains(v.Key)) continue;
            if (!admitted.TryGetValue(v.Key, out var current)) current = (v, v.Domain, new List<Bound>());
            var next = current.Set.Intersect(bound.Atom.Set);
            if (next.IsEmpty)
            {
                broken.Add(v.Key);
                c.Report(DiagnosticDescriptors.NobodyEligible, Where(c, bound),
                    $"{Who(bound)} requires {v.Describe(bound.Atom.Set)}, but {Sources(v, current.By)} {Verb(current.By)} {v.Describe(current.Set)}");
                continue;
            }
            current.By.Add(bound);
            admitted[v.Key] = (v, next, current.By);
        }

        CheckImplied(c, inclusions, bounds, population, broken);
        CheckExclusions(c, exclusions, admitted, broken);
    }

    private static void CheckImplied(CheckContext c, List<(CriterionModel Criterion, List<Atom?> Parts)> inclusions, List<Bound> bounds, Atom? population, ShardedSet<string> broken)
    {
        // From the last criterion back, leaving out those already reported: of two that say the same, the later is reported.
        var redundant = new ShardedSet<CriterionModel>(0);
        var boundsOf = new ShardedDictionary<string, List<Bound>>(0, System.StringComparer.Ordinal); // the bounds on each variable, in order
        foreach (var bound in bounds)
        {
            if (!boundsOf.TryGetValue(bound.Atom.Variable.Key, out var same)) boundsOf.Add(bound.Atom.Variable.Key, same = new List<Bound>());
            same.Add(bound);
        }
        foreach (var (criterion, parts) in Enumerable.Reverse(inclusions))
        {
            if (parts.Count == 0 || !AllKnown(parts, broken)) continue;
            // An age bound is compared with the population's age range first.
            if (population is not null && parts.Count == 1 && parts[0]!.Variable.Key == population.Variable.Key && !parts[0]!.Set.SameAs(population.Set))
            {
                var v = population.Variable;
                var p = c.Model.Population;
                var range = $"{p.MinimumAge?.ToString(System.Globalization.CultureInfo.InvariantCulture)}..{p.MaximumAge?.ToString(System.Globalization.CultureInfo.InvariantCulture)} years at {p.AgeReference}";
                c.Report(DiagnosticDescriptors.AgeCriterionDisagrees, c.Locator.Name("criterion", criterion.Id), criterion.Id, v.Describe(parts[0]!.Set), range, p.Origin?.Line ?? 0);
                continue;
            }
            var others = new List<Bound>();
            bool implied = true;
            foreach (var part in parts)
            {
                var v = part!.Variable;
                // What the other bounds on this variable admit together (those of criteria already reported left out).
                var set = v.Domain;
                foreach (var b in boundsOf[v.Key])
                {
                    if (b.Criterion == criterion || b.Criterion is not null && redundant.Contains(b.Criterion)) continue;
                    set = set.Intersect(b.Atom.Set);
                    others.Add(b);
                }
                if (!set.IsSubsetOf(part.Set)) { implied = false; break; }
            }
            // Implied by the field's own limits or code list alone, it still checks that the datum is there.
            if (!implied || others.Count == 0) continue;
            redundant.Add(criterion);
            var variables = parts.Select(p => p!.Variable).ToList();
            var what = string.Join(" and ", parts.Select(p => p!.Variable.Describe(p.Set)));
            c.Report(DiagnosticDescriptors.ImpliedCriterion, c.Locator.Name("criterion", criterion.Id), criterion.Id, Sources(variables, others), what);
        }
    }

    private static void CheckExclusions(CheckContext c, List<(CriterionModel Criterion, List<Atom?> Parts)> exclusions,
        ShardedDictionary<string, (Variable Variable, ValueSet Set, List<Bound> By)> admitted, ShardedSet<string> broken)
    {
        (ValueSet Set, IReadOnlyList<Bound> By) AdmittedFor(Variable v) => admitted.TryGetValue(v.Key, out var a) ? (a.Set, a.By) : (v.Domain, NoBounds);

        foreach (var (criterion, parts) in exclusions)
        {
            if (AnyBroken(parts, broken)) continue;
            // Never applies: one of its parts admits none of the values the other rules allow.
            Atom? never = null;
            foreach (var part in parts)
                if (part is not null && AdmittedFor(part.Variable).Set.Intersect(part.Set).IsEmpty) { never = part; break; }
            if (never is not null)
            {
                var (set, by) = AdmittedFor(never.Variable);
                if (by.Count == 0 && never.Variable.DomainSource is null) continue; // nothing but an empty code list
                c.Report(DiagnosticDescriptors.ExclusionNeverApplies, c.Locator.Name("criterion", criterion.Id), criterion.Id, never.Variable.Describe(never.Set),
                    Sources(never.Variable, by), never.Variable.Describe(set));
                continue;
            }
            // Excludes everyone: every part holds for every value the other rules allow.
            if (parts.Count == 0 || parts.Contains(null)) continue;
            bool excludesEveryone = true;
            foreach (var part in parts) excludesEveryone &= AdmittedFor(part!.Variable).Set.IsSubsetOf(part.Set);
            if (!excludesEveryone) continue;
            var admittedBy = parts.SelectMany(p => AdmittedFor(p!.Variable).By).ToList();
            var requirement = string.Join(" and ", parts.Select(p => p!.Variable.Describe(AdmittedFor(p.Variable).Set)));
            var variables = parts.Select(p => p!.Variable).ToList();
            c.Report(DiagnosticDescriptors.NobodyEligible, c.Locator.Name("criterion", criterion.Id),
                $"{criterion.Id} excludes every subject with {string.Join(" and ", parts.Select(p => p!.Variable.Describe(p.Set)))}, and {Sources(variables, admittedBy)} {Verb(admittedBy)} {requirement}");
        }
    }

    private static readonly IReadOnlyList<Bound> NoBounds = new Bound[0];

    /// <summary>True when every part is an atom on a variable whose admitted values are not already reported empty.</summary>
    private static bool AllKnown(List<Atom?> parts, ShardedSet<string> broken)
    {
        foreach (var part in parts)
            if (part is null || broken.Contains(part.Variable.Key)) return false;
        return true;
    }

    /// <summary>True when a part bounds a variable whose admitted values are already reported empty.</summary>
    private static bool AnyBroken(List<Atom?> parts, ShardedSet<string> broken)
    {
        foreach (var part in parts)
            if (part is not null && broken.Contains(part.Variable.Key)) return true;
        return false;
    }

    private static Text.TextSpan Where(CheckContext c, Bound bound) =>
        bound.Criterion is { } criterion ? c.Locator.Name("criterion", criterion.Id)
        : SourceLocator.Inner(c.Locator.Declaration("population"), "age") is { } age ? SourceLocator.Arguments(age) : c.Locator.Name("population");

    private static string Who(Bound bound) => bound.Criterion is { } criterion ? $"{criterion.Id} (line {criterion.Origin.Line})" : bound.Who;

    private static string Verb(IReadOnlyList<Bound> by) => by.Select(Who).Distinct().Count() > 1 ? "require" : "requires";

    private static string Sources(Variable v, IReadOnlyList<Bound> by) => Sources(new[] { v }, by);

    /// <summary>Who bounds these variables: criteria with their lines, the population, or the fields' hard limits.</summary>
    private static string Sources(IEnumerable<Variable> variables, IReadOnlyList<Bound> by)
    {
        var names = by.Select(Who).Distinct().ToList();
        if (names.Count == 0) names.AddRange(variables.Select(v => v.DomainSource ?? "the values " + v.Display + " can take").Distinct());
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
    }
}
