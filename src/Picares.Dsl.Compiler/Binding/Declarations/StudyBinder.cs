using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Syntax;
using AgeLimit = Picares.Dsl.Runtime.Model.AgeLimit;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Compiler.Binding.Declarations;

/// <summary>Binds <c>study</c> (registry facts) and <c>population</c>.</summary>
internal static class StudyBinder
{
    public static readonly string[] StudyTypes = { "interventional", "observational", "expanded_access" };
    public static readonly string[] Purposes = { "treatment", "prevention", "diagnostic", "supportive_care", "screening", "health_services_research", "basic_science", "device_feasibility", "other" };
    public static readonly string[] Allocations = { "randomized", "non_randomized", "na" };
    public static readonly string[] Designs = { "single_group", "parallel", "crossover", "factorial", "sequential" };
    public static readonly string[] Maskings = { "none", "single", "double", "triple", "quadruple" };
    public static readonly string[] MaskedRoles = { "participant", "care_provider", "investigator", "outcomes_assessor" };
    public static readonly string[] Phases = { "early_1", "1", "2", "3", "4", "na" };
    public static readonly string[] Statuses = { "not_yet_recruiting", "recruiting", "enrolling_by_invitation", "active_not_recruiting", "suspended", "terminated", "completed", "withdrawn", "unknown" };
    public static readonly string[] Funders = { "industry", "nih", "other_us_federal", "other" };
    public static readonly string[] EnrollmentKinds = { "estimated", "actual" };
    public static readonly string[] Sexes = { "all", "female", "male" };
    public static readonly string[] YesNo = { "yes", "no" };

    private static readonly string[] Single =
    {
        "title", "official_title", "acronym", "sponsor", "funder", "phase", "type", "purpose", "allocation", "design",
        "masking", "status", "enrollment", "locations", "summary", "description", "day_one",
    };

    private static readonly string[] Repeatable = { "identifier", "condition", "contact" };

    // The shapes that state a range, made once.
    private static readonly string EnrollmentShape = $"a number of subjects from 1 to {AllowedRanges.MaxEnrollment}, and whether it is estimated or actual";
    private static readonly string AgeShape = "an inclusive range of completed ages ('18..75 years', '6 months..17 years') or one limit ('18 years or older', " +
        $"'17 years or younger'), in whole days, weeks, months or years up to {AllowedRanges.MaxAgeYears} years, and the anchor it is measured at";
    private const string AgeExample = "age 18..75 years at consent";

    public static StudyModel Bind(BindingContext context, StatementSyntax statement)
    {
        var args = new StatementArguments(context, statement, "a name and a { } block", "study Picares { title \"...\" }", allowsBlock: true);
        args.Expect(1, 1);
        var name = args.Name(0) ?? "Study";
        var origin = context.OriginOf(statement, "study " + name);
        var block = new BlockReader(context, statement, "study", Single, Repeatable, ownerOrigin: origin);

        string? Text(string keyword)
        {
            var s = block.One(keyword);
            if (s is null) return null;
            var a = new StatementArguments(context, s, "one \"text\"", $"{keyword} \"...\"");
            a.Expect(1, 1);
            context.OriginOf(s, $"study {keyword}", origin);
            var text = a.Text(0);
            if (text is not null && text.Trim().Length == 0) context.Report(DiagnosticDescriptors.EmptyText, a.At(0)!.Span, keyword);
            return text;
        }

        string? Choice(string keyword, string what, string[] options)
        {
            var s = block.One(keyword);
            if (s is null) return null;
            var a = new StatementArguments(context, s, $"one {what}: {string.Join(", ", options)}", $"{keyword} {options[0]}");
            a.Expect(1, 1);
            context.OriginOf(s, $"study {keyword}", origin);
            return a.Choice(0, what, options);
        }

        var title = Text("title");
        if (block.One("title") is null)
            context.Report(DiagnosticDescriptors.MissingStatement, statement.Keyword.Span, "study " + name, "title", "title \"PD-1 Inhibitors Consolidation in ...\"");

        var identifiers = new List<StudyIdentifierModel>();
        foreach (var s in block.All("identifier"))
        {
            var a = new StatementArguments(context, s, "a scheme name and the identifier in quotes", "identifier nct \"NCT03971214\"");
            context.OriginOf(s, "study identifier", origin);
            if (a.Expect(2, 2) && a.Name(0) is { } scheme && a.Text(1) is { } value) identifiers.Add(new StudyIdentifierModel(scheme, value));
        }

        var phases = new List<string>();
        if (block.One("phase") is { } phaseStatement)
        {
            var a = new StatementArguments(context, phaseStatement, "one or two phases: " + string.Join(", ", Phases), "phase 1  or  phase 1 2");
            context.OriginOf(phaseStatement, "study phase", origin);
            if (a.Expect(1, 2))
                for (int i = 0; i < a.Count; i++)
                    if (a.Choice(i, "phase", Phases) is { } p) phases.Add(p);
        }

        string masking = "none";
        var roles = new List<string>();
        if (block.One("masking") is { } maskStatement)
        {
            var a = new StatementArguments(context, maskStatement, "a masking level and the roles masked", "masking double participant investigator");
            context.OriginOf(maskStatement, "study masking", origin);
            if (a.Expect(1, 1 + MaskedRoles.Length))
            {
                var level = a.Choice(0, "masking", Maskings);
                masking = level ?? "none";
                bool allKnown = level is not null; // an unknown level is reported: its roles are not counted against it
                for (int i = 1; i < a.Count; i++)
                    if (a.Choice(i, "masked role", MaskedRoles) is { } r) roles.Add(r);
                    else allKnown = false;
                // The level counts the roles masked (ClinicalTrials.gov: single 1, double 2, triple 3, quadruple 4); the roles
                // may be left out when the source does not name them, but those named must agree with it, each once.
                int expected = System.Array.IndexOf(Maskings, masking), distinct = roles.Distinct().Count();
                if (allKnown && roles.Count > 0 && (distinct != roles.Count || roles.Count != expected))
                    a.Fail(a.At(0)!.Span.Cover(a.At(a.Count - 1)!.Span),
                        expected == 0 ? "'none' and no role masked, or a level and as many distinct roles as it counts (single 1, double 2, triple 3, quadruple 4)"
                            : $"a level and as many distinct roles as it counts: '{masking}' masks {expected}, but {distinct} {(distinct == 1 ? "is" : "are")} named",
                        "masking double participant investigator");
            }
        }

        int? enrollment = null;
        string? enrollmentKind = null;
        if (block.One("enrollment") is { } enrollStatement)
        {
            var a = new StatementArguments(context, enrollStatement, EnrollmentShape, "enrollment 6 estimated");
            context.OriginOf(enrollStatement, "study enrollment", origin);
            if (a.Expect(1, 2))
            {
                enrollment = a.Integer(0, 1, AllowedRanges.MaxEnrollment);
                if (a.Count == 2) enrollmentKind = a.Choice(1, "enrollment kind", EnrollmentKinds);
            }
        }

        int? locations = null;
        if (block.One("locations") is { } locationsStatement)
        {
            var a = new StatementArguments(context, locationsStatement, $"the number of trial locations (sites), a whole number from 1 to {AllowedRanges.MaxLocations}", "locations 1");
            context.OriginOf(locationsStatement, "study locations", origin);
            if (a.Expect(1, 1)) locations = a.Integer(0, 1, AllowedRanges.MaxLocations);
        }

        var conditions = ReadTexts(context, block, "condition", "condition \"Extensive-stage Small Cell Lung Cancer\"", origin);
        var contacts = ReadTexts(context, block, "contact", "contact \"Wen-Yang Liu, MD\"", origin);

        string? dayOne = null;
        if (block.One("day_one") is { } dayOneStatement)
        {
            var a = new StatementArguments(context, dayOneStatement, "the anchor that is study day 1", "day_one first_dose");
            context.OriginOf(dayOneStatement, "study day one", origin);
            if (a.Expect(1, 1)) dayOne = a.Name(0);
        }

        return new StudyModel(name, title ?? "", Text("official_title"), Text("acronym"), identifiers.ToEquatableArray(), Text("sponsor"),
            Choice("funder", "funder type", Funders), phases.ToEquatableArray(),
            Choice("type", "study type", StudyTypes) ?? "interventional", Choice("purpose", "primary purpose", Purposes),
            Choice("allocation", "allocation", Allocations), Choice("design", "interventional model", Designs), masking,
            roles.ToEquatableArray(), Choice("status", "status", Statuses), conditions.ToEquatableArray(), enrollment, enrollmentKind,
            Text("summary"), Text("description"), contacts.ToEquatableArray(), dayOne, origin, locations);
    }

    private static List<string> ReadTexts(BindingContext context, BlockReader block, string keyword, string example, Origin origin)
    {
        var result = new List<string>();
        foreach (var s in block.All(keyword))
        {
            var a = new StatementArguments(context, s, "one \"text\"", example);
            context.OriginOf(s, "study " + keyword, origin);
            if (a.Expect(1, 1) && a.Text(0) is { } t) result.Add(t);
        }
        return result;
    }

    /// <summary>
    /// The limits of <c>18..75 years</c>, <c>6 months..17 years</c> (a unit on one limit alone applies to both),
    /// <c>18 years or older</c> or <c>17 years or younger</c>; each limit a whole number of days, weeks, months or years.
    /// A range whose minimum lies past its maximum is PIC2009; anything else PIC1003 at the part to change.
    /// </summary>
    private static (AgeLimit? Min, AgeLimit? Max) BindAgeRange(BindingContext context, StatementArguments a, ExpressionSyntax e)
    {
        switch (e)
        {
            case RangeExpressionSyntax r:
            {
                ConstantFolding.SignedNumber(r.Lower, out var lowerUnit);
                ConstantFolding.SignedNumber(r.Upper, out var upperUnit);
                if (lowerUnit is null && upperUnit is null)
                {
                    a.Fail(r.Span); // no unit on either limit: one report, at the range
                    return (null, null);
                }
                var lower = AgeLimitOf(a, r.Lower, upperUnit);
                var upper = lower is null ? null : AgeLimitOf(a, r.Upper, lowerUnit);
                if (lower is not { } l || upper is not { } u) return (null, null);
                if (AgeLimit.IsEmptyRange(l, u))
                {
                    context.Report(DiagnosticDescriptors.InvertedRange, r.Span, l.ToString(), u.ToString());
                    return (null, null);
                }
                return (l, u);
            }
            case BinaryExpressionSyntax { Operator.Text: "or", Right: NameExpressionSyntax side } b when side.Identifier.Text is "older" or "younger":
            {
                var limit = AgeLimitOf(a, b.Left, null);
                return side.Identifier.Text == "older" ? (limit, null) : (null, limit);
            }
            default:
                a.Fail(e.Span);
                return (null, null);
        }
    }

    /// <summary>One limit of an age range; <paramref name="inheritedUnit"/> is the other limit's unit, for a limit written without one.</summary>
    private static AgeLimit? AgeLimitOf(StatementArguments a, ExpressionSyntax e, string? inheritedUnit)
    {
        var value = ConstantFolding.SignedNumber(e, out var written);
        var ageUnit = (written ?? inheritedUnit) is { } spelling && UnitCatalog.TryFind(spelling, out var u) ? AgeLimit.UnitOf(u) : null;
        if (value is not { } v || ageUnit is not { } au || v != System.Math.Floor(v) || v < 0 || v > AllowedRanges.MaxAge(au))
        {
            a.Fail(e.Span);
            return null;
        }
        return new AgeLimit((int)v, au);
    }

    public static PopulationModel BindPopulation(BindingContext context, StatementSyntax statement)
    {
        var args = new StatementArguments(context, statement, "a { } block", "population { sex all  age 18..75 years }", allowsBlock: true);
        args.Expect(0, 0);
        var origin = context.OriginOf(statement, "population");
        var block = new BlockReader(context, statement, "population", new[] { "sex", "age", "birth_date", "healthy_volunteers", "eligibility_at" }, ownerOrigin: origin);

        string sex = "all";
        if (block.One("sex") is { } sexStatement)
        {
            var a = new StatementArguments(context, sexStatement, "all, female or male", "sex all");
            context.OriginOf(sexStatement, "population sex", origin);
            if (a.Expect(1, 1)) sex = a.Choice(0, "sex", Sexes) ?? "all";
        }

        AgeLimit? min = null, max = null;
        string? reference = null;
        if (block.One("age") is { } ageStatement)
        {
            var a = new StatementArguments(context, ageStatement, AgeShape, AgeExample);
            context.OriginOf(ageStatement, "population age", origin);
            if (a.Expect(3, 3))
            {
                (min, max) = BindAgeRange(context, a, a.At(0)!);
                if (a.At(1)?.AsName == "at") reference = a.Name(2);
                else a.Fail(a.At(1)!.Span);
                if (reference is not null && !context.Symbols.Is(reference, SymbolKind.Anchor))
                {
                    context.Report(DiagnosticDescriptors.UnknownName, a.At(2)!.Span, "anchor", reference, context.AnchorHint(reference));
                    reference = null;
                }
            }
        }

        string? birthDate = null;
        if (block.One("birth_date") is { } bd)
        {
            var a = new StatementArguments(context, bd, "the date field that holds the date of birth", "birth_date Demographics.birth_date");
            context.OriginOf(bd, "population birth date", origin);
            if (a.Expect(1, 1))
            {
                var bound = new ExpressionBinder(context).Bind(a.At(0)!);
                if (bound is BoundFieldReference { Type.Kind: TypeKind.Date } f) birthDate = FieldPath.Of(f.Form, f.Field);
                else if (bound.Type.Kind != TypeKind.Error)
                    context.Report(DiagnosticDescriptors.WrongType, a.At(0)!.Span, "a date field (Form.field)", bound.Type, "");
            }
        }
        if ((min is not null || max is not null) && block.One("birth_date") is null)
            context.Report(DiagnosticDescriptors.MissingStatement, block.One("age")!.Keyword.Span, "An age range", "birth_date", "birth_date Demographics.birth_date");

        bool? healthy = null;
        if (block.One("healthy_volunteers") is { } hv)
        {
            var a = new StatementArguments(context, hv, "yes or no", "healthy_volunteers no");
            context.OriginOf(hv, "population healthy volunteers", origin);
            if (a.Expect(1, 1) && a.Choice(0, "answer", YesNo) is { } yn) healthy = yn == "yes";
        }
        string? eligibilityAt = null;
        if (block.One("eligibility_at") is { } ea)
        {
            var a = new StatementArguments(context, ea, "the anchor at which eligibility is decided", "eligibility_at randomization");
            context.OriginOf(ea, "population eligibility decision", origin);
            if (a.Expect(1, 1) && a.Name(0) is { } anchor)
            {
                if (context.Symbols.Is(anchor, SymbolKind.Anchor)) eligibilityAt = anchor;
                else context.Report(DiagnosticDescriptors.UnknownName, a.At(0)!.Span, "anchor", anchor, context.AnchorHint(anchor));
            }
        }
        return new PopulationModel(sex, min, max, reference, birthDate, healthy, eligibilityAt, origin);
    }

}
