using AgeLimit = Picares.Dsl.Runtime.Model.AgeLimit;
using AgeUnit = Picares.Dsl.Runtime.Model.AgeUnit;
using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Runtime.Units;
using ValueType = Picares.Dsl.Compiler.Model.ValueType;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Binding;

public class BinderTests
{
    private static ProtocolModel Bind(string text)
    {
        var result = ProtocolCompiler.Compile(text, "test.protocol");
        Assert.True(result.Model is not null, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
        // Suggestions (PIC4012, a field nothing reads) are expected in these small protocols; nothing else is.
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Picares.Dsl.Compiler.Diagnostics.Severity.Info);
        return result.Model!;
    }

    private static string[] Errors(string text) => ProtocolCompiler.Compile(text).Diagnostics.Select(d => d.Id).ToArray();

    [Fact]
    public void Study_facts_bind_with_their_values()
    {
        var model = Bind("study S {\n title \"T\"\n official_title \"O\"\n acronym \"A\"\n identifier nct \"NCT1\"\n identifier sponsor \"S1\"\n sponsor \"Sp\"\n funder industry\n" +
                         " phase 2 3\n type interventional\n purpose prevention\n allocation randomized\n design parallel\n masking double participant investigator\n" +
                         " status recruiting\n condition \"C1\"\n condition \"C2\"\n enrollment 120 actual\n summary \"Sum\"\n description \"D\"\n contact \"X\"\n}\n");
        var s = model.Study;
        Assert.Equal(("S", "T", "O", "A", "Sp", "industry"), (s.Name, s.Title, s.OfficialTitle, s.Acronym, s.Sponsor, s.Funder));
        Assert.Equal(new[] { "nct:NCT1", "sponsor:S1" }, s.Identifiers.Select(i => i.Scheme + ":" + i.Value));
        Assert.Equal(new[] { "2", "3" }, s.Phases);
        Assert.Equal(("interventional", "prevention", "randomized", "parallel", "double"), (s.StudyType, s.Purpose, s.Allocation, s.Design, s.Masking));
        Assert.Equal(new[] { "participant", "investigator" }, s.MaskedRoles);
        Assert.Equal((120, "actual", "recruiting"), (s.Enrollment, s.EnrollmentKind, s.Status));
        Assert.Equal(new[] { "C1", "C2" }, s.Conditions);
    }

    [Fact]
    public void Study_binds_the_number_of_its_locations_within_its_range()
    {
        Assert.Equal(3, Bind(TestProtocols.WithStudy("locations 3", "")).Study.Locations);
        Assert.Null(Bind(TestProtocols.With("")).Study.Locations);
        foreach (var (written, at) in new[] { ("locations 0", "0"), ("locations 100001", "100001"), ("locations 2.5", "2.5") })
        {
            var text = TestProtocols.WithStudy(written, "");
            var error = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics);
            Assert.Equal(("PIC1003", text.IndexOf(written, System.StringComparison.Ordinal) + "locations ".Length, at.Length), (error.Id, error.Span.Start, error.Span.Length));
            Assert.Contains("from 1 to 100000", error.Message, System.StringComparison.Ordinal);
        }
        Assert.Contains("Locations: 3)", Picares.Dsl.Compiler.Emit.ProtocolEmitter.Emit(Bind(TestProtocols.WithStudy("locations 3", "")), "T"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Population_states_the_anchor_at_which_eligibility_is_decided()
    {
        var stated = Bind(TestProtocols.With("population { eligibility_at enrollment }\n"));
        Assert.Equal(("enrollment", "enrollment"), (stated.Population.EligibilityAnchor, stated.EligibilityDecision));
        var unstated = Bind(TestProtocols.With(""));
        Assert.Equal(((string?)null, "first_dose"), (unstated.Population.EligibilityAnchor, unstated.EligibilityDecision)); // study day 1
        // The generated model names the decision, stated or not.
        Assert.Contains("EligibilityDecision: \"enrollment\")", Picares.Dsl.Compiler.Emit.ProtocolEmitter.Emit(stated, "T"), System.StringComparison.Ordinal);
        Assert.Contains("EligibilityDecision: \"first_dose\")", Picares.Dsl.Compiler.Emit.ProtocolEmitter.Emit(unstated, "T"), System.StringComparison.Ordinal);
        Assert.Equal(new[] { "PIC1005" }, Errors(TestProtocols.With("population { eligibility_at enrolment }\n")));
        Assert.Contains("did you mean 'enrollment'", ProtocolCompiler.Compile(TestProtocols.With("population { eligibility_at enrolment }\n")).Diagnostics[0].Message, System.StringComparison.Ordinal);
        var evented = ProtocolCompiler.Compile(TestProtocols.With("population { eligibility_at progression }\n")).Diagnostics; // an event is not an anchor
        Assert.Equal("PIC1005", Assert.Single(evented).Id);
        Assert.EndsWith("'progression' is declared as an event, and only an anchor (a date of each subject's timeline) can stand here", evented[0].Message, System.StringComparison.Ordinal);
        Assert.Equal(new[] { "PIC1003" }, Errors(TestProtocols.With("population { eligibility_at }\n")));
        Assert.Equal(new[] { "PIC1003" }, Errors(TestProtocols.With("population { eligibility_at enrollment first_dose }\n")));
    }

    [Fact]
    public void Population_binds_age_range_in_completed_years_at_an_anchor()
    {
        var model = Bind(TestProtocols.With("form Demo { field born date }\nvisit Screening { day -14; collect Demo }\npopulation {\n sex female\n age 18..75 years at enrollment\n birth_date Demo.born\n healthy_volunteers yes\n}\n"));
        Assert.Equal(new PopulationModel("female", new AgeLimit(18, AgeUnit.Years), new AgeLimit(75, AgeUnit.Years), "enrollment", "Demo.born", true, null, model.Population.Origin), model.Population);
    }

    [Fact]
    public void Interventions_bind_doses_in_every_form_and_phases()
    {
        var model = Bind(TestProtocols.With(
            "intervention Carbo \"Carboplatin\" {\n type drug\n phase induction {\n  dose AUC 5\n  every 3 weeks\n  cycle_days 1\n  cycles 4\n }\n phase maintenance {\n  dose 3 mg/kg\n  route iv\n  every 21 days\n  until progression\n }\n}\n" +
            "intervention Eto \"Etoposide\" { dose 100 mg/m2; cycle_days 1, 2, 3; every 21 days; cycles 4 }\n"));
        var carbo = model.Interventions[0];
        Assert.Equal(new[] { "induction", "maintenance" }, carbo.Regimens.Select(r => r.Phase));
        Assert.Equal(new DoseModel(5, "AUC"), carbo.Regimens[0].Dose);
        Assert.Equal((21, 4), (carbo.Regimens[0].EveryDays!.Value, carbo.Regimens[0].Cycles!.Value));
        Assert.Equal(new DoseModel(3, "mg/kg"), carbo.Regimens[1].Dose);
        Assert.Equal(new[] { "progression" }, carbo.Regimens[1].Until);
        var eto = model.Interventions[1];
        Assert.Equal(new DoseModel(100, "mg/m2"), eto.Regimens[0].Dose);
        Assert.Equal(new[] { new DayRange(1, 1), new DayRange(2, 2), new DayRange(3, 3) }, eto.Regimens[0].CycleDays);
        Assert.Null(eto.Regimens[0].DosesPerDay);
    }

    [Fact]
    public void Cycle_days_take_ranges_and_doses_per_day_counts_the_doses_of_each_day()
    {
        var model = Bind(TestProtocols.With(
            "intervention Cape \"Capecitabine\" { dose 1000 mg/m2; route oral; doses_per_day 2; every 21 days; cycle_days 1..14; cycles 8 }\n" +
            "intervention Tmz \"Temozolomide\" { dose 150 mg/m2; route oral; every 28 days; cycle_days 1..5, 8, 15..19 }\n"));
        var cape = model.Interventions[0].Regimens[0];
        Assert.Equal(new[] { new DayRange(1, 14) }, cape.CycleDays);
        Assert.Equal(2, cape.DosesPerDay);
        Assert.Equal(new[] { new DayRange(1, 5), new DayRange(8, 8), new DayRange(15, 19) }, model.Interventions[1].Regimens[0].CycleDays);
    }

    [Fact]
    public void Arms_and_randomization_bind_with_references_checked()
    {
        var model = Bind(TestProtocols.WithStudy("allocation randomized; design parallel",
            "intervention A \"a\" { dose 1 mg }\nintervention B \"b\" { dose 2 mg }\n" +
            "arm X \"x\" { type experimental; receives A; ratio 2 }\narm Y \"y\" { type placebo_comparator; receives B }\n" +
            "randomization { method \"blocks of 6\"; stratify_by Vitals.ecog, Vitals.flag }\n"));
        Assert.Equal(new[] { ("X", 2), ("Y", 1) }, model.Arms.Select(a => (a.Name, a.Ratio)));
        Assert.Equal(new[] { "Vitals.ecog", "Vitals.flag" }, model.Randomization!.StratifyBy);
        Assert.Contains("PIC1005", Errors(TestProtocols.With("arm X \"x\" { receives Nope }\n")));
    }

    [Fact]
    public void Forms_bind_types_limits_in_the_field_unit_and_conditional_fields()
    {
        var model = Bind(TestProtocols.With(
            "form Labs \"Labs\" {\n repeating\n field anc quantity 10^9/L required \"ANC\" {\n  hard 0..100\n  soft 1.5..50\n }\n" +
            " field weight quantity kg { hard 44.1..661.4 lb }\n field note text\n field when_done datetime\n field n integer { hard 0..10 }\n" +
            " field pregnant boolean { shown_when Vitals.flag == true }\n}\nvisit Lab { unscheduled; collect Labs }\n"));
        var labs = model.Forms.Single(f => f.Name == "Labs");
        Assert.True(labs.Repeating);
        Assert.Equal(new[] { "quantity", "quantity", "text", "datetime", "integer", "boolean" }, labs.Fields.Select(f => f.DataType));
        var anc = labs.Fields[0];
        Assert.Equal(("10^9/L", true, "ANC"), (anc.Unit, anc.Required, anc.Label));
        Assert.Equal(new LimitModel(1.5, 50, "10^9/L"), anc.SoftLimit);
        var weight = labs.Fields[1];
        Assert.Equal(20.0, weight.HardLimit!.Lower!.Value, 2); // converted from pounds into the field's kg
        Assert.Equal(300.0, weight.HardLimit!.Upper!.Value, 1);
        Assert.Equal("Vitals.flag == true", labs.Fields[5].ShownWhenText);
        Assert.IsType<BoundBinary>(labs.Fields[5].ShownWhen);
    }

    [Fact]
    public void Criteria_bind_conditions_with_types_reads_and_attestations()
    {
        var model = Bind(TestProtocols.With(
            "criterion I1 inclusion \"Weight\" { when Vitals.weight >= 88.2 lb }\n" +
            "criterion I2 inclusion \"ECOG\" { when Vitals.ecog in [0, 1] }\n" +
            "@assumed \"why\"\ncriterion E1 exclusion \"Judgment\" { attested_by investigator }\n" +
            "criterion E2 exclusion \"Recent\" { when Vitals.stop within max(28 days, 5 * 2 days) before first_dose }\n"));
        var i1 = model.Criteria[0];
        Assert.Equal(("I1", "inclusion", "Weight"), (i1.Id, i1.Category, i1.Text));
        var comparison = Assert.IsType<BoundBinary>(i1.Condition);
        Assert.Equal(BoundOperator.GreaterOrEqual, comparison.Operator);
        Assert.Equal(new[] { "Vitals.weight" }, i1.Reads);
        var membership = Assert.IsType<BoundMembership>(model.Criteria[1].Condition);
        Assert.All(membership.Items, item => Assert.IsType<BoundCode>(item));
        var e1 = model.Criteria[2];
        Assert.Equal(("investigator", Provenance.Assumed, "why"), (e1.AttestedBy, e1.Origin.Provenance, e1.Origin.Reason));
        var temporal = Assert.IsType<BoundTemporal>(model.Criteria[3].Condition);
        Assert.Equal((TemporalQualifier.Within, true), (temporal.Qualifier, temporal.Before));
        Assert.Equal(new[] { "@first_dose", "Vitals.stop" }, model.Criteria[3].Reads);
        Assert.Equal(12, model.Criteria[2].Origin.Line);
    }

    [Theory]
    [InlineData("≤", "<=", BoundOperator.LessOrEqual)]
    [InlineData("≥", ">=", BoundOperator.GreaterOrEqual)]
    [InlineData("≠", "!=", BoundOperator.NotEqual)]
    public void Unicode_comparison_signs_bind_as_their_ascii_spelling(string sign, string ascii, BoundOperator expected)
    {
        foreach (var op in new[] { sign, ascii })
        {
            var criterion = Bind(TestProtocols.With($"criterion I1 inclusion \"x\" {{ when Vitals.weight {op} 88 lb and Vitals.count {op} 2 }}\n")).Criteria.Single();
            var and = Assert.IsType<BoundBinary>(criterion.Condition);
            var quantity = Assert.IsType<BoundBinary>(and.Left);
            Assert.Equal(expected, quantity.Operator);
            Assert.Equal(ValueType.Boolean, quantity.Type);
            Assert.Equal((88d, "lb"), (Assert.IsType<BoundNumber>(quantity.Right).Value, Assert.IsType<BoundNumber>(quantity.Right).Unit));
            var count = Assert.IsType<BoundBinary>(and.Right);
            Assert.Equal(expected, count.Operator);
            Assert.Equal(ValueType.Number, count.Right.Type);
            Assert.Equal(new[] { "Vitals.count", "Vitals.weight" }, criterion.Reads.OrderBy(r => r, System.StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Min_and_max_in_conditions_bind_to_calls_of_their_first_argument_s_type()
    {
        var criteria = Bind(TestProtocols.With(
            "criterion I1 inclusion \"a\" { when Vitals.weight ≥ max(40 kg, 90 lb) }\n" +
            "criterion I2 inclusion \"b\" { when Vitals.stop <= min(first_dose - 1 day, enrollment, Vitals.stop + 2 weeks) }\n" +
            "criterion I3 inclusion \"c\" { when min(Vitals.count, 3) > max(1, 2) }\n")).Criteria;

        var max = Assert.IsType<BoundCall>(Assert.IsType<BoundBinary>(criteria[0].Condition).Right);
        Assert.Equal(("max", TypeKind.Quantity, Dimension.Mass), (max.Function, max.Type.Kind, max.Type.Dimension));
        Assert.Equal(new[] { "kg", "lb" }, max.Arguments.Select(a => Assert.IsType<BoundNumber>(a).Unit));

        var min = Assert.IsType<BoundCall>(Assert.IsType<BoundBinary>(criteria[1].Condition).Right);
        Assert.Equal(("min", ValueType.Date, 3), (min.Function, min.Type, min.Arguments.Count));
        Assert.Equal(new[] { "@enrollment", "@first_dose", "Vitals.stop" }, criteria[1].Reads.OrderBy(r => r, System.StringComparer.Ordinal));

        var both = Assert.IsType<BoundBinary>(criteria[2].Condition);
        Assert.Equal(("min", "max"), (Assert.IsType<BoundCall>(both.Left).Function, Assert.IsType<BoundCall>(both.Right).Function));
        Assert.Equal(new[] { "Vitals.count" }, criteria[2].Reads);
    }

    [Fact]
    public void A_criterion_binds_a_condition_and_an_attestation_together()
    {
        var criteria = Bind(TestProtocols.With(
            "criterion I1 inclusion \"Weight, confirmed\" {\n  when Vitals.weight ≥ 40 kg\n  attested_by investigator\n}\n" +
            "@assumed \"why\"\ncriterion E1 exclusion \"Either\" { when Vitals.count ≥ 3; attested_by physician }\n")).Criteria;
        var i1 = criteria[0];
        Assert.Equal(("investigator", "Vitals.weight ≥ 40 kg"), (i1.AttestedBy, i1.ConditionText));
        Assert.Equal(BoundOperator.GreaterOrEqual, Assert.IsType<BoundBinary>(i1.Condition).Operator);
        Assert.Equal(new[] { "Vitals.weight" }, i1.Reads);
        var e1 = criteria[1];
        Assert.Equal(("exclusion", "physician", Provenance.Assumed), (e1.Category, e1.AttestedBy, e1.Origin.Provenance));
        Assert.Equal(new[] { "Vitals.count" }, e1.Reads);
    }

    [Fact]
    public void A_condition_over_several_lines_is_displayed_with_its_white_space_folded()
    {
        var long_ = string.Join("\n      and ", Enumerable.Repeat("Vitals.count ≥ 3", 30));
        // (The checks warn that these criteria imply one another, which does not matter here.)
        var criteria = ProtocolCompiler.Compile(TestProtocols.With(
            "criterion I1 inclusion \"a\" {\n  when Vitals.weight ≥ 40 kg\n\t and   Vitals.count ≥ 3\n}\n" +
            "criterion I2 inclusion \"b\" {\n  when " + long_ + "\n}\n" +
            "criterion I3 inclusion \"c\" {\n  when Vitals.count ≥ 2 or\r\n  Vitals.count ≥ 1\n}\n" +
            "criterion I4 inclusion \"d\" { when Vitals.count ≥ 4 }\n"), "test.protocol").Model!.Criteria;
        Assert.Equal(new[]
        {
            "Vitals.weight ≥ 40 kg and Vitals.count ≥ 3",
            string.Join(" and ", Enumerable.Repeat("Vitals.count ≥ 3", 30)),
            "Vitals.count ≥ 2 or Vitals.count ≥ 1",
            "Vitals.count ≥ 4",
        }, criteria.Select(c => c.ConditionText));
    }

    [Theory]
    [InlineData("Vitals.weight >= 88 lb")]                       // mass in another unit converts
    [InlineData("Vitals.stop + 4 weeks < first_dose")]           // date + fixed duration
    [InlineData("Vitals.stop + 3 months < first_dose")]          // date + calendar duration
    [InlineData("first_dose - Vitals.stop >= 28 days")]          // date − date is a fixed duration
    [InlineData("Vitals.life * 2 >= 24 weeks")]                  // duration × number
    [InlineData("Vitals.weight / 2 kg > 20")]                    // quantity ÷ same dimension is a number
    [InlineData("Vitals.count in 1..3")]
    [InlineData("Vitals.ecog not in [1]")]
    [InlineData("Vitals.ecog == Ecog.0")]
    [InlineData("not (Vitals.flag == true) or Vitals.count != 2")]
    [InlineData("Vitals.stop at_most 2 years after enrollment")]
    public void Well_typed_conditions_bind(string condition)
    {
        Bind(TestProtocols.With($"criterion I1 inclusion \"x\" {{ when {condition} }}\n"));
    }

    [Theory]
    [InlineData("Vitals.weight >= 40 mmHg", "PIC2002")]
    [InlineData("Vitals.life >= 1 year", "PIC2003")]
    [InlineData("Vitals.stop + 4 < first_dose", "PIC2006")]
    [InlineData("Vitals.stop within 4 before first_dose", "PIC2006")]
    [InlineData("Vitals.stop within 4 kg before first_dose", "PIC2005")]
    [InlineData("Vitals.weight within 4 weeks before first_dose", "PIC2005")]
    [InlineData("Vitals.ecog == 7", "PIC2004")]
    [InlineData("Vitals.count", "PIC2005")]
    [InlineData("Vitals.wieght >= 40 kg", "PIC1005")]
    [InlineData("Vitals.count in 3", "PIC2005")]
    [InlineData("first_dos < Vitals.stop", "PIC1005")]
    [InlineData("Vitals.weight ≥ max(40 kg, 3 weeks)", "PIC2002")]
    [InlineData("Vitals.stop ≤ min(first_dose, 3)", "PIC2004")]
    [InlineData("Vitals.count ≠ min(1)", "PIC2010")]
    [InlineData("Vitals.weight ≥ maximum(40 kg, 41 kg)", "PIC2008")]
    [InlineData("Vitals.flag ≤ true", "PIC2004")]
    [InlineData("Vitals.ecog ≥ Ecog.1", "PIC2004")]                 // codes are equal or not, never ordered
    public void Ill_typed_conditions_are_reported(string condition, string id)
    {
        Assert.Contains(id, Errors(TestProtocols.With($"criterion I1 inclusion \"x\" {{ when {condition} }}\n")));
    }

    [Fact]
    public void Visits_bind_every_timing_with_windows_and_collections()
    {
        var model = Bind(TestProtocols.With(
            "anchor eot \"End of treatment\"\nevent death \"Death\" terminal\n" +
            TestProtocols.NotesForm +
            "visit Screening { day -28..-1; collect Notes }\n" +
            "visit Cycle \"C\" { every 21 days from first_dose; window -3..+3 days; until progression or death; max 35; anchoring actual; collect Notes; activity \"Dosing\" }\n" +
            "visit Safety { at eot + 30 days; window -7..+7 days; collect Vitals }\n" +
            "visit Extra { unscheduled; collect Vitals }\n"));
        var screening = model.Visits.Single(v => v.Name == "Screening");
        Assert.Equal(("day", -28, -1, "first_dose"), (screening.Timing, screening.Day!.Value, screening.LastDay!.Value, screening.Anchor));
        var cycle = model.Visits.Single(v => v.Name == "Cycle");
        Assert.Equal(("repeating", 21, 3, 3, 35, "actual"), (cycle.Timing, cycle.EveryDays!.Value, cycle.WindowBefore, cycle.WindowAfter, cycle.MaxCount!.Value, cycle.Anchoring));
        Assert.Equal(new[] { "progression", "death" }, cycle.Until);
        Assert.Equal(new[] { "Dosing" }, cycle.Activities);
        var safety = model.Visits.Single(v => v.Name == "Safety");
        Assert.Equal(("relative", "eot", 30), (safety.Timing, safety.Anchor, safety.OffsetDays!.Value));
        Assert.Equal("unscheduled", model.Visits.Single(v => v.Name == "Extra").Timing);
    }

    [Theory]
    // 'day ... from' and 'every ... from' take an anchor; an event there gets the visit that fits it, at the name.
    [InlineData("visit V { day 5 from progression; collect Vitals }\n", "progression",
        "Unknown anchor 'progression'; 'progression' is declared as an event, and only an anchor (a date of each subject's timeline) can stand here; to plan a visit after the event, write 'at progression + <duration>' instead of 'day ... from'")]
    [InlineData("visit V { every 21 days from progression; max 4; collect Vitals }\n", "progression",
        "Unknown anchor 'progression'; 'progression' is declared as an event, and only an anchor (a date of each subject's timeline) can stand here; a repeating visit counts from an anchor; for one visit after the event, write 'at progression + <duration>'")]
    [InlineData("visit V { day 5 from Vitals; collect Vitals }\n", "Vitals",
        "Unknown anchor 'Vitals'; 'Vitals' is declared as a form, and only an anchor (a date of each subject's timeline) can stand here")]
    [InlineData("visit V { day 5 from first_dos; collect Vitals }\n", "first_dos", "Unknown anchor 'first_dos'; did you mean 'first_dose'?")]
    // 'at' takes an anchor or an event, and suggests either.
    [InlineData("visit V { at Vitals + 3 days; collect Vitals }\n", "Vitals",
        "Unknown anchor or event 'Vitals'; 'Vitals' is declared as a form, and only an anchor or an event (a date of each subject's timeline) can stand here")]
    [InlineData("visit V { at progresion + 3 days; collect Vitals }\n", "progresion", "Unknown anchor or event 'progresion'; did you mean 'progression'?")]
    [InlineData("visit V { at recovery + 3 days; collect Vitals }\n", "recovery", "Unknown anchor or event 'recovery'; declare it with 'anchor recovery \"...\"'")]
    // 'until' and 'follows' take an event or an anchor: the same hints, and an unknown name is declared as an event.
    [InlineData("visit V { every 7 days; until Vitals; collect Vitals }\n", "Vitals",
        "Unknown anchor or event 'Vitals'; 'Vitals' is declared as a form, and only an anchor or an event (a date of each subject's timeline) can stand here")]
    [InlineData("visit V { every 7 days; until progresion; collect Vitals }\n", "progresion", "Unknown anchor or event 'progresion'; did you mean 'progression'?")]
    [InlineData("visit V { every 7 days; until recovery; collect Vitals }\n", "recovery", "Unknown anchor or event 'recovery'; declare it with 'event recovery \"...\"'")]
    [InlineData("event relapse \"Relapse\" follows Baseline\n", "Baseline",
        "Unknown anchor or event 'Baseline'; 'Baseline' is declared as a visit, and only an anchor or an event (a date of each subject's timeline) can stand here")]
    public void A_name_that_is_not_an_anchor_says_what_it_is_and_what_fits(string visit, string name, string message)
    {
        var text = TestProtocols.With(visit);
        var diagnostic = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics, d => d.Severity == Picares.Dsl.Compiler.Diagnostics.Severity.Error);
        Assert.Equal(("PIC1005", message), (diagnostic.Id, diagnostic.Message));
        int at = text.IndexOf(visit, System.StringComparison.Ordinal) + visit.IndexOf(name, System.StringComparison.Ordinal);
        Assert.Equal((at, name.Length), (diagnostic.Span.Start, diagnostic.Span.Length));
    }

    [Fact]
    public void A_day_one_that_is_not_an_anchor_is_reported_once_at_the_study_not_at_each_visit_counting_from_it()
    {
        var text = TestProtocols.Prelude.Replace("day_one first_dose", "day_one progression") + "visit Cycle { every 21 days; max 4; collect Vitals }\nvisit Day8 { day 8; collect Vitals }\n";
        var diagnostic = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics, d => d.Severity == Picares.Dsl.Compiler.Diagnostics.Severity.Error);
        Assert.Equal("PIC1005", diagnostic.Id);
        Assert.Equal(text.IndexOf("progression", System.StringComparison.Ordinal), diagnostic.Span.Start);
        Assert.EndsWith("'progression' is declared as an event, and only an anchor (a date of each subject's timeline) can stand here", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_bind_kind_data_and_censoring()
    {
        var model = Bind(TestProtocols.With(
            "event death \"Death\" terminal\ncodelist Recist { code CR \"a\"; code PR \"b\"; code SD \"c\"; code PD \"d\"; code NE \"e\" }\ncodelist Vitality { code alive \"Alive\"; code dead \"Dead\" }\n" +
            "form Tumor { repeating; field on date; field response code Recist }\nform Survival { repeating; field contact date; field status code Vitality }\n" +
            "visit FollowUp { every 8 weeks from first_dose; until progression or death; collect Tumor }\nvisit Call { every 12 weeks from first_dose; until death; collect Survival }\n" +
            "endpoint PFS secondary \"PFS\" {\n kind time_to_event\n data Tumor.on, Tumor.response, Survival.contact, Survival.status\n start first_dose\n event progression or death\n censor_at last_assessment\n time_frame \"2 years\"\n}\n"));
        var pfs = Assert.Single(model.Endpoints, e => e.Name == "PFS");
        Assert.Equal(("secondary", "time_to_event", "first_dose", "last_assessment", "2 years"), (pfs.Level, pfs.Kind, pfs.Start, pfs.Censoring, pfs.TimeFrame));
        Assert.Equal(new[] { "progression", "death" }, pfs.Events);
        Assert.Contains("PIC1006", Errors(TestProtocols.With("endpoint OS secondary \"OS\" { kind time_to_event }\n")));
    }

    [Fact]
    public void Names_share_one_namespace_and_duplicates_are_reported_with_the_first_line()
    {
        var diagnostic = Assert.Single(ProtocolCompiler.Compile(TestProtocols.With("anchor Vitals \"x\"\n")).Diagnostics);
        Assert.Equal("PIC1004", diagnostic.Id);
        Assert.Contains("line 6", diagnostic.Message);
    }

    [Fact]
    public void Picares_compiles_with_every_record_fact_and_no_diagnostics()
    {
        var model = Bind(Repository.Picares);
        Assert.Equal("NCT03971214", model.Study.Identifiers.Single(i => i.Scheme == "nct").Value);
        Assert.Equal("NCC1835", model.Study.Identifiers.Single(i => i.Scheme == "sponsor").Value);
        Assert.Equal((6, "estimated"), (model.Study.Enrollment!.Value, model.Study.EnrollmentKind));
        Assert.Equal("18 to 75 years", AgeLimit.Describe(model.Population.MinimumAge, model.Population.MaximumAge));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => "I" + i).Concat(Enumerable.Range(1, 18).Select(i => "E" + i)), model.Criteria.Select(c => c.Id));
        Assert.Equal(new[] { "I4", "I5", "I12", "E11", "E12" }, model.Criteria.Where(c => c.AttestedBy is not null).Select(c => c.Id));
        Assert.All(model.Criteria.Where(c => c.AttestedBy is null), c => Assert.NotNull(c.Condition));
        Assert.Equal(new[] { "primary", "primary", "secondary", "secondary", "exploratory", "exploratory", "exploratory" }, model.Endpoints.Select(e => e.Level));
        Assert.Equal("overall survial", model.Endpoints.Single(e => e.Name == "OS").Title); // the record's words, typo included
        Assert.True(model.Interventions.Single().Regimens.Single().Origin.IsAssumed); // the dose is not in the record
        Assert.False(model.Criteria.Single(c => c.Id == "I6").Origin.IsAssumed);
    }
}
