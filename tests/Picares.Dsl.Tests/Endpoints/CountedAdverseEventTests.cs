using System;
using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Runtime.Endpoints;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;
using static Picares.Dsl.Tests.Endpoints.SubjectRecords;

namespace Picares.Dsl.Tests.Endpoints;

/// <summary>
/// An incidence endpoint that counts some adverse events: those with an onset in a period from the start
/// (<c>onset_within</c>, such as a dose-limiting toxicity period) and those that meet a condition (<c>count_when</c>).
/// An event whose condition cannot be told is not counted, and is listed with why.
/// </summary>
public class CountedAdverseEventTests
{
    private static AdverseEventRecord Meets(int occurrence, int day, bool? meets, int grade = 4) => Ae(occurrence, "Neutropenia", grade, day) with { MeetsCondition = meets };

    [Fact]
    public void Only_events_with_an_onset_in_the_first_days_count()
    {
        // Day 0 is the start's day, the first of 21: day 20 is the last in the period, day 21 the first after it.
        var s = IncidenceDerivation.Derive("A", "first_dose", Start, new[] { Ae(1, "Rash", 2, 0), Ae(2, "Fatigue", 3, 20), Ae(3, "Neutropenia", 4, 21) }, onsetWithinDays: 21);
        Assert.Equal(new[] { 1, 2 }, s.Used.Select(r => r.Occurrence));
        Assert.Equal(3, s.WorstGrade);
        var late = Assert.Single(s.NotUsed);
        Assert.Equal("AdverseEvents#3: onset after the first 21 days from the start (on or after 2026-01-26)", late.ToString());
    }

    [Fact]
    public void Only_events_that_meet_the_condition_count_and_an_unknown_one_is_listed()
    {
        var s = IncidenceDerivation.Derive("A", "first_dose", Start, new[] { Meets(1, 3, true), Meets(2, 4, false), Meets(3, 5, null) }, countWhen: "AE.dlt");
        Assert.Equal(1, Assert.Single(s.Used).Occurrence);
        Assert.Equal(new[] { "AdverseEvents#2: does not meet count_when AE.dlt", "AdverseEvents#3: count_when AE.dlt cannot be told: a field it reads is missing" },
            s.NotUsed.Select(u => u.ToString()));
        // An unknown event no worse than one already counted changes nothing: the subject is analysed, with its counted event.
        Assert.True(s.IsAnalysed);
        // One that could make the subject's worst grade worse, or its only event, leaves it out: missing data never count as a
        // subject without the event, and an event already counted is never dropped for it either.
        var worse = IncidenceDerivation.Derive("B", "first_dose", Start, new[] { Meets(1, 3, true, grade: 3), Meets(2, 5, null, grade: 4) }, countWhen: "AE.dlt");
        Assert.False(worse.IsAnalysed);
        Assert.Equal("whether AdverseEvents#2 counts cannot be told (count_when AE.dlt: a field it reads is missing)", worse.NotAnalysedBecause);
        var none = IncidenceDerivation.Derive("C", "first_dose", Start, new[] { Meets(1, 3, null) }, countWhen: "AE.dlt");
        Assert.False(none.IsAnalysed);
        var told = IncidenceDerivation.Derive("D", "first_dose", Start, new[] { Meets(1, 3, false) }, countWhen: "AE.dlt");
        Assert.True(told.IsAnalysed);
        Assert.Null(told.NotAnalysedBecause);
        var summary = IncidenceSummary.Summarize(new[] { s, worse, none, told });
        Assert.Equal((4, 2, 1), (summary.Subjects, summary.Analysed, summary.AnyEvent.AnyGrade.Count));
    }

    [Fact]
    public void A_period_the_cutoff_ends_early_is_not_a_period_without_events()
    {
        // Started on day 0, cut off on day 19: days 1 to 19 of a 21-day period seen. Nothing counted yet is not "no DLT".
        var open = IncidenceDerivation.Derive("A", "first_dose", Start, new[] { Ae(1, "Rash", 1, 30) }, Day(19), onsetWithinDays: 21);
        Assert.False(open.IsAnalysed);
        Assert.Equal("its 21-day period of onset ends after the data cut-off (2026-01-24), with no event counted so far", open.NotAnalysedBecause);
        // An event already counted decides it; so does a period seen to its last day (day 20, the 21st from the start).
        Assert.True(IncidenceDerivation.Derive("B", "first_dose", Start, new[] { Ae(1, "Rash", 3, 5) }, Day(19), onsetWithinDays: 21).IsAnalysed);
        Assert.True(IncidenceDerivation.Derive("C", "first_dose", Start, Array.Empty<AdverseEventRecord>(), Day(20), onsetWithinDays: 21).IsAnalysed);
        Assert.True(IncidenceDerivation.Derive("D", "first_dose", Start, Array.Empty<AdverseEventRecord>(), Day(19)).IsAnalysed); // no period
    }

    private static DoseRecord Dose(int occurrence, int? day) => new("Dosing", occurrence, day is { } d ? Day(d) : null);

    [Fact]
    public void Only_events_up_to_the_days_after_the_last_dose_count()
    {
        // Doses on days 0, 21 and 42: the last is day 42, and an onset on day 72 (30 days after) still counts, day 73 not.
        var s = IncidenceDerivation.Derive("A", "first_dose", Start, new[] { Ae(1, "Rash", 2, 50), Ae(2, "Colitis", 3, 72), Ae(3, "Fatigue", 1, 73) }, null,
            doses: new[] { Dose(1, 0), Dose(2, 42), Dose(3, 21) }, daysAfterLastDose: 30);
        Assert.True(s.IsAnalysed);
        Assert.Equal(new[] { 1, 2 }, s.Used.Select(r => r.Occurrence));
        Assert.Equal("AdverseEvents#3: onset more than 30 days after the last dose (2026-02-16)", Assert.Single(s.NotUsed).ToString());
    }

    [Fact]
    public void After_each_dose_only_events_from_a_doses_day_to_the_days_after_it_count()
    {
        // A vaccine given on days 0 and 28, solicited reactions in the 7 days after each (the dose's day and 6 more): onsets on
        // days 0, 6, 28 and 34 count; days 7, 27 and 35 do not.
        var events = new[] { Ae(1, "Pain", 1, 0), Ae(2, "Fever", 2, 6), Ae(3, "Fatigue", 1, 7), Ae(4, "Rash", 1, 27), Ae(5, "Pain", 2, 28), Ae(6, "Fever", 3, 34), Ae(7, "Pain", 1, 35) };
        var s = IncidenceDerivation.Derive("A", "first_dose", Start, events, null, doses: new[] { Dose(2, 28), Dose(1, 0) }, daysAfterLastDose: 6, afterEachDose: true);
        Assert.True(s.IsAnalysed);
        Assert.Equal(new[] { 1, 2, 5, 6 }, s.Used.Select(r => r.Occurrence));
        Assert.Equal(new[] { 3, 4, 7 }, s.NotUsed.Select(u => u.Record.Occurrence));
        Assert.Equal("AdverseEvents#3: onset not on the day of a dose or in the 6 days after it", s.NotUsed[0].ToString());
        // Up to 6 days after the last dose instead, days 7 and 27 count too, and only day 35 is out.
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, IncidenceDerivation.Derive("B", "first_dose", Start, events, null, doses: new[] { Dose(2, 28), Dose(1, 0) }, daysAfterLastDose: 6)
            .Used.Select(r => r.Occurrence));
    }

    [Fact]
    public void After_each_dose_an_event_a_dose_without_a_date_could_cover_is_not_taken_as_outside()
    {
        // The second dose's date is missing: an onset on day 30 may follow it, and is the worst event, so the subject is left out.
        var unplaced = IncidenceDerivation.Derive("A", "first_dose", Start, new[] { Ae(1, "Pain", 1, 2), Ae(2, "Fever", 3, 30) }, null,
            doses: new[] { Dose(1, 0), Dose(2, null) }, daysAfterLastDose: 6, afterEachDose: true);
        Assert.False(unplaced.IsAnalysed);
        Assert.Equal("whether AdverseEvents#2 falls within 6 days after a dose cannot be told: Dosing#2 has no date", unplaced.NotAnalysedBecause);
        // A milder one cannot change the worst grade: analysed.
        Assert.True(IncidenceDerivation.Derive("B", "first_dose", Start, new[] { Ae(1, "Pain", 3, 2), Ae(2, "Fever", 1, 30) }, null,
            doses: new[] { Dose(1, 0), Dose(2, null) }, daysAfterLastDose: 6, afterEachDose: true).IsAnalysed);
    }

    [Fact]
    public void A_dose_without_a_date_leaves_out_only_what_it_could_change()
    {
        // The undated dose could only be later than day 0: an onset on day 50 may or may not fall in the period, and it would be
        // the subject's only event, so the subject is not analysed.
        var unplaced = IncidenceDerivation.Derive("A", "first_dose", Start, new[] { Ae(1, "Rash", 2, 50) }, null, doses: new[] { Dose(1, 0), Dose(2, null) }, daysAfterLastDose: 30);
        Assert.False(unplaced.IsAnalysed);
        Assert.Equal("whether AdverseEvents#1 falls within 30 days of the last dose cannot be told: Dosing#2 has no date", unplaced.NotAnalysedBecause);
        // An onset within 30 days of the last dated dose counts whatever the undated dose's date: the subject is analysed.
        var known = IncidenceDerivation.Derive("B", "first_dose", Start, new[] { Ae(1, "Rash", 2, 20), Ae(2, "Cough", 1, 50) }, null, doses: new[] { Dose(1, 0), Dose(2, null) }, daysAfterLastDose: 30);
        Assert.True(known.IsAnalysed);
        Assert.Equal(new[] { 1 }, known.Used.Select(r => r.Occurrence));
        var none = IncidenceDerivation.Derive("C", "first_dose", Start, new[] { Ae(1, "Rash", 2, 50) }, null, doses: Array.Empty<DoseRecord>(), daysAfterLastDose: 30);
        Assert.False(none.IsAnalysed);
        Assert.Equal("no dose is recorded on or before the cut-off: the period after the last dose has no end", none.NotAnalysedBecause);
        Assert.Throws<ArgumentOutOfRangeException>(() => IncidenceDerivation.Derive("D", "first_dose", Start, Array.Empty<AdverseEventRecord>(), daysAfterLastDose: -1));
    }

    [Fact]
    public void A_dose_after_the_cutoff_does_not_move_the_period_seen_at_the_cutoff()
    {
        // Cut off on day 100, with a dose on day 120 entered later: the last dose at the cut-off is day 42, so day 80 is out.
        var s = IncidenceDerivation.Derive("A", "first_dose", Start, new[] { Ae(1, "Rash", 2, 60), Ae(2, "Colitis", 3, 80) }, Day(100),
            doses: new[] { Dose(1, 0), Dose(2, 42), Dose(3, 120) }, daysAfterLastDose: 30);
        Assert.Equal(new[] { 1 }, s.Used.Select(r => r.Occurrence));
        Assert.Equal(new[] { "Dosing#3: after the data cut-off (2026-04-15)", "AdverseEvents#2: onset more than 30 days after the last dose (2026-02-16)" },
            s.NotUsed.Select(u => u.ToString()));
        // With nothing counted, a cut-off on day 19 ends a 21-day period early (its last day is day 20); but a 60-day period
        // that 10 days after a single dose on day 0 already closed on day 10 is seen whole.
        Assert.False(IncidenceDerivation.Derive("B", "first_dose", Start, Array.Empty<AdverseEventRecord>(), Day(19), onsetWithinDays: 21, doses: new[] { Dose(1, 0) }, daysAfterLastDose: 30).IsAnalysed);
        Assert.True(IncidenceDerivation.Derive("C", "first_dose", Start, Array.Empty<AdverseEventRecord>(), Day(19), onsetWithinDays: 60, doses: new[] { Dose(1, 0) }, daysAfterLastDose: 10).IsAnalysed);
    }

    [Theory]
    [InlineData("  onset_until last Dosing.given + 30 days\n", "")]
    [InlineData("  onset_until last Dosing.given + 0 days\n", "")]
    [InlineData("  onset_until each Dosing.given + 6 days\n", "")]
    [InlineData("  onset_until {|PIC1003:first|} Dosing.given + 30 days\n", "")]
    [InlineData("  onset_until last {|PIC1003:Dosing.dose|} + 30 days\n", "")]
    [InlineData("  onset_until last {|PIC1003:Dosing.other|} + 30 days\n", "")]
    [InlineData("  onset_until last Dosing.given + {|PIC2011:1 month|}\n", "")]
    [InlineData("  {|PIC1002:onset_until|} last Dosing.given + 30 days\n", "summary")]
    public void The_days_after_the_last_dose_are_read_or_reported_at_their_place(string statement, string kind)
    {
        var body = AeForm + "form Dosing { repeating; field given date; field other date; field dose quantity mg }\nvisit Dose \"Dose\" { every 21 days from first_dose; max 6; collect Dosing }\n" +
            "endpoint DLT primary \"DLT\" {\n  kind " + (kind == "" ? "incidence" : kind) + "\n  data AE.grade, AE.term, AE.onset, Dosing.given, Dosing.dose\n  start first_dose\n" + statement + "}\n";
        var (text, expected) = Markup.Parse(TestProtocols.With(body));
        var result = ProtocolCompiler.Compile(text);
        Assert.Equal(expected, result.Diagnostics.Where(d => d.Severity == Compiler.Diagnostics.Severity.Error && d.Id is not ("PIC2012" or "PIC2013")).Select(d => (d.Id, d.Span)).ToList());
        if (expected.Count == 0)
            Assert.Equal("Dosing.given", result.Model!.Endpoints.Single(e => e.Name == "DLT").LastDoseField);
    }

    [Theory]
    [InlineData("  onset_until\n", "PIC1003")]
    [InlineData("  onset_until last\n", "PIC1003")]
    [InlineData("  onset_until last Dosing.given +\n", "PIC0005")]
    [InlineData("  onset_until last + 30 days\n", "PIC1003")]
    [InlineData("  onset_until last Dosing.given + 36501 days\n", "PIC1003")]
    public void A_malformed_period_after_the_last_dose_is_one_error(string statement, string id)
    {
        var body = AeForm + "form Dosing { repeating; field given date }\nvisit Dose \"Dose\" { every 21 days from first_dose; max 6; collect Dosing }\n" +
            "endpoint DLT primary \"DLT\" {\n  kind incidence\n  data AE.grade, AE.term, AE.onset, Dosing.given\n  start first_dose\n" + statement + "}\n";
        var errors = ProtocolCompiler.Compile(TestProtocols.With(body)).Diagnostics.Where(d => d.Severity == Compiler.Diagnostics.Severity.Error).ToList();
        Assert.Equal(id, Assert.Single(errors).Id);
        // And without the start it counts from, PIC1006.
        var noStart = ProtocolCompiler.Compile(TestProtocols.With(body.Replace(statement, "  onset_until last Dosing.given + 30 days\n").Replace("  start first_dose\n", ""))).Diagnostics;
        Assert.Contains(noStart, d => d.Id == "PIC1006" && d.Message.Contains("onset_until counts from its start", StringComparison.Ordinal));
    }

    [Fact]
    public void Picares_safety_counts_treatment_emergent_events()
    {
        var safety = ProtocolCompiler.Compile(Repository.Picares).Model!.Endpoints.Single(e => e.Name == "Safety");
        Assert.Equal(("Dosing.administration_date", 30), (safety.LastDoseField, safety.DaysAfterLastDose));
    }

    [Fact]
    public void An_event_without_its_onset_or_its_grade_is_not_taken_as_no_event()
    {
        // Without its onset, a grade-4 event may be treatment-emergent: the subject's worst grade (2 so far) cannot be told.
        var undated = IncidenceDerivation.Derive("A", "first_dose", Start, new[] { Ae(1, "Rash", 2, 5), Ae(2, "Colitis", 4, null) });
        Assert.False(undated.IsAnalysed);
        Assert.Equal("the onset date of AdverseEvents#2 is missing: whether it counts cannot be told", undated.NotAnalysedBecause);
        // No worse than what is counted: it changes nothing.
        Assert.True(IncidenceDerivation.Derive("B", "first_dose", Start, new[] { Ae(1, "Rash", 3, 5), Ae(2, "Cough", 1, null) }).IsAnalysed);
        // Without its grade, an event after the start is an event of a grade not known: only a grade 5 already counted decides.
        var ungraded = IncidenceDerivation.Derive("C", "first_dose", Start, new[] { Ae(1, "Rash", null, 5) });
        Assert.False(ungraded.IsAnalysed);
        Assert.Equal("the grade of AdverseEvents#1 is missing: the subject's worst grade cannot be told", ungraded.NotAnalysedBecause);
        Assert.True(IncidenceDerivation.Derive("D", "first_dose", Start, new[] { Ae(1, "Pneumonitis", 5, 9), Ae(2, "Rash", null, 5) }).IsAnalysed);
        Assert.True(IncidenceDerivation.Derive("E", "first_dose", Start, new[] { Ae(1, "Rash", null, -5) }).IsAnalysed); // before the start
        // Outside a DLT period, or not meeting count_when, it would not count whatever its grade.
        Assert.True(IncidenceDerivation.Derive("F", "first_dose", Start, new[] { Ae(1, "Rash", null, 40) }, onsetWithinDays: 21).IsAnalysed);
        Assert.True(IncidenceDerivation.Derive("G", "first_dose", Start, new[] { Ae(1, "Rash", null, 4) with { MeetsCondition = false } }, countWhen: "AE.dlt").IsAnalysed);
    }

    [Fact]
    public void A_period_of_no_days_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IncidenceDerivation.Derive("A", "first_dose", Start, Array.Empty<AdverseEventRecord>(), onsetWithinDays: 0));

    private const string AeForm =
        "codelist Relation { code unrelated \"Unrelated\"; code possible \"Possible\"; code probable \"Probable\"; code definite \"Definite\" }\n" +
        "form AE { repeating; field onset date; field term text; field grade integer; field dlt boolean; field relation code Relation }\n" +
        "form Other { field flag boolean }\n" +
        "visit Cycle { every 21 days from first_dose; max 6; collect AE }\nvisit Entry { day -7 from first_dose; collect Other }\n";

    private static string Dlt(string statements, string kind = "incidence") => TestProtocols.With(AeForm +
        $"endpoint DLT primary \"DLT\" {{\n  kind {kind}\n  data AE.grade, AE.term, AE.onset\n  start first_dose\n{statements}}}\n");

    [Fact]
    public void The_period_and_the_condition_are_in_the_model()
    {
        var result = ProtocolCompiler.Compile(Dlt("  onset_within 3 weeks\n  count_when AE.dlt and AE.relation in [possible, probable, definite]\n"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var dlt = result.Model!.Endpoints.Single(e => e.Name == "DLT");
        Assert.Equal(21, dlt.OnsetWithinDays);
        Assert.Equal("AE.dlt and AE.relation in [possible, probable, definite]", dlt.CountWhenText);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "PIC4012" && d.Message.Contains("AE.dlt", StringComparison.Ordinal)); // count_when reads it
    }

    [Theory]
    [InlineData("  {|PIC1002:onset_within|} 21 days\n", "objective_response")]
    [InlineData("  {|PIC1002:count_when|} AE.dlt\n", "summary")]
    [InlineData("  onset_within {|PIC2011:1 month|}\n", "incidence")]
    [InlineData("  onset_within {|PIC1003:0 days|}\n", "incidence")]
    [InlineData("  count_when {|PIC2005:AE.grade|}\n", "incidence")]
    [InlineData("  count_when {|PIC1003:Other.flag|}\n", "incidence")]
    [InlineData("  count_when AE.dlt and AE.{|PIC1005:dl|}\n", "incidence")]
    public void Each_mistake_is_reported_at_its_place(string statements, string kind)
    {
        var (text, expected) = Markup.Parse(Dlt(statements, kind));
        var errors = ProtocolCompiler.Compile(text).Diagnostics.Where(d => d.Severity == Compiler.Diagnostics.Severity.Error && d.Id is not ("PIC2012" or "PIC2013")).Select(d => (d.Id, d.Span)).ToList();
        Assert.Equal(expected, errors);
    }

    [Fact]
    public void A_period_needs_the_start_it_counts_from()
    {
        var text = Dlt("  onset_within 21 days\n").Replace("  start first_dose\n", "");
        var d = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics, x => x.Id == "PIC1006");
        Assert.Contains("onset_within counts from its start", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_on_another_form_says_which_form_it_reads()
    {
        var d = Assert.Single(ProtocolCompiler.Compile(Dlt("  count_when Other.flag\n")).Diagnostics, x => x.Id == "PIC1003");
        Assert.Contains("a condition on the fields of AE, the form of the events it counts, read from each event; it reads Other.flag", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_derivation_counts_the_events_of_the_period_that_meet_the_condition()
    {
        using var generated = new GeneratedAssembly(Dlt("  onset_within 21 days\n  count_when AE.dlt and AE.relation in [possible, probable, definite]\n"), "dlt");
        var relation = generated.Type("TProtocol", "Crf+Relation");
        var subject = generated.NewSubject("TProtocol", Start, "S-1");
        void Add(int day, int grade, bool? dlt, string? related) => generated.AddOccurrence("TProtocol", subject, "AE",
            ("Onset", (DateTime?)Day(day)), ("Term", "Neutropenia"), ("Grade", (int?)grade), ("Dlt", dlt),
            ("Relation", related is null ? null : Enum.Parse(relation, related, ignoreCase: true)));
        Add(2, 3, true, "probable");   // counts
        Add(3, 4, true, "unrelated");  // not related
        Add(4, 4, false, "definite");   // not a DLT
        Add(5, 4, null, "definite");    // unknown: not counted, listed
        Add(25, 5, true, "definite");   // after the period
        var result = generated.Analyse<SubjectIncidence>("TProtocol", "DLT", subject);
        Assert.Equal(new[] { 1 }, result.Used.Select(r => r.Occurrence));
        Assert.Equal(3, result.WorstGrade);
        Assert.Equal(new[] { 2, 3, 4, 5 }, result.NotUsed.Select(u => u.Record.Occurrence));
        Assert.False(result.IsAnalysed); // event 4's DLT flag is missing: whether the subject's worst DLT is grade 4, not 3, cannot be told
        Assert.Contains("cannot be told", result.NotUsed[2].Reason, StringComparison.Ordinal);
        Assert.StartsWith("onset after the first 21 days", result.NotUsed[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_derivation_counts_the_reactions_after_each_dose()
    {
        var body = AeForm + "form Dosing { repeating; field given date }\nvisit Dose \"Dose\" { every 28 days from first_dose; max 2; collect Dosing }\n" +
            "endpoint Solicited primary \"Solicited reactions within 7 days after each dose\" {\n  kind incidence\n  data AE.grade, AE.term, AE.onset, Dosing.given\n" +
            "  start first_dose\n  onset_until each Dosing.given + 6 days\n}\n";
        var model = ProtocolCompiler.Compile(TestProtocols.With(body)).Model!;
        Assert.True(model.Endpoints.Single(e => e.Name == "Solicited").AfterEachDose);
        using var generated = new GeneratedAssembly(TestProtocols.With(body), "solicited");
        var subject = generated.NewSubject("TProtocol", Start, "S-1");
        generated.AddOccurrence("TProtocol", subject, "Dosing", ("Given", (DateTime?)Day(0)));
        generated.AddOccurrence("TProtocol", subject, "Dosing", ("Given", (DateTime?)Day(28)));
        foreach (var (day, grade) in new[] { (3, 1), (15, 3), (30, 2) })
            generated.AddOccurrence("TProtocol", subject, "AE", ("Onset", (DateTime?)Day(day)), ("Term", "Fever"), ("Grade", (int?)grade));
        var result = generated.Analyse<SubjectIncidence>("TProtocol", "Solicited", subject);
        Assert.Equal(new[] { 1, 3 }, result.Used.Select(r => r.Occurrence));
        Assert.Equal(2, result.WorstGrade);
        var info = (Picares.Dsl.Runtime.Model.EndpointInfo)generated.Type("TProtocol", "Endpoints").GetProperty("Solicited")!.GetValue(null)!;
        Assert.True(info.AfterEachDose);
    }
}
