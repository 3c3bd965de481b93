using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Picares.Dsl.Runtime.Model;

/// <summary>
/// The days of a cycle a regimen is given on, as the protocol writes them (<c>cycle_days 1..14</c>, <c>cycle_days 1, 8</c>,
/// <c>cycle_days 1..5, 8..12</c>), read as the list of days: <c>1..14</c> is fourteen days, kept as one range rather
/// than fourteen numbers, so that a long range costs no more than a short one.
/// </summary>
public sealed class DayRanges : IReadOnlyList<int>
{
    private readonly (int First, int Last)[] _ranges;
    private readonly int[] _startIndex; // the list index of each range's first day

    private DayRanges((int First, int Last)[] ranges)
    {
        _ranges = ranges;
        _startIndex = new int[ranges.Length];
        long count = 0;
        for (int i = 0; i < ranges.Length; i++)
        {
            if (ranges[i].Last < ranges[i].First) throw new ArgumentException($"The range {ranges[i].First}..{ranges[i].Last} is empty.", nameof(ranges));
            _startIndex[i] = (int)count;
            count += (long)ranges[i].Last - ranges[i].First + 1;
            if (count > int.MaxValue) throw new ArgumentException("Too many days.", nameof(ranges));
        }
        Count = (int)count;
    }

    /// <summary>No days.</summary>
    public static DayRanges Empty { get; } = new(Array.Empty<(int, int)>());

    /// <summary>The ranges from pairs of first and last days: <c>Of(1, 14)</c> is days 1 to 14, <c>Of(1, 1, 8, 8)</c> days 1 and 8.</summary>
    /// <exception cref="ArgumentException">An odd number of values, or a range whose last day is before its first.</exception>
    public static DayRanges Of(params int[] firstAndLastDays)
    {
        if (firstAndLastDays is null) throw new ArgumentNullException(nameof(firstAndLastDays));
        if (firstAndLastDays.Length % 2 != 0) throw new ArgumentException("Give each range's first and last day.", nameof(firstAndLastDays));
        var ranges = new (int, int)[firstAndLastDays.Length / 2];
        for (int i = 0; i < ranges.Length; i++) ranges[i] = (firstAndLastDays[2 * i], firstAndLastDays[2 * i + 1]);
        return new DayRanges(ranges);
    }

    /// <summary>The ranges as written, a single day as a range of one.</summary>
    public IReadOnlyList<(int First, int Last)> Ranges => _ranges;

    /// <summary>How many days, counting a day listed twice twice.</summary>
    public int Count { get; }

    /// <summary>The <paramref name="index"/>-th day, in the order written.</summary>
    public int this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            int range = Array.BinarySearch(_startIndex, index);
            if (range < 0) range = ~range - 1;
            // Ranges of no day cannot occur, so the last range starting at or before the index holds it.
            return _ranges[range].First + (index - _startIndex[range]);
        }
    }

    /// <summary>Whether <paramref name="day"/> is one of the days.</summary>
    public bool Contains(int day) => _ranges.Any(r => day >= r.First && day <= r.Last);

    /// <inheritdoc />
    public IEnumerator<int> GetEnumerator()
    {
        foreach (var (first, last) in _ranges)
            for (int day = first; ; day++)
            {
                yield return day;
                if (day == last) break;
            }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The days as a protocol writes them: <c>1..14</c>, <c>1, 8</c>, <c>1..5, 8..12</c>.</summary>
    public override string ToString() =>
        string.Join(", ", _ranges.Select(r => r.First == r.Last
            ? r.First.ToString(CultureInfo.InvariantCulture)
            : r.First.ToString(CultureInfo.InvariantCulture) + ".." + r.Last.ToString(CultureInfo.InvariantCulture)));
}
