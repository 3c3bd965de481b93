using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Picares.Dsl.Generator;
using Picares.Dsl.Tests.Infrastructure;
using Picares.Dsl.Testing;
using Xunit;

namespace Picares.Dsl.Tests.Generator;

/// <summary>The pipeline caches: what did not change is not recomputed, and models hold no Roslyn objects.</summary>
public class CachingTests
{
    private static readonly string[] ProtocolSteps = { TrackingNames.Files, TrackingNames.Compile, TrackingNames.Diagnostics, TrackingNames.Model, TrackingNames.Emit };

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(string protocol)
    {
        var compilation = GeneratorHarness.Compilation("namespace Consumer { public static class A { } }");
        var driver = GeneratorHarness.Driver(new[] { new InMemoryAdditionalText("/repo/protocols/PICARES.protocol", protocol) });
        return (driver.RunGenerators(compilation), compilation);
    }

    private static Dictionary<string, IncrementalStepRunReason[]> Reasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps
            .Where(step => ProtocolSteps.Contains(step.Key))
            .ToDictionary(step => step.Key, step => step.Value.SelectMany(run => run.Outputs).Select(o => o.Reason).ToArray());

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_protocol_step_cached()
    {
        var (driver, compilation) = FirstRun(Repository.Picares);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public static class B { } }"));
        var reasons = Reasons(driver.RunGenerators(edited));
        Assert.Equal(ProtocolSteps.OrderBy(x => x), reasons.Keys.OrderBy(x => x));
        Assert.All(reasons, step => Assert.All(step.Value, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason)));
    }

    [Fact]
    public void A_whitespace_only_protocol_edit_leaves_every_step_after_parsing_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun(Repository.Picares);
        var withTrailingSpace = Repository.Picares.Replace("\n", "  \n") + "\n\n";
        driver = driver.ReplaceAdditionalText(
            driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Files].Single().Inputs.Single().Source.Outputs.Single().Value as AdditionalText
                ?? throw new InvalidOperationException(), new InMemoryAdditionalText("/repo/protocols/PICARES.protocol", withTrailingSpace));
        var reasons = Reasons(driver.RunGenerators(compilation));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(reasons[TrackingNames.Files]));
        // Parsing runs again; its output (model and diagnostics) is value-equal, so it may already be Unchanged.
        Assert.NotEqual(IncrementalStepRunReason.Cached, Assert.Single(reasons[TrackingNames.Compile]));
        foreach (var step in new[] { TrackingNames.Diagnostics, TrackingNames.Model, TrackingNames.Emit })
            Assert.All(reasons[step], reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}"));
    }

    [Fact]
    public void A_protocol_edit_that_changes_the_model_regenerates()
    {
        var (driver, compilation) = FirstRun(Repository.Picares);
        var original = (AdditionalText)driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Files].Single().Inputs.Single().Source.Outputs.Single().Value;
        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(original.Path, Repository.Picares.Replace("Weight ≥ 40kg;", "Weight ≥ 41kg;")));
        var reasons = Reasons(driver.RunGenerators(compilation));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(reasons[TrackingNames.Model]));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(reasons[TrackingNames.Emit]));
    }

    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_or_compilations()
    {
        var (driver, _) = FirstRun(Repository.Picares);
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in ProtocolSteps)
            foreach (var output in steps[name].SelectMany(run => run.Outputs))
                AssertNoRoslynObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
    }

    private static readonly Type[] Forbidden = { typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(Diagnostic), typeof(SyntaxTree) };

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 40) return;
        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.Name}");
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is AdditionalText) return; // the pipeline's input, not a model
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items) AssertNoRoslynObjects(item, $"{path}[{i++}]", seen, depth + 1);
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            AssertNoRoslynObjects(property.GetValue(value), path + "." + property.Name, seen, depth + 1);
    }
}
