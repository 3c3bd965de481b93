using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Tests.Infrastructure;
using Picares.Dsl.Testing;
using Xunit;
using TextSpan = Picares.Dsl.Compiler.Text.TextSpan;

namespace Picares.Dsl.Tests.Robustness;

/// <summary>The kinds of edit a mutation makes. Token edits work on the tokens the compiler's own lexer finds.</summary>
public enum MutationKind
{
    /// <summary>Delete one to three characters.</summary>
    DeleteCharacters,
    /// <summary>Insert one random character (U+0000 to U+2FFF, surrogates included).</summary>
    InsertCharacter,
    /// <summary>Swap two characters anywhere in the file.</summary>
    SwapCharacters,
    /// <summary>Cut the file at a random offset.</summary>
    Truncate,
    /// <summary>Copy up to 200 characters elsewhere.</summary>
    DuplicateSlice,
    /// <summary>Insert a fragment of syntax or hostile text (<see cref="MutationTests.Fragments"/>) anywhere.</summary>
    InsertFragment,
    /// <summary>Delete one whole token.</summary>
    DeleteToken,
    /// <summary>Insert a copy of one of the file's tokens before another token.</summary>
    InsertToken,
    /// <summary>Swap a token with the next one (the white space between them stays).</summary>
    SwapAdjacentTokens,
    /// <summary>Swap two tokens anywhere in the file.</summary>
    SwapTwoTokens,
}

/// <summary>
/// Seeded edits of a text. The tokens of the text are found with <see cref="Lexer"/>, so a token edit takes a whole token
/// (a name, a number, a string with its quotes, an operator, a line break), never part of one.
/// </summary>
public sealed class Mutator
{
    public const int KindCount = 10;

    private readonly string _original;
    private readonly List<TextSpan> _originalTokens;

    public Mutator(string original)
    {
        _original = original;
        _originalTokens = Tokens(original);
    }

    /// <summary>How many edits of each kind were made (an edit that cannot apply, such as a token swap in a file of one token, is not made).</summary>
    public int[] Counts { get; } = new int[KindCount];

    /// <summary>The spans of the tokens the compiler's lexer finds in <paramref name="text"/>, in order (the end of file excluded).</summary>
    public static List<TextSpan> Tokens(string text)
    {
        var source = new Picares.Dsl.Compiler.Text.SourceText(text);
        var lexer = new Lexer(source, new DiagnosticBag(source));
        var spans = new List<TextSpan>();
        for (var token = lexer.NextToken(); token.Kind != TokenKind.EndOfFile; token = lexer.NextToken()) spans.Add(token.Span);
        return spans;
    }

    /// <summary>The original text with one to four edits, the first of kind <paramref name="first"/>, the others of random kinds.</summary>
    public string Mutate(Random random, MutationKind first)
    {
        var text = _original;
        List<TextSpan>? tokens = _originalTokens;
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && text.Length > 0; e++)
        {
            var kind = e == 0 ? first : (MutationKind)random.Next(KindCount);
            if (kind >= MutationKind.DeleteToken) tokens ??= Tokens(text); // the text changed: find its tokens again
            var mutated = Apply(kind, text, tokens!, random);
            if (mutated is null) continue;
            Counts[(int)kind]++;
            text = mutated;
            tokens = null;
        }
        return text;
    }

    /// <summary>One edit of <paramref name="kind"/>; null when it cannot apply to <paramref name="text"/>.</summary>
    public static string? Apply(MutationKind kind, string text, IReadOnlyList<TextSpan> tokens, Random random)
    {
        int at = random.Next(text.Length);
        switch (kind)
        {
            case MutationKind.DeleteCharacters:
                return text.Remove(at, Math.Min(1 + random.Next(3), text.Length - at));
            case MutationKind.InsertCharacter:
                return text.Insert(random.Next(text.Length + 1), ((char)random.Next(0, 0x3000)).ToString());
            case MutationKind.SwapCharacters:
            {
                int other = random.Next(text.Length);
                var chars = text.ToCharArray();
                (chars[at], chars[other]) = (chars[other], chars[at]);
                return new string(chars);
            }
            case MutationKind.Truncate:
                return text.Substring(0, at);
            case MutationKind.DuplicateSlice:
                return text.Insert(random.Next(text.Length + 1), text.Substring(at, Math.Min(random.Next(200), text.Length - at)));
            case MutationKind.InsertFragment:
                return text.Insert(random.Next(text.Length + 1), MutationTests.Fragments[random.Next(MutationTests.Fragments.Length)]);
            case MutationKind.DeleteToken:
            {
                if (tokens.Count == 0) return null;
                var token = tokens[random.Next(tokens.Count)];
                return text.Remove(token.Start, token.Length);
            }
            case MutationKind.InsertToken:
            {
                if (tokens.Count == 0) return null;
                var copy = tokens[random.Next(tokens.Count)];
                var before = tokens[random.Next(tokens.Count)];
                return text.Insert(before.Start, text.Substring(copy.Start, copy.Length) + " ");
            }
            case MutationKind.SwapAdjacentTokens:
            {
                if (tokens.Count < 2) return null;
                int i = random.Next(tokens.Count - 1);
                return Swap(text, tokens[i], tokens[i + 1]);
            }
            case MutationKind.SwapTwoTokens:
            {
                if (tokens.Count < 2) return null;
                int i = random.Next(tokens.Count), j = random.Next(tokens.Count - 1);
                if (j >= i) j++; // two different tokens
                return Swap(text, tokens[Math.Min(i, j)], tokens[Math.Max(i, j)]);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    // first ends before second starts: the text between them stays where it is.
    private static string Swap(string text, TextSpan first, TextSpan second) =>
        string.Concat(text.Substring(0, first.Start), text.Substring(second.Start, second.Length),
            text.Substring(first.End, second.Start - first.End), text.Substring(first.Start, first.Length), text.Substring(second.End));
}

/// <summary>
/// Bad input never crashes: seeded mutations of PICARES.protocol (character deletions, insertions and swaps,
/// truncations, duplicated slices, inserted fragments, and whole-token deletions, insertions and swaps, of adjacent
/// tokens and of any two) through the compiler core, a sample through the generator driver, and garbage (binary, empty,
/// 10 MB, unterminated strings, comments and blocks, deep nesting) through both. Every result is a model or diagnostics
/// inside the file's bounds, never an exception (PIC9999) or a hang. Fixed seeds: every run makes the same files.
/// </summary>
public class MutationTests
{
    private const int Seed = 20261123;
    private const int CoreMutations = 10_000;

    internal static readonly string[] Fragments =
    {
        "{", "}", "(", ")", "[", "]", "\"", "..", ".", ",", ";", "@", "@assumed", "and", "or", "not", "in", "before", "within",
        "0", "-1", "40 kg", "3 months", "\n", "/*", "*/", "//", "\\", "\\u{", "criterion", "visit", "form", "field", "when",
        "every", "window", "day 0", "max(", "$", "\u0000", "\uD800", "é", "😀", ">=", "==", "≤", "≥", "≠", "10^9/L", "study X {", "}}}}",
    };

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

    /// <summary>The generator ran without throwing, reported no internal error, and located every diagnostic inside the file.</summary>
    private static void AssertWellFormed(string path, string text, GeneratorDriverRunResult run, ImmutableArray<Diagnostic> diagnostics)
    {
        Assert.Null(run.Results.Single().Exception);
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "PIC9999"); // CS8785: the driver caught an exception of the generator
        var lines = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines;
        Assert.All(diagnostics, d =>
        {
            Assert.Equal(path, d.Location.GetLineSpan().Path);
            Assert.InRange(d.Location.SourceSpan.Start, 0, text.Length);
            Assert.InRange(d.Location.SourceSpan.End, d.Location.SourceSpan.Start, text.Length);
            Assert.Equal(lines.GetLinePositionSpan(d.Location.SourceSpan), d.Location.GetLineSpan().Span); // line and column agree with the text
        });
    }

    [Fact]
    public void Token_edits_take_whole_tokens_as_the_lexer_finds_them()
    {
        const string text = "anchor first_dose \"First dose\" // a comment\nform F { field w quantity 10^9/L }\n";
        var tokens = Mutator.Tokens(text);
        string Token(int i) => text.Substring(tokens[i].Start, tokens[i].Length);
        Assert.Equal(new[] { "anchor", "first_dose", "\"First dose\"", "\n", "form", "F", "{", "field", "w", "quantity", "10", "^", "9", "/", "L", "}", "\n" },
            tokens.Select((_, i) => Token(i)));

        // Every result a token edit may give: a whole token removed, inserted before a token, or swapped with another.
        string Swap(TextSpan a, TextSpan b) => text.Substring(0, a.Start) + text.Substring(b.Start, b.Length) + text.Substring(a.End, b.Start - a.End) + text.Substring(a.Start, a.Length) + text.Substring(b.End);
        var deletions = tokens.Select(t => text.Remove(t.Start, t.Length)).ToHashSet();
        var insertions = tokens.SelectMany(before => tokens.Select((_, copy) => text.Insert(before.Start, Token(copy) + " "))).ToHashSet();
        var adjacent = tokens.Skip(1).Select((t, i) => Swap(tokens[i], t)).ToHashSet();
        var anyTwo = tokens.SelectMany((a, i) => tokens.Skip(i + 1).Select(b => Swap(a, b))).ToHashSet();
        var random = new Random(Seed);
        var seen = new HashSet<string>();
        for (int i = 0; i < 400; i++)
        {
            Assert.Contains(Mutator.Apply(MutationKind.DeleteToken, text, tokens, random)!, deletions);
            Assert.Contains(Mutator.Apply(MutationKind.InsertToken, text, tokens, random)!, insertions);
            Assert.Contains(Mutator.Apply(MutationKind.SwapAdjacentTokens, text, tokens, random)!, adjacent);
            var swapped = Mutator.Apply(MutationKind.SwapTwoTokens, text, tokens, random)!;
            Assert.Contains(swapped, anyTwo);
            seen.Add(swapped);
        }
        Assert.True(seen.Count > 50, "swaps of two tokens reach far apart pairs, not only neighbours");
        Assert.Null(Mutator.Apply(MutationKind.DeleteToken, "$", Mutator.Tokens("$"), random)); // no token: nothing to delete
        Assert.Null(Mutator.Apply(MutationKind.SwapTwoTokens, "x", Mutator.Tokens("x"), random));
    }

    [Fact]
    public async Task Ten_thousand_mutations_through_the_compiler_core_never_crash_or_hang()
    {
        var mutator = new Mutator(Repository.Picares);
        var run = Task.Run(() =>
        {
            var random = new Random(Seed);
            int withErrors = 0;
            for (int i = 0; i < CoreMutations; i++)
            {
                // Each kind is the first edit of a tenth of the files; one to three more edits of random kinds may follow.
                var text = mutator.Mutate(random, (MutationKind)(i % Mutator.KindCount));
                var result = ProtocolCompiler.Compile(text, "mutated.protocol");
                AssertWellFormed(text, result);
                if (result.Model is null) withErrors++;
            }
            return withErrors;
        });
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(5)))); // otherwise the run hung
        Assert.InRange(await run, 5_000, CoreMutations); // the mutations are real: most break the file

        // With this seed: 24,912 edits in 10,000 files (9,078 of which have errors), of each kind in MutationKind's order
        // 2,522 character deletions, 2,492 character insertions, 2,473 character swaps, 2,523 truncations, 2,504 duplicated
        // slices, 2,535 inserted fragments, 2,478 token deletions, 2,472 token insertions, 2,486 swaps of adjacent tokens and
        // 2,427 swaps of any two tokens. Every kind must stay well represented if the mutator changes.
        Assert.All(mutator.Counts, count => Assert.InRange(count, 2_000, CoreMutations * 4));
        Assert.InRange(mutator.Counts.Sum(), 20_000, CoreMutations * 4);
    }

    [Fact]
    public void A_sample_of_mutations_through_the_generator_driver_never_throws()
    {
        var mutator = new Mutator(Repository.Picares);
        var random = new Random(Seed + 1);
        for (int i = 0; i < 150; i++)
        {
            var text = mutator.Mutate(random, (MutationKind)(i % Mutator.KindCount));
            var (result, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/mutated.protocol", text));
            AssertWellFormed("/repo/mutated.protocol", text, result, diagnostics);
            // Whatever is generated compiles.
            if (result.Results.Single().GeneratedSources.Length > 0)
                Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }
        Assert.All(mutator.Counts, count => Assert.True(count > 0));
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
        yield return new object[] { "unterminated string before more lines", "study X { title \"t }\nanchor a \"A\"\nanchor b \"B\n" };
        yield return new object[] { "unterminated escape", "study X { title \"t\\u{1F6" };
        yield return new object[] { "backslash at the end", "study X { title \"t\\" };
        yield return new object[] { "unterminated block", "study X { title \"t\"\n form F {\n field a text\n" };
        yield return new object[] { "unterminated nested blocks", "study X { title \"t\" }\nform F { field a quantity kg { hard 1..2 kg\nvisit V { day 1; collect F\n" };
        yield return new object[] { "unterminated call and list", "study X { title \"t\" }\ncriterion I1 inclusion \"x\" { when a.b in [1, 2 and max(3," };
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

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Garbage_through_the_generator_driver_yields_diagnostics_in_the_file_not_exceptions(string name, string text)
    {
        var path = "/repo/" + name.Replace(' ', '_') + ".protocol";
        var compilation = GeneratorHarness.Compilation("namespace Consumer { public static class Placeholder { } }");
        var driver = GeneratorHarness.Driver(new[] { new InMemoryAdditionalText(path, text) }, track: false).RunGenerators(compilation);
        var run = driver.GetRunResult();
        AssertWellFormed(path, text, run, run.Diagnostics);
        if (text.Length == 0) Assert.Equal("PIC1009", Assert.Single(run.Diagnostics).Id); // an empty file declares no study
    }
}
