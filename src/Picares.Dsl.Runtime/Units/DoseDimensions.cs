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

    /// <summary>A whole day's dose: one administration's dimension per fixed time (<c>mg/d</c>, <c>mg/kg/d</c>).</summary>
    public static bool IsDaily(Dimension dimension) => IsAdministration(dimension * Dimension.Time);
}
