using System.Collections.Generic;
using System.Linq;

namespace Picares.Dsl.Compiler.Consistency.Constraints;

/// <summary>
/// The values one variable may take: an interval of numbers (each bound open, closed or infinite), or a finite
/// set of codes (booleans are the codes true and false). A set of codes is kept as an array in ordinal order, each code
/// once, so that the set operations are merges of two short arrays.
/// </summary>
internal sealed class ValueSet
{
    private static readonly System.StringComparer Order = System.StringComparer.Ordinal;

    private readonly string[]? _codes;

    private ValueSet(double lower, bool lowerOpen, double upper, bool upperOpen, string[]? codes)
    {
        Lower = lower;
        LowerOpen = lowerOpen;
        Upper = upper;
        UpperOpen = upperOpen;
        _codes = codes;
    }

    public double Lower { get; }
    public bool LowerOpen { get; }
    public double Upper { get; }
    public bool UpperOpen { get; }
    /// <summary>The codes in ordinal order, or null for an interval.</summary>
    public IReadOnlyList<string>? Codes => _codes;

    public static readonly ValueSet All = Interval(double.NegativeInfinity, true, double.PositiveInfinity, true);

    public static ValueSet Interval(double lower, bool lowerOpen, double upper, bool upperOpen) => new(lower, lowerOpen, upper, upperOpen, null);

    public static ValueSet Of(IEnumerable<string> codes)
    {
        var sorted = codes.ToArray();
        System.Array.Sort(sorted, Order);
        int distinct = 0;
        for (int i = 0; i < sorted.Length; i++)
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) sorted[distinct++] = sorted[i];
        if (distinct < sorted.Length) System.Array.Resize(ref sorted, distinct);
        return OfSorted(sorted);
    }

    /// <summary>The set of one code.</summary>
    public static ValueSet Of(string code) => OfSorted(new[] { code });

    private static ValueSet OfSorted(string[] codes) => new(0, false, 0, false, codes);

    public bool IsEmpty => _codes is { } c ? c.Length == 0 : Lower > Upper || Lower == Upper && (LowerOpen || UpperOpen);

    /// <summary>The values in both (intervals with intervals, code sets with code sets).</summary>
    public ValueSet Intersect(ValueSet other)
    {
        if (_codes is { } a && other._codes is { } b) return OfSorted(Merge(a, b, keepShared: true));
        if (_codes is not null || other._codes is not null) return this; // not comparable: no information
        var (lo, loOpen) = Lower > other.Lower ? (Lower, LowerOpen) : other.Lower > Lower ? (other.Lower, other.LowerOpen) : (Lower, LowerOpen || other.LowerOpen);
        var (hi, hiOpen) = Upper < other.Upper ? (Upper, UpperOpen) : other.Upper < Upper ? (other.Upper, other.UpperOpen) : (Upper, UpperOpen || other.UpperOpen);
        return Interval(lo, loOpen, hi, hiOpen);
    }

    /// <summary>The values of <paramref name="domain"/> that are not in this set, when that is one set; else null.</summary>
    public ValueSet? Complement(ValueSet domain)
    {
        if (_codes is { } codes) return domain._codes is { } all ? OfSorted(Merge(all, codes, keepShared: false)) : null;
        bool lowerInfinite = double.IsNegativeInfinity(Lower), upperInfinite = double.IsPositiveInfinity(Upper);
        if (lowerInfinite && !upperInfinite) return domain.Intersect(Interval(Upper, !UpperOpen, double.PositiveInfinity, true));
        if (upperInfinite && !lowerInfinite) return domain.Intersect(Interval(double.NegativeInfinity, true, Lower, !LowerOpen));
        return null;
    }

    /// <summary>True when every value of this set is in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(ValueSet other)
    {
        if (IsEmpty) return true;
        if (_codes is { } a) return other._codes is { } b && Walk(a, b, keepShared: true, into: null) == a.Length;
        if (other._codes is not null) return false;
        bool lowerInside = Lower > other.Lower || Lower == other.Lower && (LowerOpen || !other.LowerOpen);
        bool upperInside = Upper < other.Upper || Upper == other.Upper && (UpperOpen || !other.UpperOpen);
        return lowerInside && upperInside;
    }

    public bool SameAs(ValueSet other) => IsSubsetOf(other) && other.IsSubsetOf(this);

    /// <summary>For variables that take whole multiples of <paramref name="step"/> (whole numbers, calendar days): closed bounds on such multiples.</summary>
    public ValueSet ToMultiplesOf(double step)
    {
        if (_codes is not null) return this;
        double lo = double.IsInfinity(Lower) ? Lower : (LowerOpen ? System.Math.Floor(Lower / step) + 1 : System.Math.Ceiling(Lower / step)) * step;
        double hi = double.IsInfinity(Upper) ? Upper : (UpperOpen ? System.Math.Ceiling(Upper / step) - 1 : System.Math.Floor(Upper / step)) * step;
        return Interval(lo, double.IsInfinity(lo), hi, double.IsInfinity(hi));
    }

    /// <summary>
    /// The codes of <paramref name="first"/> that are in <paramref name="second"/> (<paramref name="keepShared"/>), or that
    /// are not; both in ordinal order, and so is the result.
    /// </summary>
    private static string[] Merge(string[] first, string[] second, bool keepShared)
    {
        // Counted on the first pass, copied on the second: the result is made at its size, or is the first array itself
        // when it keeps every code (sets are never changed, so they may share it).
        int kept = Walk(first, second, keepShared, into: null);
        if (kept == first.Length) return first;
        var result = new string[kept];
        Walk(first, second, keepShared, result);
        return result;
    }

    private static int Walk(string[] first, string[] second, bool keepShared, string[]? into)
    {
        int kept = 0, j = 0;
        foreach (var code in first)
        {
            while (j < second.Length && Order.Compare(second[j], code) < 0) j++;
            bool shared = j < second.Length && second[j] == code;
            if (shared != keepShared) continue;
            if (into is not null) into[kept] = code;
            kept++;
        }
        return kept;
    }
}
