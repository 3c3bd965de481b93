using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Consistency;

/// <summary>The semantics of the consistency checks at their boundaries: units, open and closed bounds, calendar days, codes, partial conditions, the timeline.</summary>
public class ConsistencyCheckTests
{
    /// <summary>The consistency diagnostics of the prelude plus <paramref name="body"/>, as (ID, text at the span).</summary>
    private static (string Id, string At, string Message)[] Check(string body)
    {
        var text = TestProtocols.With(body);
        var diagnostics = ProtocolCompiler.Compile(text).Diagnostics;
        Assert.DoesNotContain(diagnostics, d => !d.Id.StartsWith("PIC4", System.StringComparison.Ordinal));
        return diagnostics.Select(d => (d.Id, text.Substring(d.Span.Start, d.Span.Length), d.Message)).ToArray();
    }

    private const string Notes = TestProtocols.NotesForm;

    private static string[] Ids(string body) => Check(body).Select(d => d.Id).ToArray();

    [Theory]
    [InlineData("", false)]
    [InlineData("criterion E1 exclusion \"x\" { when Vitals.weight >= 40 kg }\n", true)]
    public void The_declarations_are_looked_up_only_for_a_report(string body, bool reported)
    {
        // A clean file (most builds) is not walked again to find where its declarations stand.
        var source = new Picares.Dsl.Compiler.Text.SourceText(TestProtocols.With(Weight40 + body));
        var diagnostics = new DiagnosticBag(source);
        var syntax = Picares.Dsl.Compiler.Syntax.Parser.Parse(source, diagnostics);
        var model = Picares.Dsl.Compiler.Binding.ProtocolBinder.Bind(new Picares.Dsl.Compiler.Binding.BindingContext(source, diagnostics, syntax), syntax, "test.protocol");
        var locator = new Picares.Dsl.Compiler.Consistency.SourceLocator(syntax);
        Picares.Dsl.Compiler.Consistency.ConsistencyChecker.Check(model!, locator, diagnostics);
        Assert.Equal(reported, diagnostics.ToArray().Any(d => d.Id == "PIC4004"));
        Assert.Equal(reported, locator.IsIndexed);
    }

    private const string Weight40 = "criterion I1 inclusion \"Weight ≥ 40 kg\" { when Vitals.weight >= 40 kg }\n";

    [Theory]
    [InlineData("Vitals.weight >= 88 lb", true)]      // 39.9 kg: everyone admitted weighs more
    [InlineData("Vitals.weight >= 88.2 lb", false)]   // 40.007 kg: a subject of exactly 40 kg is admitted and not excluded
    [InlineData("Vitals.weight >= 40 kg", true)]
    [InlineData("Vitals.weight > 40 kg", false)]
    public void An_exclusion_that_covers_every_admitted_subject_is_reported_after_unit_conversion(string exclusion, bool nobody)
    {
        var found = Check(Weight40 + $"criterion E1 exclusion \"x\" {{ when {exclusion} }}\n");
        Assert.Equal(nobody, found.Any(d => d.Id == "PIC4004" && d.At == "E1"));
    }

    [Theory]
    [InlineData("Vitals.weight < 40 kg", true)]
    [InlineData("Vitals.weight <= 40 kg", false)]     // exactly 40 kg is admitted and excluded
    public void An_exclusion_outside_the_admitted_values_never_applies(string exclusion, bool never)
    {
        var found = Check(Weight40 + $"criterion E1 exclusion \"x\" {{ when {exclusion} }}\n");
        Assert.Equal(never, found.Any(d => d.Id == "PIC4006" && d.At == "E1"));
    }

    [Fact]
    public void Contradictory_inclusions_are_reported_at_the_second_with_the_first_named()
    {
        var (id, at, message) = Assert.Single(Check(Weight40 + "criterion I2 inclusion \"x\" { when Vitals.weight < 30 kg }\n"));
        Assert.Equal(("PIC4004", "I2"), (id, at));
        Assert.Contains("I1 (line", message, System.StringComparison.Ordinal);
        Assert.Contains("Vitals.weight ≥ 40 kg", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_compare_by_calendar_day_so_more_than_4_weeks_is_at_least_29_days()
    {
        const string i1 = "criterion I1 inclusion \"x\" { when Vitals.stop more_than 4 weeks before first_dose }\n";
        Assert.Equal(new[] { ("PIC4005", "I2") }, Check(i1 + "criterion I2 inclusion \"y\" { when Vitals.stop at_least 29 days before first_dose }\n").Select(d => (d.Id, d.At)));
        // 30 days is stricter: then I1 is the one that checks nothing.
        Assert.Equal(new[] { ("PIC4005", "I1") }, Check(i1 + "criterion I2 inclusion \"y\" { when Vitals.stop at_least 30 days before first_dose }\n").Select(d => (d.Id, d.At)));
    }

    [Fact]
    public void Date_times_compare_exactly_so_at_least_29_days_is_stricter_than_more_than_4_weeks()
    {
        // To the minute, "at least 29 days" implies "more than 4 weeks" but not the other way round: I1 is the one that checks nothing.
        const string form = "form Chemo { field end datetime }\nvisit Scr { day -7; collect Chemo }\n";
        var found = Check(form + "criterion I1 inclusion \"x\" { when Chemo.end more_than 4 weeks before first_dose }\n" +
                                 "criterion I2 inclusion \"y\" { when Chemo.end at_least 29 days before first_dose }\n");
        Assert.Equal(new[] { ("PIC4005", "I1") }, found.Select(d => (d.Id, d.At)));
    }

    [Fact]
    public void Codes_and_booleans_are_finite_sets()
    {
        const string i1 = "criterion I1 inclusion \"ECOG 0\" { when Vitals.ecog == 0 }\n";
        Assert.Equal(new[] { "PIC4006" }, Ids(i1 + "criterion E1 exclusion \"ECOG 1\" { when Vitals.ecog == 1 }\n"));
        Assert.Equal(new[] { "PIC4004" }, Ids(i1 + "criterion E1 exclusion \"not ECOG 1\" { when Vitals.ecog != 1 }\n"));
        Assert.Equal(new[] { "PIC4004" }, Ids("criterion I1 inclusion \"f\" { when Vitals.flag }\ncriterion E1 exclusion \"g\" { when not (Vitals.flag == false) }\n"));
    }

    [Fact]
    public void A_long_code_list_is_named_by_the_codes_a_bound_leaves_out()
    {
        const string list = "codelist Stage { code IA \"IA\"; code IB \"IB\"; code IIA \"IIA\"; code IIB \"IIB\"; code III \"III\"; code IV \"IV\" }\n" +
            "form Tumor { field stage code Stage required }\nvisit Screen { day -7 from enrollment; collect Tumor }\n";
        var found = Check(list +
            "criterion I1 inclusion \"not IV\" { when Tumor.stage != Stage.IV }\n" +
            "criterion I2 inclusion \"not III\" { when Tumor.stage not in [Stage.III] }\n" +
            "criterion E1 exclusion \"IV\" { when Tumor.stage == Stage.IV }\n" +
            "criterion E2 exclusion \"early\" { when Tumor.stage in [Stage.IA, Stage.IB] }\n");
        // Four codes are left: named by the two left out. Two criteria rule IV out: the verb agrees with them.
        var never = Assert.Single(found);
        Assert.Equal(("PIC4006", "E1"), (never.Id, never.At));
        Assert.Equal("E1 can never exclude anyone the other rules admit: it needs Tumor.stage == IV, but I1 (line 12) and I2 (line 13) require " +
            "Tumor.stage not in [III, IV]; remove it or correct its bound", never.Message);
    }

    [Fact]
    public void Codes_are_named_in_the_order_their_list_declares_them()
    {
        var never = Assert.Single(Check("codelist Size { code small \"S\"; code medium \"M\"; code large \"L\"; code huge \"H\" }\n" +
            "form Tumor { field size code Size required }\nvisit Screen { day -7 from enrollment; collect Tumor }\n" +
            "criterion I1 inclusion \"not medium\" { when Tumor.size in [Size.large, Size.small] }\n" +
            "criterion E1 exclusion \"medium\" { when Tumor.size == Size.medium }\n"));
        Assert.Equal("E1 can never exclude anyone the other rules admit: it needs Tumor.size == medium, but I1 (line 12) requires " +
            "Tumor.size in [small, large]; remove it or correct its bound", never.Message); // not 'large, small', their ordinal order
    }

    [Theory]
    [InlineData("Vitals.weight >= 35 kg or Vitals.flag == true")]          // 'or' is not read
    [InlineData("Vitals.weight >= 35 kg and Vitals.count >= max(1, 2)")]    // a part that bounds nothing by constants
    [InlineData("Vitals.weight >= 35 kg and Vitals.flag == true")]          // the other part can be false
    public void An_exclusion_known_only_in_part_is_never_said_to_exclude_everyone(string exclusion)
    {
        Assert.DoesNotContain("PIC4004", Ids(Weight40 + $"criterion E1 exclusion \"x\" {{ when {exclusion} }}\n"));
    }

    [Fact]
    public void A_criterion_implied_only_by_its_fields_limits_still_checks_that_the_datum_is_there()
    {
        Assert.Empty(Check("criterion I1 inclusion \"x\" { when Vitals.ecog in [0, 1] }\n"));
    }

    [Theory]
    [InlineData("visit Week4 { day 29; collect Labs }", true)]
    [InlineData("visit Cycle { every 21 days from first_dose; window -3..+3 days; max 4; collect Labs }", false)] // cycle 1 is on day 1
    [InlineData("visit Scan { every 6 weeks from first_dose + 6 weeks; window -7..+7 days; max 4; collect Labs }", true)] // the first on day 43, from day 36
    [InlineData("visit Scan { every 6 weeks from first_dose + 3 days; window -3..+3 days; max 4; collect Labs }", false)]  // the first on day 4, its window reaches day 1
    [InlineData("visit Scan { every 6 weeks from first_dose + 0 days; max 4; collect Labs }", false)]                      // + 0: on day 1 itself
    [InlineData("visit Late { day 2; window -1..+1 days; collect Labs }", false)]                                   // its window reaches day 1
    [InlineData("visit Late { day 8 from eot; collect Labs }", true)]                                               // eot follows first_dose
    [InlineData("visit Late { day 8 from other; collect Labs }", false)]                                            // no order known: benefit of the doubt
    [InlineData("visit Any { unscheduled; collect Labs }", true)]
    public void Criterion_data_must_be_collected_on_or_before_day_one(string visit, bool reported)
    {
        var body = "anchor eot \"End of treatment\" follows first_dose\nanchor other \"Other\"\nform Labs { field alt decimal }\n" + visit +
                   "\ncriterion I1 inclusion \"ALT\" { when Labs.alt <= 100 }\n";
        Assert.Equal(reported, Check(body).Any(d => d.Id == "PIC4001" && d.At == "Labs.alt"));
    }

    [Theory]
    [InlineData("visit Lab { day 2 from rando; collect Labs }", "", false)]               // not ordered after day one: benefit of the doubt
    [InlineData("visit Lab { day 2 from rando; collect Labs }", "rando", true)]           // the day after the decision
    [InlineData("visit Lab { day 1 from rando; collect Labs }", "rando", false)]          // on the day of the decision
    [InlineData("visit Lab { day 29; collect Labs }", "rando", true)]                     // first_dose follows rando
    [InlineData("visit Lab { day 8; collect Labs }", "", true)]                           // after study day 1
    [InlineData("visit Lab { day 8; collect Labs }", "confirmed", false)]                 // before a decision that follows first_dose
    public void Criterion_data_must_be_collected_on_or_before_the_stated_eligibility_decision(string visit, string decidedAt, bool reported)
    {
        var body = "anchor rando \"Randomization\"\nanchor confirmed \"Eligibility confirmed after run-in\" follows first_dose\n" +
                   "form Labs { field alt decimal }\n" + visit + "\ncriterion I1 inclusion \"ALT\" { when Labs.alt <= 100 }\n" +
                   (decidedAt.Length > 0 ? $"population {{ eligibility_at {decidedAt} }}\n" : "");
        // The first dose follows randomization, as a real protocol would say.
        var text = TestProtocols.With(body).Replace("anchor first_dose \"First dose\"\n", "anchor first_dose \"First dose\" follows rando\n");
        var diagnostics = ProtocolCompiler.Compile(text).Diagnostics;
        Assert.DoesNotContain(diagnostics, d => !d.Id.StartsWith("PIC4", System.StringComparison.Ordinal));
        var found = diagnostics.Where(d => d.Id == "PIC4001" && text.Substring(d.Span.Start, d.Span.Length) == "Labs.alt").ToArray();
        Assert.Equal(reported, found.Length > 0);
        if (reported)
            Assert.Contains(decidedAt.Length > 0 ? $"made on {decidedAt} (the population's eligibility_at)" : "made on first_dose (study day 1)", found[0].Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("first_dose", "", false)]                 // the decision's own anchor
    [InlineData("eot", "", true)]                         // eot follows first_dose, the day one
    [InlineData("other", "", false)]                      // no order known: benefit of the doubt
    [InlineData("first_dose", "enrollment", false)]       // first_dose is not ordered after enrollment here
    [InlineData("first_dose", "rando", true)]             // first_dose follows rando
    public void A_criterion_measured_from_a_date_after_the_eligibility_decision_is_warned_about(string anchor, string decidedAt, bool reported)
    {
        var body = "anchor rando \"Randomization\"\nanchor eot \"End of treatment\" follows first_dose\nanchor other \"Other\"\n" +
                   "form Labs { field d date }\nvisit Lab { day -3; collect Labs }\n" +
                   $"criterion I1 inclusion \"x\" {{ when Labs.d more_than 7 days before {anchor} }}\n" +
                   (decidedAt.Length > 0 ? $"population {{ eligibility_at {decidedAt} }}\n" : "");
        var text = TestProtocols.With(body).Replace("anchor first_dose \"First dose\"\n", "anchor first_dose \"First dose\" follows rando\n");
        var diagnostics = ProtocolCompiler.Compile(text).Diagnostics;
        Assert.DoesNotContain(diagnostics, d => !d.Id.StartsWith("PIC4", System.StringComparison.Ordinal));
        var found = diagnostics.Where(d => d.Id == "PIC4018").ToArray();
        Assert.Equal(reported, found.Length > 0);
        if (reported) Assert.Equal(anchor, text.Substring(found[0].Span.Start, found[0].Span.Length));
    }

    [Fact]
    public void The_population_age_taken_after_the_decision_is_warned_about_at_its_anchor()
    {
        var found = Check("anchor eot \"End of treatment\" follows first_dose\nform Demo { field born date }\nvisit Scr { day -7; collect Demo }\n" +
                          "population { age 18..75 years at eot; birth_date Demo.born }\n");
        var (id, at, message) = Assert.Single(found);
        Assert.Equal(("PIC4018", "eot"), (id, at));
        Assert.StartsWith("The population's age reads the date of eot", message, System.StringComparison.Ordinal);
    }

    private const string AgeDemo = "form Demo { field born date }\nvisit Scr { day -7; collect Demo }\n";

    [Theory]
    [InlineData("17 years or younger", "Demo.born at_least 18 years before first_dose", "PIC4004")]   // no child is 18
    [InlineData("6 months..17 years", "Demo.born at_least 18 years before first_dose", "PIC4004")]
    [InlineData("28 days..17 years", "Demo.born less_than 28 days before first_dose", "PIC4004")]   // the minimum in days, fixed time
    [InlineData("28 days..17 years", "Demo.born less_than 29 days before first_dose", "PIC4007")]   // a day of 28 days old is left: disagrees only
    [InlineData("18 years or older", "Demo.born at_least 18 years before first_dose", null)]         // says the same
    [InlineData("18 years or older", "Demo.born at_least 21 years before first_dose", "PIC4007")]
    [InlineData("18 years or older", "Demo.born at_most 65 years before first_dose", "PIC4007")]
    [InlineData("18 years or older", "Vitals.flag and Demo.born at_least 21 years before first_dose", "PIC4007")]   // beside another part of an 'and'
    [InlineData("18 years or older", "Vitals.flag and Demo.born at_least 18 years before first_dose", null)]
    public void Age_limits_in_any_unit_and_open_ranges_meet_the_criteria_on_the_same_age(string age, string condition, string? expected)
    {
        var found = Check(AgeDemo + $"population {{ age {age} at first_dose; birth_date Demo.born }}\n" +
                          $"criterion I1 inclusion \"age\" {{ when {condition} }}\n");
        if (expected is null) Assert.DoesNotContain(found, d => d.Id is "PIC4004" or "PIC4007");
        else Assert.Equal((expected, "I1"), (Assert.Single(found).Id, found[0].At));
    }

    [Fact]
    public void An_age_criterion_that_disagrees_with_an_open_range_names_the_range_as_written()
    {
        var found = Check(AgeDemo + "population { age 18 years or older at first_dose; birth_date Demo.born }\n" +
                          "criterion I1 inclusion \"age\" { when Demo.born at_least 21 years before first_dose }\n");
        Assert.Contains("the population's age 18 years or older at first_dose", Assert.Single(found).Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_population_age_needs_its_birth_date_before_day_one()
    {
        var found = Check("form Demo { field born date }\nvisit Week2 { day 15; collect Demo }\npopulation { age 18..75 years at first_dose; birth_date Demo.born }\n");
        var (id, at, message) = Assert.Single(found);
        Assert.Equal(("PIC4001", "Demo.born"), (id, at));
        Assert.StartsWith("The population's age reads Demo.born", message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("every 12 weeks from eot; until first_dose", true)]  // eot follows first_dose: stopped before it starts
    [InlineData("every 12 weeks from eot; until eot", true)]
    [InlineData("every 12 weeks from eot; until progression", false)]
    [InlineData("at death + 30 days", true)]                         // death is terminal
    [InlineData("at progression + 30 days", false)]
    public void Visits_the_timeline_rules_out_are_reported(string timing, bool reported)
    {
        var body = "anchor eot \"End of treatment\" follows first_dose\nevent death \"Death\" terminal\n" +
                   $"visit V {{ {timing}; collect Vitals }}\n";
        Assert.Equal(reported, Ids(body).Contains("PIC4015"));
    }

    [Fact]
    public void Follows_and_terminal_bind_and_are_checked()
    {
        var model = ProtocolCompiler.Compile(TestProtocols.With("anchor eot \"End\" follows first_dose follows enrollment\nevent death \"Death\" terminal follows first_dose\n")).Model!;
        Assert.Equal(new[] { "first_dose", "enrollment" }, model.Anchors.Single(a => a.Name == "eot").After);
        var death = model.Events.Single(e => e.Name == "death");
        Assert.True(death.Terminal);
        Assert.Equal(new[] { "first_dose" }, death.After);
        Assert.Contains("PIC1005", ProtocolCompiler.Compile(TestProtocols.With("anchor eot \"End\" follows firstdose\n")).Diagnostics.Select(d => d.Id));
        Assert.Contains("PIC1003", ProtocolCompiler.Compile(TestProtocols.With("anchor eot \"End\" terminal\n")).Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Time_to_event_endpoints_need_a_follow_up_that_runs_until_their_event()
    {
        const string data = "event death \"Death\" terminal\ncodelist VitalStatus { code alive \"Alive\"; code dead \"Dead\" }\nform Survival { repeating; field contact date; field status code VitalStatus }\n";
        const string endpoint = "endpoint OS secondary \"OS\" { kind time_to_event; data Survival.contact, Survival.status; start first_dose; event death; censor_at last_known_alive }\n";
        Assert.Equal(new[] { "PIC4003" }, Ids(data + "visit Cycle { every 21 days; until progression or death; collect Survival }\n" + endpoint));
        Assert.Empty(Ids(data + "visit Cycle { every 21 days; until progression or death; collect Survival }\nvisit Follow { every 12 weeks from first_dose + 12 weeks; until death; collect Survival }\n" + endpoint));
    }

    [Fact]
    public void An_event_driven_follow_up_until_the_common_study_end_follows_an_endpoint_censored_there()
    {
        // A cardiology trial: follow-up every 120 days until the common study end (when the target number of events is
        // reached, declared 'ends_study') or death, and time to the first MACE censored at the end of the study.
        const string design = "anchor study_end \"Common study end\" follows first_dose ends_study\nevent mace \"MACE\" follows first_dose\nevent death \"Death\" terminal\n" +
            "form Outcomes { repeating; field report date required; field mace_date date }\n";
        const string endpoint = "endpoint Mace primary \"Time to first MACE\" { kind time_to_event; data Outcomes.report, Outcomes.mace_date; start first_dose; event mace; " +
            "event_date mace Outcomes.mace_date; censor_at end_of_study }\n";
        const string followUp = "visit FU { every 120 days from first_dose + 120 days; until study_end or death; collect Outcomes }\n";
        Assert.Empty(Ids(design + followUp + endpoint));
        // A close-out visit with its window changes nothing.
        Assert.Empty(Ids(design + followUp + "visit Close { at study_end; window -7..+7 days; collect Outcomes }\n" + endpoint));
        // An anchor not declared the study's end is not taken for it, even with nothing after it: stopping there may be a
        // follow-up forgotten (the end of treatment, say).
        var (id, _, message) = Assert.Single(Check(design.Replace(" ends_study", "") + followUp + endpoint));
        Assert.Equal("PIC4003", id);
        Assert.EndsWith("such as a survival follow-up; or, if study_end is the date the study ends for every subject (a common study end), mark the anchor 'ends_study'",
            message, System.StringComparison.Ordinal);
        // Already the study's end, or not the only thing stopping the visit early: no such hint.
        var stoppedByProgression = Assert.Single(Check(design + followUp.Replace("until study_end or death", "until study_end or progression") + endpoint));
        Assert.EndsWith("such as a survival follow-up", stoppedByProgression.Message, System.StringComparison.Ordinal);
        var notOnly = Assert.Single(Check(design.Replace(" ends_study", "") + followUp.Replace("until study_end or death", "until study_end or progression") + endpoint));
        Assert.EndsWith("such as a survival follow-up", notOnly.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("end_of_study")]
    [InlineData("last_known_alive")]
    public void The_final_visit_of_a_fixed_duration_study_held_at_its_declared_end_follows_every_endpoint(string censoring)
    {
        // Three months of treatment, a visit at its end and a safety follow-up 30 days later, the study's last contact:
        // events up to it are recorded there, and nothing past it is observed for anyone.
        const string timeline = "anchor eot \"End of treatment\" follows first_dose\nevent bleed \"Major bleeding\" follows first_dose\nevent death \"Death\" terminal\n" +
            "codelist VitalStatus { code alive \"Alive\"; code dead \"Dead\" }\nform Outcomes { repeating; field report date required; field vital code VitalStatus required; field bleed_date date }\n" +
            "visit Monthly { every 30 days from first_dose + 30 days; until eot or death; max 3; collect Outcomes }\nvisit Eot { at eot; collect Outcomes }\n";
        var endpoint = "endpoint Bleeding primary \"Time to major bleeding\" { kind time_to_event; data Outcomes.report, Outcomes.vital, Outcomes.bleed_date; start first_dose; event bleed; " +
            $"event_date bleed Outcomes.bleed_date; censor_at {censoring} }}\n";
        const string declared = "anchor study_end \"End of study\" follows eot ends_study\nvisit FollowUp { at study_end; collect Outcomes }\n";
        Assert.Empty(Ids(timeline + declared + endpoint));
        // Held 30 days after the end of treatment with no end declared, it may as well be a follow-up forgotten.
        var (id, _, message) = Assert.Single(Check(timeline + "visit FollowUp { at eot + 30 days; collect Outcomes }\n" + endpoint));
        Assert.Equal("PIC4003", id);
        if (censoring == "end_of_study")
            Assert.EndsWith("; or, if FollowUp ends the study for every subject, declare its date as an anchor marked 'ends_study' " +
                            "('anchor study_end \"End of study\" follows eot ends_study') and hold FollowUp 'at study_end'", message, System.StringComparison.Ordinal);
        else Assert.EndsWith("such as a survival follow-up", message, System.StringComparison.Ordinal);
        // A visit before the declared end is not the final one.
        Assert.Equal(new[] { "PIC4003" }, Ids(timeline + "anchor study_end \"End of study\" follows eot ends_study\nvisit FollowUp { at eot + 30 days; collect Outcomes }\n" +
                                            "visit Close { at study_end; collect Vitals }\n" + endpoint));
    }

    [Fact]
    public void A_single_assessment_at_the_study_end_does_not_follow_an_endpoint_found_by_assessing()
    {
        // Progression is seen only at a tumour assessment: one at the end of the study leaves the time after the
        // treatment's last scan unassessed, so a scan schedule that stops at the end of treatment is still reported,
        // whatever the censoring.
        var body = "event death \"Death\" terminal\n" + TestProtocols.TumorForm + "anchor eot \"End of treatment\" follows first_dose\n" +
            "anchor study_end \"End of study\" follows eot ends_study\n" +
            "visit Imaging { every 6 weeks from first_dose + 6 weeks; until eot or progression or death; collect Tumor }\nvisit Close { at study_end; collect Tumor }\n" +
            "endpoint PFS secondary \"PFS\" { kind time_to_event; data Tumor.scan, Tumor.response; start first_dose; event progression; censor_at last_assessment }\n";
        Assert.Contains("PIC4003", Ids(body));
        foreach (var censoring in new[] { "end_of_study" })
            Assert.Contains("PIC4003", Ids(body.Replace("censor_at last_assessment", "censor_at " + censoring)));
        // Scans until the study's end follow it.
        Assert.DoesNotContain("PIC4003", Ids(body.Replace("until eot or progression or death", "until study_end or progression or death")));
    }

    [Fact]
    public void The_study_end_hint_names_the_anchor_to_mark_or_one_to_declare()
    {
        const string design = "anchor study_end \"Common study end\" follows first_dose\nevent mace \"MACE\" follows first_dose\nevent death \"Death\" terminal\n" +
            "form Outcomes { repeating; field report date required; field mace_date date }\n";
        const string endpoint = "endpoint Mace primary \"Time to first MACE\" { kind time_to_event; data Outcomes.report, Outcomes.mace_date; start first_dose; event mace; " +
            "event_date mace Outcomes.mace_date; censor_at end_of_study }\n";
        const string followUp = "visit FU { every 120 days from first_dose + 120 days; until study_end or death; collect Outcomes }\n";
        // A close-out visit at the anchor the follow-up stops at: mark that anchor, not one that follows itself.
        Assert.EndsWith("or, if study_end is the date the study ends for every subject (a common study end), mark the anchor 'ends_study'",
            Assert.Single(Check(design + followUp + "visit Close { at study_end; collect Outcomes }\n" + endpoint)).Message, System.StringComparison.Ordinal);
        // A visit held once before the follow-up stops, such as a baseline, is not the study's end, wherever it is declared.
        Assert.EndsWith("mark the anchor 'ends_study'",
            Assert.Single(Check(design + followUp + "visit Day1 { at first_dose; collect Outcomes }\n" + endpoint)).Message, System.StringComparison.Ordinal);
        // A visit 30 days after it: an anchor to declare, under a name the protocol does not use.
        Assert.EndsWith("declare its date as an anchor marked 'ends_study' ('anchor study_end_2 \"End of study\" follows study_end ends_study') and hold Close 'at study_end_2'",
            Assert.Single(Check(design + followUp + "visit Close { at study_end + 30 days; collect Outcomes }\n" + endpoint)).Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_of_one_record_is_reported_only_where_every_subject_fills_it_in_twice()
    {
        const string form = "form Close { field reason text }\nendpoint C exploratory \"c\" { kind summary; data Close.reason }\n";
        // Fixed days counted from anchors the timeline does not order are alternatives: one or the other happens.
        const string alternatives = "anchor completion \"Completed\" follows first_dose\nanchor discontinuation \"Discontinued\" follows first_dose\n";
        Assert.Empty(Ids(form + alternatives + "visit A { day 7 from completion; collect Close }\nvisit B { day 7 from discontinuation; collect Close }\n"));
        // On one anchor, or on anchors in order, both happen.
        var (id, at, message) = Assert.Single(Check(form + "visit A { day 7; collect Close }\nvisit B { day 14; collect Close }\n"));
        Assert.Equal(("PIC4026", "Close"), (id, at));
        Assert.Contains("visits A and B, on fixed study days, both collect it", message, System.StringComparison.Ordinal);
        Assert.Equal(new[] { "PIC4026" }, Ids(form + "anchor eot \"End\" follows first_dose\nvisit A { day 7; collect Close }\nvisit B { day 1 from eot; collect Close }\n"));
        // A repeating visit held once is a fixed day; one that repeats is reported alone.
        Assert.Equal(new[] { "PIC4026" }, Ids(form + "visit A { day -7; collect Close }\nvisit B { every 21 days; max 1; collect Close }\n"));
        Assert.Empty(Ids(form + "visit B { every 21 days; max 1; collect Close }\n"));
        Assert.Contains("visit B, which repeats, collects it", Assert.Single(Check(form + "visit B { every 21 days; max 3; collect Close }\n")).Message, System.StringComparison.Ordinal);
        // A form listed twice by one visit is one collection.
        Assert.Empty(Ids(form + "visit A { day 7; collect Close, Close }\n"));
    }

    [Fact]
    public void A_criterion_reading_repeating_forms_is_reported_at_the_first_such_field_written()
    {
        const string lab = "form Lab { repeating; field zdate date required; field alt decimal required }\nvisit Scr { day -7; collect Lab }\n";
        var (id, at, _) = Assert.Single(Check(lab + "criterion I9 inclusion \"x\" { when Lab.zdate within 14 days before first_dose and Lab.alt < 3 }\n"));
        Assert.Equal(("PIC4025", "Lab.zdate"), (id, at));
    }

    [Fact]
    public void A_criterion_that_reads_a_field_asked_of_some_subjects_says_what_holds_for_the_others()
    {
        const string form = "form Women { field contraception boolean required { shown_when Vitals.ecog == 0 } }\nvisit Screen { day -7 from first_dose; collect Women }\n";
        var (id, at, message) = Assert.Single(Check(form + "criterion I3 inclusion \"x\" { when Women.contraception == true }\n"));
        Assert.Equal(("PIC4023", "I3"), (id, at));
        Assert.Equal("Criterion I3 reads Women.contraception, which is asked only when Vitals.ecog == 0: for a subject it is not asked of, the value stays missing and " +
            "the criterion unknown, so the subject stays pending; say what holds without it: not (Vitals.ecog == 0) or (Women.contraception == true)", message);
        // An exclusion applies only to those asked.
        Assert.EndsWith("say what holds without it: (Vitals.ecog == 0) and (Women.contraception == false)",
            Assert.Single(Check(form + "criterion E3 exclusion \"x\" { when Women.contraception == false }\n")).Message, System.StringComparison.Ordinal);
        // Reading what decides whether it is asked, the criterion says what holds for the others.
        Assert.Empty(Check(form + "criterion I3 inclusion \"x\" { when Vitals.ecog == 1 or Women.contraception == true }\n"));
    }

    [Fact]
    public void Fields_asked_only_when_each_other_is_answered_are_never_asked()
    {
        const string visit = "visit Screen { day -7 from first_dose; collect F }\nendpoint X exploratory \"x\" { kind summary; data F.a, F.b, F.c, F.d }\n";
        var (id, at, message) = Assert.Single(Check("form F { field a boolean { shown_when F.b }; field b boolean { shown_when F.c == true }; " +
            "field c boolean { shown_when F.a and Vitals.flag }; field d boolean { shown_when F.a } }\n" + visit));
        Assert.Equal(("PIC4024", "F.b"), (id, at));
        Assert.StartsWith("Fields F.a, F.b, F.c are each asked only when another of them is answered (F.a only when F.b; F.b only when F.c == true; F.c only when F.a and Vitals.flag)",
            message, System.StringComparison.Ordinal);
        // A chain that ends at a field asked of everyone is no circle.
        Assert.Empty(Check("form F { field a boolean { shown_when F.b }; field b boolean { shown_when F.c == true }; field c boolean; field d boolean { shown_when F.a } }\n" + visit));
        // 'or' another field asked of everyone: asked whenever that one holds (Kleene: unknown or true is true), so no circle;
        // 'not (F.a and flag)' holds when flag is false, whatever F.a is.
        Assert.Empty(Check("form F { field a boolean { shown_when F.b }; field b boolean { shown_when F.a or Vitals.flag }; field c boolean; field d boolean }\n" + visit));
        Assert.Empty(Check("form F { field a boolean { shown_when F.b }; field b boolean { shown_when not (F.a and Vitals.flag) }; field c boolean; field d boolean }\n" + visit));
        // 'not (F.a or flag)' cannot be true while F.a is missing: a circle.
        Assert.Equal("PIC4024", Assert.Single(Check("form F { field a boolean { shown_when F.b }; field b boolean { shown_when not (F.a or Vitals.flag) }; field c boolean; field d boolean }\n" + visit)).Id);
        // A field read twice by one condition, and two circles through one field: one report for the group, at its first
        // field in the file, naming every field that waits in it (c, before a and b in the file, is reported first).
        var (_, first, group) = Assert.Single(Check("form F { field c boolean { shown_when F.b }; field a boolean { shown_when F.b == true or F.b == false }; " +
            "field b boolean { shown_when F.a and F.c }; field d boolean }\n" + visit));
        Assert.Equal("F.b", first);
        Assert.StartsWith("Fields F.c, F.a, F.b are each asked only when another of them is answered", group, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Death_that_is_not_terminal_is_warned_about_when_a_visit_would_go_on_after_it()
    {
        const string death = "event death \"Death\"\n";
        // The prelude's only visit is a baseline before its anchor's day: nothing is planned after death.
        Assert.Empty(Ids(death));
        Assert.Equal(new[] { "PIC4017" }, Ids(Notes + death + "visit Week12 { day 85; collect Notes }\n"));
        Assert.Equal(new[] { "PIC4017" }, Ids(Notes + "event Death \"Death\"\nvisit Week12 { day 85; collect Notes }\n")); // the name in any case
        Assert.Empty(Ids(Notes + "event death \"Death\" terminal\nvisit Week12 { day 85; collect Notes }\n"));
        Assert.Empty(Ids(Notes + "event withdrawal \"Withdrawal\"\nvisit Week12 { day 85; collect Notes }\n")); // only death
        // A repeating visit that stops at death does not go on; one that stops at other events does, and is named.
        Assert.Empty(Ids(Notes + death + "visit Cycle { every 21 days; until progression or death; collect Notes }\n"));
        var (_, at, message) = Assert.Single(Check(Notes + death + "visit Cycle { every 21 days; until progression; collect Notes }\n"));
        Assert.Equal("death", at);
        Assert.Contains("visit Cycle is still planned", message, System.StringComparison.Ordinal);
        Assert.Contains("or 'until death' to the visit", message, System.StringComparison.Ordinal);
        // A visit placed on death means subjects are seen after it: 'terminal' would rule it out (PIC4015), so a day visit
        // is left alone, and a repeating one is told to stop at death.
        const string autopsy = "visit Autopsy { at death + 30 days; collect Notes }\n";
        Assert.Empty(Ids(Notes + death + autopsy + "visit Week12 { day 85; collect Notes }\n"));
        var (_, _, repeating) = Assert.Single(Check(Notes + death + autopsy + "visit Cycle { every 21 days; until progression; collect Notes }\n"));
        Assert.Contains("add 'until death' to the visit ('terminal' would rule out", repeating, System.StringComparison.Ordinal);
        // An unscheduled visit is planned on no day.
        Assert.Empty(Ids(death + "visit Extra { unscheduled; collect Vitals }\n"));
    }

    [Fact]
    public void Consistency_checks_wait_until_the_file_has_no_other_error()
    {
        // An unknown unit (PIC2001) and a form nobody collects: only the first is reported.
        var ids = ProtocolCompiler.Compile(TestProtocols.With("form Labs { field alt quantity kgs }\n")).Diagnostics.Select(d => d.Id);
        Assert.Equal(new[] { "PIC2001" }, ids);
    }
}
