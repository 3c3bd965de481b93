using System.Globalization;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// The boundary date of a temporal comparison whose reference is an anchor and whose duration is a constant of
/// the protocol (<c>more than 4 weeks before first_dose</c>: first_dose − 4 weeks, by calendar day). It depends
/// on the anchor's date alone, so generated screening code computes it once, when the date is set, instead of
/// once per candidate.
/// </summary>
internal sealed record TemporalBoundary(string Anchor, double Duration, string Unit, bool Before, bool DayPrecision)
{
    /// <summary>The runtime call that computes the boundary from <paramref name="reference"/> and the duration constant.</summary>
    public string Initializer(string reference, string durationConstant) =>
        $"global::Picares.Dsl.Runtime.Eligibility.Evaluate.Boundary({reference}, {durationConstant}, {(Before ? "true" : "false")}, {(DayPrecision ? "true" : "false")})";

    /// <summary>A stable, readable key: the same boundary is computed once however many criteria use it.</summary>
    public string Key => string.Format(CultureInfo.InvariantCulture, "{0} {1:R} {2} {3}", Before ? "-" : "+", Duration, Unit, DayPrecision ? "day" : "time");
}
