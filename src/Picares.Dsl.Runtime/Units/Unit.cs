using System;

namespace Picares.Dsl.Runtime.Units;

/// <summary>
/// A unit of measure: its symbol as written in protocols, its dimension and its factor to the
/// coherent SI unit of that dimension (kg, m, s, mol, month, ...). Units of one dimension convert
/// into each other; units of different dimensions never compare.
/// </summary>
public sealed class Unit : IEquatable<Unit>
{
    internal Unit(string symbol, string name, Dimension dimension, double factor)
    {
        Symbol = symbol;
        Name = name;
        Dimension = dimension;
        Factor = factor;
    }

    /// <summary>The canonical symbol, e.g. <c>mg/m2</c>.</summary>
    public string Symbol { get; }
    /// <summary>A readable name, e.g. "milligram per square metre of body surface".</summary>
    public string Name { get; }
    /// <summary>The dimension.</summary>
    public Dimension Dimension { get; }
    /// <summary>Multiply a value in this unit by this to get the value in the coherent unit of its dimension.</summary>
    public double Factor { get; }

    /// <summary>True when values in this unit can be converted to <paramref name="other"/>.</summary>
    public bool IsCompatibleWith(Unit other) => Dimension == other.Dimension;

    /// <summary>Converts a value in this unit to <paramref name="target"/>.</summary>
    /// <exception cref="UnitMismatchException">The dimensions differ.</exception>
    public double ConvertTo(double value, Unit target)
    {
        if (ReferenceEquals(this, target)) return value;
        if (!IsCompatibleWith(target)) throw new UnitMismatchException(this, target);
        return value * Factor / target.Factor;
    }

    /// <inheritdoc />
    public bool Equals(Unit? other) => other is not null && Symbol == other.Symbol;
    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Unit);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Symbol);
    /// <inheritdoc />
    public override string ToString() => Symbol;
}

/// <summary>Thrown when a value in one unit is used where another dimension is required.</summary>
public sealed class UnitMismatchException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public UnitMismatchException(Unit from, Unit to)
        : base($"A value in '{from.Symbol}' ({from.Dimension}) cannot be used as '{to.Symbol}' ({to.Dimension}); give it in a unit of {to.Dimension}.")
    {
        From = from;
        To = to;
    }

    /// <summary>The unit given.</summary>
    public Unit From { get; }
    /// <summary>The unit expected.</summary>
    public Unit To { get; }
}
