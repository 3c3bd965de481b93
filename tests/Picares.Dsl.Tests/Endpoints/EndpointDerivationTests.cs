using System;
using System.Linq;
using Picares.Dsl.Runtime.Endpoints;
using Xunit;

using static Picares.Dsl.Tests.Endpoints.SubjectRecords;

namespace Picares.Dsl.Tests.Endpoints;

/// <summary>Per-subject derivations and summaries on small cohorts whose results are worked out by hand in the comments.</summary>
public class EndpointDerivationTests
{

    private static readonly TimeToEventDefinition Pfs = new("PFS", "first_dose", Progression: true, Death: true, CensoringRule.LastAssessment);
    private static readonly TimeToEventDefinition Os = new("OS", "first_dose", Progression: false, Death: true, CensoringRule.LastKnownAlive);

    [Fact]
    public void Progression_then_a_later_response_does_not_count()
    {
        var s = ObjectiveResponseDerivation.Derive("S1", "first_dose", Start, new[] { R(1, 42, "SD"), R(2, 84, "PD"), R(3, 126, "PR") });
        Assert.Equal(RecistResponse.SD, s.Result!.Best);
        Assert.False(s.IsResponder);
        Assert.Equal(new[] { 1, 2 }, s.Used.Select(r => r.Occurrence));
        var unused = Assert.Single(s.NotUsed);
        Assert.Equal(3, unused.Record.Occurrence);
        Assert.Contains("after the first progression", unused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_post_baseline_assessment_is_NE_analysed_and_not_a_responder()
    {
        var s = ObjectiveResponseDerivation.Derive("S2", "first_dose", Start, new[] { R(1, -7, "SD"), R(2, 0, "PR") });
        Assert.Equal((RecistResponse.NE, false, true, false), (s.Result!.Best, s.Result.HasPostBaselineAssessment, s.IsAnalysed, s.IsResponder));
        Assert.All(s.NotUsed, u => Assert.StartsWith("baseline", u.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Responses_are_ordered_by_date_and_unusable_records_are_listed()
    {
        var s = ObjectiveResponseDerivation.Derive("S3", "first_dose", Start,
            new[] { R(1, 126, "CR"), R(2, 42, "PR"), new ResponseRecord("TumorAssessment", 3, null, "CR"), R(4, 84, null), R(5, 200, "CR") }, dataCutoff: Day(150));
        Assert.Equal((RecistResponse.CR, Day(126)), (s.Result!.Best, s.Result.BestResponseDate!.Value));
        Assert.Equal(new[] { 2, 1 }, s.Used.Select(r => r.Occurrence));
        Assert.Equal(new[] { (3, "no assessment date"), (4, "no response") }, s.NotUsed.Take(2).Select(u => (u.Record.Occurrence, u.Reason)));
        Assert.StartsWith("after the data cut-off", s.NotUsed[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_response_rate_counts_every_analysed_subject_with_an_exact_interval()
    {
        // 5 analysed: CR, PR, SD, PD, NE (no assessment): 2 responders of 5; a sixth subject without a first dose is not analysed.
        var subjects = new[]
        {
            ObjectiveResponseDerivation.Derive("A", "first_dose", Start, new[] { R(1, 42, "PR"), R(2, 84, "CR") }),
            ObjectiveResponseDerivation.Derive("B", "first_dose", Start, new[] { R(1, 42, "PR") }),
            ObjectiveResponseDerivation.Derive("C", "first_dose", Start, new[] { R(1, 42, "SD") }),
            ObjectiveResponseDerivation.Derive("D", "first_dose", Start, new[] { R(1, 42, "PD"), R(2, 84, "CR") }),
            ObjectiveResponseDerivation.Derive("E", "first_dose", Start, Array.Empty<ResponseRecord>()),
            ObjectiveResponseDerivation.Derive("F", "first_dose", null, new[] { R(1, 42, "CR") }),
        };
        Assert.Equal("the subject has no first_dose date", subjects[5].NotAnalysedReason);
        var summary = ObjectiveResponseSummary.Summarize(subjects);
        Assert.Equal((6, 5, 4), (summary.Subjects, summary.Analysed, summary.Evaluable));
        Assert.Equal(new[] { 1, 1, 1, 1, 1 }, summary.BestResponses.Values);
        Assert.Equal((2, 5), (summary.Rate.Count, summary.Rate.N));
        // Clopper-Pearson 95% for 2/5, as published (e.g. R binom.test): 0.0527 to 0.8534.
        Assert.Equal(0.0527, summary.Rate.Lower!.Value, 4);
        Assert.Equal(0.8534, summary.Rate.Upper!.Value, 4);
    }

    [Fact]
    public void Pfs_event_is_the_first_pd_or_an_earlier_death()
    {
        var pd = TimeToEventEndpoint.Derive(Pfs, "A", Start, new[] { R(1, 42, "SD"), R(2, 84, "PD") }, new[] { V(1, 120, "dead", 110) });
        Assert.Equal(("progression", 84.0, true), (pd.Event, pd.Observation!.Value.TimeInDays, pd.Observation.Value.Event));
        Assert.Equal(2, ((ResponseRecord)Assert.Single(pd.Used)).Occurrence);

        var death = TimeToEventEndpoint.Derive(Pfs, "B", Start, new[] { R(1, 42, "SD") }, new[] { V(1, 60, "alive"), V(2, 75, "dead", 70) });
        Assert.Equal(("death", 70.0), (death.Event, death.Observation!.Value.TimeInDays)); // the date of death, not the contact

        var sameDay = TimeToEventEndpoint.Derive(Pfs, "C", Start, new[] { R(1, 84, "PD") }, new[] { V(1, 84, "dead", 84) });
        Assert.Equal(("progression", 84.0), (sameDay.Event, sameDay.Observation!.Value.TimeInDays));

        var noDeathDate = TimeToEventEndpoint.Derive(Os, "D", Start, Array.Empty<ResponseRecord>(), new[] { V(1, 90, "dead") });
        Assert.Equal(("death", 90.0), (noDeathDate.Event, noDeathDate.Observation!.Value.TimeInDays));
        Assert.Contains("no date of death", noDeathDate.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Pfs_censors_at_the_last_adequate_assessment_or_at_the_start()
    {
        var censored = TimeToEventEndpoint.Derive(Pfs, "A", Start, new[] { R(1, 42, "PR"), R(2, 84, "NE") }, Array.Empty<VitalStatusRecord>());
        Assert.Equal((null, 42.0, false), (censored.Event, censored.Observation!.Value.TimeInDays, censored.Observation.Value.Event));
        Assert.Equal(1, ((ResponseRecord)Assert.Single(censored.Used)).Occurrence); // NE is not adequate

        var none = TimeToEventEndpoint.Derive(Pfs, "B", Start, new[] { R(1, -3, "SD") }, Array.Empty<VitalStatusRecord>());
        Assert.Equal(0.0, none.Observation!.Value.TimeInDays);
        Assert.Empty(none.Used);
        Assert.Single(none.NotUsed);

        var cut = TimeToEventEndpoint.Derive(Pfs, "C", Start, new[] { R(1, 42, "SD"), R(2, 84, "PD") }, Array.Empty<VitalStatusRecord>(), dataCutoff: Day(60));
        Assert.Equal((null, 42.0), (cut.Event, cut.Observation!.Value.TimeInDays)); // the PD after the cut-off is not seen

        var notAnalysed = TimeToEventEndpoint.Derive(Pfs, "D", null, new[] { R(1, 42, "SD") }, Array.Empty<VitalStatusRecord>());
        Assert.False(notAnalysed.IsAnalysed);
        Assert.Single(notAnalysed.NotUsed);
    }

    [Fact]
    public void Os_censors_at_the_last_contact_alive()
    {
        var s = TimeToEventEndpoint.Derive(Os, "A", Start, Array.Empty<ResponseRecord>(), new[] { V(1, 84, "alive"), V(2, 168, "alive"), V(3, 200, "unknown") });
        Assert.Equal((null, 168.0), (s.Event, s.Observation!.Value.TimeInDays));
        Assert.Contains("neither alive nor dead", Assert.Single(s.NotUsed).Reason, StringComparison.Ordinal);
        var endOfStudy = TimeToEventEndpoint.Derive(Os with { Censoring = CensoringRule.EndOfStudy }, "B", Start, Array.Empty<ResponseRecord>(), new[] { V(1, 84, "alive") }, Day(365));
        Assert.Equal(365.0, endOfStudy.Observation!.Value.TimeInDays);
        Assert.False(TimeToEventEndpoint.Derive(Os with { Censoring = CensoringRule.EndOfStudy }, "C", Start, Array.Empty<ResponseRecord>(), Array.Empty<VitalStatusRecord>()).IsAnalysed);
    }

    [Fact]
    public void Kaplan_Meier_summary_with_an_event_and_a_censoring_on_the_same_day()
    {
        // A: PD day 42; B: censored day 42 (last adequate assessment); C: PD day 84; D: no post-baseline assessment, censored day 0; E: death day 100.
        // t=0: 5 at risk, censoring only, S=1. t=42: 4 at risk (B censored at 42 is at risk), 1 event, S=3/4.
        // t=84: 2 at risk (C, E), 1 event, S=3/8. t=100: 1 at risk, 1 event, S=0. Median: first S <= 0.5, day 84.
        var subjects = new[]
        {
            TimeToEventEndpoint.Derive(Pfs, "A", Start, new[] { R(1, 42, "PD") }, Array.Empty<VitalStatusRecord>()),
            TimeToEventEndpoint.Derive(Pfs, "B", Start, new[] { R(1, 42, "SD") }, Array.Empty<VitalStatusRecord>()),
            TimeToEventEndpoint.Derive(Pfs, "C", Start, new[] { R(1, 42, "SD"), R(2, 84, "PD") }, Array.Empty<VitalStatusRecord>()),
            TimeToEventEndpoint.Derive(Pfs, "D", Start, Array.Empty<ResponseRecord>(), Array.Empty<VitalStatusRecord>()),
            TimeToEventEndpoint.Derive(Pfs, "E", Start, new[] { R(1, 42, "SD"), R(2, 84, "SD") }, new[] { V(1, 100, "dead", 100) }),
        };
        var summary = TimeToEventSummary.Summarize(subjects);
        Assert.Equal((5, 5, 3, 2), (summary.Subjects, summary.Analysed, summary.Events, summary.Censored));
        Assert.Equal(new[] { 0.0, 42, 84, 100 }, summary.Curve.Steps.Select(s => s.Time));
        Assert.Equal(new[] { 5, 4, 2, 1 }, summary.Curve.Steps.Select(s => s.AtRisk));
        Assert.Equal(new[] { 1.0, 0.75, 0.375, 0.0 }, summary.Curve.Steps.Select(s => s.Survival));
        Assert.Equal(84.0, summary.Curve.Median);
    }

    [Fact]
    public void Incidence_counts_each_subject_once_per_term_at_the_worst_grade()
    {
        var a = IncidenceDerivation.Derive("A", "first_dose", Start, new[]
        {
            Ae(1, "Rash", 1, 10), Ae(2, "rash ", 3, 30), Ae(3, "Fatigue", 2, 12), Ae(4, "Nausea", 2, -5), Ae(5, "Pneumonitis", 6, 40), Ae(6, null, 2, 3), Ae(7, "Cough", 1, null),
        });
        // The event without a term still counts, under its own row, last.
        Assert.Equal(new[] { ("Fatigue", 2), ("Rash", 3), (IncidenceDerivation.TermNotRecorded, 2) }, a.Terms.Select(t => (t.Term, t.WorstGrade)));
        Assert.Equal(2, a.Terms[1].Record.Occurrence);
        Assert.Equal(3, a.WorstGrade);
        Assert.Equal(new[] { 4, 5, 7 }, a.NotUsed.Select(u => u.Record.Occurrence));
        var b = IncidenceDerivation.Derive("B", "first_dose", Start, new[] { Ae(1, "RASH", 2, 20) });
        var c = IncidenceDerivation.Derive("C", "first_dose", Start, Array.Empty<AdverseEventRecord>());
        var d = IncidenceDerivation.Derive("D", "first_dose", null, new[] { Ae(1, "Rash", 4, 20) });

        var summary = IncidenceSummary.Summarize(new[] { a, b, c, d });
        Assert.Equal((4, 3), (summary.Subjects, summary.Analysed));
        Assert.Equal(new[] { 0, 1, 1, 0, 0 }, summary.AnyEvent.ByWorstGrade);    // A worst 3, B worst 2, C none
        Assert.Equal((2, 3), (summary.AnyEvent.AnyGrade.Count, summary.AnyEvent.AnyGrade.N));
        var rash = summary.Terms[0];
        Assert.Equal(("Rash", 2, 1), (rash.Term, rash.AnyGrade.Count, rash.Grade3OrWorse.Count));
        Assert.Equal(1, rash.SubjectsAtWorstGrade(2));
        Assert.Equal(ProportionEstimate.ClopperPearson(2, 3), rash.AnyGrade);
        Assert.Equal(("Fatigue", 1), (summary.Terms[1].Term, summary.Terms[1].AnyGrade.Count));
        Assert.Equal((IncidenceDerivation.TermNotRecorded, 1), (summary.Terms[2].Term, summary.Terms[2].AnyGrade.Count));
    }

    [Fact]
    public void An_event_without_a_term_is_still_an_adverse_event()
    {
        // A subject whose only event has no term recorded had an adverse event: counting it as a subject without one would
        // read the missing term as "no event".
        var only = IncidenceDerivation.Derive("A", "first_dose", Start, new[] { Ae(1, "  ", 3, 4) });
        Assert.True(only.IsAnalysed);
        Assert.Equal(3, only.WorstGrade);
        Assert.Equal((IncidenceDerivation.TermNotRecorded, 3), (Assert.Single(only.Terms).Term, only.Terms[0].WorstGrade));
        // Like any event, one without a term whose onset date is missing and that could make the worst grade worse leaves
        // the subject out rather than in as without it.
        var undated = IncidenceDerivation.Derive("B", "first_dose", Start, new[] { Ae(1, "Rash", 1, 4), Ae(2, null, 4, null) });
        Assert.False(undated.IsAnalysed);
        Assert.Equal("the onset date of AdverseEvents#2 is missing: whether it counts cannot be told", undated.NotAnalysedBecause);
        // Two subjects' untermed events make one row, after the terms however few those have.
        var other = IncidenceDerivation.Derive("C", "first_dose", Start, new[] { Ae(1, null, 2, 5), Ae(2, "Rash", 1, 6) });
        var summary = IncidenceSummary.Summarize(new[] { only, undated, other });
        Assert.Equal((2, 2), (summary.Analysed, summary.AnyEvent.AnyGrade.Count));
        Assert.Equal(new[] { ("Rash", 1), (IncidenceDerivation.TermNotRecorded, 2) }, summary.Terms.Select(t => (t.Term, t.AnyGrade.Count)));
    }
}
