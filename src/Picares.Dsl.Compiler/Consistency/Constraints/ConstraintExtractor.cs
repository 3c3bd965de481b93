using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Collections;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Compiler.Consistency.Constraints;

/// <summary>One variable bounded to a set of values: <c>Vitals.weight ≥ 40 kg</c>.</summary>
internal sealed record Atom(Variable Variable, ValueSet Set);

/// <summary>
/// Reads the bounds a condition puts on single variables. A condition is a conjunction of parts (its top-level
/// <c>and</c>s); each part that bounds one variable by constants becomes an <see cref="Atom"/>: comparisons
/// with a number or quantity, equality with a code or boolean, <c>in</c> lists and ranges, a boolean field on its
/// own, temporal comparisons of a date field with an anchor by a constant duration, and <c>not</c> of these
/// when the complement is one set. Any other part is null: the checks then know only part of the condition.
/// </summary>
internal sealed class ConstraintExtractor
{
    private static readonly ValueSet Booleans = ValueSet.Of(new[] { "false", "true" });
    private static readonly ValueSet TrueOnly = ValueSet.Of("true");

    private readonly IReadOnlyDictionary<(string Form, string Field), FieldModel> _fields;
    private readonly IReadOnlyDictionary<string, CodeListModel> _codeLists;
    private readonly PopulationModel _population;
    private readonly ModelTables _tables;

    // Each variable once, however many criteria bound it: its domain is made for its first bound. The tables are sharded, so
    // that a large file's are never one array on the large-object heap: the fields' by the most variables of fields there
    // can be, one a field the criteria read (fewer than the fields: PICARES at 100 times reads 4,700 of 6,300, and bounds
    // 2,600); the distances, which few criteria have, grow from nothing (sized by the number of criteria, their table was
    // seven times what they needed).
    private readonly ShardedDictionary<(string Form, string Field), Variable?> _fieldVariables;
    private readonly ShardedDictionary<(string Anchor, string Form, string Field, bool Calendar), Variable> _distances;
    private readonly ShardedDictionary<string, ValueSet> _codeDomains;

    public ConstraintExtractor(ProtocolModel model)
    {
        var tables = _tables = new ModelTables(model);
        _fields = tables.Fields;
        _codeLists = tables.CodeLists;
        _population = model.Population;
        _fieldVariables = new ShardedDictionary<(string Form, string Field), Variable?>(System.Math.Min(_fields.Count, FieldReads(model)));
        _distances = new ShardedDictionary<(string Anchor, string Form, string Field, bool Calendar), Variable>(0);
        _codeDomains = new ShardedDictionary<string, ValueSet>(_codeLists.Count, System.StringComparer.Ordinal);
    }

    /// <summary>How many fields the criteria read, a field as often as criteria read it (what each reads is listed once).</summary>
    private static int FieldReads(ProtocolModel model)
    {
        int reads = 0;
        foreach (var criterion in model.Criteria)
            foreach (var read in criterion.Reads)
                if (!FieldPath.IsAnchorRead(read)) reads++; // not an anchor's date
        return reads;
    }

    /// <summary>How many variables the extractor has made so far: their <see cref="Variable.Index"/> is below it.</summary>
    public int VariableCount { get; private set; }

    /// <summary>The parts of a condition's top-level conjunction, each an atom or null.</summary>
    /// <remarks>Counted first, so that the array is made at its size: most conditions have one or two parts.</remarks>
    public Atom?[] Conjuncts(BoundExpression condition)
    {
        var parts = new Atom?[CountConjuncts(condition)];
        int next = 0;
        Fill(condition, parts, ref next);
        return parts;
    }

    private static int CountConjuncts(BoundExpression e) =>
        e is BoundBinary { Operator: BoundOperator.And } and ? CountConjuncts(and.Left) + CountConjuncts(and.Right) : 1;

    private void Fill(BoundExpression e, Atom?[] parts, ref int next)
    {
        if (e is BoundBinary { Operator: BoundOperator.And } and)
        {
            Fill(and.Left, parts, ref next);
            Fill(and.Right, parts, ref next);
        }
        else parts[next++] = AtomOf(e);
    }

    /// <summary>
    /// The population's age range as atoms on the time from the birth date to the age anchor: one for limits in months
    /// or years (calendar time in months), one for limits in days or weeks (fixed time); none without a range. A range
    /// with a limit of each kind (<c>28 days..17 years</c>) bounds each from its own side.
    /// </summary>
    public Atom[] PopulationAge()
    {
        if (_population is not { BirthDateField: { } birth, AgeReference: { } anchor } || (_population.MinimumAge is null && _population.MaximumAge is null))
            return System.Array.Empty<Atom>();
        var (form, field) = FieldPath.Split(birth);
        if (!_fields.TryGetValue((form, field), out var f)) return System.Array.Empty<Atom>();
        // Completed ages: from the minimum's day up to the day before the maximum's next unit (75 years: before the 76th birthday).
        (bool Calendar, double Value)? lower = _population.MinimumAge is { } min ? (min.IsCalendar, InBaseUnit(min)) : null;
        (bool Calendar, double Value)? upper = _population.MaximumAge is { } max ? (max.IsCalendar, InBaseUnit(max.Next)) : null;
        var atoms = new List<Atom>(2);
        foreach (var calendar in new[] { true, false })
        {
            var from = lower is { } l && l.Calendar == calendar ? l.Value : double.NegativeInfinity;
            var to = upper is { } u && u.Calendar == calendar ? u.Value : double.PositiveInfinity;
            if (double.IsInfinity(from) && double.IsInfinity(to)) continue;
            atoms.Add(new Atom(Distance(form, f, anchor, calendar), ValueSet.Interval(from, double.IsInfinity(from), to, true)));
        }
        return atoms.ToArray();
    }

    /// <summary>An age limit in its variable's base unit: calendar months, or fixed time in the time dimension's base unit.</summary>
    private static double InBaseUnit(Picares.Dsl.Runtime.Model.AgeLimit limit) => limit.Amount * UnitCatalog.Get(limit.UnitSymbol).Factor;

    private Atom? AtomOf(BoundExpression e)
    {
        switch (e)
        {
            case BoundFieldReference f when f.Type.Kind == TypeKind.Boolean && VariableOf(f) is { } v:
                return Make(v, TrueOnly);
            case BoundUnary { Operator: BoundOperator.Not } not when AtomOf(not.Operand) is { } inner:
                return inner.Set.Complement(inner.Variable.Domain) is { } complement ? Make(inner.Variable, complement) : null;
            case BoundBinary b when Comparison(b) is { } atom:
                return atom;
            case BoundMembership m when m.Subject is BoundFieldReference f && VariableOf(f) is { } v:
                return Membership(m, v);
            case BoundTemporal t:
                return Temporal(t);
            default:
                return null;
        }
    }

    private Atom? Comparison(BoundBinary b)
    {
        if (b.Operator is BoundOperator.And or BoundOperator.Or) return null;
        var (field, constant, op) = b.Left is BoundFieldReference l ? (l, b.Right, b.Operator) :
            b.Right is BoundFieldReference r ? (r, b.Left, Flip(b.Operator)) : (null, b.Left, b.Operator);
        if (field is null || VariableOf(field) is not { } v) return null;
        if (v.Domain.IsCodes)
        {
            var code = Code(constant);
            if (code is null) return null;
            var set = ValueSet.Within(v.Domain, code);
            return op switch
            {
                BoundOperator.Equal => Make(v, set),
                BoundOperator.NotEqual => set.Complement(v.Domain) is { } c ? Make(v, c) : null,
                _ => null,
            };
        }
        if (Number(constant) is not { } x) return null;
        return op switch
        {
            BoundOperator.Equal => Make(v, ValueSet.Interval(x, false, x, false)),
            BoundOperator.Less => Make(v, ValueSet.Interval(double.NegativeInfinity, true, x, true)),
            BoundOperator.LessOrEqual => Make(v, ValueSet.Interval(double.NegativeInfinity, true, x, false)),
            BoundOperator.Greater => Make(v, ValueSet.Interval(x, true, double.PositiveInfinity, true)),
            BoundOperator.GreaterOrEqual => Make(v, ValueSet.Interval(x, false, double.PositiveInfinity, true)),
            _ => null,
        };
    }

    private Atom? Membership(BoundMembership m, Variable v)
    {
        ValueSet? set = null;
        if (m.Lower is not null && m.Upper is not null)
        {
            if (Number(m.Lower) is { } lo && Number(m.Upper) is { } hi && !v.Domain.IsCodes) set = ValueSet.Interval(lo, false, hi, false);
        }
        else if (v.Domain.IsCodes)
        {
            if (Codes(m.Items) is { } codes) set = ValueSet.Within(v.Domain, codes);
        }
        if (set is null) return null;
        return m.Negated ? set.Complement(v.Domain) is { } c ? Make(v, c) : null : Make(v, set);
    }

    private Atom? Temporal(BoundTemporal t)
    {
        if (t.Subject is not BoundFieldReference f || t.Reference is not BoundAnchorReference anchor ||
            !_fields.TryGetValue((f.Form, f.Field), out var field) || t.Duration is not BoundNumber { Unit: { } unitName } n ||
            !UnitCatalog.TryFind(unitName, out var unit) || unit.Dimension != Dimension.Time && unit.Dimension != Dimension.Calendar)
            return null;
        var d = n.Value * unit.Factor;
        var v = Distance(f.Form, field, anchor.Anchor, unit.Dimension == Dimension.Calendar);
        // The distance is anchor − field ("before"); "after" bounds its negation.
        double inf = double.PositiveInfinity;
        ValueSet set = (t.Qualifier, t.Before) switch
        {
            (TemporalQualifier.AtLeast, true) => ValueSet.Interval(d, false, inf, true),
            (TemporalQualifier.MoreThan, true) => ValueSet.Interval(d, true, inf, true),
            (TemporalQualifier.AtMost, true) => ValueSet.Interval(-inf, true, d, false),
            (TemporalQualifier.LessThan, true) => ValueSet.Interval(-inf, true, d, true),
            (TemporalQualifier.Within, true) => ValueSet.Interval(0, false, d, false),
            (TemporalQualifier.AtLeast, false) => ValueSet.Interval(-inf, true, -d, false),
            (TemporalQualifier.MoreThan, false) => ValueSet.Interval(-inf, true, -d, true),
            (TemporalQualifier.AtMost, false) => ValueSet.Interval(-d, false, inf, true),
            (TemporalQualifier.LessThan, false) => ValueSet.Interval(-d, true, inf, true),
            _ => ValueSet.Interval(-d, false, 0, false),
        };
        return Make(v, set);
    }

    private static Atom Make(Variable v, ValueSet set) => new(v, v.Step is { } step ? set.ToMultiplesOf(step) : set);

    private Variable? VariableOf(BoundFieldReference reference)
    {
        var field = (reference.Form, reference.Field);
        if (!_fieldVariables.TryGetValue(field, out var variable)) _fieldVariables.Add(field, variable = NewVariableOf(reference));
        return variable;
    }

    private Variable? NewVariableOf(BoundFieldReference reference)
    {
        if (!_fields.TryGetValue((reference.Form, reference.Field), out var field)) return null;
        var (form, name) = (reference.Form, reference.Field);
        switch (field.DataType)
        {
            case "boolean":
                return Variable.OfField(VariableCount++, form, name, null, null, Booleans);
            case "code" when field.CodeList is { } list && _codeLists.TryGetValue(list, out var codes):
                return Variable.OfField(VariableCount++, form, name, null, null, DomainOf(codes), codeOrder: CodeOrder(list));
            case "integer" or "decimal" or "quantity":
                var unit = field.Unit is { } u && UnitCatalog.TryFind(u, out var found) ? found : null;
                var factor = unit?.Factor ?? 1;
                var domain = field.HardLimit is { } hard
                    ? ValueSet.Interval(hard.Lower * factor ?? double.NegativeInfinity, hard.Lower is null, hard.Upper * factor ?? double.PositiveInfinity, hard.Upper is null)
                    : ValueSet.All;
                return Variable.OfField(VariableCount++, form, name, unit, field.DataType == "integer" ? 1 : null, domain, field.HardLimit is null ? null : field.Origin.Line);
            default:
                return null;
        }
    }

    // A method of its own, so that the closure is made for coded fields alone, not at each field's variable.
    private System.Func<IReadOnlyDictionary<string, int>?> CodeOrder(string list) => () => _tables.CodePositions(list);

    /// <summary>A code list's codes as a set, made once for all the fields that take them.</summary>
    private ValueSet DomainOf(CodeListModel list)
    {
        if (_codeDomains.TryGetValue(list.Name, out var domain)) return domain;
        var codes = new string[list.Codes.Count];
        for (int i = 0; i < codes.Length; i++) codes[i] = list.Codes[i].Code;
        _codeDomains.Add(list.Name, domain = ValueSet.Of(codes));
        return domain;
    }

    private Variable Distance(string form, FieldModel field, string anchor, bool calendar)
    {
        var distance = (anchor, form, field.Name, calendar);
        if (!_distances.TryGetValue(distance, out var variable)) _distances.Add(distance, variable = NewDistance(form, field, anchor, calendar));
        return variable;
    }

    private Variable NewDistance(string form, FieldModel field, string anchor, bool calendar)
    {
        // The birth date's path is not written out for the distance to the age's anchor: that is the age.
        var isAge = _population.AgeReference == anchor && _population.BirthDateField == FieldPath.Of(form, field.Name);
        var unit = calendar ? UnitCatalog.Get("mo") : UnitCatalog.Days;
        // A date without a time of day is compared by calendar day (whole days).
        double? step = !calendar && field.DataType == "date" ? UnitCatalog.Days.Factor : null;
        return Variable.Distance(VariableCount++, form, field.Name, anchor, isAge, unit, step);
    }

    private static string? Code(BoundExpression e) => e switch
    {
        BoundCode c => c.Code,
        BoundBoolean b => b.Value ? "true" : "false",
        _ => null,
    };

    /// <summary>The codes of a list of constants, or null when one is not a code.</summary>
    private static string[]? Codes(EquatableArray<BoundExpression> items)
    {
        var codes = new string[items.Count];
        for (int i = 0; i < codes.Length; i++)
            if ((codes[i] = Code(items[i])!) is null) return null;
        return codes;
    }

    private static double? Number(BoundExpression e) => e switch
    {
        BoundNumber { Unit: null } n => n.Value,
        BoundNumber { Unit: { } u } n => UnitCatalog.TryFind(u, out var unit) ? n.Value * unit.Factor : null,
        BoundUnary { Operator: BoundOperator.Negate } u => -Number(u.Operand),
        _ => null,
    };

    private static BoundOperator Flip(BoundOperator op) => op switch
    {
        BoundOperator.Less => BoundOperator.Greater,
        BoundOperator.LessOrEqual => BoundOperator.GreaterOrEqual,
        BoundOperator.Greater => BoundOperator.Less,
        BoundOperator.GreaterOrEqual => BoundOperator.LessOrEqual,
        _ => op,
    };
}
