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
    public static void Run(CheckContext c)
    {
        var extractor = new ConstraintExtractor(c.Model);
        var bounds = new List<Bound>();
        var population = extractor.PopulationAge();
        foreach (var age in population) bounds.Add(new Bound("the population's age range", age, null));

        // Each criterion's parts by its position, null without a condition; a criterion that is not an inclusion is an exclusion.
        var criteria = c.Model.Criteria;
        var partsOf = new SegmentedList<Atom?[]?>(criteria.Count);
        for (int i = 0; i < criteria.Count; i++)
        {
            var criterion = criteria[i];
            if (criterion.Condition is null) continue;
            var parts = partsOf[i] = extractor.Conjuncts(criterion.Condition);
            if (!IsInclusion(criterion)) continue;
            foreach (var part in parts)
                if (part is not null) bounds.Add(new Bound(criterion.Id, part, criterion));
        }

        // Admitted values per variable, criterion by criterion; the first criterion that empties a set is reported. What is
        // kept per variable is kept by its number (Variable.Index): every variable is made by now.
        var admitted = new SegmentedList<Admission?>(extractor.VariableCount);
        var broken = new SegmentedList<bool>(extractor.VariableCount);
        foreach (var bound in bounds)
        {
            var v = bound.Atom.Variable;
            if (broken[v.Index]) continue;
            var current = admitted[v.Index] ??= Admission.For(v);
            if (current.TryAdd(bound)) continue;
            broken[v.Index] = true;
            c.Report(DiagnosticDescriptors.NobodyEligible, Where(c, bound),
                $"{Who(bound)} requires {v.Describe(bound.Atom.Set)}, but {SourcesRequire(v, current.By)} {current.Describe(v)}");
        }

        CheckImplied(c, partsOf, bounds, population, broken, extractor.VariableCount);
        CheckExclusions(c, partsOf, admitted, broken);
    }

    private static bool IsInclusion(CriterionModel criterion) => criterion.Category == "inclusion";

    private static void CheckImplied(CheckContext c, SegmentedList<Atom?[]?> partsOf, List<Bound> bounds, Atom[] population, SegmentedList<bool> broken, int variables)
    {
        // From the last criterion back, leaving out those already reported: of two that say the same, the later is reported.
        // What the others admit on a variable is what the bounds before the criterion's own admit, with what the later ones
        // not reported admit (BoundsOnVariable): not one intersection per other criterion, so that thousands of criteria on
        // one field stay linear.
        var onVariable = new SegmentedList<BoundsOnVariable?>(variables);
        foreach (var bound in bounds)
            (onVariable[bound.Atom.Variable.Index] ??= BoundsOnVariable.For(bound.Atom.Variable)).Add(bound);
        var criteria = c.Model.Criteria;
        for (int i = criteria.Count - 1; i >= 0; i--)
        {
            var criterion = criteria[i];
            if (!IsInclusion(criterion) || partsOf[i] is not { } parts) continue;
            bool implied = IsImplied(c, criterion, parts, population, broken, onVariable);
            // Its bounds join what the later criteria admit, unless it was just reported.
            foreach (var part in parts)
                if (part is not null) onVariable[part.Variable.Index]!.PassBack(criterion, keep: !implied);
        }
    }

    /// <summary>Whether the other criteria already imply <paramref name="criterion"/>'s bounds (reported, PIC4005), or its age bound disagrees with the population (PIC4007).</summary>
    private static bool IsImplied(CheckContext c, CriterionModel criterion, Atom?[] parts, Atom[] population, SegmentedList<bool> broken,
        SegmentedList<BoundsOnVariable?> onVariable)
    {
        // An age bound is compared with the population's age range first (the extractor makes each variable once, so the
        // same variable is the same object), alone or beside other parts of an 'and': the criterion requires it either way.
        foreach (var part in parts)
        {
            if (part is null || broken[part.Variable.Index]) continue;
            var age = System.Array.Find(population, a => ReferenceEquals(a.Variable, part.Variable));
            if (age is null || part.Set.SameAs(age.Set)) continue;
            var p = c.Model.Population;
            var range = $"{Picares.Dsl.Runtime.Model.AgeLimit.Describe(p.MinimumAge, p.MaximumAge)} at {p.AgeReference}";
            c.Report(DiagnosticDescriptors.AgeCriterionDisagrees, c.Locator.Name("criterion", criterion.Id), criterion.Id, age.Variable.Describe(part.Set), range, p.Origin?.Line ?? 0);
            return false;
        }
        if (parts.Length == 0 || !AllKnown(parts, broken)) return false;
        bool anyOther = false;
        foreach (var part in parts)
        {
            var (within, others) = onVariable[part!.Variable.Index]!.OthersWithin(criterion, part.Set);
            if (!within) return false;
            anyOther |= others;
        }
        // Implied by the field's own limits or code list alone, it still checks that the datum is there.
        if (!anyOther) return false;
        var variables = parts.Select(p => p!.Variable).ToList();
        var what = string.Join(" and ", parts.Select(p => p!.Variable.Describe(p.Set)));
        var by = parts.Select(p => p!.Variable.Index).Distinct().SelectMany(index => onVariable[index]!.OthersThanInOrder(criterion));
        c.Report(DiagnosticDescriptors.ImpliedCriterion, c.Locator.Name("criterion", criterion.Id), criterion.Id, Sources(variables, by, out _), what);
        return true;
    }

    private static void CheckExclusions(CheckContext c, SegmentedList<Atom?[]?> partsOf,
        SegmentedList<Admission?> admitted, SegmentedList<bool> broken)
    {
        // A variable no inclusion bounds admits its whole domain: one admission each, made when first asked.
        Admission AdmittedFor(Variable v) => admitted[v.Index] ??= Admission.For(v);

        var criteria = c.Model.Criteria;
        for (int i = 0; i < criteria.Count; i++)
        {
            var criterion = criteria[i];
            if (IsInclusion(criterion) || partsOf[i] is not { } parts) continue;
            if (AnyBroken(parts, broken)) continue;
            // Never applies: one of its parts admits none of the values the other rules allow.
            Atom? never = null;
            foreach (var part in parts)
                if (part is not null && !AdmittedFor(part.Variable).Meets(part.Set)) { never = part; break; }
            if (never is not null)
            {
                var rule = AdmittedFor(never.Variable);
                if (rule.By.Count == 0 && never.Variable.DomainSource is null) continue; // nothing but an empty code list
                c.Report(DiagnosticDescriptors.ExclusionNeverApplies, c.Locator.Name("criterion", criterion.Id), criterion.Id, never.Variable.Describe(never.Set),
                    SourcesRequire(never.Variable, rule.By), rule.Describe(never.Variable));
                continue;
            }
            // Excludes everyone: every part holds for every value the other rules allow.
            if (parts.Length == 0 || System.Array.IndexOf(parts, null) >= 0) continue;
            bool excludesEveryone = true;
            foreach (var part in parts) excludesEveryone &= AdmittedFor(part!.Variable).Within(part.Set);
            if (!excludesEveryone) continue;
            var admittedBy = parts.SelectMany(p => AdmittedFor(p!.Variable).By); // read only as far as the message names them
            var requirement = string.Join(" and ", parts.Select(p => AdmittedFor(p!.Variable).Describe(p.Variable)));
            var variables = parts.Select(p => p!.Variable).ToList();
            c.Report(DiagnosticDescriptors.NobodyEligible, c.Locator.Name("criterion", criterion.Id),
                $"{criterion.Id} excludes every subject with {string.Join(" and ", parts.Select(p => p!.Variable.Describe(p.Set)))}, and {SourcesRequire(variables, admittedBy)} {requirement}");
        }
    }

    /// <summary>True when every part is an atom on a variable whose admitted values are not already reported empty.</summary>
    private static bool AllKnown(Atom?[] parts, SegmentedList<bool> broken)
    {
        foreach (var part in parts)
            if (part is null || broken[part.Variable.Index]) return false;
        return true;
    }

    /// <summary>True when a part bounds a variable whose admitted values are already reported empty.</summary>
    private static bool AnyBroken(Atom?[] parts, SegmentedList<bool> broken)
    {
        foreach (var part in parts)
            if (part is not null && broken[part.Variable.Index]) return true;
        return false;
    }

    private static Text.TextSpan Where(CheckContext c, Bound bound) =>
        bound.Criterion is { } criterion ? c.Locator.Name("criterion", criterion.Id)
        : SourceLocator.Inner(c.Locator.Declaration("population"), "age") is { } age ? SourceLocator.Arguments(age) : c.Locator.Name("population");


    /// <summary>Who bounds the variable with the verb that agrees: "I1 (line 12) requires", "I1 (line 12) and I2 (line 13) require".</summary>
    private static string SourcesRequire(Variable v, IEnumerable<Bound> by) => SourcesRequire(new[] { v }, by);

    private static string SourcesRequire(IEnumerable<Variable> variables, IEnumerable<Bound> by) =>
        Sources(variables, by, out bool several) + (several ? " require" : " requires");

    /// <summary>The most sources a message names; past them it says "and others", so that a message stays short however many criteria bound a field.</summary>
    internal const int MostSourcesNamed = 5;

    /// <summary>
    /// Who bounds these variables: criteria with their lines, the population, or the fields' hard limits; at most
    /// <see cref="MostSourcesNamed"/> of them, read no further than needed. <paramref name="several"/>: whether that is more than one.
    /// </summary>
    private static string Sources(IEnumerable<Variable> variables, IEnumerable<Bound> by, out bool several)
    {
        var names = Named(by, out bool more);
        if (names.Count == 0) names.AddRange(variables.Select(v => v.DomainSource ?? "the values " + v.Display + " can take").Distinct());
        several = more || names.Count > 1;
        if (more) return string.Join(", ", names) + " and others";
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
    }

    /// <summary>The first <see cref="MostSourcesNamed"/> distinct sources, and whether there are more.</summary>
    private static List<string> Named(IEnumerable<Bound> by, out bool more)
    {
        var names = new List<string>();
        more = false;
        foreach (var bound in by)
        {
            var who = Who(bound);
            if (names.Contains(who)) continue;
            if (names.Count == MostSourcesNamed) { more = true; break; }
            names.Add(who);
        }
        return names;
    }

    private static string Who(Bound bound) => bound.Criterion is { } criterion ? $"{criterion.Id} (line {criterion.Origin.Line})" : bound.Who;
}
