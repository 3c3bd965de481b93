using System;
using System.Globalization;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Runtime.Eligibility;

/// <summary>How the distance of a temporal comparison is bounded (see docs/language.md, "Time").</summary>
public enum TemporalBound : byte
{
    /// <summary>distance ≥ d</summary>
    AtLeast,
    /// <summary>distance &gt; d</summary>
    MoreThan,
    /// <summary>distance ≤ d</summary>
    AtMost,
    /// <summary>distance &lt; d</summary>
    LessThan,
    /// <summary>0 ≤ distance ≤ d</summary>
    Within,
}

/// <summary>
/// The operations generated eligibility code is made of. Every operation propagates missing data: a null
/// operand gives null or <see cref="Truth.Unknown"/>, never a default that could pass. Quantities compare in
/// coherent units with a relative tolerance of 1e-9, so a bound given in another unit lands exactly on it.
/// Dates move by fixed durations exactly and by calendar durations with calendar arithmetic (AddMonths).
/// </summary>
public static class Evaluate
{
    private const double Tolerance = 1e-9;

    // ---- comparisons ----------------------------------------------------------------------------

    /// <summary>-1, 0 or 1, or null when either is missing.</summary>
    public static int? Compare(Quantity? a, Quantity? b)
    {
        if (a is not { } x || b is not { } y) return null;
        if (!x.Unit.IsCompatibleWith(y.Unit)) throw new UnitMismatchException(y.Unit, x.Unit);
        double p = x.CoherentValue, q = y.CoherentValue;
        if (Math.Abs(p - q) <= Tolerance * Math.Max(Math.Abs(p), Math.Abs(q))) return 0;
        return p < q ? -1 : 1;
    }

    /// <summary>-1, 0 or 1, or null when either is missing.</summary>
    public static int? Compare(double? a, double? b) => a is { } x && b is { } y && !double.IsNaN(x) && !double.IsNaN(y) ? x.CompareTo(y) : null;

    /// <summary>-1, 0 or 1, or null when either is missing.</summary>
    public static int? Compare(DateTime? a, DateTime? b) => a is { } x && b is { } y ? x.CompareTo(y) : null;

    /// <summary>0 when equal, 1 otherwise, or null when either is missing (codes and text).</summary>
    public static int? Compare(string? a, string? b) => a is null || b is null ? null : string.Equals(a, b, StringComparison.Ordinal) ? 0 : 1;

    /// <summary>0 when equal, 1 otherwise, or null when either is unknown.</summary>
    public static int? Compare(Truth a, Truth b) => a == Truth.Unknown || b == Truth.Unknown ? null : a == b ? 0 : 1;

    /// <summary>a == b</summary>
    public static Truth Eq(int? c) => c is null ? Truth.Unknown : c == 0 ? Truth.True : Truth.False;
    /// <summary>a != b</summary>
    public static Truth Ne(int? c) => c is null ? Truth.Unknown : c != 0 ? Truth.True : Truth.False;
    /// <summary>a &lt; b</summary>
    public static Truth Lt(int? c) => c is null ? Truth.Unknown : c < 0 ? Truth.True : Truth.False;
    /// <summary>a &lt;= b</summary>
    public static Truth Le(int? c) => c is null ? Truth.Unknown : c <= 0 ? Truth.True : Truth.False;
    /// <summary>a &gt; b</summary>
    public static Truth Gt(int? c) => c is null ? Truth.Unknown : c > 0 ? Truth.True : Truth.False;
    /// <summary>a &gt;= b</summary>
    public static Truth Ge(int? c) => c is null ? Truth.Unknown : c >= 0 ? Truth.True : Truth.False;

    /// <summary>low ≤ x ≤ high (both inclusive).</summary>
    public static Truth Between(int? toLow, int? toHigh) => Kleene.And(Ge(toLow), Le(toHigh));

    /// <summary>True when the code is one of <paramref name="codes"/>.</summary>
    public static Truth In(string? code, string[] codes)
    {
        if (code is null) return Truth.Unknown;
        foreach (var c in codes) if (string.Equals(c, code, StringComparison.Ordinal)) return Truth.True;
        return Truth.False;
    }

    /// <summary>True when the number is one of <paramref name="values"/>.</summary>
    public static Truth In(double? value, double[] values)
    {
        if (value is not { } v) return Truth.Unknown;
        foreach (var x in values) if (x.Equals(v)) return Truth.True;
        return Truth.False;
    }

    // ---- arithmetic -----------------------------------------------------------------------------

    /// <summary>a + b</summary>
    public static double? Add(double? a, double? b) => a + b;
    /// <summary>a − b</summary>
    public static double? Subtract(double? a, double? b) => a - b;
    /// <summary>a × b</summary>
    public static double? Multiply(double? a, double? b) => a * b;
    /// <summary>a ÷ b (null when b is zero)</summary>
    public static double? Divide(double? a, double? b) => b == 0 ? null : a / b;
    /// <summary>−a</summary>
    public static double? Negate(double? a) => -a;

    /// <summary>a + b, in a's unit.</summary>
    public static Quantity? Add(Quantity? a, Quantity? b) => a is { } x && b is { } y ? new Quantity(x.Value + y.Unit.ConvertTo(y.Value, x.Unit), x.Unit) : null;
    /// <summary>a − b, in a's unit.</summary>
    public static Quantity? Subtract(Quantity? a, Quantity? b) => a is { } x && b is { } y ? new Quantity(x.Value - y.Unit.ConvertTo(y.Value, x.Unit), x.Unit) : null;
    /// <summary>n × q</summary>
    public static Quantity? Multiply(double? n, Quantity? q) => n is { } k && q is { } x ? new Quantity(k * x.Value, x.Unit) : null;
    /// <summary>q × n</summary>
    public static Quantity? Multiply(Quantity? q, double? n) => Multiply(n, q);
    /// <summary>q ÷ n (null when n is zero)</summary>
    public static Quantity? Divide(Quantity? q, double? n) => q is { } x && n is { } k && k != 0 ? new Quantity(x.Value / k, x.Unit) : null;
    /// <summary>a ÷ b for the same dimension: a plain number (null when b is zero)</summary>
    public static double? Divide(Quantity? a, Quantity? b) => a is { } x && b is { } y && y.CoherentValue != 0 ? x.CoherentValue / y.CoherentValue : null;
    /// <summary>−q</summary>
    public static Quantity? Negate(Quantity? q) => q is { } x ? new Quantity(-x.Value, x.Unit) : null;

    /// <summary>The larger, or null when either is missing.</summary>
    public static Quantity? Max(Quantity? a, Quantity? b) => Compare(a, b) is { } c ? (c >= 0 ? a : b) : null;
    /// <summary>The smaller, or null when either is missing.</summary>
    public static Quantity? Min(Quantity? a, Quantity? b) => Compare(a, b) is { } c ? (c <= 0 ? a : b) : null;
    /// <summary>The larger, or null when either is missing.</summary>
    public static double? Max(double? a, double? b) => a is { } x && b is { } y ? Math.Max(x, y) : null;
    /// <summary>The smaller, or null when either is missing.</summary>
    public static double? Min(double? a, double? b) => a is { } x && b is { } y ? Math.Min(x, y) : null;
    /// <summary>The later, or null when either is missing.</summary>
    public static DateTime? Max(DateTime? a, DateTime? b) => a is { } x && b is { } y ? (x >= y ? x : y) : null;
    /// <summary>The earlier, or null when either is missing.</summary>
    public static DateTime? Min(DateTime? a, DateTime? b) => a is { } x && b is { } y ? (x <= y ? x : y) : null;

    /// <summary>A date moved by a duration: fixed durations exactly, calendar durations by calendar months.</summary>
    public static DateTime? Add(DateTime? date, Quantity? duration)
    {
        if (date is not { } d || duration is not { } q) return null;
        if (q.Unit.Dimension == Dimension.Calendar)
        {
            double months = q.CoherentValue;
            int whole = (int)Math.Truncate(months);
            // A fraction of a month is counted as that fraction of an average Gregorian month.
            return d.AddMonths(whole).AddDays((months - whole) * 30.436875);
        }
        if (q.Unit.Dimension == Dimension.Time) return d.AddTicks((long)Math.Round(q.CoherentValue * TimeSpan.TicksPerSecond));
        throw new UnitMismatchException(q.Unit, UnitCatalog.Days);
    }

    /// <summary>A date moved back by a duration.</summary>
    public static DateTime? Subtract(DateTime? date, Quantity? duration) => Add(date, Negate(duration));

    /// <summary>The time from <paramref name="b"/> to <paramref name="a"/>, in days (a fixed duration).</summary>
    public static Quantity? Subtract(DateTime? a, DateTime? b) => a is { } x && b is { } y ? new Quantity((x - y).TotalDays, UnitCatalog.Days) : null;

    /// <summary>
    /// <c>subject bound duration before|after reference</c>. Before: the distance is reference − subject;
    /// after: subject − reference. The comparison is made on dates, against reference ∓ duration, so that
    /// calendar durations follow the calendar. With <paramref name="dayPrecision"/> (the subject is a date
    /// without time), both dates are compared by calendar day.
    /// </summary>
    public static Truth Temporal(DateTime? subject, TemporalBound bound, Quantity? duration, bool before, DateTime? reference, bool dayPrecision)
    {
        if (subject is not { } s || reference is not { } r || duration is null) return Truth.Unknown;
        if (dayPrecision)
        {
            // A date without a time of day is compared by calendar day: "exactly 4 weeks before" is 28 days.
            s = s.Date;
            r = r.Date;
        }
        var threshold = before ? Subtract(r, duration)!.Value : Add(r, duration)!.Value;
        // Before: distance ≥ d  ⇔  s ≤ r − d.   After: distance ≥ d  ⇔  s ≥ r + d.
        int toThreshold = before ? threshold.CompareTo(s) : s.CompareTo(threshold); // > 0 when the distance exceeds d
        int toReference = before ? r.CompareTo(s) : s.CompareTo(r);                 // ≥ 0 when on the named side
        bool result = bound switch
        {
            TemporalBound.AtLeast => toThreshold >= 0,
            TemporalBound.MoreThan => toThreshold > 0,
            TemporalBound.AtMost => toThreshold <= 0,
            TemporalBound.LessThan => toThreshold < 0,
            _ => toThreshold <= 0 && toReference >= 0,
        };
        return result ? Truth.True : Truth.False;
    }

    /// <summary>Age in completed years on <paramref name="on"/> (someone born on 29 February turns a year older on 28 February in common years).</summary>
    public static double? CompletedYears(DateTime? birth, DateTime? on)
    {
        if (birth is not { } b || on is not { } d) return null;
        int years = d.Year - b.Year;
        if (d.Date < b.Date.AddYears(years)) years--;
        return years;
    }

    // ---- outcomes and observations ------------------------------------------------------------

    /// <summary>A condition's truth as a criterion outcome.</summary>
    public static CriterionOutcome Outcome(Truth truth) => truth switch
    {
        Truth.True => CriterionOutcome.Met,
        Truth.False => CriterionOutcome.NotMet,
        _ => CriterionOutcome.Unknown,
    };

    /// <summary>
    /// The outcome an attestation gives: an attestation confirms the criterion in the candidate's favour
    /// (inclusion met, exclusion absent) when true, against when false, and leaves it Unknown until given.
    /// </summary>
    public static Truth Attested(bool? attestation, bool exclusion) =>
        attestation is not { } a ? Truth.Unknown : (a != exclusion ? Truth.True : Truth.False);

}
