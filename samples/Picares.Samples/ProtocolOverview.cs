using System;
using System.Linq;
using Picares.Dsl.Runtime.Model;
using Picares.Samples.Protocols;

namespace Picares.Samples;

/// <summary>Prints the protocol as the generated model describes it: facts, treatment, criteria, schedule, endpoints, assumptions.</summary>
internal static class ProtocolOverview
{
    public static void Print()
    {
        var study = PicaresProtocol.Study;
        Console.WriteLine($"{study.Acronym}: {study.Title}");
        Console.WriteLine($"  {string.Join(", ", study.Identifiers.Select(i => $"{i.Scheme} {i.Value}"))}; sponsor {study.Sponsor}");
        Console.WriteLine($"  phase {string.Join("/", study.Phases)}, {study.StudyType}, {study.Design}, masking {study.Masking}, enrollment {study.Enrollment} ({study.EnrollmentKind})");
        var population = PicaresProtocol.Population;
        Console.WriteLine($"  population: sex {population.Sex}, age {population.MinimumAge}..{population.MaximumAge} years at {population.AgeReference}, healthy volunteers {(population.HealthyVolunteers == true ? "yes" : "no")}");
        Console.WriteLine();

        foreach (var arm in PicaresProtocol.Arms.All)
        {
            Console.WriteLine($"Arm {arm.Name} ({arm.Kind}): {arm.Label}");
            foreach (var intervention in PicaresProtocol.Interventions.All.Where(i => arm.Interventions.Contains(i.Name)))
                foreach (var regimen in intervention.Regimens)
                    Console.WriteLine($"  {intervention.Label}: {regimen.Dose} {regimen.Route} every {regimen.EveryDays} days until {string.Join(" or ", regimen.Until)}{Mark(regimen.Origin)}");
        }
        Console.WriteLine();

        Console.WriteLine("Eligibility criteria:");
        foreach (var criterion in PicaresProtocol.Criteria.All)
        {
            var rule = criterion.IsAttested ? $"attested by {criterion.AttestedBy}" : criterion.Condition;
            Console.WriteLine($"  {criterion.Id,-4} {criterion.Category,-9} line {criterion.Origin.Location.Line,3}: {rule}");
        }
        Console.WriteLine();

        Console.WriteLine("Schedule:");
        foreach (var visit in PicaresProtocol.Visits.All)
        {
            string timing = visit.Timing switch
            {
                "day" => visit.LastDay is { } last && last != visit.Day ? $"days {visit.Day}..{last}" : $"day {visit.Day}",
                "repeating" => $"every {visit.EveryDays} days from {visit.Anchor}",
                "relative" => $"{visit.Anchor} {visit.OffsetDays:+0;-0} days",
                _ => "unscheduled",
            };
            var window = visit.WindowBefore + visit.WindowAfter > 0 ? $", window -{visit.WindowBefore}..+{visit.WindowAfter} days" : "";
            Console.WriteLine($"  {visit.Label}: {timing}{window}; collects {string.Join(", ", visit.Collect)}{Mark(visit.Origin)}");
        }
        Console.WriteLine();

        Console.WriteLine("Endpoints:");
        foreach (var endpoint in PicaresProtocol.Endpoints.All)
            Console.WriteLine($"  {endpoint.Level,-11} {endpoint.Name}: {endpoint.Title} [{endpoint.Kind}]");
        Console.WriteLine();

        Console.WriteLine($"Assumptions beyond the registry record ({PicaresProtocol.Assumptions.Count}):");
        foreach (var assumption in PicaresProtocol.Assumptions)
            Console.WriteLine($"  line {assumption.Location.Line,3} {assumption.Subject}: {assumption.Reason}");
    }

    private static string Mark(Origin origin) => origin.IsAssumed ? "  [assumed]" : "";
}
