using System;
using System.Runtime.CompilerServices;

namespace Picares.Dsl.Runtime.Eligibility;

/// <summary>
/// Every criterion's outcome for one candidate, two bits each (a <see cref="Truth"/>: 0 Unknown, 1 False, 2 True,
/// which are also the <see cref="CriterionOutcome"/> values), 32 to a 64-bit word: the first 64 criteria are held
/// in the value itself, any more in an array. Generated screening code packs each criterion's truth into its lane
/// as it goes and reads the verdict off whole words with masks made at compile time, so that a result costs one
/// allocation however many criteria there are (up to 64).
/// </summary>
public readonly struct CriterionOutcomes
{
    /// <summary>How many outcomes one word holds.</summary>
    public const int PerWord = 32;

    /// <summary>The low bit of every lane: <c>0x5555_5555_5555_5555</c>.</summary>
    public const ulong AllLanes = 0x5555_5555_5555_5555UL;

    private readonly ulong _first;
    private readonly ulong _second;
    private readonly ulong[]? _more;

    /// <summary>Wraps packed words: criteria 0..31, 32..63, and 64 on, 32 per element of <paramref name="more"/>.</summary>
    public CriterionOutcomes(ulong first, ulong second = 0, ulong[]? more = null)
    {
        _first = first;
        _second = second;
        _more = more;
    }

    /// <summary>The outcome of the criterion at <paramref name="index"/>.</summary>
    public CriterionOutcome this[int index]
    {
        get
        {
            if (index < 0) throw new ArgumentOutOfRangeException(nameof(index));
            int word = index / PerWord;
            ulong bits = word == 0 ? _first : word == 1 ? _second
                : _more is { } more && word - 2 < more.Length ? more[word - 2] : throw new ArgumentOutOfRangeException(nameof(index));
            return (CriterionOutcome)((bits >> (2 * (index % PerWord))) & 3UL);
        }
    }

    /// <summary>A truth placed in lane <paramref name="lane"/> (0..31) of a word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Pack(Truth truth, int lane) => (ulong)truth << (2 * lane);

    /// <summary>The low bit of lane <paramref name="lane"/> (0..31), for building masks.</summary>
    public static ulong Lane(int lane) => 1UL << (2 * lane);

    /// <summary>True when any of the <paramref name="lanes"/> (low bits) of <paramref name="word"/> is Unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyUnknown(ulong word, ulong lanes) => (~(word | word >> 1) & lanes) != 0;

    /// <summary>
    /// True when an inclusion lane holds False or an exclusion lane holds True: a criterion in
    /// <paramref name="word"/> makes the candidate ineligible.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyFailing(ulong word, ulong inclusionLanes, ulong exclusionLanes) =>
        ((word & ~(word >> 1) & inclusionLanes) | ((word >> 1) & ~word & exclusionLanes)) != 0;
}
