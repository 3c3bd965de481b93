using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Picares.Dsl.Compiler;
using Picares.Dsl.Runtime.Units;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;
using Crf = Picares.Protocols.PicaresProtocol.Crf;

namespace Picares.Dsl.Tests.Diagnostics;

/// <summary>
/// What README.md quotes from protocols/PICARES.protocol stays true as the file changes: the diagnostics printed for
/// the three typos it describes, and the lines the generated API gives for criterion I6 and the CRF findings.
/// </summary>
public class ReadmeExamplesTests
{
    private const string Path = "protocols/PICARES.protocol";

    private static string Readme => File.ReadAllText(System.IO.Path.Combine(Repository.Root, "README.md")).Replace("\r\n", "\n");

    // The typos README describes above its diagnostics, each as (the declaration it is in, the text, the typo, how
    // README words it): the first occurrence of the text after the declaration's first line, inside its block, is replaced.
    private static readonly (string Declaration, string Text, string Typo, string Described)[] Typos =
    {
        ("criterion I6 ", "Vitals.weight", "Vitls.weight", "`Vitls` for\n`Vitals` in criterion I6"),
        ("criterion I7 ", "12 weeks", "12 kg", "`12 kg` for `12 weeks` in I7"),
        ("visit Cycle ", "-3..+3 days", "-3..+3 dys", "`dys` for `days` in the window of visit Cycle"),
    };

    private static string WithTypos(string protocol)
    {
        foreach (var (declaration, text, typo, _) in Typos)
        {
            int start = protocol.IndexOf("\n" + declaration, StringComparison.Ordinal);
            Assert.True(start >= 0, $"README's typo in '{declaration.Trim()}': PICARES.protocol has no such declaration any more; update README and this test");
            start = protocol.IndexOf('\n', start + 1); // past the first line, whose text may say the same
            int end = protocol.IndexOf("\n}", start, StringComparison.Ordinal);
            int at = protocol.IndexOf(text, start, end - start, StringComparison.Ordinal);
            Assert.True(at >= 0, $"README's typo in '{declaration.Trim()}': its block no longer contains '{text}'; update README and this test");
            protocol = protocol.Substring(0, at) + typo + protocol.Substring(at + text.Length);
        }
        return protocol;
    }

    [Fact]
    public void The_diagnostics_quoted_at_the_top_are_those_the_described_typos_give()
    {
        var quoted = Regex.Matches(Readme, @"^protocols/PICARES\.protocol\(\d+,\d+\): \w+ PIC\d{4}: .*$", RegexOptions.Multiline).Select(m => m.Value).ToList();
        Assert.Equal(Typos.Length, quoted.Count);
        foreach (var typo in Typos) Assert.Contains(typo.Described, Readme, StringComparison.Ordinal);
        var printed = ProtocolCompiler.Compile(WithTypos(Repository.Picares), Path).Diagnostics.Select(d => d.Format(Path)).ToList();
        Assert.Equal(quoted, printed);
    }

    [Fact]
    public void The_line_of_criterion_I6_is_the_file_s()
    {
        int line = Repository.Picares.Split('\n').ToList().FindIndex(l => l.StartsWith("criterion I6 ", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, Picares.Protocols.PicaresProtocol.Criteria.I6.Origin.Location.Line);
        var quoted = Regex.Matches(Readme, @"I6 (?:inclusion not met \(|\(Inclusion, )line (\d+)\)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, quoted.Count);
        Assert.All(quoted, q => Assert.Equal(line, q));
    }

    [Fact]
    public void The_crf_findings_quoted_are_those_the_example_prints()
    {
        // README's example, as written there.
        var book = new Crf.CaseBook { Vitals = new Crf.Vitals { Weight = new Quantity(661.4, "lb") } };
        book.AdverseEvents.Add(new Crf.AdverseEvents { Term = "Rash", OnsetDate = new(2026, 2, 1), Grade = 2, Related = true });
        book.AdverseEvents.Add(new Crf.AdverseEvents { Term = "Pneumonitis", OnsetDate = new(2026, 3, 1), Grade = 6, Related = true });
        var printed = book.Validate().Select(f => $"// {f.Severity} {f.Form}#{f.Occurrence} {f.Field} ({f.Rule}, line {f.Line}): {f.Message}").ToList();
        var quoted = Regex.Matches(Readme, @"^// (?:Reject|Query) .*$", RegexOptions.Multiline).Select(m => m.Value).ToList();
        Assert.Equal(quoted, printed);
    }
}
