using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Tests.Infrastructure;
using Picares.Dsl.Testing;
using Xunit;

namespace Picares.Dsl.Tests.Robustness;

/// <summary>
/// Bad input never crashes: seeded random mutations of PICARES.protocol (character and token deletions,
/// insertions, swaps, truncations) through the compiler core and a sample through the generator driver.
/// Every result is a model or diagnostics inside the file's bounds, never an exception (PIC9999) or a hang.
/// </summary>
public class MutationTests
{
    private const int Seed = 20261123;
    private static readonly string[] Fragments =
    {
        "{", "}", "(", ")", "[", "]", "\"", "..", ".", ",", ";", "@", "@assumed", "and", "or", "not", "in", "before", "within",
        "0", "-1", "40 kg", "3 months", "\n", "/*", "*/", "//", "\\", "\\u{", "criterion", "visit", "form", "field", "when",
        "every", "window", "day 0", "max(", "$", "\u0000", "\uD800", "é", "😀", ">=", "==", "10^9/L", "study X {", "}}}}",
    };

    public static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && sb.Length > 0; e++)
        {
            int at = random.Next(sb.Length);
            switch (random.Next(7))
            {
                case 0: sb.Remove(at, Math.Min(1 + random.Next(3), sb.Length - at)); break;                    // delete characters
                case 1: sb.Insert(at, (char)random.Next(0, 0x3000)); break;                                      // insert a character
                case 2: sb.Insert(at, Fragments[random.Next(Fragments.Length)]); break;                         // insert a token
                case 3:                                                                                          // delete a token
                {
                    int end = at;
                    while (end < sb.Length && !char.IsWhiteSpace(sb[end])) end++;
                    sb.Remove(at, end - at);
                    break;
                }
                case 4:                                                                                          // swap two characters
                {
                    int other = random.Next(sb.Length);
                    (sb[at], sb[other]) = (sb[other], sb[at]);
                    break;
                }
                case 5: sb.Length = at; break;                                                                   // truncate
                default:                                                                                         // duplicate a slice
                {
                    int length = Math.Min(random.Next(200), sb.Length - at);
                    sb.Insert(random.Next(sb.Length), sb.ToString(at, length));
                    break;
                }
            }
        }
        return sb.ToString();
    }

    private static void AssertWellFormed(string text, CompilationResult result)
    {
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticDescriptors.InternalError.Id);
        Assert.All(result.Diagnostics, d =>
        {
            Assert.InRange(d.Span.Start, 0, text.Length);
            Assert.InRange(d.Span.End, d.Span.Start, text.Length);
            Assert.False(string.IsNullOrEmpty(d.Message));
        });
        Assert.True(result.Model is not null || result.Diagnostics.Any(d => d.Severity == Severity.Error), "no model must mean an error was reported");
    }

    [Fact]
    public async Task Ten_thousand_mutations_through_the_compiler_core_never_crash_or_hang()
    {
        var original = Repository.Picares;
        var run = Task.Run(() =>
        {
            var random = new Random(Seed);
            int withErrors = 0;
            for (int i = 0; i < 10_000; i++)
            {
                var text = Mutate(original, random);
                var result = ProtocolCompiler.Compile(text, "mutated.protocol");
                AssertWellFormed(text, result);
                if (result.Model is null) withErrors++;
            }
            return withErrors;
        });
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(5)))); // otherwise the run hung
        Assert.InRange(await run, 5_000, 10_000); // the mutations are real: most break the file
    }

    [Fact]
    public void A_sample_of_mutations_through_the_generator_driver_never_throws()
    {
        var original = Repository.Picares;
        var random = new Random(Seed + 1);
        for (int i = 0; i < 150; i++)
        {
            var text = Mutate(original, random);
            var (result, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/mutated.protocol", text));
            Assert.Null(result.Results.Single().Exception);
            Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "PIC9999");
            Assert.All(diagnostics, d => Assert.InRange(d.Location.SourceSpan.End, 0, text.Length));
            // Whatever is generated compiles.
            if (result.Results.Single().GeneratedSources.Length > 0)
                Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }
    }

    public static IEnumerable<object[]> Garbage()
    {
        var random = new Random(Seed + 2);
        var bytes = new byte[64 * 1024];
        random.NextBytes(bytes);
        yield return new object[] { "empty", "" };
        yield return new object[] { "binary", Encoding.Latin1.GetString(bytes) };
        yield return new object[] { "invalid UTF-16", new string(Enumerable.Range(0, 5000).Select(i => (char)(0xD800 + i % 0x800)).ToArray()) };
        yield return new object[] { "unterminated string", "study X { title \"never" };
        yield return new object[] { "unterminated block", "study X { title \"t\"\n form F {\n field a text\n" };
        yield return new object[] { "unterminated comment", "study X { title \"t\" }\n/* forever" };
        yield return new object[] { "only braces", new string('{', 100_000) };
        yield return new object[] { "only closing braces", new string('}', 100_000) };
        yield return new object[] { "deep parentheses", "study X { title \"t\" }\ncriterion I1 inclusion \"x\" { when " + new string('(', 100_000) };
        yield return new object[] { "long not chain", "study X { title \"t\" }\ncriterion I1 inclusion \"x\" { when " + string.Concat(Enumerable.Repeat("not ", 100_000)) + "true }" };
        yield return new object[] { "long and chain", "study X { title \"t\" }\ncriterion I1 inclusion \"x\" { when " + string.Join(" and ", Enumerable.Repeat("true", 50_000)) + " }" };
        yield return new object[] { "ten megabytes", BigProtocol() };
    }

    private static string BigProtocol()
    {
        var sb = new StringBuilder("study X { title \"t\" }\n");
        int i = 0;
        while (sb.Length < 10 * 1024 * 1024) sb.Append("anchor a").Append(i++).Append(" \"An anchor with a label of moderate length\"\n");
        return sb.ToString();
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Garbage_yields_diagnostics_not_exceptions(string name, string text)
    {
        var run = Task.Run(() => ProtocolCompiler.Compile(text, name + ".protocol"));
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(2)))); // otherwise it hung
        AssertWellFormed(text, await run);
    }
}
