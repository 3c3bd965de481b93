using System.Collections.Generic;
using System.Linq;

namespace Picares.Dsl.Compiler.Consistency.Constraints;

/// <summary>
/// The values one variable may take: an interval of numbers (each bound open, closed or infinite), or a finite
/// set of codes (booleans are the codes true and false). A set of codes is kept as the codes it lists, or, for
/// <c>!=</c> and <c>not in</c>, as every code of the variable's domain but the ones it leaves out: so that a set is as long
/// as the condition that wrote it, not as the code list. Codes are kept in ordinal order, each once, so that the set
/// operations are merges of two arrays.
/// </summary>
internal sealed class ValueSet
{
    private static readonly System.StringComparer Order = System.StringComparer.Ordinal;
    // The same order as a delegate made once: sorting with the comparer makes a delegate of it at each sort.
    private static readonly System.Comparison<string> OrderOf = string.CompareOrdinal;

    private readonly string[]? _codes; // the codes listed, or, when _domain is set, the codes of the domain left out
    private readonly string[]? _domain; // set for "every code of the domain but _codes"

    private ValueSet(double lower, bool lowerOpen, double upper, bool upperOpen, string[]? codes, string[]? domain)
    {
        Lower = lower;
        LowerOpen = lowerOpen;
        Upper = upper;
        UpperOpen = upperOpen;
        _codes = codes;
        _domain = domain;
    }

    public double Lower { get; }
    public bool LowerOpen { get; }
    public double Upper { get; }
    public bool UpperOpen { get; }
    /// <summary>True for a set of codes, false for an interval.</summary>
    public bool IsCodes => _codes is not null;
    /// <summary>True for a set of codes kept as the codes of its domain it leaves out (<see cref="Excluded"/>).</summary>
    public bool IsAllBut => _domain is not null;
    /// <summary>The codes listed, in ordinal order: null for an interval or a set kept as what it leaves out.</summary>
    public IReadOnlyList<string>? Codes => _domain is null ? _codes : null;
    /// <summary>The codes of the domain left out, in ordinal order: null unless <see cref="IsAllBut"/>.</summary>
    public IReadOnlyList<string>? Excluded => _domain is null ? null : _codes;
    /// <summary>How many codes the set admits (0 for an interval).</summary>
    public int Count => _codes is null ? 0 : _domain is { } domain ? domain.Length - _codes.Length : _codes.Length;

    /// <summary>The codes the set admits, in ordinal order (of a set kept as what it leaves out, a walk over its domain).</summary>
    public IEnumerable<string> Admitted()
    {
        if (_codes is null) yield break;
        if (_domain is null)
        {
            foreach (var code in _codes) yield return code;
            yield break;
        }
        int j = 0;
        foreach (var code in _domain)
        {
            if (j < _codes.Length && _codes[j] == code) { j++; continue; }
            yield return code;
        }
    }

    /// <summary>
    /// The codes of <paramref name="domain"/> (a set that lists its codes, this set's domain) that this set leaves out,
    /// in ordinal order: a walk over the domain unless the set is kept as what it leaves out.
    /// </summary>
    public IReadOnlyList<string> LeftOutOf(ValueSet domain) =>
        _domain is not null ? _codes! : domain._codes is { } all && domain._domain is null && _codes is { } listed ? Merge(all, listed, keepShared: false) : System.Array.Empty<string>();

    public static readonly ValueSet All = Interval(double.NegativeInfinity, true, double.PositiveInfinity, true);

    public static ValueSet Interval(double lower, bool lowerOpen, double upper, bool upperOpen) => new(lower, lowerOpen, upper, upperOpen, null, null);

    /// <summary>
    /// The set of <paramref name="codes"/> as they are: a domain (a code list's codes, the booleans), or a set whose codes
    /// are known to be its domain's. A set written by a condition is made with <see cref="Within"/>.
    /// </summary>
    public static ValueSet Of(IEnumerable<string> codes) => OfSorted(Sorted(codes));

    /// <summary>The set of one code (as <see cref="Of(IEnumerable{string})"/>).</summary>
    public static ValueSet Of(string code) => OfSorted(new[] { code });

    /// <summary>
    /// The codes of <paramref name="domain"/> (a set that lists its codes) among <paramref name="codes"/>: a code it does not
    /// have is a value the variable never takes, and is dropped here rather than admitted. The binder reports such a code
    /// first (PIC2004, PIC2007), so that no set of the check ever holds one: every operation below assumes it.
    /// </summary>
    public static ValueSet Within(ValueSet domain, IEnumerable<string> codes) => OfSorted(Known(Listed(domain), Sorted(codes)));

    /// <summary>The set of <paramref name="code"/> if <paramref name="domain"/> (a set that lists its codes) has it, else the empty set (as <see cref="Within(ValueSet, IEnumerable{string})"/>).</summary>
    public static ValueSet Within(ValueSet domain, string code) =>
        OfSorted(System.Array.BinarySearch(Listed(domain), code, Order) >= 0 ? new[] { code } : System.Array.Empty<string>());

    private static ValueSet OfSorted(string[] codes) => new(0, false, 0, false, codes, null);

    /// <summary>Every code of <paramref name="domain"/>, a set that lists its codes, but <paramref name="codes"/>.</summary>
    public static ValueSet AllBut(ValueSet domain, IEnumerable<string> codes)
    {
        var all = Listed(domain);
        return AllBut(all, Known(all, Sorted(codes)));
    }

    private static string[] Listed(ValueSet domain) =>
        domain._codes is { } all && domain._domain is null ? all : throw new System.ArgumentException("The domain must list its codes.", nameof(domain));

    /// <summary>
    /// The codes of <paramref name="sorted"/> (in ordinal order) that <paramref name="all"/> has, each found by a binary search:
    /// <paramref name="sorted"/> itself when it has them all, as the sets of a condition do (sets are never changed, so they may share it).
    /// </summary>
    private static string[] Known(string[] all, string[] sorted)
    {
        int known = 0;
        foreach (var code in sorted)
            if (System.Array.BinarySearch(all, code, Order) >= 0) known++;
        if (known == sorted.Length) return sorted;
        var result = new string[known];
        known = 0;
        foreach (var code in sorted)
            if (System.Array.BinarySearch(all, code, Order) >= 0) result[known++] = code;
        return result;
    }

    /// <summary>Every code of <paramref name="domain"/> (a set that lists its codes) but those in <paramref name="sortedOut"/>, each of which it has.</summary>
    private static ValueSet AllBut(string[] domain, string[] sortedOut) => new(0, false, 0, false, sortedOut, domain);

    private static string[] Sorted(IEnumerable<string> codes)
    {
        var sorted = codes.ToArray();
        System.Array.Sort(sorted, OrderOf);
        int distinct = 0;
        for (int i = 0; i < sorted.Length; i++)
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) sorted[distinct++] = sorted[i];
        if (distinct < sorted.Length) System.Array.Resize(ref sorted, distinct);
        return sorted;
    }

    public bool IsEmpty => _codes is { } c ? c.Length == (_domain?.Length ?? 0) : Lower > Upper || Lower == Upper && (LowerOpen || UpperOpen);

    /// <summary>Whether the set of codes admits <paramref name="code"/> (a binary search; a code its domain lacks, never).</summary>
    public bool Contains(string code) => _codes is { } codes && (_domain is null
        ? System.Array.BinarySearch(codes, code, Order) >= 0
        : System.Array.BinarySearch(codes, code, Order) < 0 && System.Array.BinarySearch(_domain, code, Order) >= 0);

    /// <summary>The values in both (intervals with intervals, code sets of one domain with code sets).</summary>
    public ValueSet Intersect(ValueSet other)
    {
        if (_codes is { } a && other._codes is { } b)
        {
            // As with intervals, a set that is the intersection itself is returned rather than copied.
            if (_domain is null && other._domain is null) return Listing(Merge(a, b, keepShared: true));
            if (_domain is null) return Listing(Merge(a, b, keepShared: false)); // listed here, not left out there
            if (other._domain is null) return other.Listing(Merge(b, a, keepShared: false));
            var union = Union(a, b);
            return ReferenceEquals(union, a) ? this : AllBut(_domain, union);
        }
        if (_codes is not null || other._codes is not null) return this; // not comparable: no information
        var (lo, loOpen) = Lower > other.Lower ? (Lower, LowerOpen) : other.Lower > Lower ? (other.Lower, other.LowerOpen) : (Lower, LowerOpen || other.LowerOpen);
        var (hi, hiOpen) = Upper < other.Upper ? (Upper, UpperOpen) : other.Upper < Upper ? (other.Upper, other.UpperOpen) : (Upper, UpperOpen || other.UpperOpen);
        // Often one of the two is the intersection (a bound within a field's limits, or within what the bounds before it
        // admit): sets never change, so that one is returned rather than a copy.
        return HasBounds(lo, loOpen, hi, hiOpen) ? this : other.HasBounds(lo, loOpen, hi, hiOpen) ? other : Interval(lo, loOpen, hi, hiOpen);
    }

    /// <summary>This set of codes, when it lists exactly <paramref name="codes"/> (the array itself); else a set that does.</summary>
    private ValueSet Listing(string[] codes) => _domain is null && ReferenceEquals(codes, _codes) ? this : OfSorted(codes);

    /// <summary>Whether this is the interval of exactly these bounds, to the bit (0 and -0 differ, as a message would show).</summary>
    private bool HasBounds(double lower, bool lowerOpen, double upper, bool upperOpen) =>
        _codes is null && LowerOpen == lowerOpen && UpperOpen == upperOpen &&
        System.BitConverter.DoubleToInt64Bits(Lower) == System.BitConverter.DoubleToInt64Bits(lower) &&
        System.BitConverter.DoubleToInt64Bits(Upper) == System.BitConverter.DoubleToInt64Bits(upper);

    /// <summary>
    /// The values of <paramref name="domain"/> that are not in this set, when that is one set; else null. Of codes, it is
    /// kept as the codes this set lists, so it costs their number, not the domain's.
    /// </summary>
    public ValueSet? Complement(ValueSet domain)
    {
        if (_codes is { } codes)
        {
            if (_domain is not null) return OfSorted(codes);
            if (domain._codes is not { } all || domain._domain is not null) return null;
            return AllBut(all, Known(all, codes));
        }
        bool lowerInfinite = double.IsNegativeInfinity(Lower), upperInfinite = double.IsPositiveInfinity(Upper);
        if (lowerInfinite && !upperInfinite) return domain.Intersect(Interval(Upper, !UpperOpen, double.PositiveInfinity, true));
        if (upperInfinite && !lowerInfinite) return domain.Intersect(Interval(double.NegativeInfinity, true, Lower, !LowerOpen));
        return null;
    }

    /// <summary>True when every value of this set is in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(ValueSet other)
    {
        if (IsEmpty) return true;
        if (_codes is { } a)
        {
            if (other._codes is not { } b) return false;
            if (_domain is null) return other._domain is null ? Walk(a, b, keepShared: true, into: null) == a.Length : Walk(a, b, keepShared: false, into: null) == a.Length;
            // Every code of the domain but a: what b leaves out must be left out here too; or b must list every code kept here.
            if (other._domain is not null) return Walk(b, a, keepShared: true, into: null) == b.Length;
            int kept = _domain.Length - a.Length, listedAndKept = Walk(_domain, b, keepShared: true, into: null) - Walk(a, b, keepShared: true, into: null);
            return listedAndKept == kept;
        }
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
        return HasBounds(lo, double.IsInfinity(lo), hi, double.IsInfinity(hi)) ? this : Interval(lo, double.IsInfinity(lo), hi, double.IsInfinity(hi));
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

    /// <summary>The codes in either, in ordinal order.</summary>
    private static string[] Union(string[] first, string[] second)
    {
        int onlySecond = Walk(second, first, keepShared: false, into: null);
        if (onlySecond == 0) return first;
        var result = new string[first.Length + onlySecond];
        int i = 0, j = 0, k = 0;
        while (i < first.Length || j < second.Length)
        {
            int order = i == first.Length ? 1 : j == second.Length ? -1 : Order.Compare(first[i], second[j]);
            if (order <= 0) { result[k++] = first[i++]; if (order == 0) j++; }
            else result[k++] = second[j++];
        }
        return result;
    }
}
