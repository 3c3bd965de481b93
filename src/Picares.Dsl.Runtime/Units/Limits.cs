using System;

namespace Picares.Dsl.Runtime.Units;

/// <summary>
/// Inclusive limits with the one tolerance every check uses (a relative 1e-9, so that a bound given in another
/// unit lands exactly on it after conversion): screening input and CRF edit checks agree at every boundary.
/// </summary>
public static class Limits
{
    private const double Tolerance = 1e-9;

    /// <summary>True when <paramref name="value"/> lies within [lower, upper]; a missing bound is open.</summary>
    public static bool Contains(double value, double? lower, double? upper) =>
        !(lower is { } lo && value < lo - Tolerance * Math.Max(1, Math.Abs(lo))) &&
        !(upper is { } hi && value > hi + Tolerance * Math.Max(1, Math.Abs(hi)));

    /// <summary>Limits as the protocol writes them, <c>20..300</c>; a missing bound is left empty (<c>0..</c>).</summary>
    public static string Text(double? lower, double? upper) => NumberText.Of(lower) + ".." + NumberText.Of(upper);
}
