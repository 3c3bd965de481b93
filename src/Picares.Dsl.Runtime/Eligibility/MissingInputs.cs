using System;
using System.Collections;
using System.Collections.Generic;

namespace Picares.Dsl.Runtime.Eligibility;

/// <summary>
/// Labels of missing inputs, each once, in the order first added: what generated screening code lists for a criterion
/// whose outcome is Unknown (<see cref="CriterionResult.Missing"/>), and the inputs a whole result lacks.
/// <see cref="Add"/> adds a label only if it is not listed yet, so a condition that tests one field in many places
/// lists it once without searching a list at each test.
/// </summary>
/// <remarks>
/// Up to 8 labels, what a criterion usually lacks, are searched in place and cost what a <see cref="List{T}"/> of them
/// would (the object and an array of 4, then 8). From the 9th on, a hash set answers whether a label is listed, so
/// adding n labels costs O(n) whatever their repeats. Labels compare ordinally. Not safe to add to from several threads;
/// once filled, safe to read from several.
/// </remarks>
public sealed class MissingInputs : IReadOnlyList<string>
{
    /// <summary>How many labels are searched in place before a hash set is made.</summary>
    private const int SearchedInPlace = 8;

    /// <summary>
    /// The labels in the order first added, then unused slots (null). While <see cref="_set"/> is null, the labels are the
    /// slots before the first null, so that no count is kept: the object is no larger than a <see cref="List{T}"/>.
    /// </summary>
    private string?[] _items = Array.Empty<string>();

    /// <summary>Every label, once there are more than <see cref="SearchedInPlace"/>; null until then.</summary>
    private HashSet<string>? _set;

    /// <summary>How many labels are listed.</summary>
    public int Count => _set?.Count ?? CountInPlace();

    /// <summary>The label at <paramref name="index"/>, in the order first added.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public string this[int index] =>
        (uint)index < (uint)Count ? _items[index]! : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Lists <paramref name="input"/> unless it is listed already.</summary>
    /// <returns>True when it was added; false when it was already listed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public bool Add(string input)
    {
        if (input is null) throw new ArgumentNullException(nameof(input));
        int count;
        if (_set is null)
        {
            for (count = 0; count < _items.Length && _items[count] is { } listed; count++)
                if (string.Equals(listed, input, StringComparison.Ordinal)) return false;
            if (count == SearchedInPlace)
            {
                var set = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < count; i++) set.Add(_items[i]!);
                set.Add(input);
                _set = set;
            }
        }
        else
        {
            if (!_set.Add(input)) return false;
            count = _set.Count - 1;
        }
        if (count == _items.Length) Array.Resize(ref _items, count == 0 ? 4 : 2 * count);
        _items[count] = input;
        return true;
    }

    /// <summary>True when <paramref name="input"/> is listed.</summary>
    public bool Contains(string input)
    {
        if (input is null) return false;
        if (_set is not null) return _set.Contains(input);
        for (int i = 0; i < _items.Length && _items[i] is { } listed; i++)
            if (string.Equals(listed, input, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The labels in the order first added.</summary>
    public IEnumerator<string> GetEnumerator()
    {
        for (int i = 0; i < _items.Length && _items[i] is { } listed; i++) yield return listed;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int CountInPlace()
    {
        int count = 0;
        while (count < _items.Length && _items[count] is not null) count++;
        return count;
    }
}
