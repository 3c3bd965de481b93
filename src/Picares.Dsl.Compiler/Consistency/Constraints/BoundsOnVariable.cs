using System.Collections.Generic;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Consistency.Constraints;

/// <summary>
/// The inclusion bounds on one variable in file order, read from the last back (the check for criteria the others imply):
/// what every bound but a criterion's own admits, counting those not yet passed and those passed and not reported. Of two
/// criteria that say the same, the later is reported, and once reported its bounds no longer count for the criteria before
/// it. An interval, or the codes of a short list, keeps what the bounds before each position admit together, so each
/// question is two intersections; the codes of a long list are counted per code (<see cref="CodeTally"/>), so each
/// question costs the codes of the set asked about. Either way, thousands of criteria on one field stay in proportion to
/// the file.
/// </summary>
internal abstract class BoundsOnVariable
{
    private List<Bound>? _kept; // the bounds passed and not reported, last first; made with the first
    private int _unpassed; // bounds 0 .. _unpassed-1 are not passed yet
    private CriterionModel? _ownOf; // the criterion whose own bounds at the end were last counted, asked about once per part
    private int _own;

    /// <summary>The bounds in file order.</summary>
    protected List<Bound> Bounds { get; } = new();

    public static BoundsOnVariable For(Variable variable) =>
        CodeTally.Counts(variable.Domain) ? new CodeBounds(variable.Domain) : new SetBounds(variable.Domain);

    public void Add(Bound bound)
    {
        Bounds.Add(bound);
        Added(bound.Atom.Set);
        _unpassed = Bounds.Count;
        _ownOf = null;
    }

    /// <summary>
    /// How many of the unpassed bounds at the end belong to <paramref name="criterion"/> (its own, all together at the end):
    /// counted once for all of its parts, so that a criterion of thousands of parts on one variable is not walked at each.
    /// </summary>
    private int OwnAtEnd(CriterionModel criterion)
    {
        if (ReferenceEquals(_ownOf, criterion)) return _own;
        int own = 0;
        while (own < _unpassed && Bounds[_unpassed - 1 - own].Criterion == criterion) own++;
        (_ownOf, _own) = (criterion, own);
        return own;
    }

    /// <summary>
    /// Whether every bound but <paramref name="criterion"/>'s and those reported admits only values of
    /// <paramref name="set"/>, and whether there is any such bound.
    /// </summary>
    public (bool Within, bool Any) OthersWithin(CriterionModel criterion, ValueSet set)
    {
        int first = _unpassed - OwnAtEnd(criterion);
        return (OthersWithin(first, _unpassed, set), first > 0 || _kept is { Count: > 0 });
    }

    /// <summary>Those same bounds, in file order.</summary>
    public IEnumerable<Bound> OthersThanInOrder(CriterionModel criterion)
    {
        int first = _unpassed - OwnAtEnd(criterion);
        for (int i = 0; i < first; i++) yield return Bounds[i];
        for (int i = (_kept?.Count ?? 0) - 1; i >= 0; i--) yield return _kept![i];
    }

    /// <summary>Passes <paramref name="criterion"/>'s bounds, keeping them for the criteria before it unless it was reported.</summary>
    public void PassBack(CriterionModel criterion, bool keep)
    {
        int ownCount = OwnAtEnd(criterion);
        if (ownCount == _unpassed)
        {
            // No bound is left before them, so no criterion asks about the variable again: what would be kept or dropped is
            // never read (a variable that one criterion alone bounds, as most are, keeps no list of its bounds twice).
            _unpassed = 0;
            _ownOf = null;
            return;
        }
        for (int own = ownCount; own > 0; own--)
        {
            int position = --_unpassed;
            if (!keep)
            {
                Dropped(position);
                continue;
            }
            (_kept ??= new List<Bound>()).Add(Bounds[position]);
            Kept(position);
        }
        _ownOf = null;
    }

    protected abstract void Added(ValueSet set);

    /// <summary>Whether the bounds before <paramref name="ownFirst"/>, with those kept, admit only values of <paramref name="set"/>; the bounds from <paramref name="ownFirst"/> to <paramref name="ownEnd"/> are the criterion's own.</summary>
    protected abstract bool OthersWithin(int ownFirst, int ownEnd, ValueSet set);

    /// <summary>The bound at <paramref name="position"/> was passed and is kept.</summary>
    protected virtual void Kept(int position) { }

    /// <summary>The bound at <paramref name="position"/> was passed and its criterion reported.</summary>
    protected virtual void Dropped(int position) { }

    private sealed class SetBounds : BoundsOnVariable
    {
        private readonly List<ValueSet> _before = new(); // _before[i]: what bounds 0 .. i-1 admit together
        private ValueSet _keptSet;

        public SetBounds(ValueSet domain)
        {
            _keptSet = domain;
            _before.Add(domain);
        }

        protected override void Added(ValueSet set) => _before.Add(_before[_before.Count - 1].Intersect(set));

        protected override bool OthersWithin(int ownFirst, int ownEnd, ValueSet set) => _before[ownFirst].Intersect(_keptSet).IsSubsetOf(set);

        protected override void Kept(int position) => _keptSet = _keptSet.Intersect(Bounds[position].Atom.Set);
    }

    private sealed class CodeBounds : BoundsOnVariable
    {
        private readonly CodeTally _tally;
        private readonly HashSet<int> _dropped = new();
        private List<int>? _listing; // the positions of the bounds that list their codes, fewest codes first
        private int _firstListing; // _listing before it are all dropped
        // For the criterion asked about, once for all its parts: its own bounds counted apart, and the shortest other listing
        // bound (each part counting the criterion's thousands of other parts out again, code by code, took their square).
        private (int First, int End)? _askedAbout;
        private CodeTally? _ownTally;
        private ValueSet? _shortestOther;
        private List<string>? _othersAdmit; // the codes the others admit, found as far as the listing questions have read
        private IEnumerator<string>? _candidates; // where the walk for them stopped

        public CodeBounds(ValueSet domain) => _tally = new CodeTally(domain);

        protected override void Added(ValueSet set)
        {
            _tally.Add(set);
            _askedAbout = null;
        }

        protected override void Kept(int position) => _askedAbout = null;

        protected override void Dropped(int position)
        {
            _tally.Remove(Bounds[position].Atom.Set);
            _dropped.Add(position);
            _askedAbout = null;
        }

        protected override bool OthersWithin(int ownFirst, int ownEnd, ValueSet set)
        {
            if (_askedAbout != (ownFirst, ownEnd))
            {
                _ownTally = new CodeTally(_tally.Domain);
                for (int i = ownFirst; i < ownEnd; i++) _ownTally.Add(Bounds[i].Atom.Set);
                _shortestOther = ShortestOtherListing(ownFirst, ownEnd);
                _othersAdmit = null;
                _askedAbout = (ownFirst, ownEnd);
            }
            var own = _ownTally!;
            // Left out by the set: each must be left out by some other bound.
            if (set.Excluded is { } excluded)
            {
                foreach (var code in excluded)
                    if (_tally.Admits(code, own)) return false;
                return true;
            }
            // Listed by the set: every code the others admit must be one of them. The others admit only codes of any
            // listing bound among them, so the shortest is read; with none, the domain. That walk is made once for the
            // criterion, and only as far as a part needs: each part then reads no more of what the others admit than its own
            // codes, and one more.
            if (_othersAdmit is null)
            {
                _othersAdmit = new List<string>();
                _candidates = (_shortestOther?.Codes ?? _tally.Domain.Admitted()).GetEnumerator();
            }
            for (int i = 0; ; i++)
            {
                if (i == _othersAdmit.Count)
                {
                    string? next = null;
                    while (next is null && _candidates!.MoveNext())
                        if (_tally.Admits(_candidates.Current, own)) next = _candidates.Current;
                    if (next is null) return true;
                    _othersAdmit.Add(next);
                }
                if (!set.Contains(_othersAdmit[i])) return false;
            }
        }

        private ValueSet? ShortestOtherListing(int ownFirst, int ownEnd)
        {
            if (_listing is null)
            {
                _listing = new List<int>();
                for (int i = 0; i < Bounds.Count; i++) if (Bounds[i].Atom.Set.Codes is not null) _listing.Add(i);
                _listing.Sort((a, b) => Bounds[a].Atom.Set.Count != Bounds[b].Atom.Set.Count ? Bounds[a].Atom.Set.Count.CompareTo(Bounds[b].Atom.Set.Count) : a.CompareTo(b));
            }
            while (_firstListing < _listing.Count && _dropped.Contains(_listing[_firstListing])) _firstListing++;
            for (int i = _firstListing; i < _listing.Count; i++)
            {
                int position = _listing[i];
                if (!_dropped.Contains(position) && (position < ownFirst || position >= ownEnd)) return Bounds[position].Atom.Set;
            }
            return null;
        }
    }
}
