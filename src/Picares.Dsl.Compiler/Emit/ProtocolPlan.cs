using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// The protocol model's lists, for the Protocol template, with every value already written as C#: code lists and
/// their codes, forms and their fields, criteria, visits, endpoints and assumptions. A template function call costs Scriban about half a
/// microsecond, and these lists made most of the template's thousand calls; reading a prepared string costs a fifth
/// of that. The template keeps the layout and the constructors' argument order where each item has few arguments;
/// a code's and a field's arguments, which are many and alike, come as one argument list.
/// </summary>
public sealed class ProtocolPlan
{
    private ProtocolPlan() { }

    /// <summary>Code lists, in declaration order.</summary>
    public List<CodeListEntry> CodeLists { get; } = new();
    /// <summary>Forms, in declaration order.</summary>
    public List<FormEntry> Forms { get; } = new();
    /// <summary>Criteria, in protocol order.</summary>
    public List<CriterionEntry> Criteria { get; } = new();
    /// <summary>Visits, in declaration order.</summary>
    public List<VisitEntry> Visits { get; } = new();
    /// <summary>Endpoints, in declaration order.</summary>
    public List<EndpointEntry> Endpoints { get; } = new();
    /// <summary>The author's assumptions, in file order.</summary>
    public List<AssumptionEntry> Assumptions { get; } = new();

    /// <summary>A code list: its property, its summary, its constructor's arguments, and each code's arguments.</summary>
    public sealed record CodeListEntry(string Member, string LabelXml, string NameLiteral, string LabelLiteral, List<string> Codes, string Origin);

    /// <summary>A form: its property, its summary, its constructor's arguments, and each field's arguments.</summary>
    public sealed record FormEntry(string Member, string LabelXml, string NameLiteral, string LabelLiteral, string Repeating, List<string> Fields, string Origin);

    /// <summary>A criterion: its property, its summary, and its constructor's arguments.</summary>
    public sealed record CriterionEntry(
        string Member, string Summary, string IdLiteral, string Category, string TextLiteral, string ConditionLiteral,
        string AttestedByLiteral, string Reads, string Origin);

    /// <summary>A visit: its property, its summary, and its constructor's arguments, one property each.</summary>
    public sealed record VisitEntry(
        string Member, string LabelXml, string Name, string Label, string Timing, string Anchor, string Day, string LastDay,
        string WindowBefore, string WindowAfter, string OffsetDays, string EveryDays, string Anchoring, string Until, string MaxCount,
        string Collect, string Activities, string Origin);

    /// <summary>
    /// An endpoint: its property, its summary, and its constructor's arguments, one property each; <see cref="OptionalArguments"/>
    /// is empty, or the optional rules (RECIST confirmation, the minimum for stable disease, the gap for censoring, the field
    /// of a new therapy, the period and condition of the adverse events counted) with their leading comma, up to the last one given.
    /// </summary>
    public sealed record EndpointEntry(
        string Member, string Summary, string Name, string Level, string Title, string Kind, string Data, string Start,
        string Events, string Censoring, string TimeFrame, string Origin, string OptionalArguments);

    /// <summary>An assumption's arguments: its subject and reason as C# literals, and its place in the file.</summary>
    public sealed record AssumptionEntry(string Subject, string Reason, string Line, string Column);

    /// <summary>The plan of a protocol.</summary>
    public static ProtocolPlan For(ProtocolModel model)
    {
        var plan = new ProtocolPlan();
        foreach (var list in model.CodeLists)
            plan.CodeLists.Add(new CodeListEntry(
                CSharp.Member(list.Name, "CodeLists"), CSharp.Xml(list.Label), CSharp.Literal(list.Name), CSharp.Literal(list.Label),
                list.Codes.Select(c => CSharp.Literal(c.Code) + ", " + CSharp.Literal(c.Label)).ToList(),
                ModelValues.Origin(list.Origin)));
        foreach (var form in model.Forms)
            plan.Forms.Add(new FormEntry(
                CSharp.Member(form.Name, "Forms"), CSharp.Xml(form.Label), CSharp.Literal(form.Name), CSharp.Literal(form.Label),
                ModelValues.Boolean(form.Repeating), form.Fields.Select(FieldArguments).ToList(), ModelValues.Origin(form.Origin)));
        foreach (var c in model.Criteria)
            plan.Criteria.Add(new CriterionEntry(
                CSharp.Member(c.Id, "Criteria"), c.Category + " " + CSharp.Xml(c.Id) + ": " + CSharp.Xml(c.Text),
                CSharp.Literal(c.Id), CSharp.Identifier(c.Category), CSharp.Literal(c.Text), CSharp.Literal(c.ConditionText),
                CSharp.Literal(c.AttestedBy), ModelValues.Strings(c.Reads), ModelValues.Origin(c.Origin)));
        foreach (var v in model.Visits)
            plan.Visits.Add(new VisitEntry(
                CSharp.Member(v.Name, "Visits"), CSharp.Xml(v.Label), CSharp.Literal(v.Name), CSharp.Literal(v.Label), CSharp.Literal(v.Timing),
                CSharp.Literal(v.Anchor), CSharp.Integer(v.Day), CSharp.Integer(v.LastDay), CSharp.Integer(v.WindowBefore),
                CSharp.Integer(v.WindowAfter), CSharp.Integer(v.OffsetDays), CSharp.Integer(v.EveryDays), CSharp.Literal(v.Anchoring),
                ModelValues.Strings(v.Until), CSharp.Integer(v.MaxCount), ModelValues.Strings(v.Collect),
                ModelValues.Strings(v.Activities), ModelValues.Origin(v.Origin)));
        foreach (var e in model.Endpoints)
            plan.Endpoints.Add(new EndpointEntry(
                CSharp.Member(e.Name, "Endpoints"), e.Level + ": " + CSharp.Xml(e.Title), CSharp.Literal(e.Name), CSharp.Literal(e.Level),
                CSharp.Literal(e.Title), CSharp.Literal(e.Kind), ModelValues.Strings(e.Data), CSharp.Literal(e.Start),
                ModelValues.Strings(e.Events), CSharp.Literal(e.Censoring), CSharp.Literal(e.TimeFrame), ModelValues.Origin(e.Origin),
                OptionalArguments(CSharp.Integer(e.ConfirmationDays), CSharp.Integer(e.StableDiseaseMinimumDays), CSharp.Integer(e.CensorAfterGapDays),
                    e.Roles.Where(r => r.Role == "new_therapy").Select(r => CSharp.Literal(r.Form + "." + r.Field)).FirstOrDefault() ?? "null",
                    CSharp.Integer(e.OnsetWithinDays), CSharp.Literal(e.CountWhenText), CSharp.Literal(e.LastDoseField), CSharp.Integer(e.DaysAfterLastDose),
                    ModelValues.Boolean(e.AfterEachDose))));
        foreach (var a in model.Assumptions)
            plan.Assumptions.Add(new AssumptionEntry(CSharp.Literal(a.Subject), CSharp.Literal(a.Reason), CSharp.Integer(a.Line), CSharp.Integer(a.Column)));
        return plan;
    }

    /// <summary>Optional arguments, as C#, with their leading commas, up to the last one that is not <c>null</c>: none when all are.</summary>
    private static string OptionalArguments(params string[] values)
    {
        int count = values.Length;
        while (count > 0 && values[count - 1] is "null" or "false") count--; // each optional parameter's default
        return string.Concat(values.Take(count).Select(v => ", " + v));
    }

    /// <summary>The arguments of a field's <c>FieldInfo</c>, in the constructor's order.</summary>
    private static string FieldArguments(FieldModel x) => string.Join(", ",
        CSharp.Literal(x.Name), CSharp.Literal(x.Label), CSharp.Literal(x.DataType), CSharp.Literal(x.CodeList), CSharp.Literal(x.Unit),
        ModelValues.Boolean(x.Required), ModelValues.Limit(x.HardLimit), ModelValues.Limit(x.SoftLimit),
        CSharp.Literal(x.ShownWhenText), ModelValues.Origin(x.Origin));
}
