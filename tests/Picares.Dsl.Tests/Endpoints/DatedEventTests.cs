using System;
using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Runtime.Endpoints;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;
using static Picares.Dsl.Tests.Endpoints.SubjectRecords;

namespace Picares.Dsl.Tests.Endpoints;

/// <summary>
/// Time to an event other than progression and death (a cardiovascular event, a rescue therapy): the endpoint names the
/// date field that records it (<c>event_date</c>), and the event is the earliest such date on or after the start.
/// </summary>
public class DatedEventTests
{
    private static readonly TimeToEventDefinition Definition = new("TTM", "randomization", false, true, CensoringRule.LastKnownAlive);

    private static DatedEventRecord D(int occurrence, string name, int? day) => new("Outcomes", occurrence, name, day is { } d ? Day(d) : null);

    [Fact]
    public void The_earliest_dated_event_after_the_start_ends_the_time()
    {
        var s = TimeToEventEndpoint.Derive(Definition, "A", Start, Array.Empty<ResponseRecord>(), new[] { V(1, 90, "alive") }, null,
            datedEvents: new[] { D(1, "mace", null), D(2, "rescue", 60), D(3, "mace", 40), D(4, "mace", -3) });
        Assert.Equal(("mace", Day(40), 40d), (s.Event, s.Date, s.Observation!.Value.TimeInDays));
        Assert.Equal("mace at Outcomes#3", s.Basis);
        // A record before the start is listed; so is one with no date, read as no event (it may be an event whose date is missing).
        Assert.Equal(new[] { "Outcomes#1: no date: read as no mace", "Outcomes#4: before the start (2026-01-05)" }, s.NotUsed.Select(u => u.ToString()));
    }

    [Fact]
    public void A_death_before_the_dated_event_is_the_event_and_without_either_the_subject_is_censored()
    {
        var died = TimeToEventEndpoint.Derive(Definition, "A", Start, Array.Empty<ResponseRecord>(), new[] { V(1, 30, "dead", 30) }, null,
            datedEvents: new[] { D(1, "mace", 35) });
        Assert.Equal("death", died.Event);
        var censored = TimeToEventEndpoint.Derive(Definition, "B", Start, Array.Empty<ResponseRecord>(), new[] { V(1, 84, "alive") }, Day(100),
            datedEvents: new[] { D(1, "mace", 120), D(2, "mace", null) });
        Assert.Null(censored.Event);
        Assert.Equal(Day(84), censored.Date);
        Assert.Equal(new[] { "Outcomes#1: after the data cut-off (2026-04-15)", "Outcomes#2: no date: read as no mace" }, censored.NotUsed.Select(u => u.ToString()));
    }

    private const string Forms =
        "event mace \"Major adverse cardiovascular event\"\nevent rescue \"Rescue therapy\"\nevent death \"Death\" terminal\n" +
        "codelist VitalStatus { code alive \"Alive\"; code dead \"Dead\" }\n" +
        "form Outcomes { repeating; field mace_date date; field rescue_date date; field note text }\n" +
        "form Survival { repeating; field contact date; field status code VitalStatus }\n" +
        "visit FollowUp \"Follow-up\" { every 12 weeks from first_dose; until death; max 20; collect Outcomes, Survival }\n";

    private static string Ttm(string statements, string events = "mace or rescue or death", string kind = "time_to_event") => TestProtocols.With(Forms +
        $"endpoint TTM secondary \"Time to MACE\" {{\n  kind {kind}\n  data Outcomes.mace_date, Outcomes.rescue_date, Survival.contact, Survival.status\n" +
        $"  start first_dose\n  event {events}\n{statements}  censor_at last_known_alive\n}}\n");

    [Fact]
    public void Each_event_gets_its_date_field_as_its_part()
    {
        var result = ProtocolCompiler.Compile(Ttm("  event_date mace Outcomes.mace_date\n  event_date rescue Outcomes.rescue_date\n"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var roles = result.Model!.Endpoints.Single(e => e.Name == "TTM").Roles.Select(r => $"{r.Role}{(r.Event is { } e ? ":" + e : "")}={r.Form}.{r.Field}").ToArray();
        Assert.Contains("event_date:mace=Outcomes.mace_date", roles);
        Assert.Contains("event_date:rescue=Outcomes.rescue_date", roles);
        Assert.Contains("status_date=Survival.contact", roles);
    }

    [Theory]
    [InlineData("  event_date mace Outcomes.mace_date\n", "mace or {|PIC2015:rescue|} or death")]
    [InlineData("  event_date {|PIC1003:death|} Outcomes.mace_date\n  event_date mace Outcomes.mace_date\n  event_date rescue Outcomes.rescue_date\n", "mace or rescue or death")]
    [InlineData("  event_date {|PIC1003:rescue|} Outcomes.rescue_date\n  event_date mace Outcomes.mace_date\n", "mace or death")]
    [InlineData("  event_date mace {|PIC1003:Outcomes.note|}\n  event_date rescue Outcomes.rescue_date\n", "mace or rescue or death")]
    [InlineData("  event_date mace Outcomes.mace_date\n  {|PIC1007:event_date|} mace Outcomes.rescue_date\n  event_date rescue Outcomes.rescue_date\n", "mace or rescue or death")]
    public void Each_mistake_is_reported_at_its_place(string statements, string events)
    {
        var (text, expected) = Markup.Parse(Ttm(statements, events));
        Assert.Equal(expected, ProtocolCompiler.Compile(text).Diagnostics.Where(d => d.Severity == Compiler.Diagnostics.Severity.Error).Select(d => (d.Id, d.Span)).ToList());
    }

    [Fact]
    public void An_event_named_twice_is_reported_and_emits_nothing_twice()
    {
        var (text, expected) = Markup.Parse(Ttm("  event_date mace Outcomes.mace_date\n  event_date rescue Outcomes.rescue_date\n", "mace or {|PIC1003:mace|} or rescue or death"));
        Assert.Equal(expected, ProtocolCompiler.Compile(text).Diagnostics.Where(d => d.Severity == Compiler.Diagnostics.Severity.Error).Select(d => (d.Id, d.Span)).ToList());
    }

    [Theory]
    [InlineData("censor_after_gap 14 weeks")]
    [InlineData("censor_at_new_therapy Outcomes.rescue_date")]
    public void Censorings_at_tumour_assessments_need_progression_among_the_events(string censoring)
    {
        var text = TestProtocols.With(TestProtocols.TumorForm + Forms +
            "endpoint TTM secondary \"t\" {\n  kind time_to_event\n  data Tumor.scan, Tumor.response, Outcomes.mace_date, Outcomes.rescue_date\n  start first_dose\n  event mace\n" +
            $"  event_date mace Outcomes.mace_date\n  censor_at last_assessment\n  {censoring}\n}}\n");
        var d = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics, x => x.Severity == Compiler.Diagnostics.Severity.Error);
        Assert.Equal("PIC2015", d.Id);
        Assert.Contains("so the endpoint's events include progression; add 'progression' to 'event'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_without_its_date_says_how_to_name_it()
    {
        var d = Assert.Single(ProtocolCompiler.Compile(Ttm("  event_date mace Outcomes.mace_date\n")).Diagnostics, x => x.Id == "PIC2015");
        Assert.EndsWith("for another event, name the date field that records it: 'event_date rescue Form.rescue_date'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_not_in_the_data_or_on_another_kind_is_reported()
    {
        var missing = Assert.Single(ProtocolCompiler.Compile(Ttm("  event_date mace Outcomes.mace_date\n  event_date rescue Outcomes.rescue_date\n")
            .Replace("data Outcomes.mace_date, Outcomes.rescue_date,", "data Outcomes.mace_date,")).Diagnostics, x => x.Severity == Compiler.Diagnostics.Severity.Error);
        Assert.Equal("'event_date' takes a date field listed in the endpoint's data (the date of rescue): add Outcomes.rescue_date to 'data'; write it as: data ..., Outcomes.rescue_date", missing.Message);
        var (text, expected) = Markup.Parse(TestProtocols.With(Forms + "endpoint S exploratory \"s\" { kind summary; data Outcomes.mace_date; {|PIC1002:event_date|} mace Outcomes.mace_date }\n"));
        Assert.Equal(expected, ProtocolCompiler.Compile(text).Diagnostics.Where(d => d.Severity == Compiler.Diagnostics.Severity.Error).Select(d => (d.Id, d.Span)).ToList());
    }

    [Fact]
    public void The_generated_derivation_reads_each_events_date()
    {
        using var generated = new GeneratedAssembly(Ttm("  event_date mace Outcomes.mace_date\n  event_date rescue Outcomes.rescue_date\n"), "mace");
        var subject = generated.NewSubject("TProtocol", Start);
        void Add(int? mace, int? rescue) => generated.AddOccurrence("TProtocol", subject, "Outcomes",
            ("MaceDate", mace is { } m ? Day(m) : (DateTime?)null), ("RescueDate", rescue is { } r ? Day(r) : (DateTime?)null));
        Add(null, 70);
        Add(50, null);
        var result = generated.Analyse<SubjectTimeToEvent>("TProtocol", "TTM", subject);
        Assert.Equal(("mace", 50d), (result.Event, result.Observation!.Value.TimeInDays));
        Assert.Equal("mace at Outcomes#2", result.Basis);
    }

    private static DatedEventRecord Q(int occurrence, int day, bool? isEvent) => new("Outcomes", occurrence, "bleed", Day(day), isEvent, "Outcomes.class == Bleed.major");

    [Fact]
    public void Records_an_event_dates_condition_rules_out_are_not_the_event()
    {
        // A minor bleed on day 20, a major one on day 45: the event is the major one.
        var s = TimeToEventEndpoint.Derive(Definition, "A", Start, Array.Empty<ResponseRecord>(), new[] { V(1, 90, "alive") }, null,
            datedEvents: new[] { Q(1, 20, false), Q(2, 45, true) });
        Assert.Equal(("bleed", 45d), (s.Event, s.Observation!.Value.TimeInDays));
        Assert.Equal("Outcomes#1: not a bleed: does not meet Outcomes.class == Bleed.major", Assert.Single(s.NotUsed).ToString());
    }

    [Fact]
    public void A_record_the_condition_cannot_be_told_of_before_the_event_leaves_the_subject_unanalysed()
    {
        // Unclassified on day 20, major on day 45: the event is on day 20 or day 45, which missing data cannot tell.
        var before = TimeToEventEndpoint.Derive(Definition, "A", Start, Array.Empty<ResponseRecord>(), new[] { V(1, 90, "alive") }, null,
            datedEvents: new[] { Q(1, 20, null), Q(2, 45, true) });
        Assert.False(before.IsAnalysed);
        Assert.StartsWith("whether Outcomes#1 on 2026-01-25 is a bleed cannot be told (Outcomes.class == Bleed.major reads a missing field)", before.Basis, StringComparison.Ordinal);
        // Without any other event either: not censored as event-free.
        Assert.False(TimeToEventEndpoint.Derive(Definition, "B", Start, Array.Empty<ResponseRecord>(), new[] { V(1, 90, "alive") }, null,
            datedEvents: new[] { Q(1, 20, null) }).IsAnalysed);
        // After the event it changes nothing.
        var after = TimeToEventEndpoint.Derive(Definition, "C", Start, Array.Empty<ResponseRecord>(), new[] { V(1, 90, "alive") }, null,
            datedEvents: new[] { Q(1, 60, null), Q(2, 45, true) });
        Assert.Equal(("bleed", 45d), (after.Event, after.Observation!.Value.TimeInDays));
    }

    [Fact]
    public void A_record_that_is_the_event_but_has_no_date_leaves_the_subject_unanalysed()
    {
        var undated = new DatedEventRecord("Outcomes", 1, "bleed", null, true, "Outcomes.class == Bleed.major");
        var s = TimeToEventEndpoint.Derive(Definition, "A", Start, Array.Empty<ResponseRecord>(), new[] { V(1, 90, "alive") }, null,
            datedEvents: new[] { undated, Q(2, 45, true) });
        Assert.False(s.IsAnalysed);
        Assert.Equal("the date of Outcomes#1, a bleed, is missing: whether it comes first cannot be told", s.Basis);
        // Ruled out by its condition, it is no event, dated or not.
        Assert.True(TimeToEventEndpoint.Derive(Definition, "B", Start, Array.Empty<ResponseRecord>(), new[] { V(1, 90, "alive") }, null,
            datedEvents: new[] { undated with { IsEvent = false }, Q(2, 45, true) }).IsAnalysed);
    }

    [Fact]
    public void A_record_the_condition_cannot_be_told_of_that_changes_nothing_either_way_leaves_the_subject_analysed()
    {
        // PFS with censoring after a 98-day gap in the scans: the last adequate scan is on day 50, so a bleed on day 180 or on
        // day 200 is censored at day 50 either way.
        var gap = new TimeToEventDefinition("PFS", "randomization", true, true, CensoringRule.LastAssessment, CensorAfterGapDays: 98);
        var s = TimeToEventEndpoint.Derive(gap, "A", Start, new[] { R(1, 50, "SD") }, Array.Empty<VitalStatusRecord>(), null,
            datedEvents: new[] { Q(1, 180, null), Q(2, 200, true) });
        Assert.True(s.IsAnalysed);
        Assert.Equal((null, Day(50)), (s.Event, s.Date));
    }

    private static string Bleeding(string when) => TestProtocols.With(
        "event bleed \"Major bleeding\"\nevent death \"Death\" terminal\ncodelist VitalStatus { code alive \"Alive\"; code dead \"Dead\" }\n" +
        "codelist Bleed { code major \"Major\"; code minor \"Minor\" }\n" +
        "form Outcomes { repeating; field bleed_date date; field class code Bleed }\nform Survival { repeating; field contact date; field status code VitalStatus }\n" +
        "visit FollowUp \"Follow-up\" { every 12 weeks from first_dose; until death; max 20; collect Outcomes, Survival }\n" +
        "endpoint TTB secondary \"Time to major bleeding\" {\n  kind time_to_event\n  data Outcomes.bleed_date, Survival.contact, Survival.status\n" +
        $"  start first_dose\n  event bleed or death\n  event_date bleed Outcomes.bleed_date {when}\n  censor_at last_known_alive\n}}\n");

    [Fact]
    public void An_event_dates_condition_is_bound_and_counts_its_fields_as_read()
    {
        Assert.True(ProtocolCompiler.Compile(Bleeding("when (Outcomes.class == Bleed.major or Outcomes.class == Bleed.minor)")).Succeeded); // "when (...)" reads as a call
        var result = ProtocolCompiler.Compile(Bleeding("when Outcomes.class == Bleed.major"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var condition = Assert.Single(result.Model!.Endpoints.Single(e => e.Name == "TTB").EventConditions);
        Assert.Equal(("bleed", "Outcomes.class == Bleed.major"), (condition.Event, condition.Text));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "PIC4012" && d.Message.Contains("Outcomes.class", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("when {|PIC1003:Survival.status == VitalStatus.dead|}")]     // another form's field: not read from the bleed's record
    [InlineData("{|PIC1003:if Outcomes.class == Bleed.major|}")]
    [InlineData("{|PIC1003:when|}")]
    [InlineData("{|PIC1003:when (Outcomes.class == Bleed.major) extra|}")]
    [InlineData("when {|PIC2005:Outcomes.class|}")]
    public void A_condition_that_cannot_say_which_records_are_the_event_is_reported(string when)
    {
        var (text, expected) = Markup.Parse(Bleeding(when));
        Assert.Equal(expected, ProtocolCompiler.Compile(text).Diagnostics.Where(d => d.Severity == Compiler.Diagnostics.Severity.Error).Select(d => (d.Id, d.Span)).ToList());
    }

    [Fact]
    public void The_generated_derivation_counts_only_the_records_that_meet_the_condition()
    {
        using var generated = new GeneratedAssembly(Bleeding("when Outcomes.class == Bleed.major"), "bleed");
        var subject = generated.NewSubject("TProtocol", Start);
        var bleedCodes = generated.Type("TProtocol", "Crf+Bleed");
        object Code(string name) => Enum.Parse(bleedCodes, name, ignoreCase: true);
        generated.AddOccurrence("TProtocol", subject, "Outcomes", ("BleedDate", (DateTime?)Day(20)), ("Class", Code("minor")));
        generated.AddOccurrence("TProtocol", subject, "Outcomes", ("BleedDate", (DateTime?)Day(45)), ("Class", Code("major")));
        var result = generated.Analyse<SubjectTimeToEvent>("TProtocol", "TTB", subject);
        Assert.Equal(("bleed", 45d), (result.Event, result.Observation!.Value.TimeInDays));
        // An unclassified bleed before it: not analysed.
        generated.AddOccurrence("TProtocol", subject, "Outcomes", ("BleedDate", (DateTime?)Day(10)));
        Assert.False(generated.Analyse<SubjectTimeToEvent>("TProtocol", "TTB", subject).IsAnalysed);
    }
}
