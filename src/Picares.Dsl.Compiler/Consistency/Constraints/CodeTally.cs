using System;
using System.Collections.Generic;

namespace Picares.Dsl.Compiler.Consistency.Constraints;

/// <summary>
/// What a collection of bounds on one coded variable admits together, counted per code rather than kept as a set: for
/// each code, how many of the bounds that list their codes list it, and how many of those kept as "every code but these"
/// leave it out. A code is admitted when every listing bound lists it and no other bound leaves it out. So adding a bound,
/// taking one away or asking about a code costs the bound's own codes, never the code list's: thousands of criteria each
/// ruling out one code of a list of thousands stay in proportion to the file, where sets intersected one by one would
/// each be as long as the list.
/// </summary>
internal sealed class CodeTally
{
    /// <summary>
    /// The most codes a domain has for its sets to be intersected as sets: each such set is a few words long, and counting
    /// would cost two tables per variable for nothing.
    /// </summary>
    internal const int MostCodesIntersected = 64;

    /// <summary>Whether bounds on a variable of this domain are counted per code (a domain of more than <see cref="MostCodesIntersected"/> codes).</summary>
    public static bool Counts(ValueSet domain) => domain.IsCodes && domain.Count > MostCodesIntersected;

    private readonly Dictionary<string, int> _listedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _leftOutBy = new(StringComparer.Ordinal);
    private int _listing; // how many of the bounds list their codes
    private ValueSet? _shortestListing; // while bounds are only added: the listing bound of fewest codes, which holds every code admitted
    private int _admitted;
    private bool _removed;

    public CodeTally(ValueSet domain)
    {
        Domain = domain;
        _admitted = domain.Count;
    }

    /// <summary>Every code of the variable.</summary>
    public ValueSet Domain { get; }

    /// <summary>How many codes of the domain every bound admits; known while bounds are only added.</summary>
    public int AdmittedCount => !_removed ? _admitted : throw new InvalidOperationException("The count of admitted codes is not kept once a bound is taken away.");

    /// <summary>
    /// Whether every bound, but those <paramref name="except"/> counts (some of this tally's bounds, each counted once),
    /// admits <paramref name="code"/>, a code of the domain: a few lookups, however many bounds are left out.
    /// </summary>
    public bool Admits(string code, CodeTally? except = null)
    {
        int listing = _listing - (except?._listing ?? 0);
        int listed = CountOf(_listedBy, code) - (except is null ? 0 : CountOf(except._listedBy, code));
        int leftOut = CountOf(_leftOutBy, code) - (except is null ? 0 : CountOf(except._leftOutBy, code));
        return listed == listing && leftOut == 0;
    }

    private static int CountOf(Dictionary<string, int> counts, string code) => counts.TryGetValue(code, out var n) ? n : 0;

    /// <summary>How many codes of <paramref name="set"/> (codes of the domain) every bound admits: the cost of its own codes.</summary>
    public int AdmittedAmong(ValueSet set)
    {
        if (set.Codes is { } listed)
        {
            int admitted = 0;
            foreach (var code in listed) if (Admits(code)) admitted++;
            return admitted;
        }
        int leftOut = 0;
        foreach (var code in set.Excluded ?? Array.Empty<string>()) if (Admits(code)) leftOut++;
        return AdmittedCount - leftOut;
    }

    /// <summary>Counts <paramref name="bound"/> in.</summary>
    public void Add(ValueSet bound)
    {
        if (!_removed) _admitted = AdmittedAmong(bound);
        if (bound.Codes is { } listed)
        {
            _listing++;
            foreach (var code in listed) _listedBy[code] = CountOf(_listedBy, code) + 1;
            if (_shortestListing is null || listed.Count < _shortestListing.Count) _shortestListing = bound;
        }
        else
            foreach (var code in bound.Excluded ?? Array.Empty<string>()) _leftOutBy[code] = CountOf(_leftOutBy, code) + 1;
    }

    /// <summary>Counts <paramref name="bound"/>, counted in before, out again.</summary>
    public void Remove(ValueSet bound)
    {
        _removed = true;
        _shortestListing = null;
        if (bound.Codes is { } listed)
        {
            _listing--;
            foreach (var code in listed) _listedBy[code]--;
        }
        else
            foreach (var code in bound.Excluded ?? Array.Empty<string>()) _leftOutBy[code]--;
    }

    /// <summary>
    /// What every bound admits, as a set (for a message), while bounds are only added: the codes of the shortest listing
    /// bound that all admit, or every code but those some bound leaves out.
    /// </summary>
    public ValueSet Admitted()
    {
        if (_removed) throw new InvalidOperationException("The admitted codes are not kept once a bound is taken away.");
        if (_shortestListing?.Codes is { } candidates)
        {
            var admitted = new List<string>(_admitted);
            foreach (var code in candidates) if (Admits(code)) admitted.Add(code);
            return ValueSet.Of(admitted);
        }
        return ValueSet.AllBut(Domain, _leftOutBy.Keys);
    }
}
