using System;
using System.IO;
using System.Linq;
using Picares.Dsl.Runtime.Model;
using Picares.Dsl.Runtime.Scheduling;
using Picares.Samples.Protocols;

namespace Picares.Samples;

/// <summary>Prints the protocol as the generated model describes it: facts, treatment, criteria, schedule, endpoints, assumptions.</summary>
internal static class ProtocolOverview
{
    /// <summary>Writes the overview to <paramref name="output"/>.</summary>
    public static void Print(TextWriter output)
    {
        var study = PicaresProtocol.Study;
        output.WriteLine($"{study.Acronym}: {study.Title}");
        output.WriteLine($"  {string.Join(", ", study.Identifiers.Select(i => $"{i.Scheme} {i.Value}"))}; sponsor {study.Sponsor}");
        output.WriteLine($"  phase {string.Join("/", study.Phases)}, {study.StudyType}, {study.Design}, masking {study.Masking}, enrollment {study.Enrollment} ({study.EnrollmentKind})");
        var population = PicaresProtocol.Population;
        output.WriteLine($"  population: sex {population.Sex}, age {population.AgeRange} at {population.AgeReference}, healthy volunteers {(population.HealthyVolunteers == true ? "yes" : "no")}");
        output.WriteLine();

        foreach (var arm in PicaresProtocol.Arms.All)
        {
            output.WriteLine($"Arm {arm.Name} ({arm.Kind}): {arm.Label}");
            foreach (var intervention in PicaresProtocol.Interventions.All.Where(i => arm.Interventions.Contains(i.Name)))
                foreach (var regimen in intervention.Regimens)
                    output.WriteLine($"  {intervention.Label}: {regimen.Dose} {regimen.Route} every {regimen.EveryDays} days until {string.Join(" or ", regimen.Until)}{Mark(regimen.Origin)}");
        }
        output.WriteLine();

        output.WriteLine("Eligibility criteria:");
        foreach (var criterion in PicaresProtocol.Criteria.All)
        {
            var rule = criterion.IsAttested ? $"attested by {criterion.AttestedBy}" : criterion.Condition;
            output.WriteLine($"  {criterion.Id,-4} {criterion.Category,-9} line {criterion.Origin.Location.Line,3}: {rule}");
        }
        output.WriteLine();

        output.WriteLine("Schedule:");
        foreach (var visit in PicaresProtocol.Visits.All)
        {
            // The runtime's wording, as the schedule of activities shows it.
            var window = VisitTiming.Window(visit) is { Length: > 0 } w ? $", window {w}" : "";
            output.WriteLine($"  {visit.Label}: {VisitTiming.Describe(visit)}{window}; collects {string.Join(", ", visit.Collect)}{Mark(visit.Origin)}");
        }
        output.WriteLine();

        output.WriteLine("Endpoints:");
        foreach (var endpoint in PicaresProtocol.Endpoints.All)
            output.WriteLine($"  {endpoint.Level,-11} {endpoint.Name}: {endpoint.Title} [{endpoint.Kind}]{Rules(endpoint)}");
        output.WriteLine();

        output.WriteLine($"Assumptions beyond the registry record ({PicaresProtocol.Assumptions.Count}):");
        foreach (var assumption in PicaresProtocol.Assumptions)
            output.WriteLine($"  line {assumption.Location.Line,3} {assumption.Subject}: {assumption.Reason}");
    }

    private static string Mark(Origin origin) => origin.IsAssumed ? "  [assumed]" : "";

    /// <summary>The rules an endpoint's derivation applies beyond its kind: RECIST confirmation, the gap for censoring.</summary>
    private static string Rules(EndpointInfo endpoint)
    {
        var rules = new[]
        {
            endpoint.ConfirmationDays is { } c ? $"CR and PR confirmed at least {c} days later" : null,
            endpoint.StableDiseaseMinimumDays is { } m ? $"SD from {m} days after {endpoint.Start}" : null,
            endpoint.CensorAfterGapDays is { } g ? $"an event more than {g} days after the last adequate assessment censored there" : null,
            endpoint.NewTherapyField is { } t ? $"censored at a new anticancer therapy ({t})" : null,
        }.Where(r => r is not null).ToList();
        return rules.Count == 0 ? "" : "; " + string.Join("; ", rules);
    }
}
