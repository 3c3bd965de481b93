using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Picares.Dsl.Runtime.Scheduling;
using Schedule = Picares.Protocols.PicaresProtocol.Schedule;

namespace Picares.Dsl.Benchmarks;

/// <summary>
/// Building two-year PICARES calendars with the generated schedule API: one subject, and 100,000 subjects with
/// first doses spread over a year and progression at varying times, so that visit counts vary per subject.
/// The cost per planned visit shows whether building is linear in the number of visits.
/// </summary>
[MemoryDiagnoser]
public class ScheduleBenchmarks
{
    private Schedule.AnchorDates[] _anchors = Array.Empty<Schedule.AnchorDates>();
    private Schedule.EventDates[] _events = Array.Empty<Schedule.EventDates>();

    [Params(1, 100_000)]
    public int Subjects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        _anchors = new Schedule.AnchorDates[Subjects];
        _events = new Schedule.EventDates[Subjects];
        for (int i = 0; i < Subjects; i++)
        {
            var firstDose = new DateTime(2026, 1, 5).AddDays(random.Next(365));
            var progression = random.Next(4) == 0 ? (DateTime?)null : firstDose.AddDays(60 + random.Next(600));
            var endOfTreatment = progression ?? firstDose.AddDays(730);
            _anchors[i] = new Schedule.AnchorDates { Consent = firstDose.AddDays(-20), Enrollment = firstDose.AddDays(-7), FirstDose = firstDose, EndOfTreatment = endOfTreatment };
            _events[i] = new Schedule.EventDates { Progression = progression };
        }
        Console.WriteLine($"// {Subjects} subjects: {Build_two_year_calendars()} visits planned per invocation");
    }

    [Benchmark(Description = "Two-year calendars built")]
    public long Build_two_year_calendars()
    {
        long visits = 0;
        for (int i = 0; i < _anchors.Length; i++)
        {
            var horizon = _anchors[i].FirstDose!.Value.AddYears(2);
            IReadOnlyList<PlannedVisit> calendar = Schedule.Build(_anchors[i], _events[i], horizon);
            visits += calendar.Count;
        }
        return visits;
    }
}
