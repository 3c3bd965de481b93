using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Emit;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Compiler.Text;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Compiler.Binding.Declarations;

/// <summary>Binds <c>intervention</c>, <c>arm</c> and <c>randomization</c>.</summary>
internal static class TreatmentBinder
{
    public static readonly string[] InterventionKinds = { "drug", "biological", "radiation", "procedure", "device", "behavioral", "dietary_supplement", "other" };
    public static readonly string[] ArmKinds = { "experimental", "active_comparator", "placebo_comparator", "sham_comparator", "no_intervention", "other" };
    public static readonly string[] Routes = { "iv", "oral", "sc", "im", "topical", "inhaled", "intrathecal", "external_beam", "other" };

    private static readonly string[] RegimenStatements = { "dose", "route", "every", "cycle_days", "doses_per_day", "cycles", "until" };

    // The shapes that state a range, made once.
    private static readonly string EveryShape = $"a fixed duration of 1 to {AllowedRanges.MaxDays} days";
    private static readonly string CycleDaysShape = $"the days of each cycle on which it is given, whole numbers or ranges of them ('1, 8', '1..14', '1..5, 8..12') from 1 to the cycle's length ('every'), or to {AllowedRanges.MaxCycleDay} without 'every'";
    private static readonly string DosesPerDayShape = $"how many times the dose is given on each day it is given, a whole number from 1 to {AllowedRanges.MaxDosesPerDay} ('doses_per_day 2': twice daily)";
    private const string DoseShape = "an amount with its unit (mg, mg/kg, mg/m2, IU, a daily mg/d or mg/kg/d, ...) or 'AUC <n>', and for a dose per kg, per m2 or AUC optionally 'max' and the most given (dose 3 mg/kg max 240 mg)";
    private static readonly string CyclesShape = $"the number of cycles, a whole number from 1 to {AllowedRanges.MaxCycles}";
    private static readonly string RatioShape = $"the arm's allocation ratio, a whole number from 1 to {AllowedRanges.MaxArmRatio}";

    public static InterventionModel BindIntervention(BindingContext context, StatementSyntax statement)
    {
        var args = new StatementArguments(context, statement, "a name, a \"label\" and a { } block", "intervention JS001 \"Toripalimab (JS-001)\" { type drug }", allowsBlock: true);
        args.Expect(2, 2);
        var name = args.Name(0) ?? "";
        var label = args.Text(1) ?? name;
        var origin = context.OriginOf(statement, "intervention " + name);
        var block = new BlockReader(context, statement, "intervention " + name, new[] { "type", "description" }.Concat(RegimenStatements).ToArray(), new[] { "phase" }, ownerOrigin: origin);

        string kind = "drug";
        if (block.One("type") is { } t)
        {
            var a = new StatementArguments(context, t, "the kind of intervention", "type drug");
            context.OriginOf(t, $"intervention {name} type", origin);
            if (a.Expect(1, 1)) kind = a.Choice(0, "intervention type", InterventionKinds) ?? kind;
        }
        string? description = null;
        if (block.One("description") is { } d)
        {
            var a = new StatementArguments(context, d, "one \"text\"", "description \"...\"");
            context.OriginOf(d, $"intervention {name} description", origin);
            if (a.Expect(1, 1)) description = a.Text(0);
        }

        var regimens = new List<RegimenModel>();
        if (block.One("phase") is null)
            regimens.Add(BindRegimen(context, "main", $"intervention {name}", block, origin));
        else
            ReportRegimenBesidePhases(context, block, name);
        var phaseLines = new Dictionary<string, int>(System.StringComparer.Ordinal); // the line of each phase name bound
        foreach (var phase in block.All("phase"))
        {
            var a = new StatementArguments(context, phase, "a phase name and a { } block", "phase induction { every 21 days  cycles 4 }", allowsBlock: true);
            a.Expect(1, 1);
            var phaseName = a.Name(0) ?? "phase";
            if (a.At(0) is NameExpressionSyntax named)
            {
                // As for declarations, the second of two phases of one name is reported and left unbound.
                if (phaseLines.TryGetValue(phaseName, out var first))
                {
                    context.Report(DiagnosticDescriptors.DuplicateName, named.Span, "a phase of this intervention", phaseName, first);
                    continue;
                }
                phaseLines.Add(phaseName, context.LineOf(phase.Keyword.Span));
            }
            var phaseOrigin = context.OriginOf(phase, $"intervention {name} phase {phaseName}", origin);
            var phaseBlock = new BlockReader(context, phase, $"phase {phaseName}", RegimenStatements, ownerOrigin: phaseOrigin);
            regimens.Add(BindRegimen(context, phaseName, $"intervention {name} phase {phaseName}", phaseBlock, phaseOrigin));
        }
        return new InterventionModel(name, label, kind, description, regimens.ToEquatableArray(), origin);
    }

    /// <summary>
    /// An intervention with phases gives its whole regimen in them: a regimen statement written beside them would be
    /// neither a phase nor a default for the phases, so each is reported (PIC1002) with how to fix it.
    /// </summary>
    private static void ReportRegimenBesidePhases(BindingContext context, BlockReader block, string intervention)
    {
        foreach (var keyword in RegimenStatements)
            if (block.One(keyword) is { } misplaced)
                context.Report(DiagnosticDescriptors.UnknownStatement, misplaced.Keyword.Span, keyword, $"intervention {intervention}, which has phases",
                    "; move it into the phase it belongs to", "type, description, phase");
    }

    private static RegimenModel BindRegimen(BindingContext context, string phase, string subject, BlockReader block, Origin parent)
    {
        var origin = parent;
        DoseModel? dose = null;
        if (block.One("dose") is { } ds)
        {
            origin = Merge(origin, context.OriginOf(ds, subject + " dose", parent));
            var a = new StatementArguments(context, ds, DoseShape, "dose 240 mg");
            if (a.Expect(1, 4))
            {
                // "dose 3 mg/kg max 240 mg", "dose AUC 5 max 750 mg": the cap follows the word max ("max (240 mg)" reads as a call).
                int capAt = -1;
                ExpressionSyntax? capSyntax = null;
                for (int i = 1; i < a.Count && capAt < 0; i++)
                    if (a.At(i)?.AsName == "max") (capAt, capSyntax) = (i, a.At(i + 1));
                    else if (a.At(i) is CallExpressionSyntax { Name.Text: "max", Arguments.Count: 1 } call) (capAt, capSyntax) = (i, call.Arguments[0]);
                int amountArgs = capAt < 0 ? a.Count : capAt;
                int capEnd = capAt < 0 ? -1 : a.At(capAt) is CallExpressionSyntax ? capAt : capAt + 1; // the cap's last argument
                if (capAt >= 0 && (capSyntax is null || capEnd != a.Count - 1))
                    a.Fail(capSyntax is null ? a.At(capAt)!.Span : TextSpan.FromBounds(a.At(capEnd + 1)!.Span.Start, a.At(a.Count - 1)!.Span.End));
                else if (capAt < 0 && a.Count > 2)
                    a.Fail(TextSpan.FromBounds(a.At(2)!.Span.Start, a.At(a.Count - 1)!.Span.End));
                else if (DoseAmount(context, a, amountArgs) is { } amount)
                {
                    if (capSyntax is null) dose = amount;
                    else if (DoseCap(context, a, amount, capSyntax) is { } cap) dose = amount with { Maximum = cap };
                }
            }
        }
        string? route = null;
        if (block.One("route") is { } rs)
        {
            var a = new StatementArguments(context, rs, "a route", "route iv");
            context.OriginOf(rs, subject + " route", parent);
            if (a.Expect(1, 1)) route = a.Choice(0, "route", Routes);
        }
        int? every = null;
        if (block.One("every") is { } es)
        {
            origin = Merge(origin, context.OriginOf(es, subject + " frequency", parent));
            var a = new StatementArguments(context, es, EveryShape, "every 21 days");
            if (a.Expect(1, 1))
            {
                if (HoursBetweenDoses(a.At(0)!) is { } hours)
                    // "every 12 hours": the cycle is in days; doses within a day are counted by doses_per_day.
                    a.Fail(a.At(0)!.Span, EveryShape + $"; doses every {hours} hours are 'doses_per_day {24 / hours}' on each day given", $"every 1 day; doses_per_day {24 / hours}");
                else every = a.Days(0, "every");
            }
        }
        var cycleDays = new List<DayRange>();
        if (block.One("cycle_days") is { } cs)
        {
            context.OriginOf(cs, subject + " cycle days", parent);
            var a = new StatementArguments(context, cs, CycleDaysShape, "cycle_days 1, 8");
            int last = every ?? AllowedRanges.MaxCycleDay; // a day of the cycle: 1 to its length
            for (int i = 0; i < a.Count; i++)
            {
                if (a.At(i) is RangeExpressionSyntax range)
                {
                    var first = a.Integer(range.Lower, 1, last);
                    var end = first is null ? null : a.Integer(range.Upper, 1, last);
                    if (first is { } f && end is { } l)
                    {
                        if (f > l) context.Report(DiagnosticDescriptors.InvertedRange, range.Span, f, l);
                        else cycleDays.Add(new DayRange(f, l));
                    }
                }
                else if (a.Integer(i, 1, last) is { } day) cycleDays.Add(new DayRange(day, day));
            }
            if (a.Count == 0) a.Fail(cs.HeaderSpan);
        }
        int? dosesPerDay = null;
        if (block.One("doses_per_day") is { } dp)
        {
            origin = Merge(origin, context.OriginOf(dp, subject + " doses per day", parent));
            var a = new StatementArguments(context, dp, DosesPerDayShape, "doses_per_day 2");
            if (a.Expect(1, 1)) dosesPerDay = a.Integer(0, 1, AllowedRanges.MaxDosesPerDay);
        }
        int? cycles = null;
        if (block.One("cycles") is { } cy)
        {
            context.OriginOf(cy, subject + " cycles", parent);
            var a = new StatementArguments(context, cy, CyclesShape, "cycles 4");
            if (a.Expect(1, 1)) cycles = a.Integer(0, 1, AllowedRanges.MaxCycles);
        }
        var until = new List<string>();
        if (block.One("until") is { } us)
        {
            context.OriginOf(us, subject + " until", parent);
            var a = new StatementArguments(context, us, "the events that end it, joined by 'or'", "until progression or death or unacceptable_toxicity");
            foreach (var (n, syntax) in a.Names(0)) if (ScheduleBinder.CheckEvent(context, n, syntax)) until.Add(n);
            if (a.Count == 0) a.Fail(us.HeaderSpan);
        }
        return new RegimenModel(phase, dose, route, every, cycleDays.ToEquatableArray(), cycles, until.ToEquatableArray(), origin, dosesPerDay);
    }

    /// <summary>The hours of <c>every 12 hours</c> when they divide a day (the usual every-4, 6, 8, 12 hours), else null.</summary>
    private static int? HoursBetweenDoses(ExpressionSyntax e) =>
        ConstantFolding.SignedNumber(e, out var unit) is { } value && unit is not null && UnitCatalog.TryFind(unit, out var u) && u.Symbol == "h" &&
        value is > 0 and < 24 && value == System.Math.Floor(value) && 24 % (int)value == 0 ? (int)value : null;

    /// <summary>The amount of <c>dose 240 mg</c> (one argument) or <c>dose AUC 5</c> (two); reported and null when it is none.</summary>
    private static DoseModel? DoseAmount(BindingContext context, StatementArguments a, int count)
    {
        if (count == 2 && a.At(0)?.AsName is "AUC" or "auc")
        {
            // A target exposure, like any dose, is more than nothing.
            if (ConstantFolding.SignedNumber(a.At(1), out var u2) is { } auc && u2 is null && auc > 0) return new DoseModel(auc, "AUC");
            a.Fail(a.At(1)!.Span);
            return null;
        }
        if (count != 1)
        {
            a.Fail(TextSpan.FromBounds(a.At(0)!.Span.Start, a.At(count - 1)!.Span.End));
            return null;
        }
        var e = a.At(0)!;
        var amount = ConstantFolding.SignedNumber(e, out var unit);
        if (amount is <= 0 && unit is not null)
        {
            a.Fail(e.Span, "a positive amount with its unit (a placebo needs no 'dose': leave it out)", "dose 240 mg");
            return null;
        }
        if (amount is not { } value || value <= 0)
        {
            a.Fail(e.Span);
            return null;
        }
        if (unit is null)
        {
            context.Report(DiagnosticDescriptors.MissingUnit, e.Span, "a dose", value, "mg");
            return null;
        }
        var u = UnitCatalog.Get(unit);
        if (IsDose(u)) return new DoseModel(value, u.Symbol);
        context.Report(DiagnosticDescriptors.UnitNotAllowedHere, e.Span, "dose", "dose amount, or one per body weight or body surface, or per day", u.Symbol, u.Dimension,
            "use a unit such as mg, mg/kg, mg/m2, mL, mmol, IU, mg/d, mg/kg/d or AUC");
        return null;
    }

    /// <summary>
    /// The cap of <c>max 240 mg</c> on <paramref name="dose"/>: a positive absolute amount of the dimension a dose per body
    /// weight, body surface or AUC scales to (mg for mg/kg, mg/d for mg/kg/d); reported and null otherwise.
    /// </summary>
    private static DoseModel? DoseCap(BindingContext context, StatementArguments a, DoseModel dose, ExpressionSyntax e)
    {
        var doseUnit = UnitCatalog.Get(dose.Unit);
        if (DoseDimensions.CapOf(doseUnit) is not { } expected)
        {
            a.Fail(e.Span, $"no cap: a dose in {dose.Unit} is already the amount given ('max' caps a dose per body weight, body surface or AUC)", "dose 3 mg/kg max 240 mg");
            return null;
        }
        if (ConstantFolding.SignedNumber(e, out var unit) is not { } value || value <= 0)
        {
            a.Fail(e.Span, "after 'max' the most any subject is given: a positive number with a unit of the catalogue (docs/language.md, units)", "dose 3 mg/kg max 240 mg");
            return null;
        }
        if (unit is null)
        {
            context.Report(DiagnosticDescriptors.MissingUnit, e.Span, "a dose's cap", value, ExampleUnit(expected));
            return null;
        }
        var u = UnitCatalog.Get(unit);
        if (u.Dimension != expected)
        {
            context.Report(DiagnosticDescriptors.UnitNotAllowedHere, e.Span, "max", $"cap of the amount a dose in {dose.Unit} comes to", u.Symbol, u.Dimension,
                $"use a unit of {expected}, such as {ExampleUnit(expected)}");
            return null;
        }
        return new DoseModel(value, u.Symbol);
    }

    /// <summary>The first catalogue unit of <paramref name="dimension"/> (mg for mass, mg/d for mass per day), for a message.</summary>
    private static string ExampleUnit(Dimension dimension) =>
        UnitCatalog.All.Where(u => u.Dimension == dimension).OrderBy(u => u.Symbol.StartsWith("mg", System.StringComparison.Ordinal) ? 0 : 1).FirstOrDefault()?.Symbol
        ?? dimension.ToString();

    /// <summary>
    /// A dose is a mass, volume, amount or activity (<c>IU</c>), possibly per body weight or body surface, a count
    /// (tablets), an AUC target, or any of these per day (a whole day's dose, <c>mg/d</c>, <c>mg/kg/d</c>).
    /// </summary>
    private static bool IsDose(Unit unit) =>
        unit.Symbol is "AUC" or "count" || DoseDimensions.IsAdministration(unit.Dimension) || DoseDimensions.IsDaily(unit);

    private static Origin Merge(Origin current, Origin statement) => statement.IsAssumed && !current.IsAssumed ? current with { Provenance = Provenance.Assumed, Reason = statement.Reason } : current;

    public static ArmModel BindArm(BindingContext context, StatementSyntax statement)
    {
        var args = new StatementArguments(context, statement, "a name, a \"label\" and a { } block", "arm Consolidation \"JS-001 consolidation\" { type experimental }", allowsBlock: true);
        args.Expect(2, 2);
        var name = args.Name(0) ?? "";
        var label = args.Text(1) ?? name;
        var origin = context.OriginOf(statement, "arm " + name);
        var block = new BlockReader(context, statement, "arm " + name, new[] { "type", "description", "ratio" }, new[] { "receives" }, ownerOrigin: origin);
        string kind = "experimental";
        if (block.One("type") is { } t)
        {
            var a = new StatementArguments(context, t, "the arm type", "type experimental");
            if (a.Expect(1, 1)) kind = a.Choice(0, "arm type", ArmKinds) ?? kind;
        }
        string? description = null;
        if (block.One("description") is { } d)
        {
            var a = new StatementArguments(context, d, "one \"text\"", "description \"...\"");
            if (a.Expect(1, 1)) description = a.Text(0);
        }
        int ratio = 1;
        if (block.One("ratio") is { } r)
        {
            var a = new StatementArguments(context, r, RatioShape, "ratio 2");
            if (a.Expect(1, 1)) ratio = a.Integer(0, 1, AllowedRanges.MaxArmRatio) ?? 1;
        }
        var receives = new List<string>();
        foreach (var s in block.All("receives"))
        {
            var a = new StatementArguments(context, s, "the interventions given in this arm", "receives JS001");
            foreach (var (n, syntax) in a.Names(0))
            {
                if (context.Symbols.Is(n, SymbolKind.Intervention)) receives.Add(n);
                else context.Report(DiagnosticDescriptors.UnknownName, syntax.Span, "intervention", n,
                    Suggestions.DidYouMeanLater(n, context.Symbols.NamesOf(SymbolKind.Intervention), "; declare it with 'intervention " + n + " \"...\" { }'"));
            }
            if (a.Count == 0) a.Fail(s.HeaderSpan);
        }
        if (kind != "no_intervention" && block.One("receives") is null)
            context.Report(DiagnosticDescriptors.MissingStatement, statement.Keyword.Span, "arm " + name, "receives", "receives JS001");
        return new ArmModel(name, label, kind, description, receives.ToEquatableArray(), ratio, origin);
    }

    public static RandomizationModel BindRandomization(BindingContext context, StatementSyntax statement, ModelTables tables)
    {
        var args = new StatementArguments(context, statement, "a { } block", "randomization { stratify_by Demographics.sex }", allowsBlock: true);
        args.Expect(0, 0);
        var origin = context.OriginOf(statement, "randomization");
        var block = new BlockReader(context, statement, "randomization", new[] { "method", "stratify_by" }, ownerOrigin: origin);
        string? method = null;
        if (block.One("method") is { } m)
        {
            var a = new StatementArguments(context, m, "the method in quotes", "method \"permuted blocks of 4\"");
            if (a.Expect(1, 1)) method = a.Text(0);
        }
        var strata = new List<string>();
        if (block.One("stratify_by") is { } s)
        {
            var a = new StatementArguments(context, s, "the form fields to stratify by", "stratify_by Demographics.sex, Baseline.ecog");
            var binder = new ExpressionBinder(context);
            foreach (var e in a.All)
            {
                var bound = binder.Bind(e);
                // A stratum is a category: a coded, yes/no or counted field (ECOG 0-1 is often an integer). A measurement with a
                // unit, a date or free text has no strata until they are coded.
                if (bound is BoundFieldReference f)
                {
                    bool category = f.Type.Kind is TypeKind.Code or TypeKind.Boolean ||
                                    f.Type.Kind == TypeKind.Number && tables.FieldOf(f.Form, f.Field) is { DataType: "integer" };
                    if (category) strata.Add(FieldPath.Of(f.Form, f.Field));
                    else
                        context.Report(DiagnosticDescriptors.WrongType, e.Span, "a coded, yes/no or integer field (each stratum is a category)",
                            $"{(f.Type.Kind == TypeKind.Number ? "a decimal number" : f.Type.ToString())} ({f.Form}.{f.Field})",
                            $"; stratify by a coded field of its categories instead, such as 'field {f.Field}_stratum code {CSharp.Identifier(f.Field).TrimStart('@')}Strata' with one code per stratum");
                }
                else if (bound.Type.Kind != TypeKind.Error) a.Fail(e.Span); // errors are already reported
            }
        }
        return new RandomizationModel(method, strata.ToEquatableArray(), origin);
    }
}
