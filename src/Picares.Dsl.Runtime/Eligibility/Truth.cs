using System.Runtime.CompilerServices;

namespace Picares.Dsl.Runtime.Eligibility;

/// <summary>A three-valued truth: what a condition yields when data may be missing.</summary>
public enum Truth : byte
{
    /// <summary>Not known: a datum it needs is missing.</summary>
    Unknown = 0,
    /// <summary>False.</summary>
    False = 1,
    /// <summary>True.</summary>
    True = 2,
}

/// <summary>Kleene's strong three-valued logic: a known operand decides when it can, otherwise Unknown.</summary>
public static class Kleene
{
    /// <summary>False if either is False; True if both are True; otherwise Unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth And(Truth a, Truth b) =>
        a == Truth.False || b == Truth.False ? Truth.False : a == Truth.True && b == Truth.True ? Truth.True : Truth.Unknown;

    /// <summary>True if either is True; False if both are False; otherwise Unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Or(Truth a, Truth b) =>
        a == Truth.True || b == Truth.True ? Truth.True : a == Truth.False && b == Truth.False ? Truth.False : Truth.Unknown;

    /// <summary>Swaps True and False; Unknown stays Unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Not(Truth a) => a == Truth.True ? Truth.False : a == Truth.False ? Truth.True : Truth.Unknown;

    /// <summary>A known boolean, or Unknown for null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Of(bool? value) => !value.HasValue ? Truth.Unknown : value.GetValueOrDefault() ? Truth.True : Truth.False;
}
