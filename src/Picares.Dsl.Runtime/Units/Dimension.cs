using System;
using System.Text;

namespace Picares.Dsl.Runtime.Units;

/// <summary>
/// The physical dimension of a unit, as integer exponents of base dimensions.
/// Calendar time (months, years) is its own base dimension: a month is not a fixed number of days.
/// Doses per body weight and per body surface area carry their own base dimensions, so that
/// <c>mg/kg</c> is not dimensionless and <c>mg/m2</c> is not the same kind as a BMI in <c>kg/m2</c>. Activity (enzyme
/// units and international units, <c>U</c>, <c>IU</c>) is a base dimension too: a unit of activity is defined by an assay
/// or a reference standard, not by the SI, so it converts only into other units of activity.
/// </summary>
public readonly struct Dimension : IEquatable<Dimension>
{
    private static readonly string[] Names = { "mass", "length", "time", "amount", "calendar", "body-weight", "body-surface", "activity" };

    private readonly sbyte _mass, _length, _time, _amount, _calendar, _bodyWeight, _bodySurface, _activity;

    /// <summary>Creates a dimension from its exponents.</summary>
    public Dimension(int mass = 0, int length = 0, int time = 0, int amount = 0, int calendar = 0, int bodyWeight = 0, int bodySurface = 0, int activity = 0)
    {
        _mass = (sbyte)mass; _length = (sbyte)length; _time = (sbyte)time; _amount = (sbyte)amount;
        _calendar = (sbyte)calendar; _bodyWeight = (sbyte)bodyWeight; _bodySurface = (sbyte)bodySurface; _activity = (sbyte)activity;
    }

    /// <summary>No dimension: counts, ratios, percentages.</summary>
    public static Dimension None => default;
    /// <summary>Mass.</summary>
    public static Dimension Mass => new(mass: 1);
    /// <summary>Length.</summary>
    public static Dimension Length => new(length: 1);
    /// <summary>Fixed-length time: seconds to weeks.</summary>
    public static Dimension Time => new(time: 1);
    /// <summary>Calendar time: months and years.</summary>
    public static Dimension Calendar => new(calendar: 1);
    /// <summary>Activity: enzyme units and international units (<c>U</c>, <c>IU</c>).</summary>
    public static Dimension Activity => new(activity: 1);

    /// <summary>True for fixed or calendar durations.</summary>
    public bool IsDuration => Equals(Time) || Equals(Calendar);

    /// <summary>Multiplies two dimensions (adds exponents).</summary>
    public static Dimension operator *(Dimension a, Dimension b) => new(
        a._mass + b._mass, a._length + b._length, a._time + b._time, a._amount + b._amount,
        a._calendar + b._calendar, a._bodyWeight + b._bodyWeight, a._bodySurface + b._bodySurface, a._activity + b._activity);

    /// <summary>Divides two dimensions (subtracts exponents).</summary>
    public static Dimension operator /(Dimension a, Dimension b) => new(
        a._mass - b._mass, a._length - b._length, a._time - b._time, a._amount - b._amount,
        a._calendar - b._calendar, a._bodyWeight - b._bodyWeight, a._bodySurface - b._bodySurface, a._activity - b._activity);

    /// <inheritdoc />
    public bool Equals(Dimension other) =>
        _mass == other._mass && _length == other._length && _time == other._time && _amount == other._amount &&
        _calendar == other._calendar && _bodyWeight == other._bodyWeight && _bodySurface == other._bodySurface && _activity == other._activity;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Dimension d && Equals(d);

    /// <inheritdoc />
    public override int GetHashCode() =>
        (_mass * 7) ^ (_length * 31) ^ (_time * 127) ^ (_amount * 509) ^ (_calendar * 2039) ^ (_bodyWeight * 8191) ^ (_bodySurface * 32749) ^ (_activity * 131071);

    /// <summary>Equality.</summary>
    public static bool operator ==(Dimension a, Dimension b) => a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(Dimension a, Dimension b) => !a.Equals(b);

    /// <summary>A readable name: "mass", "time", "mass/length^3", "dimensionless".</summary>
    public override string ToString()
    {
        if (Equals(Time)) return "fixed duration";
        if (Equals(Calendar)) return "calendar duration";
        var exps = new int[] { _mass, _length, _time, _amount, _calendar, _bodyWeight, _bodySurface, _activity };
        var num = new StringBuilder();
        var den = new StringBuilder();
        for (int i = 0; i < exps.Length; i++)
        {
            if (exps[i] == 0) continue;
            var target = exps[i] > 0 ? num : den;
            if (target.Length > 0) target.Append('·');
            target.Append(Names[i]);
            int abs = Math.Abs(exps[i]);
            if (abs != 1) target.Append('^').Append(abs);
        }
        if (num.Length == 0 && den.Length == 0) return "dimensionless";
        if (den.Length == 0) return num.ToString();
        return (num.Length == 0 ? "1" : num.ToString()) + "/" + den;
    }
}
