using System;
using System.Collections.Generic;
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
        Assert.Equal(DiagnosticsDocument.All.Keys.OrderBy(x => x, StringComparer.Ordinal), tracked);
    }

    [Fact]
    public void Analyzers_of_consuming_code_use_usage_ids_and_are_documented()
    {
        var descriptors = DiagnosticsDocument.GeneratorDescriptors().ToList();
        Assert.True(descriptors.Count >= 3, "at least three analyzers of consuming C#");
        foreach (var descriptor in descriptors)
        {
            Assert.Matches("^PIC50[0-9][0-9]$", descriptor.Id);
            Assert.Equal("PICARES.Usage", descriptor.Category);
            var section = DiagnosticsDocument.Section(descriptor.Id);
            Assert.True(section is not null, $"docs/diagnostics.md has no section for {descriptor.Id}");
            Assert.Contains("**Bad**", section, StringComparison.Ordinal);
            Assert.Contains("**Fixed**", section, StringComparison.Ordinal);
        }
    }

    public static IEnumerable<object[]> EveryId() => DiagnosticsDocument.All.Keys.OrderBy(x => x, StringComparer.Ordinal).Select(id => new object[] { id });

    // The head of an ID's section: "## ID: Title", then "**Severity:** s · **Category:** c ·" and "**Message:** `format`".
    private static readonly Regex SectionHead = new(
        @"\A## (?<id>PIC\d{4}): (?<title>[^\n]+)\n\n\*\*Severity:\*\* (?<severity>\w+) · \*\*Category:\*\* (?<category>\S+) ·\n\*\*Message:\*\* `(?<message>[^`\n]*)`");

    /// <summary>
    /// Each ID's section states exactly what its descriptor says: the title in the heading, the default severity, the
    /// category and the message format. The format is documented as a reader sees it: the placeholders {0}, {1} ... as
    /// they are, and a brace the format escapes as '{{' or '}}' written once.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryId))]
    public void Each_id_s_section_states_its_title_severity_category_and_message_format(string id)
    {
        var descriptor = DiagnosticsDocument.All[id];
        var section = DiagnosticsDocument.Section(id);
        Assert.True(section is not null, $"docs/diagnostics.md has no section for {id}");
        var head = SectionHead.Match(section!);
        Assert.True(head.Success, $"the section of {id} does not start with its heading, severity, category and message:\n{section!.Substring(0, Math.Min(400, section.Length))}");
        Assert.Equal(id, head.Groups["id"].Value);
        Assert.Equal(descriptor.Title, head.Groups["title"].Value);
        Assert.Equal(descriptor.Severity, head.Groups["severity"].Value);
        Assert.Equal(descriptor.Category, head.Groups["category"].Value);
        Assert.Equal(descriptor.MessageFormat.Replace("{{", "{").Replace("}}", "}"), head.Groups["message"].Value);
    }

    [Fact]
    public void Every_id_is_documented_with_a_bad_and_a_fixed_example()
    {
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var section = DiagnosticsDocument.Section(descriptor.Id);
            Assert.True(section is not null, $"docs/diagnostics.md has no section for {descriptor.Id}");
            if (descriptor.Id == "PIC9999")
            {
                // A bug of the compiler has no protocol example; its section says what to report instead.
                Assert.Contains("please report it", section, StringComparison.Ordinal);
                Assert.Contains("picares emit", section, StringComparison.Ordinal);
                continue;
            }
            Assert.Contains("**Bad**", section, StringComparison.Ordinal);
            Assert.Contains("**Fixed**", section, StringComparison.Ordinal);
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
