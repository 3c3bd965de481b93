using System.Collections.Generic;

namespace Picares.Dsl.Compiler.Consistency.Constraints;

/// <summary>
/// What the inclusion bounds on one variable admit together, taken bound by bound in file order (a bound that would leave
/// nothing is refused), and afterwards whether it admits any or only values of a set (the exclusions' questions). An interval,
/// or the codes of a short list, is kept as one set; the codes of a long list are counted per code
/// (<see cref="CodeTally"/>), so that each question costs the codes of the bound or set asked about.
/// </summary>
internal abstract class Admission
{
    private List<Bound>? _by; // made with the first bound: a variable only exclusions bound has none

    /// <summary>The bounds taken so far, in file order.</summary>
    public IReadOnlyList<Bound> By => (IReadOnlyList<Bound>?)_by ?? System.Array.Empty<Bound>();

    /// <summary>For a variable with no bound yet: its whole domain.</summary>
    public static Admission For(Variable variable) =>
        CodeTally.Counts(variable.Domain) ? new CodeAdmission(variable.Domain) : new SetAdmission(variable.Domain);

    /// <summary>Takes <paramref name="bound"/>, unless nothing would be admitted with it: then false, and nothing changes.</summary>
    public bool TryAdd(Bound bound)
    {
        if (!TryTake(bound.Atom.Set)) return false;
        _described = null;
        (_by ??= new List<Bound>()).Add(bound);
        return true;
    }

    protected abstract bool TryTake(ValueSet bound);

    /// <summary>Whether some value admitted is in <paramref name="set"/>.</summary>
    public abstract bool Meets(ValueSet set);

    /// <summary>Whether every value admitted is in <paramref name="set"/>.</summary>
    public abstract bool Within(ValueSet set);

    /// <summary>What is admitted, as one set, for a message.</summary>
    public abstract ValueSet Set { get; }

    private string? _described;

    /// <summary>What is admitted, in words: worked out once for all the messages about the variable once its bounds are taken.</summary>
    public string Describe(Variable variable) => _described ??= variable.Describe(Set);

    private sealed class SetAdmission : Admission
    {
        private ValueSet _set;

        public SetAdmission(ValueSet domain) => _set = domain;

        protected override bool TryTake(ValueSet bound)
        {
            var next = _set.Intersect(bound);
            if (next.IsEmpty) return false;
            _set = next;
            return true;
        }

        public override bool Meets(ValueSet set) => !_set.Intersect(set).IsEmpty;
        public override bool Within(ValueSet set) => _set.IsSubsetOf(set);
        public override ValueSet Set => _set;
    }

    private sealed class CodeAdmission : Admission
    {
        private readonly CodeTally _tally;
        private ValueSet? _set; // made when a message first asks, and again after a bound is taken

        public CodeAdmission(ValueSet domain) => _tally = new CodeTally(domain);

        protected override bool TryTake(ValueSet bound)
        {
            if (_tally.AdmittedAmong(bound) == 0) return false;
            _tally.Add(bound);
            _set = null;
            return true;
        }

        public override bool Meets(ValueSet set) => _tally.AdmittedAmong(set) > 0;
        public override bool Within(ValueSet set) => _tally.AdmittedAmong(set) == _tally.AdmittedCount;
        public override ValueSet Set => _set ??= _tally.Admitted();
    }
}
