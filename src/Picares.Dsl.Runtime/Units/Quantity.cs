using System;

namespace Picares.Dsl.Runtime.Units;

/// <summary>A number with its unit. Comparisons convert; quantities of different dimensions never compare.</summary>
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>
{
    /// <summary>Creates a quantity.</summary>
    public Quantity(double value, Unit unit)
    {
        Value = value;
        Unit = unit ?? throw new ArgumentNullException(nameof(unit));
    }

    /// <summary>Creates a quantity from a unit spelling.</summary>
    public Quantity(double value, string unit) : this(value, UnitCatalog.Get(unit)) { }

    /// <summary>The number, in <see cref="Unit"/>.</summary>
    public double Value { get; }
    /// <summary>The unit.</summary>
    public Unit Unit { get; }

    /// <summary>The value in the coherent unit of its dimension.</summary>
    public double CoherentValue => Value * Unit.Factor;

    /// <summary>This quantity in another unit of the same dimension.</summary>
    /// <exception cref="UnitMismatchException">The dimensions differ.</exception>
    public Quantity ConvertTo(Unit target) => new(Unit.ConvertTo(Value, target), target);

    /// <summary>Compares after conversion.</summary>
    /// <exception cref="UnitMismatchException">The dimensions differ.</exception>
    public int CompareTo(Quantity other)
    {
        if (!Unit.IsCompatibleWith(other.Unit)) throw new UnitMismatchException(other.Unit, Unit);
        return CoherentValue.CompareTo(other.CoherentValue);
    }

    /// <summary>Same dimension and same coherent value.</summary>
    public bool Equals(Quantity other) =>
        Unit is not null && other.Unit is not null && Unit.IsCompatibleWith(other.Unit) && CoherentValue.Equals(other.CoherentValue);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Quantity q && Equals(q);
    /// <inheritdoc />
    public override int GetHashCode() => Unit is null ? 0 : Unit.Dimension.GetHashCode() ^ CoherentValue.GetHashCode();

    /// <summary>Compares after conversion.</summary>
    public static bool operator <(Quantity a, Quantity b) => a.CompareTo(b) < 0;
    /// <summary>Compares after conversion.</summary>
    public static bool operator <=(Quantity a, Quantity b) => a.CompareTo(b) <= 0;
    /// <summary>Compares after conversion.</summary>
    public static bool operator >(Quantity a, Quantity b) => a.CompareTo(b) > 0;
    /// <summary>Compares after conversion.</summary>
    public static bool operator >=(Quantity a, Quantity b) => a.CompareTo(b) >= 0;
    /// <summary>Same dimension and value.</summary>
    public static bool operator ==(Quantity a, Quantity b) => a.Equals(b);
    /// <summary>Different dimension or value.</summary>
    public static bool operator !=(Quantity a, Quantity b) => !a.Equals(b);

    /// <summary>"40 kg".</summary>
    public override string ToString() =>
        Unit is null ? "(none)" : NumberText.Of(Value) + " " + Unit.Symbol;
}
