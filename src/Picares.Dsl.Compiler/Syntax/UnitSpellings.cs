using System;
using System.Collections.Generic;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Compiler.Syntax;

/// <summary>
/// The catalogue's unit spellings looked up without regard to case: for the diagnostic that tells an author who wrote
/// <c>mg/dl</c> or <c>ml/min/1.73m2</c> that units are case-sensitive and which spelling is meant, rather than reading the
/// run as a shorter unit followed by something else.
/// </summary>
internal static class UnitSpellings
{
    // Each spelling by its upper-case form; null where two spellings differ only in case (none do today), since a
    // suggestion must then not pick one.
    private static readonly Dictionary<string, string?> ByUpperCase = Build();

    private static Dictionary<string, string?> Build()
    {
        var table = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var spelling in UnitCatalog.Spellings)
            table[spelling] = table.ContainsKey(spelling) ? null : spelling;
        return table;
    }

    /// <summary>
    /// The one catalogue spelling that <paramref name="written"/> spells with other cases, or null (also when it is exact, and
    /// when the two differ in an m or M: milli and mega are a factor of 10^9 apart, so a guess between them is no help).
    /// </summary>
    public static string? IgnoringCase(string written) =>
        ByUpperCase.TryGetValue(written, out var spelling) && spelling is not null && spelling != written && !FlipsMilliAndMega(written, spelling) ? spelling : null;

    /// <summary>
    /// Whether two spellings equal but for case differ in the case of a prefix m or M (one that starts the unit or follows a
    /// '/', before a letter: mg and Mg, mU and MU), which is milli against mega: a factor of 10^9, never worth a guess.
    /// </summary>
    public static bool FlipsMilliAndMega(string written, string spelling)
    {
        if (written.Length != spelling.Length) return false;
        for (int i = 0; i < written.Length; i++)
            if (written[i] != spelling[i] && written[i] is 'm' or 'M' && (i == 0 || written[i - 1] == '/') && IsUnitAfterPrefix(written, i + 1))
                return true;
        return false;
    }

    // Whether the unit component from 'start' (up to the next '/') spells a unit in some case: then the m before it is a
    // prefix (mL, MU), not the start of a word (min, mol, months).
    private static bool IsUnitAfterPrefix(string written, int start)
    {
        int end = written.IndexOf('/', start);
        var rest = end < 0 ? written.Substring(start) : written.Substring(start, end - start);
        return rest.Length > 0 && ByUpperCase.ContainsKey(rest);
    }
}
