using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Consistency.Constraints;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Consistency;

/// <summary>
/// The eligibility check intersects the sets of a short code list and counts a long list's codes per code
/// (<see cref="CodeTally"/>). The same criteria on a list one code either side of that limit, whose other codes no
/// criterion names, must be reported alike: the same diagnostics at the same places, with the same messages but for the
/// count of codes a message does not name.
/// </summary>
public class CodeCountingTests
{
    private static string Protocol(int listLength, string criteria) =>
        TestProtocols.With("codelist L { " + string.Join("; ", Enumerable.Range(1, listLength).Select(i => $"code c{i} \"C{i}\"")) + " }\n" +
            "form F { field a code L required; field b code L required }\nvisit S { day -7 from enrollment; collect F }\n" + criteria);

    private static string RandomCriteria(Random random)
    {
        string Code() => $"L.c{random.Next(1, 6)}";
        string Codes() => string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Code()));
        string Atom()
        {
            var field = random.Next(3) == 0 ? "F.b" : "F.a";
            return random.Next(6) switch
            {
                0 => $"{field} == {Code()}",
                1 => $"{field} != {Code()}",
                2 => $"{field} in [{Codes()}]",
                3 => $"{field} not in [{Codes()}]",
                4 => $"not ({field} == {Code()})",
                _ => $"not ({field} in [{Codes()}])",
            };
        }
        var text = new StringBuilder();
        int count = random.Next(1, 9);
        for (int i = 1; i <= count; i++)
        {
            bool inclusion = random.Next(3) != 0;
            var condition = string.Join(" and ", Enumerable.Range(0, random.Next(1, 3)).Select(_ => Atom()));
            text.Append($"criterion {(inclusion ? "I" : "E")}{i} {(inclusion ? "inclusion" : "exclusion")} \"x\" {{ when {condition} }}\n");
        }
        return text.ToString();
    }

    private static string[] Reported(string text) =>
        ProtocolCompiler.Compile(text).Diagnostics.Select(d => $"{d.Id} {d.LineSpan} {Regex.Replace(d.Message, @"and \d+ more", "and N more")}").ToArray();

    [Fact]
    public void Counting_codes_and_intersecting_sets_report_the_same()
    {
        var random = new Random(20261124);
        int reported = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            var criteria = RandomCriteria(random);
            var intersected = Reported(Protocol(CodeTally.MostCodesIntersected, criteria));
            var counted = Reported(Protocol(CodeTally.MostCodesIntersected + 1, criteria));
            Assert.Equal(intersected, counted);
            reported += counted.Count(d => d.StartsWith("PIC400", StringComparison.Ordinal));
        }
        Assert.True(reported > 300, $"{reported} eligibility diagnostics"); // the criteria reach every rule of the check
    }
}
