using System.Globalization;

namespace Picares.Dsl.Runtime.Units;

/// <summary>
/// How a number is written in every message, explanation and quantity: invariant culture, at most four
/// decimals, no trailing zeros ("40", "88.2", "0.0001").
/// </summary>
public static class NumberText
{
    /// <summary>The number as text.</summary>
    public static string Of(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The number as text; empty for a missing number (an open bound).</summary>
    public static string Of(double? value) => value is { } v ? Of(v) : "";
}
