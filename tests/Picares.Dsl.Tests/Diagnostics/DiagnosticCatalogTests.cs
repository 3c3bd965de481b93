using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Diagnostics;

/// <summary>Every ID is tested, tracked in the release files and documented with a bad and a fixed example.</summary>
public class DiagnosticCatalogTests
{
    [Fact]
    public void Ids_are_unique_prefixed_and_each_has_a_test_case()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^PIC[0-9]{4}$", id));
        var untested = ids.Where(id => !DiagnosticCases.ById.ContainsKey(id) && !DiagnosticCases.CoveredElsewhere.Contains(id)).ToList();
        Assert.Empty(untested);
    }

    [Fact]
    public void Release_tracking_lists_exactly_the_compiler_ids()
    {
        var releases = string.Concat(Directory.GetFiles(Path.Combine(Repository.Root, "src", "Picares.Dsl.Generator"), "AnalyzerReleases.*.md").Select(File.ReadAllText));
        var tracked = Regex.Matches(releases, @"^(PIC\d{4})\s*\|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).OrderBy(x => x, StringComparer.Ordinal);
        // Besides the compiler core's IDs, the analyzers on consuming C# (PIC5xxx) declare theirs as SupportedDiagnostics.
        var analyzerIds = AnalyzerDescriptors().Select(d => d.Id);
        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id).Concat(analyzerIds).OrderBy(x => x, StringComparer.Ordinal), tracked);
    }

    /// <summary>The descriptors of every analyzer of consuming C# in the generator assembly.</summary>
    private static System.Collections.Generic.IEnumerable<Microsoft.CodeAnalysis.DiagnosticDescriptor> AnalyzerDescriptors() =>
        typeof(Picares.Dsl.Generator.Analyzers.VerdictSwitchAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);

    [Fact]
    public void Analyzers_of_consuming_code_use_usage_ids_and_are_documented()
    {
        var docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics.md"));
        var descriptors = AnalyzerDescriptors().ToList();
        Assert.True(descriptors.Count >= 3, "at least three analyzers of consuming C#");
        foreach (var descriptor in descriptors)
        {
            Assert.Matches("^PIC50[0-9][0-9]$", descriptor.Id);
            Assert.Equal("PICARES.Usage", descriptor.Category);
            var heading = $"## {descriptor.Id}: {descriptor.Title}";
            int start = docs.IndexOf(heading, StringComparison.Ordinal);
            Assert.True(start >= 0, $"docs/diagnostics.md has no section '{heading}'");
            int end = docs.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
            var section = end < 0 ? docs.Substring(start) : docs.Substring(start, end - start);
            Assert.Contains("**Bad**", section, StringComparison.Ordinal);
            Assert.Contains("**Fixed**", section, StringComparison.Ordinal);
            Assert.Contains($"`{descriptor.MessageFormat}`", section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_id_is_documented_with_a_bad_and_a_fixed_example()
    {
        var docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics.md"));
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var heading = $"## {descriptor.Id}";
            int start = docs.IndexOf(heading, StringComparison.Ordinal);
            Assert.True(start >= 0, $"docs/diagnostics.md has no section for {descriptor.Id}");
            int end = docs.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
            var section = end < 0 ? docs.Substring(start) : docs.Substring(start, end - start);
            if (descriptor.Id is "PIC9999" or "PIC0009") continue;
            Assert.Contains("Bad", section, StringComparison.Ordinal);
            Assert.Contains("Fixed", section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Messages_have_matching_placeholders()
    {
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var count = Regex.Matches(descriptor.MessageFormat.Replace("{{", "").Replace("}}", ""), @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
            var formatted = string.Format(System.Globalization.CultureInfo.InvariantCulture, descriptor.MessageFormat, Enumerable.Range(0, count).Select(i => (object)("a" + i)).ToArray());
            Assert.DoesNotMatch(@"\{\d+\}", formatted);
        }
    }
}
