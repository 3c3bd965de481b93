using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Consistency;

/// <summary>
/// The corpus of deliberately inconsistent protocols (<c>Corpus/</c>, at least one per consistency check): each
/// reports the check its name starts with, and the diagnostics of the whole corpus are snapshot-tested, so that
/// any change to what the checks say shows up as a reviewable diff. PICARES itself passes every check.
/// </summary>
public class ConsistencyCorpusTests
{
    private static string CorpusDirectory => Path.Combine(Repository.Root, "tests", "Picares.Dsl.Tests", "Consistency", "Corpus");

    public static IEnumerable<object[]> CorpusFiles() =>
        Directory.GetFiles(CorpusDirectory, "*.protocol").Select(Path.GetFileName).OrderBy(n => n, System.StringComparer.Ordinal).Select(n => new object[] { n! });

    /// <summary>The check a corpus file is about: the ID its name starts with.</summary>
    private static string CheckOf(string name) => name.Substring(0, "PIC4000".Length);

    private static IReadOnlyList<ProtocolDiagnostic> Compile(string name) =>
        ProtocolCompiler.Compile(File.ReadAllText(Path.Combine(CorpusDirectory, name)), name).Diagnostics;

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Each_inconsistent_protocol_reports_its_check_and_nothing_worse(string name)
    {
        var expected = CheckOf(name);
        var diagnostics = Compile(name);
        Assert.Contains(diagnostics, d => d.Id == expected);
        // Only consistency diagnostics: each corpus file is otherwise a valid protocol.
        Assert.All(diagnostics, d => Assert.StartsWith("PIC4", d.Id, System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_corpus_covers_every_consistency_check()
    {
        var checks = DiagnosticDescriptors.All.Select(d => d.Id).Where(id => id.StartsWith("PIC4", System.StringComparison.Ordinal));
        var covered = CorpusFiles().Select(f => CheckOf((string)f[0])).ToHashSet();
        Assert.DoesNotContain(checks, id => !covered.Contains(id));
    }

    [Fact]
    public void Diagnostics_of_the_corpus_match_the_snapshot()
    {
        var text = new StringBuilder();
        foreach (var name in CorpusFiles().Select(f => (string)f[0]))
        {
            text.Append("== ").Append(name).Append('\n');
            foreach (var d in Compile(name)) text.Append(d.Format(name)).Append('\n');
            text.Append('\n');
        }
        SnapshotApprover.Verify(text.ToString());
    }

    [Fact]
    public void Picares_passes_every_consistency_check()
    {
        var result = ProtocolCompiler.Compile(Repository.Picares, "PICARES.protocol");
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Model);
    }
}
