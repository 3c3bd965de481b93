using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Collections;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Syntax;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// Data are collected in time for what reads them: every field a criterion reads is on a form collected at a
/// planned visit on or before the eligibility decision (PIC4001); every endpoint's data are collected at a
/// planned visit inside its time frame (PIC4002); a stratification factor by study day 1 (PIC4021); a time-to-event endpoint is followed by a repeating visit
/// that runs until its event or the study's declared end, or by a final visit at that end (PIC4003); no criterion reads the date of an anchor ordered after the decision (PIC4018).
/// </summary>
internal static class DataCollectionCheck
{
    public static void Run(CheckContext c)
    {
        var planned = PlannedVisitsByForm(c.Model);
        CheckCriteria(c, planned);
        CheckStrata(c, planned);
        CheckEndpoints(c, planned);
    }

    /// <summary>
    /// A stratification factor is known when the subject is randomized, by study day 1 at the latest (PIC4021): its form is
    /// collected at a planned visit on or before that day. A warning, since a protocol may randomize later than day 1.
    /// </summary>
    private static void CheckStrata(CheckContext c, ShardedDictionary<string, List<VisitModel>> plannedByForm)
    {
        if (c.Model.Randomization is not { StratifyBy.Count: > 0 } randomization || c.Model.Study.DayOneAnchor is not { } dayOne) return;
        foreach (var path in randomization.StratifyBy)
        {
            var form = FieldPath.FormOf(path);
            if (CollectedTooLate(c, plannedByForm, form, dayOne, "study day 1") is not { } where) continue;
            var (f, field) = FieldPath.Split(path);
            var span = SourceLocator.Inner(c.Locator.Declaration("randomization"), "stratify_by") is { } statement
                ? c.Locator.Reference(statement, f, field) : c.Locator.Name("randomization");
            c.Report(DiagnosticDescriptors.StratumDataTooLate, span, path, where, dayOne, form);
        }
    }

    // Read only, never changed; a List (not an interface) so that a foreach over what Collecting returns allocates nothing.
    private static readonly List<VisitModel> NoVisits = new();

    /// <summary>For each form, the planned visits that collect it, in the order of the protocol's visits.</summary>
    private static ShardedDictionary<string, List<VisitModel>> PlannedVisitsByForm(ProtocolModel model)
    {
        var byForm = new ShardedDictionary<string, List<VisitModel>>(model.Forms.Count, System.StringComparer.Ordinal);
        foreach (var visit in model.Visits)
        {
            if (!Timeline.IsPlanned(visit)) continue;
            foreach (var form in visit.Collect)
            {
                if (!byForm.TryGetValue(form, out var visits)) byForm.Add(form, visits = new List<VisitModel>());
                if (visits.Count == 0 || !ReferenceEquals(visits[visits.Count - 1], visit)) visits.Add(visit); // a form listed twice by one visit counts once
            }
        }
        return byForm;
    }

    /// <summary>
    /// For an endpoint censored at the end of the study, how to declare that end (looked for among the first visits of its
    /// forms, so that a report costs little). A repeating visit whose one early stopper is an anchor not declared so (its
    /// other stoppers are the endpoint's events or terminal): mark that anchor, unless a visit that happens once is held
    /// after it, <c>at X + 30 days</c> with X that anchor or later, the latest of them the last contact of a
    /// fixed-duration study: then declare that visit's date as an anchor marked 'ends_study' and hold the visit at it.
    /// </summary>
    private static string StudyEndHint(CheckContext c, ShardedDictionary<string, List<VisitModel>> plannedByForm, List<(string Form, string FirstPath)> dataForms,
        EquatableArray<string> events)
    {
        int looked = 0;
        VisitModel? last = null;
        string? stopper = null;
        foreach (var (form, _) in dataForms)
            foreach (var visit in Collecting(plannedByForm, form))
            {
                if (++looked > MostNamed) break;
                if (HeldOnceFromItsAnchor(visit) && c.Timeline.IsAnchor(visit.Anchor) &&
                    (last is null || c.Timeline.IsNotBefore(visit.Anchor, last.Anchor) || (visit.Anchor == last.Anchor && visit.OffsetDays > last.OffsetDays)))
                    last = visit;
                if (visit.Timing != "repeating" || stopper is not null) continue;
                string? early = null;
                int stoppers = 0;
                foreach (var u in visit.Until)
                    if (!StopsInTime(c, u, events.Contains(u))) (early, stoppers) = (u, stoppers + 1);
                if (stoppers == 1 && c.Timeline.IsAnchor(early!)) stopper = early;
            }
        if (stopper is null) return "";
        if (last is null || !c.Timeline.IsSameOrNotBefore(last.Anchor, stopper) || (last.Anchor == stopper && (last.OffsetDays ?? 0) == 0))
            return $"; or, if {stopper} is the date the study ends for every subject (a common study end), mark the anchor 'ends_study'";
        if ((last.OffsetDays ?? 0) == 0)
            return $"; or, if {last.Anchor} is the date the study ends for every subject, mark the anchor 'ends_study'";
        var name = FreeAnchorName(c, "study_end");
        return $"; or, if {last.Name} ends the study for every subject, declare its date as an anchor marked 'ends_study' " +
               $"('anchor {name} \"End of study\" follows {last.Anchor} ends_study') and hold {last.Name} 'at {name}'";
    }

    /// <summary><paramref name="name"/>, or with a number after it, whichever the protocol does not declare: a name for a suggested anchor.</summary>
    private static string FreeAnchorName(CheckContext c, string name)
    {
        var taken = new HashSet<string>(c.Model.Anchors.Select(a => a.Name).Concat(c.Model.Events.Select(e => e.Name)).Concat(c.Model.Visits.Select(v => v.Name))
            .Concat(c.Model.Forms.Select(f => f.Name)).Concat(c.Model.Endpoints.Select(e => e.Name)), System.StringComparer.Ordinal);
        for (int i = 2; taken.Contains(name); i++) name = "study_end_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return name;
    }

    /// <summary>
    /// Whether a repeating visit that stops at <paramref name="point"/> stops no earlier than a time-to-event endpoint needs:
    /// at one of the endpoint's events, at a terminal event, or at the anchor declared as the study's end (ends_study, a
    /// common study end), until which it observes the event whatever the endpoint's censoring: nothing past the study's
    /// end is observed for anyone.
    /// </summary>
    private static bool StopsInTime(CheckContext c, string point, bool endpointEvent) =>
        endpointEvent || c.Timeline.IsTerminal(point) || c.Timeline.EndsStudy(point);

    /// <summary>
    /// Whether a visit that happens once observes an endpoint's events: one at, or after, the anchor declared as the
    /// study's end (<c>at study_end</c>), the final contact of a fixed-duration study, which records every event up to it
    /// with its date. Not for an endpoint that ends at progression, which is found only by assessing, so that one assessment
    /// at the end would leave the time after the last scheduled one unassessed.
    /// </summary>
    private static bool IsFinalVisit(CheckContext c, VisitModel visit) =>
        HeldOnceFromItsAnchor(visit) && c.Timeline.EndsStudy(visit.Anchor);

    /// <summary>A visit held once on or after its anchor's date: <c>at study_end</c>, <c>at end_of_treatment + 30 days</c>.</summary>
    private static bool HeldOnceFromItsAnchor(VisitModel visit) => visit.Timing == "relative" && (visit.OffsetDays ?? 0) >= 0;

    /// <summary>Whether a final visit at the study's end observes the events of an endpoint censored so (<see cref="IsFinalVisit"/>).</summary>
    private static bool FinalVisitObserves(EndpointModel endpoint) => !endpoint.Events.Contains("progression");

    private static List<VisitModel> Collecting(ShardedDictionary<string, List<VisitModel>> planned, string form) =>
        planned.TryGetValue(form, out var visits) ? visits : NoVisits;

    // The most visits (or events) a message names; past them it counts the rest, so that a message stays short however many visits collect a form.
    private const int MostNamed = Suggestions.MostNamed;

    /// <summary>"V1, V2 and 3 more": the visits' names, the first <see cref="MostNamed"/> of them.</summary>
    private static string Names(List<VisitModel> visits) => Suggestions.FirstListed(visits.Select(v => v.Name), visits.Count, MostNamed);

    private static void CheckCriteria(CheckContext c, ShardedDictionary<string, List<VisitModel>> plannedByForm)
    {
        // The eligibility decision is made at the population's eligibility_at anchor, or else on study day 1, the study's
        // day_one anchor.
        if (c.Model.EligibilityDecision is not { } decision) return;
        var described = decision == c.Model.Population.EligibilityAnchor ? decision + " (the population's eligibility_at)" : decision + " (study day 1)";
        var lateForms = LateForms(c, plannedByForm, decision);
        if (lateForms.Count > 0) ReportLateReads(c, lateForms, described);
        if (c.Model.Population.BirthDateField is { } birth && c.Model.Population.AgeReference is not null &&
            FieldPath.Split(birth).Form is var form && CollectedTooLate(c, plannedByForm, form, decision) is { } where &&
            SourceLocator.Inner(c.Locator.Declaration("population"), "birth_date") is { } birthStatement)
            c.Report(DiagnosticDescriptors.CriterionDataTooLate, SourceLocator.Arguments(birthStatement), "The population's age", birth, where, described, form);
        CheckDatesAfterDecision(c, decision, described);
    }

    /// <summary>
    /// The date of an anchor that the timeline orders after the decision is not known when eligibility is decided (PIC4018):
    /// a criterion that measures from it, or the population's age taken at it, cannot be met then. A warning, since
    /// 'follows' allows the same day.
    /// </summary>
    private static void CheckDatesAfterDecision(CheckContext c, string decision, string described)
    {
        // By the read of each anchor's date: the anchor's name is cut out of it once, however many criteria read it.
        var afterDecision = new Dictionary<string, bool>(System.StringComparer.Ordinal);
        foreach (var criterion in c.Model.Criteria)
        {
            StatementSyntax? when = null;
            bool found = false;
            foreach (var read in criterion.Reads)
            {
                if (!FieldPath.IsAnchorRead(read)) continue;
                if (!afterDecision.TryGetValue(read, out var after)) afterDecision.Add(read, after = c.Timeline.IsNotBefore(FieldPath.AnchorOf(read)!, decision));
                if (!after) continue;
                var anchor = FieldPath.AnchorOf(read)!;
                if (!found) (when, found) = (SourceLocator.Inner(c.Locator.Declaration("criterion", criterion.Id), "when"), true);
                var span = when is null ? c.Locator.Name("criterion", criterion.Id) : c.Locator.NameArgument(when, anchor);
                c.Report(DiagnosticDescriptors.DateAfterEligibilityDecision, span, "Criterion " + criterion.Id, anchor, described, decision);
            }
        }
        if (c.Model.Population.AgeReference is { } reference && c.Timeline.IsNotBefore(reference, decision) &&
            SourceLocator.Inner(c.Locator.Declaration("population"), "age") is { } age)
            c.Report(DiagnosticDescriptors.DateAfterEligibilityDecision, c.Locator.NameArgument(age, reference), "The population's age", reference, described, decision);
    }

    /// <summary>
    /// The forms that no planned visit collects on or before the decision, with why. Each form is judged once rather than
    /// at every read of it; a criterion reads only the protocol's forms (the binder resolves every field), so when none is
    /// late, no read needs its path split.
    /// </summary>
    private static ShardedDictionary<string, string> LateForms(CheckContext c, ShardedDictionary<string, List<VisitModel>> plannedByForm, string decision)
    {
        var late = new ShardedDictionary<string, string>(0, System.StringComparer.Ordinal);
        foreach (var form in c.Model.Forms)
            if (!late.ContainsKey(form.Name) && CollectedTooLate(c, plannedByForm, form.Name, decision) is { } where) late.Add(form.Name, where);
        return late;
    }

    /// <summary>Every field a criterion reads from a late form, at the reference in its condition (else at its name).</summary>
    private static void ReportLateReads(CheckContext c, ShardedDictionary<string, string> lateForms, string described)
    {
        foreach (var criterion in c.Model.Criteria)
        {
            StatementSyntax? when = null;
            bool found = false;
            foreach (var read in criterion.Reads)
            {
                if (FieldPath.IsAnchorRead(read)) continue;
                var (form, field) = FieldPath.Split(read);
                if (!lateForms.TryGetValue(form, out var where)) continue;
                if (!found) (when, found) = (SourceLocator.Inner(c.Locator.Declaration("criterion", criterion.Id), "when"), true);
                var span = when is null ? c.Locator.Name("criterion", criterion.Id) : c.Locator.Reference(when, form, field);
                c.Report(DiagnosticDescriptors.CriterionDataTooLate, span, "Criterion " + criterion.Id, read, where, described, form);
            }
        }
    }

    /// <summary>Why no planned visit collects <paramref name="form"/> on or before the decision, or null when one does.</summary>
    private static string? CollectedTooLate(CheckContext c, ShardedDictionary<string, List<VisitModel>> plannedByForm, string form, string decision, string after = "the decision")
    {
        var planned = Collecting(plannedByForm, form);
        foreach (var visit in planned)
            if (!c.Timeline.IsAfter(visit, decision)) return null;
        return planned.Count == 0
            ? $"no scheduled visit collects {form}"
            : $"{form} is collected only at {Names(planned)}, after {after}";
    }

    /// <summary>The forms of some <c>Form.field</c> paths, each once, in order, with the first path that reads each.</summary>
    /// <remarks>
    /// An endpoint reads a form or two: until it has read <see cref="MostFormsSearched"/>, a path's form is looked for among
    /// them as it stands in the path, so that no set is made and a form already read is not cut out of its path again.
    /// </remarks>
    private static List<(string Form, string FirstPath)> FormsOf(EquatableArray<string> paths)
    {
        var forms = new List<(string Form, string FirstPath)>(paths.Count);
        HashSet<string>? seen = null;
        foreach (var path in paths)
        {
            if (seen is null)
            {
                if (IsListed(forms, path)) continue;
                forms.Add((FieldPath.FormOf(path), path));
                if (forms.Count == MostFormsSearched) seen = new HashSet<string>(forms.Select(f => f.Form), System.StringComparer.Ordinal);
            }
            else if (FieldPath.FormOf(path) is var form && seen.Add(form)) forms.Add((form, path));
        }
        return forms;
    }

    private const int MostFormsSearched = 8;

    /// <summary>Whether the form of <paramref name="path"/> is one of <paramref name="forms"/>, found without cutting it out.</summary>
    private static bool IsListed(List<(string Form, string FirstPath)> forms, string path)
    {
        foreach (var (form, _) in forms)
            if (FieldPath.HasForm(path, form)) return true;
        return false;
    }

    private static void CheckEndpoints(CheckContext c, ShardedDictionary<string, List<VisitModel>> plannedByForm)
    {
        // Endpoints share their forms, starts and events (a protocol's endpoints read a few forms from a few anchors), and
        // what the visits say about them takes a pass over every visit that collects the forms: whether a form is collected
        // in a time frame is found once for each form and start (EarlyVisits.AnyInFrame), and whether a time-to-event endpoint is followed once for
        // each start, events and forms, rather than for each endpoint (thousands of endpoints over thousands of visits each
        // copied the visits, and named them all in a message of their own).
        // The early visits' anchors of every form that an endpoint with a start reads are in one AtOrAfterPoints, each form's a
        // group added before the first question (only such forms are asked about): a hub that follows the anchors of
        // thousands of forms is then worked out once, not once a form.
        var anchors = new AtOrAfterPoints(c.Timeline);
        var early = new Dictionary<string, EarlyVisits>(System.StringComparer.Ordinal);
        EarlyVisits EarlyOf(string form, List<VisitModel> planned) =>
            early.TryGetValue(form, out var found) ? found : early[form] = new EarlyVisits(anchors, planned);
        var formsOf = new List<List<(string Form, string FirstPath)>>(c.Model.Endpoints.Count); // each endpoint's, in order
        foreach (var endpoint in c.Model.Endpoints)
        {
            formsOf.Add(FormsOf(endpoint.Data));
            if (endpoint.Start is not null)
                foreach (var (form, _) in formsOf[formsOf.Count - 1])
                    EarlyOf(form, Collecting(plannedByForm, form));
        }
        // The visits that several forms of a time-to-event endpoint with a start share, by its forms: groups too.
        var shared = new Dictionary<string, SharedVisits>(System.StringComparer.Ordinal);
        for (int i = 0; i < formsOf.Count; i++)
            if (c.Model.Endpoints[i] is { Kind: "time_to_event", Events.Count: > 0, Start: not null } && formsOf[i] is { Count: > 1 } several &&
                string.Join(", ", several.Select(f => f.Form)) is var together && !shared.ContainsKey(together))
                shared.Add(together, new SharedVisits(anchors, several.Select(f => early[f.Form]).ToList()));
        // By events, forms and the start's signature against each form's early visits: starts after the same of them share it.
        var unfollowed = new Dictionary<FollowKey, string?>();
        for (int i = 0; i < formsOf.Count; i++)
        {
            var endpoint = c.Model.Endpoints[i];
            // The endpoint's statements are looked up only for a report.
            StatementSyntax? Declared(string keyword) => SourceLocator.Inner(c.Locator.Declaration("endpoint", endpoint.Name), keyword);
            // Without a start, the whole study is the time frame: any scheduled visit serves.
            var start = endpoint.Start;
            var dataForms = formsOf[i];
            StatementSyntax? dataStatement = null;
            bool found = false, anyInFrame = false;
            foreach (var (form, reference) in dataForms)
            {
                var planned = Collecting(plannedByForm, form);
                bool inFrame = start is null ? planned.Count > 0 : EarlyOf(form, planned).AnyInFrame(start);
                anyInFrame |= inFrame;
                if (inFrame) continue;
                if (!found) (dataStatement, found) = (Declared("data"), true);
                var span = dataStatement is null ? c.Locator.Name("endpoint", endpoint.Name) : c.Locator.Reference(dataStatement, form, FieldPath.Split(reference).Field);
                var where = planned.Count == 0 ? $"no scheduled visit collects {form}" : $"{form} is collected only at {Names(planned)}, before {start}";
                c.Report(DiagnosticDescriptors.EndpointDataOutsideTimeFrame, span, endpoint.Name, reference, where, form, start ?? "the start of the study");
            }

            if (endpoint.Kind != "time_to_event" || endpoint.Events.Count == 0 || !anyInFrame) continue;
            var forms = string.Join(", ", dataForms.Select(f => f.Form));
            object[]? signatures = null;
            if (start is not null)
            {
                signatures = new object[dataForms.Count];
                for (int f = 0; f < signatures.Length; f++) signatures[f] = EarlyOf(dataForms[f].Form, Collecting(plannedByForm, dataForms[f].Form)).Signature(start);
            }
            bool finalVisit = FinalVisitObserves(endpoint);
            var key = new FollowKey($"{string.Join("\n", endpoint.Events)}\n\n{forms}\n\n{finalVisit}", signatures); // names hold no line break, and none is empty
            if (!unfollowed.TryGetValue(key, out var stoppers)) unfollowed.Add(key, stoppers = Stoppers(c, plannedByForm, dataForms, start, endpoint.Events, finalVisit, EarlyOf,
                start is null || dataForms.Count == 1 ? null : shared[forms]));
            if (stoppers is null) continue;
            var eventStatement = Declared("event");
            c.Report(DiagnosticDescriptors.EndpointEventNotFollowed,
                eventStatement is null ? c.Locator.Name("endpoint", endpoint.Name) : SourceLocator.Arguments(eventStatement),
                endpoint.Name, string.Join(" or ", endpoint.Events), forms, stoppers,
                endpoint.Censoring == "end_of_study" ? StudyEndHint(c, plannedByForm, dataForms, endpoint.Events) : "");
        }
    }

    /// <summary>
    /// A time-to-event endpoint's events and forms, with its start's signature against each form's early visits (null
    /// without a start): what decides which visits follow it, so that thousands of starts after the same point are worked
    /// out once. Signatures compare as their own Equals says.
    /// </summary>
    private sealed class FollowKey : System.IEquatable<FollowKey>
    {
        private readonly string _eventsAndForms;
        private readonly object[]? _signatures;

        public FollowKey(string eventsAndForms, object[]? signatures)
        {
            _eventsAndForms = eventsAndForms;
            _signatures = signatures;
        }

        public bool Equals(FollowKey? other)
        {
            if (other is null || _eventsAndForms != other._eventsAndForms || (_signatures is null) != (other._signatures is null)) return false;
            if (_signatures is null) return true;
            for (int i = 0; i < _signatures.Length; i++)
                if (!_signatures[i].Equals(other._signatures![i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as FollowKey);

        public override int GetHashCode()
        {
            int hash = System.StringComparer.Ordinal.GetHashCode(_eventsAndForms);
            foreach (var signature in _signatures ?? System.Array.Empty<object>())
                hash = hash * 31 + signature.GetHashCode();
            return hash;
        }
    }

    /// <summary>
    /// What stops each visit that collects a time-to-event endpoint's data in its time frame, "V1 stops at progression; V2
    /// happens once" (the first <see cref="MostNamed"/> visits, then a count); null when one of them follows the subjects: a
    /// repeating visit that nothing but the endpoint's own events (or the end of participation) stops, or, when
    /// <paramref name="finalVisit"/>, a visit held once at the study's declared end.
    /// </summary>
    /// <param name="shared">With a start and several forms, the visits they share.</param>
    private static string? Stoppers(CheckContext c, ShardedDictionary<string, List<VisitModel>> plannedByForm, List<(string Form, string FirstPath)> dataForms,
        string? start, EquatableArray<string> endpointEvents, bool finalVisit, System.Func<string, List<VisitModel>, EarlyVisits> earlyOf, SharedVisits? shared)
    {
        var events = new HashSet<string>(endpointEvents, System.StringComparer.Ordinal);
        // A visit follows the subjects for the endpoint when each thing that stops it stops it in time.
        bool Follows(VisitModel visit)
        {
            if (visit.Timing != "repeating") return finalVisit && IsFinalVisit(c, visit);
            foreach (var u in visit.Until) // the array's own enumerator: All() boxed it, a box and an enumerator a visit
                if (!StopsInTime(c, u, events.Contains(u))) return false;
            return true;
        }
        string Stops(VisitModel visit)
        {
            if (visit.Timing != "repeating") return $"{visit.Name} happens once";
            var others = visit.Until.Where(u => !events.Contains(u)).ToList();
            return $"{visit.Name} stops at {Suggestions.FirstListed(others, others.Count, MostNamed, " or ")}";
        }
        string Listed(List<string> stops, int count) => string.Join("; ", stops) + (count > MostNamed ? $"; and {count - MostNamed} more" : "");

        if (start is not null)
        {
            // With a start, the visits in its frame are counted, not walked: each form's, less the early ones the start comes
            // after, less the second and later appearances of the visits in several of the forms (thousands of starts, each
            // after a shared point and an anchor of its own, walked thousands of visits each). The first ten are found in
            // order, passing over the early visits the start comes after; a visit already named is in the frame of an earlier
            // form, so fewer than ten are passed over a form. A visit that follows the subjects repeats, or is held on or
            // after the study's declared end, so it is never an early one: the others decide it.
            var forms = dataForms.Select(f => earlyOf(f.Form, Collecting(plannedByForm, f.Form))).ToList();
            var eventsKey = string.Join("\n", endpointEvents) + (finalVisit ? "\n\nfinal visit" : "");
            if (forms.Any(f => f.AnyOtherFollows(eventsKey, Follows))) return null;
            var listed = new List<string>(MostNamed);
            var seen = forms.Count > 1 ? new HashSet<string>(System.StringComparer.Ordinal) : null; // one form lists each visit once
            foreach (var form in forms)
                foreach (var visit in form.InFrame(start))
                {
                    if (listed.Count == MostNamed) break;
                    if (seen is null || seen.Add(visit.Name)) listed.Add(Stops(visit));
                }
            return Listed(listed, forms.Sum(f => f.CountInFrame(start)) - (shared?.InFrameAgain(start) ?? 0));
        }
        // Without a start, the whole study is the frame: every visit of the forms. One that follows is looked for first, so
        // that the others are named only for a message.
        foreach (var (form, _) in dataForms)
            foreach (var visit in Collecting(plannedByForm, form))
                if (Follows(visit)) return null;
        var inFrame = new HashSet<string>(System.StringComparer.Ordinal); // by name: a visit that collects several of the forms counts once
        var named = new List<string>(MostNamed);
        foreach (var (form, _) in dataForms)
            foreach (var visit in Collecting(plannedByForm, form))
                if (inFrame.Add(visit.Name) && named.Count < MostNamed) named.Add(Stops(visit));
        return Listed(named, inFrame.Count);
    }
}
