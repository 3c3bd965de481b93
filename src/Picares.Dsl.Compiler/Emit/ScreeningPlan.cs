using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AgeLimit = Picares.Dsl.Runtime.Model.AgeLimit;
using AgeUnit = Picares.Dsl.Runtime.Model.AgeUnit;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// What the screening API of a protocol consists of, worked out from the model for the Screening template:
/// the input forms and fields the criteria read, the anchor dates, the attestations, and one evaluation per
/// criterion (plus the population's age range) as C# code.
/// </summary>
public sealed class ScreeningPlan
{
    private readonly Dictionary<string, string> _boundaryFields = new();
    private readonly Dictionary<string, string> _codeSets = new();
    // The inputs of Anchors by name: each temporal boundary finds its anchor's, and a protocol may read thousands of anchors.
    private readonly Dictionary<string, NamedInput> _anchorsByName = new(System.StringComparer.Ordinal);
    private readonly ModelTables _tables;

    private ScreeningPlan(ProtocolModel model) => _tables = new ModelTables(model);

    /// <summary>Input forms, in declaration order, with only the fields that criteria read.</summary>
    public List<FormInput> Forms { get; } = new();
    /// <summary>Anchor dates the criteria read.</summary>
    public List<NamedInput> Anchors { get; } = new();
    /// <summary>Criteria confirmed by attestation.</summary>
    public List<AttestationInput> Attestations { get; } = new();
    /// <summary>One evaluation per criterion, in protocol order, the age range first.</summary>
    public List<CriterionEvaluation> Criteria { get; } = new();
    /// <summary>Static fields the evaluations use.</summary>
    public List<string> Constants { get; } = new();
    /// <summary>The 64-bit words the criteria's outcomes are packed into, 32 to a word, with their masks.</summary>
    public List<OutcomeWord> OutcomeWords { get; } = new();
    /// <summary>The C# arguments that build the runtime's CriterionOutcomes from the words.</summary>
    public string OutcomeArguments => OutcomeWords.Count <= 2
        ? string.Join(", ", OutcomeWords.Select(w => w.Variable))
        : $"{OutcomeWords[0].Variable}, {OutcomeWords[1].Variable}, new ulong[] {{ {string.Join(", ", OutcomeWords.Skip(2).Select(w => w.Variable))} }}";
    /// <summary>The age criterion's declaration, or null when the population states no age range.</summary>
    public string? AgeCriterion { get; private set; }

    /// <summary>One input form.</summary>
    public sealed record FormInput(string Name, string ClassName, string Property, List<FieldInput> Fields)
    {
        /// <summary>The name for documentation comments.</summary>
        public string NameXml { get; } = CSharp.Xml(Name);
        /// <summary>The form's property in the CRF case book (<c>Crf.CaseBook</c>), which <c>InputFrom</c> reads.</summary>
        public string CaseBookProperty { get; } = CSharp.Member(Name, "CaseBook");
        /// <summary>Whether the form repeats: its fields have one value per record, and <c>InputFrom</c> leaves them missing.</summary>
        public bool Repeating { get; init; }
    }
    /// <summary>
    /// One input field: its C# type and the guard its setter applies (a code field's setter checks the code against
    /// <see cref="CodeSet"/> instead and keeps its position).
    /// </summary>
    public sealed record FieldInput(string Key, string Property, string Type, string Guard, string Label, string DataType)
    {
        /// <summary>The key (Form.field) as a C# literal.</summary>
        public string KeyLiteral { get; } = CSharp.Literal(Key);
        /// <summary>The key for documentation comments.</summary>
        public string KeyXml { get; } = CSharp.Xml(Key);
        /// <summary>For documentation comments: the unit of a quantity field (", in kg"), else empty.</summary>
        public string UnitNote { get; init; } = "";
        /// <summary>The label for documentation comments.</summary>
        public string LabelXml { get; } = CSharp.Xml(Label);
        /// <summary>For a code field, the static array of its code list's codes; its setter keeps the code's position too.</summary>
        public string? CodeSet { get; init; }
        /// <summary>The field's property in its CRF form class, which <c>InputFrom</c> reads.</summary>
        public string CrfProperty { get; init; } = "";
        /// <summary>For a code field, the CRF helper class of its code list, whose <c>CodeOf</c> gives a CRF value's code.</summary>
        public string? CrfCodeHelper { get; init; }
        /// <summary>For a code field, the internal field holding the code's position (-1 when missing).</summary>
        public string CodeIndex => ConditionEmitter.CodePositionField(Property);
        /// <summary>The InputGuard call that turns an untyped value into this field's type.</summary>
        public string Converter => Type == "string?" ? "Text" : "Value<" + Type.TrimEnd('?') + ">";
    }

    /// <summary>A named input (an anchor date), with the temporal boundaries computed when it is set.</summary>
    public sealed record NamedInput(string Name, string Property, string Label)
    {
        /// <summary>The anchor's property in a CRF subject's anchor dates (<c>Crf.Subject.Anchors</c>), which <c>DatesFrom</c> reads.</summary>
        public string SubjectProperty { get; } = CSharp.Member(Name, "AnchorDates");
        /// <summary>The name as a C# literal.</summary>
        public string NameLiteral { get; } = CSharp.Literal(Name);
        /// <summary>The label for documentation comments.</summary>
        public string LabelXml { get; } = CSharp.Xml(Label);
        /// <summary>The boundaries that depend on this date.</summary>
        public List<BoundaryInput> Boundaries { get; } = new();
    }
    /// <summary>A precomputed temporal boundary: the field that holds it and the call that computes it from the date.</summary>
    public sealed record BoundaryInput(string Field, string Initializer);
    /// <summary>An attestation input.</summary>
    public sealed record AttestationInput(string Id, string Property, string Role, string Text)
    {
        /// <summary>The criterion's id as a C# literal.</summary>
        public string IdLiteral { get; } = CSharp.Literal(Id);
        /// <summary>The criterion's id for documentation comments.</summary>
        public string IdXml { get; } = CSharp.Xml(Id);
        /// <summary>The role for documentation comments.</summary>
        public string RoleXml { get; } = CSharp.Xml(Role);
        /// <summary>The criterion's text for documentation comments.</summary>
        public string TextXml { get; } = CSharp.Xml(Text);
    }
    /// <summary>An input a criterion reads: how it is labelled and accessed.</summary>
    public sealed record ReadInput(string Label, string Access)
    {
        /// <summary>The label as a C# literal.</summary>
        public string LabelLiteral { get; } = CSharp.Literal(Label);
    }
    /// <summary>
    /// One word of packed outcomes: its variable, the low bits of its lanes in use, and of those the inclusions'
    /// and the exclusions' (C# hexadecimal literals), from which the verdict is read.
    /// </summary>
    public sealed record OutcomeWord(string Variable, string Lanes, string Inclusions, string Exclusions);
    /// <summary>One criterion's evaluation.</summary>
    public sealed record CriterionEvaluation(string Id, string Method, string Info, string Truth, List<ReadInput> Reads, string? Attestation, bool Exclusion = false)
    {
        /// <summary>What a pending attestation is reported as, a C# literal.</summary>
        public string AttestationLiteral { get; } = CSharp.Literal("attestation of " + Id);
        /// <summary>Statements adding the inputs that keep the outcome Unknown to <c>missing</c>.</summary>
        public string MissingStatements { get; init; } = "";
    }

    /// <summary>Plans the screening API of a model.</summary>
    public static ScreeningPlan For(ProtocolModel model)
    {
        var plan = new ScreeningPlan(model);
        var emitter = new ConditionEmitter(model, screeningBoundaries: b => "dates." + plan.TemporalBoundary(b), tables: plan._tables);
        var reads = new HashSet<string>(model.Criteria.SelectMany(c => c.Reads));
        var population = model.Population;
        bool age = population.ChecksAge;
        if (age)
        {
            reads.Add(population.BirthDateField!);
            reads.Add(FieldPath.OfAnchor(population.AgeReference!));
        }

        foreach (var form in model.Forms)
        {
            var fields = form.Fields.Where(f => reads.Contains(FieldPath.Of(form.Name, f.Name))).ToList();
            if (fields.Count == 0) continue;
            var input = new FormInput(form.Name, ConditionEmitter.InputClass(form.Name), CSharp.Member(form.Name, "Input"), new List<FieldInput>()) { Repeating = form.Repeating };
            var crfClass = CSharp.Member(form.Name, "Crf"); // as CrfPlan names the form's class and its properties
            foreach (var f in fields)
            {
                var key = FieldPath.Of(form.Name, f.Name);
                var limits = f.HardLimit is { } hard ? $", {CSharp.NullableNumber(hard.Lower)}, {CSharp.NullableNumber(hard.Upper)}" : "";
                string guard = f.DataType switch
                {
                    "quantity" => $"global::Picares.Dsl.Runtime.Eligibility.InputGuard.Quantity(value, {CSharp.Literal(f.Unit)}, {CSharp.Literal(key)}{limits})",
                    "integer" or "decimal" => $"global::Picares.Dsl.Runtime.Eligibility.InputGuard.Number(value, {CSharp.Literal(key)}{limits})",
                    _ => "value",
                };
                input.Fields.Add(new FieldInput(key, CSharp.Member(f.Name, input.ClassName), CSharp.TypeOf(f.DataType), guard, f.Label, f.DataType)
                {
                    CodeSet = f.DataType == "code" ? plan.CodeSet(f.CodeList!) : null,
                    UnitNote = CSharp.UnitNote(f.Unit),
                    CrfProperty = CSharp.Member(f.Name, crfClass),
                    CrfCodeHelper = f.DataType == "code" ? CSharp.CodeListHelper(f.CodeList!) : null,
                });
            }
            plan.Forms.Add(input);
        }
        foreach (var anchor in model.Anchors.Where(a => reads.Contains(FieldPath.OfAnchor(a.Name))))
            plan.AddAnchor(new NamedInput(anchor.Name, CSharp.Member(anchor.Name, "Dates"), anchor.Label));

        if (age)
        {
            var birth = FieldPath.Split(population.BirthDateField!);
            // The age within its limits, as birth-date boundaries computed when the reference date is set: born on or
            // before the first is old enough; born on or before the second is too old.
            var reference = population.AgeReference!;
            var birthAccess = ConditionEmitter.FieldAccess(birth.Form, birth.Field);
            // With no minimum, born by the reference date: a birth date after it is no age at all.
            var youngest = population.MinimumAge ?? new AgeLimit(0, AgeUnit.Days);
            var oldEnough = plan.AnchorBoundary(reference, "born by " + youngest, _ => LatestBirthDate(youngest));
            var tooOldBy = population.MaximumAge is { } oldest ? plan.AnchorBoundary(reference, "born by " + oldest.Next, _ => LatestBirthDate(oldest.Next)) : null;
            var evaluate = "global::Picares.Dsl.Runtime.Eligibility.Evaluate.";
            var truth = tooOldBy is null
                ? $"{evaluate}BornOnOrBefore({birthAccess}, dates.{oldEnough})"
                : $"{evaluate}BornBetween({birthAccess}, dates.{tooOldBy}, dates.{oldEnough})";
            var text = $"Age {AgeLimit.Describe(population.MinimumAge, population.MaximumAge)} (population)";
            var condition = AgeCondition(population);
            var line = (population.Origin?.Line ?? 1).ToString(CultureInfo.InvariantCulture);
            plan.AgeCriterion = $"new global::Picares.Dsl.Runtime.Model.CriterionInfo(\"AGE\", global::Picares.Dsl.Runtime.Model.CriterionCategory.Inclusion, {CSharp.Literal(text)}, {CSharp.Literal(condition)}, null, {ModelValues.Strings(new[] { population.BirthDateField!, FieldPath.OfAnchor(population.AgeReference!) })}, __Rec({line}, 1))";
            var ageReads = new List<ReadInput> { Read(population.BirthDateField!), Read(FieldPath.OfAnchor(population.AgeReference!)) };
            plan.Criteria.Add(new CriterionEvaluation("AGE", "__ExplainPopulationAge_", "AgeCriterion", truth, ageReads, null)
            {
                MissingStatements = string.Concat(ageReads.Select(r => $"if ({r.Access} is null) missing.Add({CSharp.Literal(r.Label)}); ")),
            });
        }

        foreach (var criterion in model.Criteria)
        {
            var member = "Criteria." + CSharp.Member(criterion.Id, "Criteria");
            string? attestation = null;
            var parts = new List<string>();
            if (criterion.Condition is not null) parts.Add(emitter.Emit(criterion.Condition));
            if (criterion.AttestedBy is not null)
            {
                var property = CSharp.Member(criterion.Id, "CriterionAttestations");
                plan.Attestations.Add(new AttestationInput(criterion.Id, property, criterion.AttestedBy, criterion.Text));
                attestation = "input.Attestations." + property;
                parts.Add($"global::Picares.Dsl.Runtime.Eligibility.Evaluate.Attested({attestation}, {(criterion.Category == "exclusion" ? "true" : "false")})");
            }
            // Condition and attestation together: an inclusion needs both; an exclusion applies on either.
            var combine = criterion.Category == "exclusion" ? "Or" : "And";
            var truth = parts.Count == 0 ? "global::Picares.Dsl.Runtime.Eligibility.Truth.Unknown"
                : parts.Skip(1).Aggregate(parts[0], (acc, p) => $"global::Picares.Dsl.Runtime.Eligibility.Kleene.{combine}({acc}, {p})");
            plan.Criteria.Add(new CriterionEvaluation(criterion.Id, "__Explain" + CSharp.Identifier(criterion.Id), member, truth,
                criterion.Reads.Select(Read).ToList(), attestation, criterion.Category == "exclusion")
            {
                MissingStatements = criterion.Condition is null ? "" : emitter.EmitMissing(criterion.Condition, key =>
                {
                    var read = Read(key);
                    return (read.Label, read.Access);
                }),
            });
        }
        plan.Constants.AddRange(emitter.Constants);
        plan.PackOutcomes();
        return plan;
    }

    private void PackOutcomes()
    {
        const int perWord = Runtime.Eligibility.CriterionOutcomes.PerWord;
        for (int start = 0; start < System.Math.Max(1, Criteria.Count); start += perWord)
        {
            ulong lanes = 0, inclusions = 0, exclusions = 0;
            for (int i = start; i < System.Math.Min(Criteria.Count, start + perWord); i++)
            {
                var lane = Runtime.Eligibility.CriterionOutcomes.Lane(i - start);
                lanes |= lane;
                if (Criteria[i].Exclusion) exclusions |= lane;
                else inclusions |= lane;
            }
            OutcomeWords.Add(new OutcomeWord("__o" + (start / perWord).ToString(CultureInfo.InvariantCulture), Hex(lanes), Hex(inclusions), Hex(exclusions)));
        }
    }

    private static string Hex(ulong value) => "0x" + value.ToString("X16", CultureInfo.InvariantCulture) + "UL";

    /// <summary>The field of <c>Dates</c> that holds a temporal comparison's boundary.</summary>
    private string TemporalBoundary(TemporalBoundary boundary) =>
        AnchorBoundary(boundary.Anchor, boundary.Key, index =>
        {
            var duration = "__boundaryDuration" + index;
            Constants.Add($"private static readonly global::Picares.Dsl.Runtime.Units.Quantity {duration} = new global::Picares.Dsl.Runtime.Units.Quantity({CSharp.Number(boundary.Duration)}, {CSharp.Literal(boundary.Unit)});");
            return boundary.Initializer("value", duration);
        });

    private static string LatestBirthDate(AgeLimit limit) =>
        $"{ModelValues.AgeLimit(limit)}.LatestBirthDate(value)";

    /// <summary>
    /// The age criterion's condition as the model states it: <c>age in completed years at consent in 18..75</c>, or
    /// with limits of two units or one limit, <c>completed age at consent: at least 6 months, at most 17 years</c>.
    /// </summary>
    private static string AgeCondition(PopulationModel population)
    {
        if (population is { MinimumAge: { } min, MaximumAge: { } max } && min.Unit == max.Unit)
            return $"age in completed {min.Unit.ToString().ToLowerInvariant()} at {population.AgeReference} in {min.Amount.ToString(CultureInfo.InvariantCulture)}..{max.Amount.ToString(CultureInfo.InvariantCulture)}";
        var limits = new List<string>();
        if (population.MinimumAge is { } lower) limits.Add("at least " + lower);
        if (population.MaximumAge is { } upper) limits.Add("at most " + upper);
        return $"completed age at {population.AgeReference}: {string.Join(", ", limits)}";
    }

    /// <summary>
    /// The field of <c>Dates</c> that holds a value computed from an anchor's date alone, declared the first time its
    /// <paramref name="key"/> is asked for: <paramref name="initializer"/> gets the field's number and returns the
    /// C# expression that computes it from <c>value</c>, the date being set.
    /// </summary>
    private string AnchorBoundary(string anchorName, string key, System.Func<string, string> initializer)
    {
        key = anchorName + ": " + key;
        if (_boundaryFields.TryGetValue(key, out var field)) return field;
        if (!_anchorsByName.TryGetValue(anchorName, out var anchor))
        {
            anchor = new NamedInput(anchorName, CSharp.Member(anchorName, "Dates"), anchorName);
            AddAnchor(anchor);
        }
        var index = _boundaryFields.Count.ToString(CultureInfo.InvariantCulture);
        field = "__Boundary" + index;
        anchor.Boundaries.Add(new BoundaryInput(field, initializer(index)));
        _boundaryFields[key] = field;
        return field;
    }

    /// <summary>Adds an anchor's input to <see cref="Anchors"/>, and to the table that finds it by name.</summary>
    private void AddAnchor(NamedInput anchor)
    {
        Anchors.Add(anchor);
        if (!_anchorsByName.ContainsKey(anchor.Name)) _anchorsByName.Add(anchor.Name, anchor); // the first, as a search of the list found
    }

    private static ReadInput Read(string key)
    {
        if (FieldPath.AnchorOf(key) is { } anchor) return new ReadInput(anchor, ConditionEmitter.AnchorAccess(anchor));
        var (form, field) = FieldPath.Split(key);
        return new ReadInput(key, ConditionEmitter.FieldAccess(form, field));
    }

    /// <summary>The static array of a code list's codes, declared the first time it is asked for.</summary>
    private string CodeSet(string codeList)
    {
        if (_codeSets.TryGetValue(codeList, out var name)) return name;
        name = "__codes" + CSharp.Identifier(codeList);
        var codes = _tables.CodeLists[codeList].Codes.Select(c => CSharp.Literal(c.Code));
        Constants.Add($"private static readonly string[] {name} = new string[] {{ {string.Join(", ", codes)} }};");
        _codeSets[codeList] = name;
        return name;
    }
}
