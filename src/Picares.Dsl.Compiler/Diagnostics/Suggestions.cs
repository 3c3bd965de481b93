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

    /// <summary>The closest candidate within a third of the word's length (at least 1, at most 3 edits), or null.</summary>
    public static string? Closest(string written, IEnumerable<string> candidates)
    {
        if (written.Length == 0 || written.Length > 64) return null;
        int limit = Math.Max(1, Math.Min(3, written.Length / 3));
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates.OrderBy(c => c, StringComparer.Ordinal))
        {
            if (candidate == written || Math.Abs(candidate.Length - written.Length) > limit) continue;
            int d = Distance(written.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d <= limit && d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        for (int j = 1; j <= b.Length; j++)
        {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
