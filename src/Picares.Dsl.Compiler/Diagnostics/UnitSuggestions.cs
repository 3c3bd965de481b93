using System;
using System.Collections.Generic;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Compiler.Diagnostics;

/// <summary>
/// What PIC2001 suggests for a unit the catalogue does not have: the closest spelling, or, for a unit left out on purpose
/// because no factor converts it safely, what to write instead. A spelling one letter away can be a unit of another kind
/// (<c>mmol/mol</c> and <c>mmol/L</c>), so a unit that is absent for a reason says so rather than suggest its neighbour.
/// </summary>
internal static class UnitSuggestions
{
    private static readonly Dictionary<string, string> LeftOut = new(StringComparer.Ordinal)
    {
        ["mmol/mol"] = "; HbA1c in IFCC units (mmol/mol) does not convert to NGSP percent by a factor, so the language has no such unit: " +
            "declare the field 'decimal' and name the unit in its label, or collect the value in %",
        ["mEq/L"] = "; an equivalent depends on the ion's charge, so the language has no such unit: for monovalent ions (sodium, potassium, " +
            "chloride, bicarbonate) write mmol/L, which equals mEq/L",
        ["mEq"] = "; an equivalent depends on the ion's charge, so the language has no such unit: for a monovalent ion write mmol",
    };

    // Spellings that are no unit of the catalogue for a reason a suggestion of the nearest spelling would hide.
    private static readonly Dictionary<string, string> NoSuchUnit = new(StringComparer.Ordinal)
    {
        ["C"] = Temperature, ["F"] = Temperature, ["degC"] = Temperature, ["degF"] = Temperature, ["celsius"] = Temperature, ["Celsius"] = Temperature,
        ["x"] = Times, ["X"] = Times,
    };

    private const string Temperature = "; the language has no temperature unit (degrees Celsius and Fahrenheit do not convert by a factor): " +
        "declare the field 'decimal' and name the unit in its label, such as \"Temperature (°C)\"";

    private const string Times = "; 'x' is not a unit: before a unit, leave it out (50 10^9/L for \"50 x 10^9/L\"); to multiply by a value, " +
        "write '*' (2.5 * Labs.alt_uln for \"2.5 x ULN\")";

    /// <summary>Whether <paramref name="written"/> is a unit the catalogue leaves out on purpose.</summary>
    public static bool IsLeftOut(string written) => LeftOut.ContainsKey(written);

    /// <summary>Whether PIC2001 says why <paramref name="written"/> is no unit, rather than suggest the nearest spelling.</summary>
    public static bool IsExplained(string written) => LeftOut.ContainsKey(written) || NoSuchUnit.ContainsKey(written);

    /// <summary>The end of PIC2001's message for <paramref name="written"/>, worked out only if the diagnostic is kept.</summary>
    public static DeferredText For(string written)
    {
        if (LeftOut.TryGetValue(written, out var instead) || NoSuchUnit.TryGetValue(written, out instead)) return new DeferredText(() => instead);
        // "mL / min / 1.73 m2" on a field: a unit written with spaces, which edit distance may not reach.
        if (written.IndexOf(' ') >= 0 && string.Concat(written.Split(' ')) is var glued && UnitCatalog.TryFind(glued, out _))
            return new DeferredText(() => $"; write it without spaces: '{glued}'");
        return new DeferredText(() => Suggestions.Closest(written, UnitCatalog.Spellings) is { } closest
            ? Syntax.UnitSpellings.FlipsMilliAndMega(written, closest)
                ? $"; M is mega and m is milli, a factor of 10^9 apart: write the prefix meant, such as {closest}"
                : $"; did you mean '{closest}'?"
            : "");
    }
}
