using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler.Binding.Declarations;

/// <summary>
/// Works out which data field plays which part in an endpoint's derivation, by type, and reports what is missing
/// or ambiguous (PIC2012–PIC2016):
/// <list type="bullet">
/// <item>a RECIST 1.1 response is a field coded with a code list that has CR, PR, SD, PD and NE;</item>
/// <item>a vital status is a field coded with a code list that has the code <c>dead</c>; a date field of its form
/// shown only when it is <c>dead</c> is the date of death;</item>
/// <item>an adverse event's grade is the integer field, its term the text or coded field of the same form;</item>
/// <item>each record is dated by the date field of its form listed in the data, or else by the form's only date field.</item>
/// </list>
/// </summary>
internal sealed class EndpointRoles
{
    public static readonly string[] RecistCodes = { "CR", "PR", "SD", "PD", "NE" };
    private const string RecistHint = "a RECIST 1.1 response (a field coded with a code list that has the codes CR, PR, SD, PD and NE)";
    private const string StatusHint = "a vital status (a field coded with a code list that has the code dead)";

    /// <summary>A field of an endpoint's data with its place in the file.</summary>
    public sealed record DataField(string Form, FieldModel Field, TextSpan Span)
    {
        public string Name => FieldPath.Of(Form, Field.Name);
    }

    private readonly BindingContext _context;
    private readonly string _endpoint;
    private readonly List<DataField> _data;
    private readonly ModelTables _tables;
    private readonly List<EndpointRoleModel> _roles = new();
    private (bool Done, DataField? Field) _response, _status;
    // Whether any data field is a RECIST response, or a vital status, found once: each event and the censoring rule ask, and
    // an endpoint may list thousands of each.
    private bool? _anyRecist, _anyStatus;

    /// <param name="context">The binding context.</param>
    /// <param name="endpoint">The endpoint's name.</param>
    /// <param name="data">Its data fields.</param>
    /// <param name="tables">The forms bound so far, shared by every endpoint: a form's date fields are found once, rather than
    /// searched for each endpoint that reads it.</param>
    /// <param name="newTherapy">The data field <c>censor_at_new_therapy</c> names, if any: it dates a therapy, never a record
    /// of the response or the vital status, nor a death.</param>
    /// <param name="eventDates">The date fields <c>event_date</c> names for the endpoint's other events: each dates its event, never a
    /// record of the response or the vital status, nor a death.</param>
    public EndpointRoles(BindingContext context, string endpoint, List<DataField> data, ModelTables tables, (string Form, string Field)? newTherapy = null,
        IReadOnlyList<(string Event, string Form, string Field)>? eventDates = null)
    {
        _context = context;
        _endpoint = endpoint;
        _data = data;
        _tables = tables;
        _newTherapy = newTherapy;
        _eventDates = eventDates ?? System.Array.Empty<(string, string, string)>();
    }

    private readonly (string Form, string Field)? _newTherapy;
    private readonly IReadOnlyList<(string Event, string Form, string Field)> _eventDates;

    /// <summary>Whether a date field plays a part of its own (a new therapy's start, an event's date): it dates no record then.</summary>
    private bool IsSetAside(string form, string field)
    {
        if (_newTherapy is { } t && t.Form == form && t.Field == field) return true;
        foreach (var e in _eventDates)
            if (e.Form == form && e.Field == field) return true;
        return false;
    }

    /// <summary>How many distinct date fields of <paramref name="form"/> play a part of their own, <paramref name="except"/> left out.</summary>
    private int SetAsideCount(string form, string? except)
    {
        var fields = new HashSet<string>(System.StringComparer.Ordinal);
        if (_newTherapy is { } t && t.Form == form && t.Field != except) fields.Add(t.Field);
        foreach (var e in _eventDates)
            if (e.Form == form && e.Field != except) fields.Add(e.Field);
        return fields.Count;
    }

    public EquatableArray<EndpointRoleModel> Roles => _roles.ToEquatableArray();

    /// <summary>The role of an event's date field; the event is the role's <see cref="EndpointRoleModel.Event"/>.</summary>
    public const string EventDateRole = "event_date";

    /// <summary>Checks the data of an objective_response endpoint.</summary>
    public void ObjectiveResponse(TextSpan dataSpan)
    {
        if (Response() is not null || AnyRecist) return; // found, or found without a date (PIC2014)
        if (FirstCoded() is { } coded)
        {
            var codes = CodesOf(coded.Field);
            _context.Report(DiagnosticDescriptors.NotRecistCoded, coded.Span, coded.Name, coded.Field.CodeList ?? "?",
                string.Join(", ", RecistCodes.Where(c => codes is null || !codes.Contains(c))), _endpoint);
        }
        else
            _context.Report(DiagnosticDescriptors.EndpointDataMissingRole, dataSpan, _endpoint, "objective_response", RecistHint, "TumorAssessment.overall_response");
    }

    /// <summary>Checks the data of an incidence endpoint: a grade, a term of the same form, the record's date.</summary>
    public void Incidence(TextSpan dataSpan)
    {
        var grade = Single(Role.Grade, null);
        if (grade is null)
        {
            _context.Report(DiagnosticDescriptors.EndpointDataMissingRole, dataSpan, _endpoint, "incidence", "a CTCAE grade (an integer field)", "AdverseEvents.term, AdverseEvents.grade");
            return;
        }
        var term = Single(Role.Term, grade);
        if (term is null)
        {
            _context.Report(DiagnosticDescriptors.EndpointDataMissingRole, dataSpan, _endpoint, "incidence",
                $"an adverse-event term (a text or coded field of form {grade.Form}, the form of its grade {grade.Field.Name})", $"{grade.Form}.term, {grade.Name}");
            return;
        }
        Add("grade", grade);
        Add("term", term);
        RecordDate(grade, "onset", null);
    }

    /// <summary>Checks that each event of a time_to_event endpoint can be derived from its data.</summary>
    public void Event(string name, TextSpan span)
    {
        switch (name)
        {
            case "progression":
                if (LacksResponse) NotDerivable($"event '{name}'", span, $"add {RecistHint} and its form's date, such as 'data TumorAssessment.assessment_date, TumorAssessment.overall_response'");
                break;
            case "death":
                if (LacksStatus) NotDerivable($"event '{name}'", span, $"add {StatusHint}, such as 'data SurvivalStatus.contact_date, SurvivalStatus.vital_status'");
                break;
            default:
                foreach (var dated in _eventDates)
                    if (dated.Event == name)
                    {
                        var role = new EndpointRoleModel(EventDateRole, dated.Form, dated.Field, name);
                        if (!_roles.Contains(role)) _roles.Add(role);
                        return;
                    }
                NotDerivable($"event '{name}'", span,
                    $"progression (the first PD of a RECIST 1.1 response) and death (from a vital status) come from form data; for another event, name the date field that records it: 'event_date {name} Form.{name}_date'");
                break;
        }
    }

    /// <summary>Checks that the censoring of a time_to_event endpoint can be derived from its data.</summary>
    public void Censoring(string rule, TextSpan span)
    {
        if (rule == "last_assessment" && LacksResponse)
            NotDerivable("censoring at last_assessment", span, $"add {RecistHint} and its form's date");
        else if (rule == "last_known_alive" && LacksStatus)
            NotDerivable("censoring at last_known_alive", span, $"add {StatusHint} and its form's date");
    }

    /// <summary>
    /// Checks that <c>censor_after_gap</c> can be derived: the gap runs from the last adequate tumour assessment, so the
    /// endpoint reads a RECIST 1.1 response.
    /// </summary>
    public void AssessmentGap(TextSpan span) => ReadsResponse("censoring after a gap in the assessments", span, "censor_after_gap");

    /// <summary>
    /// The field given to the constructor that dates a new anticancer therapy (<c>censor_at_new_therapy</c>, at
    /// <paramref name="span"/>) becomes its part: a subject is then censored at the last adequate tumour assessment before
    /// it, so the endpoint reads a RECIST 1.1 response.
    /// </summary>
    public void NewTherapy(TextSpan span)
    {
        if (_newTherapy is { } therapy && ReadsResponse("censoring at a new anticancer therapy", span, "censor_at_new_therapy"))
            _roles.Add(new EndpointRoleModel("new_therapy", therapy.Form, therapy.Field));
    }

    /// <summary>Whether the endpoint reads a RECIST 1.1 response, as a censoring at an assessment needs; else PIC2015 at <paramref name="span"/>.</summary>
    private bool ReadsResponse(string what, TextSpan span, string statement)
    {
        if (!LacksResponse) return true;
        NotDerivable(what, span, $"add {RecistHint} and its form's date, or remove {statement}");
        return false;
    }

    // No data field is a RECIST response, or a vital status (one without a date is reported once, PIC2014).
    private bool LacksResponse => Response() is null && !AnyRecist;
    private bool LacksStatus => Status() is null && !AnyStatus;

    private void NotDerivable(string what, TextSpan span, string fix) =>
        _context.Report(DiagnosticDescriptors.EndpointNotDerivable, span, _endpoint, what, fix);

    private DataField? Response()
    {
        if (_response.Done) return _response.Field;
        var field = Single(Role.Response, null);
        if (field is not null)
        {
            Add("response", field);
            if (!RecordDate(field, "response_date", null)) field = null;
        }
        _response = (true, field);
        return field;
    }

    private DataField? Status()
    {
        if (_status.Done) return _status.Field;
        var field = Single(Role.Status, null);
        if (field is not null)
        {
            Add("status", field);
            var deathDate = Single(Role.DeathDate, field);
            if (deathDate is not null) Add("death_date", deathDate);
            if (!RecordDate(field, "status_date", deathDate?.Field.Name)) field = null;
        }
        _status = (true, field);
        return field;
    }

    /// <summary>Dates each record of <paramref name="of"/>'s form: the form's date field listed in the data, or its only date field.</summary>
    private bool RecordDate(DataField of, string role, string? except)
    {
        if (Single(Role.RecordDate, of, except) is { } listed)
        {
            Add(role, listed);
            return true;
        }
        // The form's date fields other than the date of death (one of them when given: a date field of this form in the data),
        // found once per form; a message names the first few, since a form may have thousands and many endpoints read it.
        var formDates = _tables.DateFieldsOf(of.Form);
        bool Candidate(FieldModel f) => f.Name != except && !IsSetAside(of.Form, f.Name);
        int count = formDates.Count - (except is null ? 0 : 1) - SetAsideCount(of.Form, except);
        if (count == 1)
        {
            foreach (var date in formDates)
                if (Candidate(date))
                {
                    _roles.Add(new EndpointRoleModel(role, of.Form, date.Name));
                    return true;
                }
        }
        _context.Report(DiagnosticDescriptors.EndpointRecordWithoutDate, of.Span, _endpoint, of.Form,
            count > 0 ? $"several date fields ({Suggestions.FirstListed(formDates.Where(Candidate).Select(d => d.Name), count, Suggestions.MostListed)})"
                : formDates.Count == 0 ? "no date field" : "no date field but " + SetAside(of.Form, except),
            count > 0 ? "list the one that dates each record among the endpoint's data"
                : formDates.Count == 0 ? "add one to the form" : "add a date field that dates each record to the form and list it among the endpoint's data");
        return false;
    }

    /// <summary>The date fields of <paramref name="form"/> kept for another role (the date of death, a new therapy's start), for
    /// PIC2014's message when no other date field is left to date each record.</summary>
    private string SetAside(string form, string? deathDate)
    {
        var kept = new List<string>(2);
        if (deathDate is not null) kept.Add($"{FieldPath.Of(form, deathDate)} (the date of death)");
        if (_newTherapy is { } t && t.Form == form && t.Field != deathDate) kept.Add($"{FieldPath.Of(form, t.Field)}, which censor_at_new_therapy reads as a new therapy's start");
        foreach (var e in _eventDates)
            if (e.Form == form && e.Field != deathDate) kept.Add($"{FieldPath.Of(form, e.Field)}, which event_date reads as the date of {e.Event}");
        return string.Join(" and ", kept);
    }

    /// <summary>What a data field is looked for as, by <see cref="Single"/>.</summary>
    private enum Role { Grade, Term, Response, Status, DeathDate, RecordDate }

    /// <summary>
    /// The first data field that can play <paramref name="role"/> (<paramref name="of"/> is the field it goes with, and
    /// <paramref name="except"/> a record date's field to leave out); every further one is reported as ambiguous. A loop over
    /// the data rather than a query, since every derived endpoint asks several times.
    /// </summary>
    private DataField? Single(Role role, DataField? of, string? except = null)
    {
        DataField? first = null;
        foreach (var d in _data)
        {
            if (!Plays(d, role, of, except)) continue;
            if (first is null) first = d;
            else _context.Report(DiagnosticDescriptors.EndpointRoleAmbiguous, d.Span, first.Name, d.Name, Described(role, of), _endpoint);
        }
        return first;
    }

    // How a message names a role: made only for a report.
    private static string Described(Role role, DataField? of) => role switch
    {
        Role.Grade => "CTCAE grade",
        Role.Term => "adverse-event term",
        Role.Response => "RECIST 1.1 response",
        Role.Status => "vital status",
        Role.DeathDate => "date of death",
        _ => "date of each " + of!.Form + " record",
    };

    private bool Plays(DataField d, Role role, DataField? of, string? except) => role switch
    {
        Role.Grade => d.Field.DataType == "integer",
        Role.Term => d.Form == of!.Form && (d.Field.DataType == "text" || d.Field.DataType == "code"),
        Role.Response => IsRecist(d),
        Role.Status => IsStatus(d),
        Role.DeathDate => d.Form == of!.Form && IsDate(d.Field) && ShownWhenDead(d.Field, of) && !IsSetAside(d.Form, d.Field.Name),
        _ => d.Form == of!.Form && IsDate(d.Field) && d.Field.Name != except && !IsSetAside(d.Form, d.Field.Name),
    };

    private DataField? FirstCoded()
    {
        foreach (var d in _data)
            if (d.Field.DataType == "code") return d;
        return null;
    }

    private void Add(string role, DataField field) => _roles.Add(new EndpointRoleModel(role, field.Form, field.Field.Name));

    private bool AnyRecist => _anyRecist ??= Any(Role.Response);

    private bool AnyStatus => _anyStatus ??= Any(Role.Status);

    private bool Any(Role role)
    {
        foreach (var d in _data)
            if (Plays(d, role, null, null)) return true;
        return false;
    }

    private bool IsRecist(DataField d)
    {
        if (CodesOf(d.Field) is not { } codes) return false;
        foreach (var code in RecistCodes)
            if (!codes.Contains(code)) return false;
        return true;
    }

    private bool IsStatus(DataField d) => CodesOf(d.Field) is { } codes && codes.Contains("dead");

    /// <summary>
    /// The codes of a coded field's list, or null for a field that is not coded with a known list: the symbol's, which has
    /// them in a set already (the model's lists would each be indexed again, for a few lookups).
    /// </summary>
    private CodeListSymbol? CodesOf(FieldModel field) =>
        field.DataType == "code" && field.CodeList is { } name && _context.Symbols.CodeLists.TryGetValue(name, out var list) ? list : null;

    private static bool IsDate(FieldModel field) => field.DataType is "date" or "datetime";

    private static bool ShownWhenDead(FieldModel field, DataField status)
    {
        if (field.ShownWhen is not BoundBinary { Operator: BoundOperator.Equal } b) return false;
        var (reference, code) = b.Left is BoundFieldReference ? (b.Left as BoundFieldReference, b.Right as BoundCode) : (b.Right as BoundFieldReference, b.Left as BoundCode);
        return reference is not null && code?.Code == "dead" && reference.Form == status.Form && reference.Field == status.Field.Name;
    }
}
