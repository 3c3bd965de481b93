using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler.Binding.Declarations;

/// <summary>Binds <c>endpoint</c>: level, title, derivation kind, the data it derives from and its time frame.</summary>
internal static class EndpointBinder
{
    /// <summary>The statements of RECIST 1.1's confirmation (section 4.4), which only an <c>objective_response</c> endpoint takes.</summary>
    private const string ConfirmResponse = "confirm_response", StableDiseaseMinimum = "stable_disease_minimum";

    /// <summary>The censorings of an event that follows missed assessments or a new anticancer therapy, which only a <c>time_to_event</c> endpoint takes.</summary>
    private const string CensorAfterGap = "censor_after_gap", CensorAtNewTherapy = "censor_at_new_therapy";

    /// <summary>The date field that records an event other than progression and death (repeatable, one per event): time_to_event only.</summary>
    private const string EventDate = "event_date";

    /// <summary>Which adverse events an incidence endpoint counts: those with an onset in a period from the start, those that meet a condition.</summary>
    private const string OnsetWithin = "onset_within", CountWhen = "count_when", OnsetUntil = "onset_until";

    /// <summary>The statements every kind of endpoint takes: what PIC1002 lists when another kind is given a statement of one kind.</summary>
    private static readonly string[] StatementsOfEveryKind = { "kind", "data", "start", "event", "censor_at", "time_frame" };

    private static readonly string[] BlockStatements = StatementsOfEveryKind.Concat(new[] { ConfirmResponse, StableDiseaseMinimum, CensorAfterGap, CensorAtNewTherapy, OnsetWithin, CountWhen, OnsetUntil }).ToArray();

    public static readonly string[] Levels = { "primary", "secondary", "exploratory" };
    public static readonly string[] Kinds = { "objective_response", "time_to_event", "incidence", "correlation", "proportion", "summary" };
    public static readonly string[] Censorings = { "last_assessment", "last_known_alive", "end_of_study" };

    /// <summary>The kinds whose derivation is generated, and whose data fields are checked for the parts they play.</summary>
    public static readonly string[] DerivedKinds = { "objective_response", "time_to_event", "incidence" };

    /// <param name="context">The binding context.</param>
    /// <param name="statement">The endpoint's declaration.</param>
    /// <param name="tables">The forms and code lists bound so far, by name, and their fields: what the endpoint's data resolve to.</param>
    public static EndpointModel? Bind(BindingContext context, StatementSyntax statement, ModelTables tables)
    {
        var args = new StatementArguments(context, statement, "a name, primary, secondary or exploratory, a \"title\" and a { } block",
            "endpoint ORR primary \"Objective response rate\" { kind objective_response }", allowsBlock: true);
        if (!args.Expect(3, 3)) return null;
        var name = args.Name(0);
        var level = args.Choice(1, "endpoint level", Levels);
        var title = args.Text(2);
        if (name is null || level is null || title is null) return null;
        var subject = new OriginSubject("endpoint", name);
        var origin = context.OriginOf(statement, subject);
        var block = new BlockReader(context, statement, subject, BlockStatements, new[] { EventDate }, ownerOrigin: origin);

        string kind = "summary";
        var kindKnown = false; // a valid kind is given: only then is a statement of another kind reported as one
        if (block.One("kind") is { } k)
        {
            var a = new StatementArguments(context, k, "how it is derived", "kind time_to_event");
            if (a.Expect(1, 1) && a.Choice(0, "endpoint kind", Kinds) is { } chosen)
            {
                kind = chosen;
                kindKnown = true;
            }
        }
        else
            context.Report(DiagnosticDescriptors.MissingStatement, statement.Keyword.Span, "endpoint " + name, "kind", "kind objective_response");

        var data = new List<string>();
        var dataFields = new List<EndpointRoles.DataField>();
        var dataSpan = args.At(0)!.Span;
        if (block.One("data") is { } d)
        {
            dataSpan = d.Keyword.Span;
            var a = new StatementArguments(context, d, "the form fields it derives from", "data TumorAssessment.overall_response");
            var binder = new ExpressionBinder(context);
            foreach (var e in a.All)
            {
                var bound = binder.Bind(e);
                if (bound is BoundFieldReference f)
                {
                    data.Add(FieldPath.Of(f.Form, f.Field));
                    if (tables.FieldOf(f.Form, f.Field) is { } field)
                        dataFields.Add(new EndpointRoles.DataField(f.Form, field, e.Span));
                }
                else if (bound.Type.Kind != TypeKind.Error) a.Fail(e.Span); // errors are already reported
            }
            if (a.Count == 0) a.Fail(d.HeaderSpan);
        }

        string? start = null;
        if (block.One("start") is { } s)
        {
            var a = new StatementArguments(context, s, "the anchor time is counted from", "start first_dose");
            if (a.Expect(1, 1) && a.Name(0) is { } anchor)
            {
                if (context.Symbols.Is(anchor, SymbolKind.Anchor)) start = anchor;
                else context.Report(DiagnosticDescriptors.UnknownName, a.At(0)!.Span, "anchor", anchor, Suggestions.DidYouMeanLater(anchor, context.Symbols.NamesOf(SymbolKind.Anchor)));
            }
        }

        var events = new List<string>();
        var eventSpans = new List<Text.TextSpan>();
        if (block.One("event") is { } ev)
        {
            var a = new StatementArguments(context, ev, "the events that end the time, joined by 'or'", "event progression or death");
            foreach (var (n, syntax) in a.Names(0))
                if (events.Contains(n))
                    a.Fail(syntax.Span, "each event once, joined by 'or'", "event progression or death");
                else if (ScheduleBinder.CheckEvent(context, n, syntax))
                {
                    events.Add(n);
                    eventSpans.Add(syntax.Span);
                }
            if (a.Count == 0) a.Fail(ev.HeaderSpan);
        }

        string? censoring = null;
        var censoringSpan = default(Text.TextSpan);
        if (block.One("censor_at") is { } c)
        {
            var a = new StatementArguments(context, c, "when subjects without the event are censored", "censor_at last_assessment");
            if (a.Expect(1, 1))
            {
                censoring = a.Choice(0, "censoring rule", Censorings);
                censoringSpan = a.At(0)!.Span;
            }
        }
        if (kind == "time_to_event")
        {
            if (block.One("start") is null) context.Report(DiagnosticDescriptors.MissingStatement, statement.Keyword.Span, "time-to-event endpoint " + name, "start", "start first_dose");
            if (block.One("event") is null) context.Report(DiagnosticDescriptors.MissingStatement, statement.Keyword.Span, "time-to-event endpoint " + name, "event", "event progression or death");
            if (block.One("censor_at") is null) context.Report(DiagnosticDescriptors.MissingStatement, statement.Keyword.Span, "time-to-event endpoint " + name, "censor_at", "censor_at last_assessment");
        }

        string? timeFrame = null;
        if (block.One("time_frame") is { } tf)
        {
            var a = new StatementArguments(context, tf, "the time frame in quotes", "time_frame \"up to 2 years\"");
            if (a.Expect(1, 1)) timeFrame = a.Text(0);
        }

        // RECIST 1.1 confirmation of CR and PR, and the minimum duration of SD from the start: objective_response only.
        int? confirmationDays = FixedDaysStatement(context, block, ConfirmResponse, name, kind, kindKnown, ForRecist,
            $"the least interval between a CR or PR and the assessment that confirms it, a fixed duration of 1 to {AllowedRanges.MaxDays} days", "confirm_response 4 weeks");
        int? stableDiseaseMinimumDays = FixedDaysStatement(context, block, StableDiseaseMinimum, name, kind, kindKnown, ForRecist,
            $"the least time from the endpoint's start to an assessment of stable disease, a fixed duration of 1 to {AllowedRanges.MaxDays} days", "stable_disease_minimum 6 weeks");
        // An event after missed assessments is censored at the last adequate one: time_to_event only.
        int? censorAfterGapDays = FixedDaysStatement(context, block, CensorAfterGap, name, kind, kindKnown, ForGaps,
            $"the longest time from the last adequate tumor assessment to an event that is still counted, a fixed duration of 1 to {AllowedRanges.MaxDays} days", "censor_after_gap 14 weeks");
        // The start of a new anticancer therapy: a date field among the endpoint's data.
        var newTherapy = block.One(CensorAtNewTherapy) is { } therapyStatement && IsFor(context, therapyStatement, name, kind, kindKnown, ForNewTherapy)
            ? NewTherapyField(context, therapyStatement, tables, data)
            : null;
        if (kind == "objective_response" && block.One(StableDiseaseMinimum) is { } minimum && block.One("start") is null)
            context.Report(DiagnosticDescriptors.MissingStatement, minimum.Keyword.Span, $"endpoint {name}, whose stable_disease_minimum counts from its start,", "start", "start first_dose");
        // Which adverse events count: an onset within a period from the start (a DLT period), a condition on the event's form.
        int? onsetWithinDays = FixedDaysStatement(context, block, OnsetWithin, name, kind, kindKnown, ForIncidencePeriod,
            $"how many days from the endpoint's start an event's onset counts, a fixed duration of 1 to {AllowedRanges.MaxDays} days", "onset_within 21 days");
        if (kind == "incidence" && (block.One(OnsetWithin) ?? block.One(OnsetUntil)) is { } within && block.One("start") is null)
            context.Report(DiagnosticDescriptors.MissingStatement, within.Keyword.Span, $"endpoint {name}, whose {within.Keyword.Text} counts from its start,", "start", "start first_dose");
        var countWhen = block.One(CountWhen) is { } countStatement && IsFor(context, countStatement, name, kind, kindKnown, ForIncidenceCondition)
            ? CountCondition(context, countStatement)
            : null;
        var lastDose = block.One(OnsetUntil) is { } untilStatement && IsFor(context, untilStatement, name, kind, kindKnown, ForTreatmentEmergent)
            ? AfterLastDose(context, untilStatement, tables, data)
            : null;

        // The date fields of the other events, each an event of this endpoint's 'event' and a date field of its data.
        var eventDates = new List<(string Event, string Form, string Field)>();
        var eventConditions = new List<EventConditionModel>(); // "when" after an event's date field: which occurrences are the event
        var eventsDated = new HashSet<string>(System.StringComparer.Ordinal); // named by an event_date, even one reported: no PIC2015 on top
        var datedBy = new Dictionary<string, StatementSyntax>(System.StringComparer.Ordinal); // the event_date each dated event takes
        foreach (var dated in block.All(EventDate))
        {
            if (dated.Arguments.Count > 0 && dated.Arguments[0].AsName is { } datedName and not ("progression" or "death")) eventsDated.Add(datedName);
            if (IsFor(context, dated, name, kind, kindKnown, ForEventDates) && EventDateField(context, dated, tables, data, events) is { } found)
            {
                if (datedBy.TryGetValue(found.Event, out var first))
                    context.Report(DiagnosticDescriptors.RepeatedStatement, dated.Keyword.Span, $"{EventDate} {found.Event}", $"endpoint {name}", context.LineOf(first.Keyword.Span));
                else
                {
                    datedBy.Add(found.Event, dated);
                    eventDates.Add((found.Event, found.Form, found.Field));
                    if (found.Condition is { } condition) eventConditions.Add(condition);
                }
            }
        }

        // Which data field plays which part in the generated derivation (PIC2012-PIC2016).
        var roles = new EndpointRoles(context, name, dataFields, tables, newTherapy is { } therapyField ? (therapyField.Form, therapyField.Field) : null, eventDates);
        if (kind == "objective_response") roles.ObjectiveResponse(dataSpan);
        else if (kind == "incidence")
        {
            roles.Incidence(dataSpan);
            if (countWhen is { } condition && !ReadsTheEventForm(context, block.One(CountWhen)!, condition.Bound, roles.Roles)) countWhen = null;
        }
        else if (kind == "time_to_event")
        {
            for (var i = 0; i < events.Count; i++)
                if (!eventsDated.Contains(events[i]) || datedBy.ContainsKey(events[i])) roles.Event(events[i], eventSpans[i]);
            if (censoring is not null) roles.Censoring(censoring, censoringSpan);
            if (censorAfterGapDays is not null) roles.AssessmentGap(block.One(CensorAfterGap)!.Arguments[0].Span);
            if (newTherapy is { } therapy) roles.NewTherapy(therapy.Span);
            // Both censor at the last adequate tumour assessment: they are about progression, and would otherwise censor other events
            // by the scans. (Without a RECIST response among the data, PIC2015 is reported above instead.)
            if (block.One("event") is not null && !events.Contains("progression") && roles.Roles.Any(r => r.Role == "response"))
                foreach (var (keyword, what) in new[] { (CensorAfterGap, "censoring after a gap in the tumour assessments"), (CensorAtNewTherapy, "censoring at a new anticancer therapy") })
                    if (block.One(keyword) is { } censoringStatement && censoringStatement.Arguments.Count > 0)
                        context.Report(DiagnosticDescriptors.EndpointNotDerivable, censoringStatement.Keyword.Span, name, what,
                            $"it censors at the last adequate tumour assessment, so the endpoint's events include progression; add 'progression' to 'event', or remove '{keyword}'");
        }
        return new EndpointModel(name, level, title, kind, data.ToEquatableArray(), start, events.ToEquatableArray(), censoring, timeFrame, origin, roles.Roles,
            confirmationDays, stableDiseaseMinimumDays, censorAfterGapDays, onsetWithinDays, countWhen?.Bound, countWhen?.Text,
            lastDose is { } dose ? FieldPath.Of(dose.Form, dose.Field) : null, lastDose?.Days, eventConditions.ToEquatableArray(), lastDose?.Each ?? false);
    }

    /// <summary>
    /// <c>onset_until last Dosing.administration_date + 30 days</c> (or <c>each</c>, after every dose): a date field of the
    /// endpoint's data that dates each dose, and the days after the last one (or each one; 0 to 36500) up to which an onset
    /// counts; anything else is PIC1003 (or PIC2006, PIC2011 for the duration), and null.
    /// </summary>
    private static (string Form, string Field, int Days, bool Each)? AfterLastDose(BindingContext context, StatementSyntax statement, ModelTables tables, List<string> data)
    {
        const string Shape = "'last' (after the last dose) or 'each' (after every dose), a date field of the endpoint's data that dates each dose, '+' and the days after " +
            "that dose an onset still counts",
            Example = "onset_until last Dosing.administration_date + 30 days";
        var a = new StatementArguments(context, statement, Shape, Example);
        if (!a.Expect(2, 2)) return null;
        if (a.At(0)!.AsName is not ("last" or "each") || a.At(1) is not BinaryExpressionSyntax { Operator.Kind: TokenKind.Plus } sum)
        {
            a.Fail(a.At(0)!.AsName is not ("last" or "each") ? a.At(0)!.Span : a.At(1)!.Span);
            return null;
        }
        if (DateFieldOfData(a, sum.Left, tables, data, "the date of each dose") is not { } f) return null;
        return a.Days(sum.Right, OnsetUntil, allowZero: true) is { } days ? (f.Form, f.Field, days, a.At(0)!.AsName == "each") : null;
    }

    private const string EventDateShape = "an event of the endpoint's 'event' and the date field of its data that records it, then optionally 'when' and " +
        "a condition on that field's form that says which of its records are the event";
    private const string EventDateExample = "event_date mace Outcomes.mace_date";

    /// <summary>
    /// <c>event_date event Form.field [when condition]</c>: an event of the endpoint's <c>event</c> other than progression and
    /// death, a date field of its data that records it, and which of the form's records are the event (<c>when
    /// Outcomes.bleed_class == Bleeding.major</c>, read from each record, so only fields of that form); anything else is
    /// PIC1003 at the argument (PIC2005 for a condition that is not yes/no), and null.
    /// </summary>
    private static (string Event, string Form, string Field, EventConditionModel? Condition)? EventDateField(BindingContext context, StatementSyntax statement, ModelTables tables,
        List<string> data, List<string> events)
    {
        var a = new StatementArguments(context, statement, EventDateShape, EventDateExample);
        if (!a.Expect(2, 4) || a.Name(0) is not { } eventName) return null;
        if (eventName is "progression" or "death")
        {
            a.Fail(a.At(0)!.Span, $"an event other than progression and death, which come from the tumour assessments and the vital status", EventDateExample);
            return null;
        }
        if (!events.Contains(eventName))
        {
            a.Fail(a.At(0)!.Span, $"an event the endpoint ends at: add '{eventName}' to its 'event', or name one of {(events.Count == 0 ? "them" : string.Join(", ", events))}", $"event_date {(events.Count > 0 ? events[0] : eventName)} Form.date");
            return null;
        }
        // "when cond", or "when (cond)", which reads as a call of 'when'.
        var condition = a.Count == 4 && a.At(2)!.AsName == "when" ? a.At(3)
            : a.Count == 3 && a.At(2) is CallExpressionSyntax { Name.Text: "when", Arguments.Count: 1 } call ? call.Arguments[0]
            : null;
        if (a.Count > 2 && condition is null)
        {
            a.Fail(TextSpan.FromBounds(a.At(2)!.Span.Start, a.At(a.Count - 1)!.Span.End), EventDateShape,
                $"event_date {eventName} Form.date when Form.field == CodeList.code");
            return null;
        }
        if (DateFieldOfData(a, a.At(1)!, tables, data, "the date of " + eventName) is not { } field) return null;
        if (condition is null) return (eventName, field.Form, field.Field, null);
        var bound = new ExpressionBinder(context).BindCondition(condition);
        if (bound.Type.Kind == TypeKind.Error) return null;
        var read = new List<string>();
        BoundReferences.CollectPaths(bound, read);
        foreach (var path in read)
            if (!path.StartsWith(field.Form + ".", System.StringComparison.Ordinal))
            {
                a.Fail(condition.Span, $"a condition on the fields of {field.Form}, the form that records {eventName}, read from each of its records; it reads {path.TrimStart('@')}",
                    $"event_date {eventName} {field.Form}.{field.Field} when {field.Form}.field == CodeList.code");
                return null;
            }
        return (eventName, field.Form, field.Field, new EventConditionModel(eventName, bound, context.TextOf(condition)));
    }

    /// <summary>
    /// <c>count_when condition</c>: a yes/no condition (PIC2005 otherwise) that says which adverse events count, with its
    /// text as written for the generated documentation; null when it does not bind.
    /// </summary>
    private static (BoundExpression Bound, string Text)? CountCondition(BindingContext context, StatementSyntax statement)
    {
        var a = new StatementArguments(context, statement, "one condition on the fields of the adverse events' form", "count_when AdverseEvents.dose_limiting");
        if (!a.Expect(1, 1)) return null;
        var bound = new ExpressionBinder(context).BindCondition(a.At(0)!);
        return bound.Type.Kind == TypeKind.Error ? null : (bound, context.TextOf(a.At(0)!));
    }

    /// <summary>
    /// Whether a <c>count_when</c> condition reads only fields of the form whose records are counted (the form of the grade),
    /// which it reads from each event; a field of another form or an anchor is PIC1003 at the condition.
    /// </summary>
    private static bool ReadsTheEventForm(BindingContext context, StatementSyntax statement, BoundExpression condition, EquatableArray<EndpointRoleModel> roles)
    {
        string? form = null;
        foreach (var role in roles)
            if (role.Role == "grade") form = role.Form;
        if (form is null) return false; // no grade: PIC2012 is reported
        var read = new List<string>();
        BoundReferences.CollectPaths(condition, read);
        foreach (var path in read)
            if (!path.StartsWith(form + ".", System.StringComparison.Ordinal))
            {
                new StatementArguments(context, statement, "one condition on the fields of the adverse events' form", "count_when AdverseEvents.dose_limiting")
                    .Fail(statement.Arguments[0].Span, $"a condition on the fields of {form}, the form of the events it counts, read from each event; it reads {path.TrimStart('@')}",
                        $"count_when {form}.dose_limiting");
                return false;
            }
        return true;
    }

    /// <summary>The one kind of endpoint a statement is for, and what it is for, as PIC1002 says to an endpoint of another kind.</summary>
    private readonly record struct OnlyForKind(string Kind, string Purpose);

    private static readonly OnlyForKind ForRecist = new("objective_response", "RECIST 1.1 confirmation");
    private static readonly OnlyForKind ForGaps = new("time_to_event", "censoring of an event after missed assessments");
    private static readonly OnlyForKind ForNewTherapy = new("time_to_event", "censoring at a new anticancer therapy");
    private static readonly OnlyForKind ForEventDates = new("time_to_event", "the date that records an event");
    private static readonly OnlyForKind ForIncidencePeriod = new("incidence", "the period from the start in which an event's onset counts");
    private static readonly OnlyForKind ForIncidenceCondition = new("incidence", "the condition an adverse event meets to count");
    private static readonly OnlyForKind ForTreatmentEmergent = new("incidence", "the days after the last dose in which an event's onset counts");

    /// <summary>
    /// <c>confirm_response</c>, <c>stable_disease_minimum</c> or <c>censor_after_gap</c>: a fixed duration in whole days
    /// (PIC2006 without a unit, PIC2011 in months or years, PIC1003 when missing, zero, negative or past the longest), on an
    /// endpoint of the statement's kind; on an endpoint of another kind it is PIC1002, and its argument is not read.
    /// </summary>
    private static int? FixedDaysStatement(BindingContext context, BlockReader block, string keyword, string endpoint, string kind, bool kindKnown, OnlyForKind of,
        string shape, string example)
    {
        if (block.One(keyword) is not { } statement || !IsFor(context, statement, endpoint, kind, kindKnown, of)) return null;
        var a = new StatementArguments(context, statement, shape, example);
        if (!a.Expect(1, 1)) return null;
        return a.Days(0, keyword);
    }

    /// <summary>
    /// <c>censor_at_new_therapy Form.field</c>: a date field that the endpoint's <paramref name="data"/> list; anything else is
    /// PIC1003 at the argument (a date missing from the data is told to be added there), and null.
    /// </summary>
    private static (string Form, string Field, Text.TextSpan Span)? NewTherapyField(BindingContext context, StatementSyntax statement, ModelTables tables, List<string> data)
    {
        var a = new StatementArguments(context, statement, "a date field of the endpoint's data: when a new anticancer therapy starts",
            "censor_at_new_therapy SubsequentTherapy.start_date");
        if (!a.Expect(1, 1)) return null;
        return DateFieldOfData(a, a.At(0)!, tables, data, "a new therapy's start") is { } f ? (f.Form, f.Field, a.At(0)!.Span) : null;
    }

    /// <summary>
    /// <paramref name="e"/> (an argument, or part of one): a date field that the endpoint's <paramref name="data"/> list; anything
    /// else is PIC1003 at it (a date missing from the data is told to be added there, since the data list what the endpoint reads).
    /// </summary>
    private static (string Form, string Field)? DateFieldOfData(StatementArguments a, ExpressionSyntax e, ModelTables tables, List<string> data, string what)
    {
        var bound = new ExpressionBinder(a.Context).Bind(e);
        if (bound is not BoundFieldReference f || tables.FieldOf(f.Form, f.Field) is not { DataType: "date" or "datetime" })
        {
            if (bound.Type.Kind != TypeKind.Error) a.Fail(e.Span); // errors are already reported
            return null;
        }
        if (data.Contains(FieldPath.Of(f.Form, f.Field))) return (f.Form, f.Field);
        a.Fail(e.Span, $"a date field listed in the endpoint's data ({what}): add {f.Form}.{f.Field} to 'data'", $"data ..., {f.Form}.{f.Field}");
        return null;
    }

    /// <summary>
    /// Whether a statement of one kind of endpoint is on an endpoint of that kind (or of a kind not known); if not, it is
    /// PIC1002 at its keyword, and its argument is not read.
    /// </summary>
    private static bool IsFor(BindingContext context, StatementSyntax statement, string endpoint, string kind, bool kindKnown, OnlyForKind of)
    {
        if (!kindKnown || kind == of.Kind) return true;
        context.Report(DiagnosticDescriptors.UnknownStatement, statement.Keyword.Span, statement.Keyword.Text, $"{kind} endpoint {endpoint}",
            $"; it is for {of.Kind} endpoints ({of.Purpose}): remove it, or make the endpoint kind {of.Kind}", Suggestions.ListLater(StatementsOfEveryKind));
        return false;
    }
}
