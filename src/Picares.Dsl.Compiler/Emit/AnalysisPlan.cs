using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// What the endpoint analysis of a protocol consists of, for the Analysis template: for each endpoint the binder
/// gave roles (objective_response, time_to_event, incidence), a method that maps a subject's typed forms to the
/// runtime's records and calls its derivation, and the summary over subjects. The statistics live in the runtime.
/// </summary>
public sealed class AnalysisPlan
{
    private const string Endpoints = "global::Picares.Dsl.Runtime.Endpoints.";

    private AnalysisPlan() { }

    /// <summary>The derived endpoints.</summary>
    public List<DerivedEndpoint> Derived { get; } = new();
    /// <summary>The endpoints without a generated derivation, "Name (kind)", for the documentation.</summary>
    public string NotDerived { get; private set; } = "";
    /// <summary>The private methods that turn a case book into records, one per form and record type.</summary>
    public List<RecordSource> Sources { get; } = new();
    /// <summary>The static fields the conditions of <c>count_when</c> read (quantities, code sets).</summary>
    public List<string> Constants { get; } = new();

    /// <summary>One derived endpoint.</summary>
    /// <param name="Name">Its protocol name.</param>
    /// <param name="Member">The method and property name.</param>
    /// <param name="Title">Its title.</param>
    /// <param name="Kind">Its kind.</param>
    /// <param name="SubjectType">The per-subject derivation type.</param>
    /// <param name="SummaryType">The summary type.</param>
    /// <param name="Derive">The expression that derives one subject, over <c>subject</c> and <c>dataCutoff</c>.</param>
    /// <param name="Definition">A static field's declarator (<c>__Definition2 = new ...</c>) for what the derivation is given: a time-to-event definition, a response confirmation; or null.</param>
    /// <param name="Description">What the derivation reads, for its documentation.</param>
    /// <param name="DefinitionType">The type of the <paramref name="Definition"/> field.</param>
    public sealed record DerivedEndpoint(string Name, string Member, string Title, string Kind, string SubjectType, string SummaryType, string Derive, string? Definition, string Description,
        string DefinitionType = Endpoints + "TimeToEventDefinition");

    /// <summary>A method that lists the records of one form as one record type.</summary>
    public sealed record RecordSource(string Method, string RecordType, string Body);

    private static readonly HashSet<string> Fixed = new(System.StringComparer.Ordinal)
    {
        "Analysis", "Crf", "Run", "Results", "SubjectResult", "Subject", "Subjects", "DataCutoff", "ConfidenceLevel", "Arm", "ByArm", "Arms", "Equals", "GetHashCode", "ToString", "GetType",
    };

    /// <summary>Plans the analysis of a model; <paramref name="crf"/> is the fully qualified Crf class name with a trailing dot.</summary>
    public static AnalysisPlan For(ProtocolModel model, string crf)
    {
        var plan = new AnalysisPlan();
        var tables = new ModelTables(model);
        var forms = tables.Forms;
        var codeLists = tables.CodeLists;
        var notDerived = new List<string>();
        var sources = new Dictionary<string, string>();

        string Value(EndpointRoleModel role)
        {
            var form = forms[role.Form];
            // Found by name: a search of the form's fields for each role of each endpoint grew with endpoints times fields.
            var field = tables.FieldOf(role.Form, role.Field) ?? throw new System.InvalidOperationException($"The endpoint field {role.Form}.{role.Field} is not in the model.");
            var access = Access(form.Name, field.Name);
            return field.DataType == "code" && field.CodeList is { } list && codeLists.ContainsKey(list)
                ? $"{crf}{CSharp.CodeListHelper(list)}.CodeOf({access})"
                : access;
        }
        // A field of the record being listed (r, one occurrence of its form).
        static string Access(string form, string field) => "r." + CSharp.Member(field, CSharp.Member(form, "Crf"));
        // count_when, read from each record: Unknown (a field it reads is missing) is null, never taken as met.
        var conditions = new ConditionEmitter(model, Access, (list, access) => $"{crf}{CSharp.CodeListHelper(list)}.CodeOf({access})", tables: tables);
        string Meets(BoundExpression condition) =>
            $"({conditions.Emit(condition)}) switch {{ global::Picares.Dsl.Runtime.Eligibility.Truth.True => true, global::Picares.Dsl.Runtime.Eligibility.Truth.False => false, _ => (bool?)null }}";

        string Source(string recordType, string form, params string[] values)
        {
            var key = recordType + "|" + form + "|" + string.Join("|", values);
            if (sources.TryGetValue(key, out var method)) return method;
            method = "__Records" + sources.Count.ToString(CultureInfo.InvariantCulture);
            sources[key] = method;
            var f = forms[form];
            var property = "book." + CSharp.Member(form, "CaseBook");
            // Not a format string: a count_when condition's C# has braces of its own.
            string Create(string occurrence) => $"new {Endpoints}{recordType}({CSharp.Literal(form)}, {occurrence}, {string.Join(", ", values)})";
            var body = f.Repeating
                ? $"for (var i = 0; i < {property}.Count; i++) {{ var r = {property}[i]; records.Add({Create("i + 1")}); }}"
                : $"if ({property} is {{ }} r) records.Add({Create("1")});";
            plan.Sources.Add(new RecordSource(method, Endpoints + recordType, body));
            return method;
        }

        foreach (var endpoint in model.Endpoints)
        {
            // The first field of each part (the binder gives each part one; a dictionary that threw on a second would stop the emit).
            var roles = new Dictionary<string, EndpointRoleModel>(System.StringComparer.Ordinal);
            foreach (var r in endpoint.Roles)
                if (!roles.ContainsKey(r.Role)) roles.Add(r.Role, r);
            EndpointRoleModel? Role(string name) => roles.TryGetValue(name, out var r) ? r : null;
            var start = endpoint.Start is { } anchor ? "subject.Anchors." + CSharp.Member(anchor, "AnchorDates") : "null";
            var startAnchor = CSharp.Literal(endpoint.Start);
            var member = CSharp.Member(endpoint.Name, "Analysis");
            while (Fixed.Contains(member)) member += "_";

            // The condition of an event's event_date, or null: which records of its form are the event.
            EventConditionModel? ConditionOf(string eventName) => endpoint.EventConditions.FirstOrDefault(c => c.Event == eventName);
            string Responses() => Role("response") is { } response && Role("response_date") is { } date
                ? Source("ResponseRecord", response.Form, Value(date), Value(response)) + "(subject.Forms)"
                : $"global::System.Array.Empty<{Endpoints}ResponseRecord>()";
            string Statuses() => Role("status") is { } status && Role("status_date") is { } date
                ? Source("VitalStatusRecord", status.Form, Value(date), Value(status), Role("death_date") is { } death ? Value(death) : "null") + "(subject.Forms)"
                : $"global::System.Array.Empty<{Endpoints}VitalStatusRecord>()";
            string Therapies() => Role("new_therapy") is { } therapy ? ", newTherapies: " + Source("TherapyRecord", therapy.Form, Value(therapy)) + "(subject.Forms)" : "";
            // The other events' records, each event's form listed by its own method, joined in the order of the endpoint's events.
            string DatedEvents()
            {
                string? joined = null;
                foreach (var role in endpoint.Roles)
                {
                    if (role is not { Role: Binding.Declarations.EndpointRoles.EventDateRole, Event: { } eventName }) continue;
                    var condition = ConditionOf(eventName);
                    var records = (condition is null
                        ? Source("DatedEventRecord", role.Form, CSharp.Literal(eventName), Value(role))
                        : Source("DatedEventRecord", role.Form, CSharp.Literal(eventName), Value(role), Meets(condition.Condition), CSharp.Literal(condition.Text))) + "(subject.Forms)";
                    joined = joined is null ? records : $"global::System.Linq.Enumerable.Concat({joined}, {records})";
                }
                return joined is null ? "" : ", datedEvents: " + joined;
            }
            string Fields() => string.Join(", ", endpoint.Roles.Select(r => $"{r.Form}.{r.Field} ({r.Role.Replace('_', ' ')}{(r.Event is { } e ? ":" + e : "")}" +
                $"{(r.Event is { } dated && ConditionOf(dated) is { } when ? " when " + when.Text : "")})"));

            switch (endpoint.Kind)
            {
                case "objective_response" when Role("response") is not null:
                {
                    // With confirm_response or stable_disease_minimum, the rules are a static field the call passes.
                    bool confirms = endpoint.ConfirmationDays is not null || endpoint.StableDiseaseMinimumDays is not null;
                    var rules = "__Confirmation" + plan.Derived.Count.ToString(CultureInfo.InvariantCulture);
                    var confirmed = endpoint.ConfirmationDays is { } days
                        ? $"CR and PR confirmed by an assessment at least {days} days later"
                        : "CR and PR unconfirmed";
                    var stable = endpoint.StableDiseaseMinimumDays is { } minimum ? $", SD at least {minimum} days after {endpoint.Start}" : "";
                    plan.Derived.Add(new DerivedEndpoint(endpoint.Name, member, endpoint.Title, endpoint.Kind,
                        Endpoints + "SubjectObjectiveResponse", Endpoints + "ObjectiveResponseSummary",
                        $"{Endpoints}ObjectiveResponseDerivation.Derive(subject.Id ?? \"\", {startAnchor}, {start}, {Responses()}, dataCutoff{(confirms ? ", " + rules : "")})",
                        confirms ? $"{rules} = new {Endpoints}ResponseConfirmation({CSharp.Integer(endpoint.ConfirmationDays)}, {CSharp.Integer(endpoint.StableDiseaseMinimumDays)})" : null,
                        confirms ? $"RECIST 1.1 confirmed best overall response ({confirmed}{stable}) from " + Fields() : "RECIST 1.1 best overall response from " + Fields(),
                        Endpoints + "ResponseConfirmation"));
                    break;
                }
                case "incidence" when Role("grade") is { } grade && Role("term") is { } term && Role("onset") is { } onset:
                {
                    var values = endpoint.CountWhen is { } condition
                        ? new[] { Value(term), Value(grade), Value(onset), Meets(condition) }
                        : new[] { Value(term), Value(grade), Value(onset) };
                    var period = endpoint.OnsetWithinDays is { } days ? ", onsetWithinDays: " + CSharp.Integer(days) : "";
                    var counted = endpoint.CountWhenText is { } text ? ", countWhen: " + CSharp.Literal(text) : "";
                    var untilDose = "";
                    if (endpoint.LastDoseField is { } doseField && endpoint.DaysAfterLastDose is { } afterDose)
                    {
                        var (doseForm, doseDate) = FieldPath.Split(doseField);
                        untilDose = $", doses: {Source("DoseRecord", doseForm, Value(new EndpointRoleModel("dose_date", doseForm, doseDate)))}(subject.Forms), daysAfterLastDose: {CSharp.Integer(afterDose)}{(endpoint.AfterEachDose ? ", afterEachDose: true" : "")}";
                    }
                    plan.Derived.Add(new DerivedEndpoint(endpoint.Name, member, endpoint.Title, endpoint.Kind,
                        Endpoints + "SubjectIncidence", Endpoints + "IncidenceSummary",
                        $"{Endpoints}IncidenceDerivation.Derive(subject.Id ?? \"\", {startAnchor}, {start}, {Source("AdverseEventRecord", grade.Form, values)}(subject.Forms), dataCutoff{period}{counted}{untilDose})", null,
                        "worst CTCAE grade per subject and term" +
                        (endpoint.OnsetWithinDays is { } within ? $" of the events with an onset in the first {within.ToString(CultureInfo.InvariantCulture)} days from {endpoint.Start}" : "") +
                        (endpoint.CountWhenText is { } when ? $" {(endpoint.OnsetWithinDays is null ? "of the events" : "and")} that meet count_when {when}" : "") +
                        (endpoint.LastDoseField is { } last
                            ? endpoint.AfterEachDose
                                ? $" with an onset on the day of a dose or at most {CSharp.Integer(endpoint.DaysAfterLastDose)} days after it ({last})"
                                : $" with an onset at most {CSharp.Integer(endpoint.DaysAfterLastDose)} days after the last {last}"
                            : "") +
                        " from " + Fields()));
                    break;
                }
                case "time_to_event" when endpoint.Start is not null && endpoint.Censoring is not null:
                    var censoring = endpoint.Censoring switch
                    {
                        "last_assessment" => "LastAssessment",
                        "last_known_alive" => "LastKnownAlive",
                        _ => "EndOfStudy",
                    };
                    var definition = $"new {Endpoints}TimeToEventDefinition({CSharp.Literal(endpoint.Name)}, {startAnchor}, " +
                                     $"{(endpoint.Events.Contains("progression") ? "true" : "false")}, {(endpoint.Events.Contains("death") ? "true" : "false")}, {Endpoints}CensoringRule.{censoring}" +
                                     (endpoint.CensorAfterGapDays is { } gap ? ", " + CSharp.Integer(gap) : "") + ")";
                    var field = "__Definition" + plan.Derived.Count.ToString(CultureInfo.InvariantCulture);
                    plan.Derived.Add(new DerivedEndpoint(endpoint.Name, member, endpoint.Title, endpoint.Kind,
                        Endpoints + "SubjectTimeToEvent", Endpoints + "TimeToEventSummary",
                        $"{Endpoints}TimeToEventEndpoint.Derive({field}, subject.Id ?? \"\", {start}, {Responses()}, {Statuses()}, dataCutoff{Therapies()}{DatedEvents()})", field + " = " + definition,
                        $"time from {endpoint.Start} to {string.Join(" or ", endpoint.Events)}, censored at {endpoint.Censoring}" +
                        (endpoint.CensorAfterGapDays is { } gapDays ? $" (an event more than {gapDays.ToString(CultureInfo.InvariantCulture)} days after the last adequate assessment censored at that assessment)" : "") +
                        (Role("new_therapy") is { } newTherapy ? $" (a subject who starts a new anticancer therapy, {newTherapy.Form}.{newTherapy.Field}, before the event censored at the last adequate assessment on or before it)" : "") +
                        ", from " + Fields()));
                    break;
                default:
                    notDerived.Add($"{endpoint.Name} ({endpoint.Kind})");
                    break;
            }
        }
        plan.NotDerived = string.Join(", ", notDerived);
        plan.Constants.AddRange(conditions.Constants);
        return plan;
    }
}
