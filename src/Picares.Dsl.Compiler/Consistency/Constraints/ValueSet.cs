using System.Collections.Generic;
using System.Linq;

namespace Picares.Dsl.Compiler.Consistency.Constraints;

/// <summary>
/// The values one variable may take: an interval of numbers (each bound open, closed or infinite), or a finite
/// set of codes (booleans are the codes true and false).
/// </summary>
internal sealed class ValueSet
{
    private ValueSet(double lower, bool lowerOpen, double upper, bool upperOpen, SortedSet<string>? codes)
    {
        Lower = lower;
        LowerOpen = lowerOpen;
        Upper = upper;
        UpperOpen = upperOpen;
        Codes = codes;
    }

    public double Lower { get; }
    public bool LowerOpen { get; }
    public double Upper { get; }
    public bool UpperOpen { get; }
    /// <summary>The codes, or null for an interval.</summary>
    public SortedSet<string>? Codes { get; }

    public static readonly ValueSet All = Interval(double.NegativeInfinity, true, double.PositiveInfinity, true);

    public static ValueSet Interval(double lower, bool lowerOpen, double upper, bool upperOpen) => new(lower, lowerOpen, upper, upperOpen, null);

    public static ValueSet Of(IEnumerable<string> codes) =>
        new(0, false, 0, false, new SortedSet<string>(codes, System.StringComparer.Ordinal));

    public bool IsEmpty => Codes is { } c ? c.Count == 0 : Lower > Upper || Lower == Upper && (LowerOpen || UpperOpen);

    /// <summary>The values in both (intervals with intervals, code sets with code sets).</summary>
    public ValueSet Intersect(ValueSet other)
    {
        if (Codes is { } a && other.Codes is { } b) return Of(a.Where(b.Contains));
        if (Codes is not null || other.Codes is not null) return this; // not comparable: no information
        var (lo, loOpen) = Lower > other.Lower ? (Lower, LowerOpen) : other.Lower > Lower ? (other.Lower, other.LowerOpen) : (Lower, LowerOpen || other.LowerOpen);
        var (hi, hiOpen) = Upper < other.Upper ? (Upper, UpperOpen) : other.Upper < Upper ? (other.Upper, other.UpperOpen) : (Upper, UpperOpen || other.UpperOpen);
        return Interval(lo, loOpen, hi, hiOpen);
    }

    /// <summary>The values of <paramref name="domain"/> that are not in this set, when that is one set; else null.</summary>
    public ValueSet? Complement(ValueSet domain)
    {
        if (Codes is { } codes) return domain.Codes is { } all ? Of(all.Where(x => !codes.Contains(x))) : null;
        bool lowerInfinite = double.IsNegativeInfinity(Lower), upperInfinite = double.IsPositiveInfinity(Upper);
        if (lowerInfinite && !upperInfinite) return domain.Intersect(Interval(Upper, !UpperOpen, double.PositiveInfinity, true));
        if (upperInfinite && !lowerInfinite) return domain.Intersect(Interval(double.NegativeInfinity, true, Lower, !LowerOpen));
        return null;
    }

    /// <summary>True when every value of this set is in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(ValueSet other)
    {
        if (IsEmpty) return true;
        if (Codes is { } a) return other.Codes is { } b && a.All(b.Contains);
        if (other.Codes is not null) return false;
        bool lowerInside = Lower > other.Lower || Lower == other.Lower && (LowerOpen || !other.LowerOpen);
        bool upperInside = Upper < other.Upper || Upper == other.Upper && (UpperOpen || !other.UpperOpen);
        return lowerInside && upperInside;
    }

    public bool SameAs(ValueSet other) => IsSubsetOf(other) && other.IsSubsetOf(this);

    /// <summary>For variables that take whole multiples of <paramref name="step"/> (whole numbers, calendar days): closed bounds on such multiples.</summary>
    public ValueSet ToMultiplesOf(double step)
    {
        if (Codes is not null) return this;
        double lo = double.IsInfinity(Lower) ? Lower : (LowerOpen ? System.Math.Floor(Lower / step) + 1 : System.Math.Ceiling(Lower / step)) * step;
        double hi = double.IsInfinity(Upper) ? Upper : (UpperOpen ? System.Math.Ceiling(Upper / step) - 1 : System.Math.Floor(Upper / step)) * step;
        return Interval(lo, double.IsInfinity(lo), hi, double.IsInfinity(hi));
    }
}
