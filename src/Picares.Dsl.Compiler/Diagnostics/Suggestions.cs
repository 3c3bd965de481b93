using System;
using System.Collections.Generic;
using System.Linq;

namespace Picares.Dsl.Compiler.Diagnostics;

/// <summary>"Did you mean" suggestions by edit distance (optimal string alignment, case-insensitive).</summary>
public static class Suggestions
{
    /// <summary>"; did you mean 'x'?" for the closest candidate within reach, or "".</summary>
    public static string DidYouMean(string written, IEnumerable<string> candidates)
    {
        var best = Closest(written, candidates);
        return best is null ? "" : $"; did you mean '{best}'?";
    }

    /// <summary>
    /// As <see cref="DidYouMean"/>, or <paramref name="otherwise"/> when no candidate is close, worked out only if the diagnostic
    /// it is an argument of is kept (see <see cref="DeferredText"/>).
    /// </summary>
    public static DeferredText DidYouMeanLater(string written, IEnumerable<string> candidates, string otherwise = "") =>
        DidYouMeanLater(written, candidates, () => otherwise);

    /// <inheritdoc cref="DidYouMeanLater(string, IEnumerable{string}, string)"/>
    public static DeferredText DidYouMeanLater(string written, IEnumerable<string> candidates, Func<string> otherwise) =>
        new(() => DidYouMean(written, candidates) is { Length: > 0 } suggestion ? suggestion : otherwise());

    /// <summary>"a, b, c": the items joined, worked out only if the diagnostic it is an argument of is kept.</summary>
    public static DeferredText ListLater(IEnumerable<string> items) => new(() => string.Join(", ", items));

    /// <summary>
    /// The most items of a list the file declares (a code list's codes, a form's fields) that a message names; past them it
    /// counts the rest, so that a message stays short however long the list. The language's own lists of keywords and options
    /// are short, and named whole.
    /// </summary>
    public const int MostListed = 20;

    /// <summary>
    /// The most declarations a consistency message names when it speaks of many (visits that collect a form, arms, points
    /// of a cycle, codes a bound admits); past them it counts the rest.
    /// </summary>
    public const int MostNamed = 10;

    /// <summary>"a, b, c": the items joined; of a longer list, the first <see cref="MostListed"/> and "and 480 more".</summary>
    public static string FirstListed(IReadOnlyCollection<string> items) => FirstListed(items, items.Count, MostListed);

    /// <summary>
    /// The first <paramref name="most"/> of <paramref name="count"/> items joined by <paramref name="separator"/>, then
    /// "and 480 more": the one way every message that names part of a long list counts the rest.
    /// </summary>
    public static string FirstListed(IEnumerable<string> items, int count, int most, string separator = ", ") =>
        count <= most ? string.Join(separator, items) : string.Join(separator, items.Take(most)) + $" and {count - most} more";

    /// <summary>As <see cref="FirstListed"/>, worked out only if the diagnostic it is an argument of is kept.</summary>
    public static DeferredText FirstListedLater(IReadOnlyCollection<string> items) => new(() => FirstListed(items));

    /// <summary>
    /// The closest candidate within a third of the word's length (at least 1, at most 3 edits), or null; of equally close
    /// candidates, the first in ordinal order. One pass over the candidates.
    /// </summary>
    public static string? Closest(string written, IEnumerable<string> candidates)
    {
        if (written.Length == 0 || written.Length > 64) return null;
        int limit = Math.Max(1, Math.Min(3, written.Length / 3));
        var lower = written.ToLowerInvariant();
        var rows = new Rows(lower.Length + limit + 1);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate == written || Math.Abs(candidate.Length - written.Length) > limit) continue;
            int d = Distance(lower, candidate, rows, lowerSecond: true);
            if (d <= limit && (d < bestDistance || d == bestDistance && StringComparer.Ordinal.Compare(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b) => Distance(a, b, new Rows(b.Length + 1), lowerSecond: false);

    // Three rows of the distance table, reused from one candidate to the next rather than a table for each.
    private sealed class Rows
    {
        public int[] BeforeLast, Last, Current;

        public Rows(int length)
        {
            BeforeLast = new int[length];
            Last = new int[length];
            Current = new int[length];
        }
    }

    // With lowerSecond, b's characters are compared lower-cased (a is already), without making a lower-cased copy of b.
    private static int Distance(string a, string b, Rows rows, bool lowerSecond)
    {
        if (rows.Current.Length < b.Length + 1) rows = new Rows(b.Length + 1);
        var (beforeLast, last, current) = (rows.BeforeLast, rows.Last, rows.Current);
        for (int j = 0; j <= b.Length; j++) last[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == At(b, j - 1) ? 0 : 1;
                int d = Math.Min(Math.Min(last[j] + 1, current[j - 1] + 1), last[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == At(b, j - 2) && a[i - 2] == At(b, j - 1)) d = Math.Min(d, beforeLast[j - 2] + 1);
                current[j] = d;
            }
            (beforeLast, last, current) = (last, current, beforeLast);
        }
        return last[b.Length];

        char At(string s, int index) => lowerSecond ? char.ToLowerInvariant(s[index]) : s[index];
    }
}
