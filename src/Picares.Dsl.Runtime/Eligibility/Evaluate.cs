using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using Picares.Dsl.Runtime.Model;
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
        return CompareWithTolerance(x.CoherentValue, y.CoherentValue);
    }

    /// <summary>
    /// -1, 0 or 1, or null when <paramref name="a"/> is missing: <paramref name="a"/> against a constant already
    /// converted to the coherent unit of a's dimension. For inputs whose dimension was checked when they were set;
    /// the tolerance is <see cref="Compare(Quantity?, Quantity?)"/>'s.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? CompareCoherent(Quantity? a, double coherent) =>
        a is { } x ? CompareWithTolerance(x.CoherentValue, coherent) : null;

    /// <summary>Two values in the same coherent unit: equal within a relative 1e-9, so a bound given in another unit lands exactly on it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CompareWithTolerance(double p, double q) =>
        Math.Abs(p - q) <= Tolerance * Math.Max(Math.Abs(p), Math.Abs(q)) ? 0 : p < q ? -1 : 1;

    /// <summary>-1, 0 or 1, or null when either is missing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? Compare(double? a, double? b) => a is { } x && b is { } y && !double.IsNaN(x) && !double.IsNaN(y) ? x.CompareTo(y) : null;

    /// <summary>-1, 0 or 1, or null when either is missing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? Compare(DateTime? a, DateTime? b) => a is { } x && b is { } y ? x.CompareTo(y) : null;

    /// <summary>0 when equal, 1 otherwise, or null when either is missing (codes and text).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? Compare(string? a, string? b) => a is null || b is null ? null : string.Equals(a, b) ? 0 : 1; // ordinal

    /// <summary>0 when equal, 1 otherwise, or null when either is unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? Compare(Truth a, Truth b) => a == Truth.Unknown || b == Truth.Unknown ? null : a == b ? 0 : 1;

    /// <summary>a == b</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Eq(int? c) => c is null ? Truth.Unknown : c == 0 ? Truth.True : Truth.False;
    /// <summary>a != b</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Ne(int? c) => c is null ? Truth.Unknown : c != 0 ? Truth.True : Truth.False;
    /// <summary>a &lt; b</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Lt(int? c) => c is null ? Truth.Unknown : c < 0 ? Truth.True : Truth.False;
    /// <summary>a &lt;= b</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Le(int? c) => c is null ? Truth.Unknown : c <= 0 ? Truth.True : Truth.False;
    /// <summary>a &gt; b</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Gt(int? c) => c is null ? Truth.Unknown : c > 0 ? Truth.True : Truth.False;
    /// <summary>a &gt;= b</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Ge(int? c) => c is null ? Truth.Unknown : c >= 0 ? Truth.True : Truth.False;

    /// <summary>low ≤ x ≤ high (both inclusive).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Between(int? toLow, int? toHigh) => Kleene.And(Ge(toLow), Le(toHigh));

    /// <summary>True when the code is one of <paramref name="codes"/>.</summary>
    public static Truth In(string? code, string[] codes)
    {
        if (code is null) return Truth.Unknown;
        foreach (var c in codes) if (string.Equals(c, code)) return Truth.True; // ordinal
        return Truth.False;
    }

    /// <summary>
    /// True when the code at position <paramref name="code"/> of its list is the one at <paramref name="expected"/>;
    /// Unknown when the code is missing (-1). See <see cref="InputGuard.CodeIndex"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth IsCode(int code, int expected) => code < 0 ? Truth.Unknown : code == expected ? Truth.True : Truth.False;

    /// <summary>
    /// True when the code at position <paramref name="code"/> of its list is one of the positions set in
    /// <paramref name="positions"/> (bit i for position i); Unknown when the code is missing (-1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth InCodes(int code, ulong positions) =>
        code < 0 ? Truth.Unknown : code < 64 && ((positions >> code) & 1UL) != 0 ? Truth.True : Truth.False;

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

    /// <summary>
    /// A date moved by a duration: fixed durations exactly, calendar durations by calendar months. Null when either is
    /// missing, and when the result falls outside the dates .NET can represent (years 1 to 9999), as it does for a date
    /// such as 9999-12-31 that a data system writes for "open-ended": what depends on it is Unknown rather than an
    /// exception.
    /// </summary>
    public static DateTime? Add(DateTime? date, Quantity? duration)
    {
        if (date is not { } d || duration is not { } q) return null;
        if (q.Unit.Dimension != Dimension.Calendar && q.Unit.Dimension != Dimension.Time) throw new UnitMismatchException(q.Unit, UnitCatalog.Days);
        try
        {
            if (q.Unit.Dimension == Dimension.Calendar)
            {
                double months = q.CoherentValue;
                if (double.IsNaN(months) || Math.Abs(months) > MonthsInTheCalendar) return null;
                int whole = (int)Math.Truncate(months);
                // A fraction of a month is counted as that fraction of an average Gregorian month.
                return d.AddMonths(whole).AddDays((months - whole) * UnitCatalog.MeanMonthDays);
            }
            double ticks = Math.Round(q.CoherentValue * TimeSpan.TicksPerSecond);
            if (double.IsNaN(ticks) || Math.Abs(ticks) > DateTime.MaxValue.Ticks) return null;
            return d.AddTicks((long)ticks);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    // More months than separate the calendar's first and last dates: any such move leaves it (and would overflow AddMonths' int).
    private const double MonthsInTheCalendar = 9999 * 12;

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
    public static Truth Temporal(DateTime? subject, TemporalBound bound, Quantity? duration, bool before, DateTime? reference, bool dayPrecision) =>
        subject.HasValue && duration is { } d ? TemporalToBoundary(subject, bound, Boundary(reference, d, before, dayPrecision), before, reference, dayPrecision) : Truth.Unknown;

    /// <summary>
    /// The boundary of a temporal comparison: <paramref name="reference"/> (its calendar day, with
    /// <paramref name="dayPrecision"/>) moved back by <paramref name="duration"/> when <paramref name="before"/>,
    /// forward otherwise; null when the reference is missing or the boundary falls outside the dates .NET can
    /// represent (years 1 to 9999), so that the comparison is Unknown rather than an exception. Generated screening
    /// code computes it once, when the reference date is set, for every comparison whose duration is a constant of
    /// the protocol.
    /// </summary>
    public static DateTime? Boundary(DateTime? reference, Quantity duration, bool before, bool dayPrecision)
    {
        if (reference is not { } r) return null;
        if (dayPrecision) r = r.Date;
        return before ? Subtract(r, duration) : Add(r, duration); // null outside the calendar
    }

    /// <summary>
    /// <see cref="Temporal"/> against a <see cref="Boundary"/> computed beforehand: the subject is compared with
    /// the boundary (and, for <see cref="TemporalBound.Within"/>, with the reference), by calendar day with
    /// <paramref name="dayPrecision"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth TemporalToBoundary(DateTime? subject, TemporalBound bound, DateTime? boundary, bool before, DateTime? reference, bool dayPrecision)
    {
        if (!subject.HasValue || !boundary.HasValue || !reference.HasValue) return Truth.Unknown;
        // In ticks, so that this stays a few instructions when inlined into generated code.
        long s = subject.GetValueOrDefault().Ticks, threshold = boundary.GetValueOrDefault().Ticks, r = reference.GetValueOrDefault().Ticks;
        if (dayPrecision)
        {
            // A date without a time of day is compared by calendar day: "exactly 4 weeks before" is 28 days.
            s -= s % TimeSpan.TicksPerDay;
            r -= r % TimeSpan.TicksPerDay;
        }
        // Before: distance ≥ d  ⇔  s ≤ r − d.   After: distance ≥ d  ⇔  s ≥ r + d.
        long beyond = before ? threshold - s : s - threshold; // > 0 when the distance exceeds d
        bool result = bound switch
        {
            TemporalBound.AtLeast => beyond >= 0,
            TemporalBound.MoreThan => beyond > 0,
            TemporalBound.AtMost => beyond <= 0,
            TemporalBound.LessThan => beyond < 0,
            _ => beyond <= 0 && (before ? r - s : s - r) >= 0, // and on the named side of the reference
        };
        return result ? Truth.True : Truth.False;
    }

    /// <summary>
    /// The latest birth date of someone at least <paramref name="years"/> completed years old on <paramref name="on"/>
    /// (<see cref="AgeLimit.LatestBirthDate"/> in years).
    /// </summary>
    public static DateTime? LatestBirthDate(DateTime? on, int years) => new AgeLimit(years, AgeUnit.Years).LatestBirthDate(on);

    /// <summary>
    /// True when the birth date (by calendar day) is after <paramref name="tooOldBy"/> and on or before
    /// <paramref name="oldEnoughBy"/>, two <see cref="LatestBirthDate"/> boundaries: the age is within the range.
    /// Unknown when any is missing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth BornBetween(DateTime? birth, DateTime? tooOldBy, DateTime? oldEnoughBy)
    {
        if (!birth.HasValue || !tooOldBy.HasValue || !oldEnoughBy.HasValue) return Truth.Unknown;
        long day = birth.GetValueOrDefault().Ticks;
        day -= day % TimeSpan.TicksPerDay;
        return day > tooOldBy.GetValueOrDefault().Ticks && day <= oldEnoughBy.GetValueOrDefault().Ticks ? Truth.True : Truth.False;
    }

    /// <summary>
    /// True when the birth date (by calendar day) is on or before <paramref name="oldEnoughBy"/>: an age range with no
    /// maximum (<c>18 years or older</c>). Unknown when either is missing.
    /// </summary>
    public static Truth BornOnOrBefore(DateTime? birth, DateTime? oldEnoughBy)
    {
        if (birth is not { } b || oldEnoughBy is not { } by) return Truth.Unknown;
        return b.Date <= by ? Truth.True : Truth.False;
    }

    /// <summary>Age in completed years on <paramref name="on"/> (someone born on 29 February turns a year older on 28 February in common years).</summary>
    public static double? CompletedYears(DateTime? birth, DateTime? on) => AgeLimit.Completed(birth, on, AgeUnit.Years);

    // ---- outcomes and observations ------------------------------------------------------------

    /// <summary>A condition's truth as a criterion outcome.</summary>
    /// <remarks>The two enums share their values (Unknown 0, False/NotMet 1, True/Met 2), so this is a cast.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CriterionOutcome Outcome(Truth truth) => (CriterionOutcome)truth;

    /// <summary>
    /// The outcome an attestation gives: an attestation confirms the criterion in the candidate's favour
    /// (inclusion met, exclusion absent) when true, against when false, and leaves it Unknown until given.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Attested(bool? attestation, bool exclusion) =>
        !attestation.HasValue ? Truth.Unknown : (attestation.GetValueOrDefault() != exclusion ? Truth.True : Truth.False);

}
