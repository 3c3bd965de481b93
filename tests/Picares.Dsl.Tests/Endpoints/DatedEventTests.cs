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
}
