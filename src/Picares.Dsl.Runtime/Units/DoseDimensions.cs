namespace Picares.Dsl.Runtime.Units;

/// <summary>
/// The dimensions a dose may have: an absolute amount (mass, volume, amount of substance, activity such as IU), per body
/// weight (<c>mg/kg</c>) or per body surface (<c>mg/m2</c>); each also per day (<c>mg/d</c>, <c>mg/kg/d</c>), a whole
/// day's dose.
/// </summary>
public static class DoseDimensions
{
    private static readonly Dimension BodyWeight = new(bodyWeight: 1), BodySurface = new(bodySurface: 1);

    /// <summary>Mass, volume, amount of substance or activity: what a dose gives, not per anything.</summary>
    public static bool IsAbsolute(Dimension dimension) =>
        dimension == Dimension.Mass || dimension == Dimension.Length * Dimension.Length * Dimension.Length ||
        dimension == new Dimension(amount: 1) || dimension == Dimension.Activity;

    /// <summary>The absolute amount a dose per body weight or body surface scales to, or null for any other dimension.</summary>
    public static Dimension? ScaledAmount(Dimension dimension) =>
        IsAbsolute(dimension * BodyWeight) ? dimension * BodyWeight : IsAbsolute(dimension * BodySurface) ? dimension * BodySurface : null;

    /// <summary>One administration's dose: an absolute amount, or one per body weight or body surface.</summary>
    public static bool IsAdministration(Dimension dimension) => IsAbsolute(dimension) || ScaledAmount(dimension) is not null;

    /// <summary>
    /// A whole day's dose: a unit per day (<c>mg/d</c>, <c>mg/kg/d</c>) of one administration's dimension. A rate per minute
    /// or per hour (<c>mL/min</c>, an infusion rate or a clearance) is not a dose.
    /// </summary>
    public static bool IsDaily(Unit unit) =>
        unit.Symbol.EndsWith("/d", System.StringComparison.Ordinal) && IsAdministration(unit.Dimension * Dimension.Time);

    /// <summary>
    /// The dimension a cap on a dose in <paramref name="unit"/> has: the absolute amount a dose per body weight or body surface
    /// comes to (mass for mg/kg, mass per time for mg/kg/d), mass for an AUC target; null for a dose that is already absolute.
    /// </summary>
    public static Dimension? CapOf(Unit unit) =>
        unit.Symbol == "AUC" ? Dimension.Mass
        : ScaledAmount(unit.Dimension) is { } amount ? amount
        : IsDaily(unit) && ScaledAmount(unit.Dimension * Dimension.Time) is { } daily ? daily / Dimension.Time
        : null;
}
