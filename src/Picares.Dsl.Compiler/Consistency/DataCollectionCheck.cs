using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// Data are collected in time for what reads them: every field a criterion reads is on a form collected at a
/// planned visit on or before the eligibility decision (PIC4001); every endpoint's data are collected at a
/// planned visit inside its time frame (PIC4002); a time-to-event endpoint is followed by a repeating visit
/// that runs until its event (PIC4003).
/// </summary>
internal static class DataCollectionCheck
{
    public static void Run(CheckContext c)
    {
        CheckCriteria(c);
        CheckEndpoints(c);
    }

    private static IEnumerable<VisitModel> Collecting(CheckContext c, string form) => c.Model.Visits.Where(v => v.Collect.Contains(form));

    private static string Names(IEnumerable<VisitModel> visits) => string.Join(", ", visits.Select(v => v.Name));

    private static void CheckCriteria(CheckContext c)
    {
        // The eligibility decision is made on study day 1, the study's day_one anchor.
        if (c.Model.Study.DayOneAnchor is not { } decision) return;
        var reads = new List<(string Who, string Reference, Text.TextSpan Span)>();
        foreach (var criterion in c.Model.Criteria)
        {
            var when = SourceLocator.Inner(c.Locator.Declaration("criterion", criterion.Id), "when");
            foreach (var read in criterion.Reads.Where(r => !r.StartsWith("@", System.StringComparison.Ordinal)))
            {
                var (form, field) = FieldPath.Split(read);
                reads.Add(("Criterion " + criterion.Id, read, when is null ? c.Locator.Name("criterion", criterion.Id) : SourceLocator.Reference(when, form, field)));
            }
        }
        if (c.Model.Population.BirthDateField is { } birth && c.Model.Population.AgeReference is not null &&
            SourceLocator.Inner(c.Locator.Declaration("population"), "birth_date") is { } birthStatement)
            reads.Add(("The population's age", birth, SourceLocator.Arguments(birthStatement)));

        foreach (var (who, reference, span) in reads)
        {
            var form = FieldPath.Split(reference).Form;
            var planned = Collecting(c, form).Where(Timeline.IsPlanned).ToList();
            if (planned.Any(v => !c.Timeline.IsAfter(v, decision))) continue;
            var where = planned.Count == 0
                ? $"no scheduled visit collects {form}"
                : $"{form} is collected only at {Names(planned)}, after the decision";
            c.Report(DiagnosticDescriptors.CriterionDataTooLate, span, who, reference, where, decision, form);
        }
    }

    private static void CheckEndpoints(CheckContext c)
    {
        foreach (var endpoint in c.Model.Endpoints)
        {
            var declaration = c.Locator.Declaration("endpoint", endpoint.Name);
            var dataStatement = SourceLocator.Inner(declaration, "data");
            // Without a start, the whole study is the time frame: any scheduled visit serves.
            var start = endpoint.Start;
            var inFrame = new List<VisitModel>();
            foreach (var form in endpoint.Data.Select(d => FieldPath.Split(d).Form).Distinct())
            {
                var planned = Collecting(c, form).Where(Timeline.IsPlanned).ToList();
                var usable = planned.Where(v => start is null || !c.Timeline.IsBefore(v, start)).ToList();
                inFrame.AddRange(usable);
                if (usable.Count > 0) continue;
                var reference = endpoint.Data.First(d => FieldPath.Split(d).Form == form);
                var span = dataStatement is null ? c.Locator.Name("endpoint", endpoint.Name) : SourceLocator.Reference(dataStatement, form, FieldPath.Split(reference).Field);
                var where = planned.Count == 0 ? $"no scheduled visit collects {form}" : $"{form} is collected only at {Names(planned)}, before {start}";
                c.Report(DiagnosticDescriptors.EndpointDataOutsideTimeFrame, span, endpoint.Name, reference, where, form, start ?? "the start of the study");
            }

            if (endpoint.Kind != "time_to_event" || endpoint.Events.Count == 0 || inFrame.Count == 0) continue;
            // Followed: a repeating visit that nothing but the endpoint's own events (or the end of participation) stops.
            var events = new HashSet<string>(endpoint.Events, System.StringComparer.Ordinal);
            bool Follows(VisitModel v) => v.Timing == "repeating" && v.Until.All(u => events.Contains(u) || c.Timeline.IsTerminal(u));
            if (inFrame.Any(Follows)) continue;
            var eventStatement = SourceLocator.Inner(declaration, "event");
            var stoppers = inFrame.Distinct().Select(v => v.Timing == "repeating"
                ? $"{v.Name} stops at {string.Join(" or ", v.Until.Where(u => !events.Contains(u)))}"
                : $"{v.Name} happens once");
            var forms = string.Join(", ", endpoint.Data.Select(d => FieldPath.Split(d).Form).Distinct());
            c.Report(DiagnosticDescriptors.EndpointEventNotFollowed,
                eventStatement is null ? c.Locator.Name("endpoint", endpoint.Name) : SourceLocator.Arguments(eventStatement),
                endpoint.Name, string.Join(" or ", endpoint.Events), forms, string.Join("; ", stoppers));
        }
    }
}
