using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// The protocol model's longest lists, for the Protocol template, with every value already written as C#: code
/// lists and their codes, forms and their fields, criteria. A template function call costs Scriban about half a
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

    /// <summary>A code list: its property, its summary, its constructor's arguments, and each code's arguments.</summary>
    public sealed record CodeListEntry(string Member, string LabelXml, string NameLiteral, string LabelLiteral, List<string> Codes, string Origin);

    /// <summary>A form: its property, its summary, its constructor's arguments, and each field's arguments.</summary>
    public sealed record FormEntry(string Member, string LabelXml, string NameLiteral, string LabelLiteral, string Repeating, List<string> Fields, string Origin);

    /// <summary>A criterion: its property, its summary, and its constructor's arguments.</summary>
    public sealed record CriterionEntry(
        string Member, string Summary, string IdLiteral, string Category, string TextLiteral, string ConditionLiteral,
        string AttestedByLiteral, string Reads, string Origin);

    /// <summary>The plan of a protocol.</summary>
    public static ProtocolPlan For(ProtocolModel model)
    {
        var plan = new ProtocolPlan();
        foreach (var list in model.CodeLists)
            plan.CodeLists.Add(new CodeListEntry(
                CSharp.Member(list.Name, "CodeLists"), CSharp.Xml(list.Label), CSharp.Literal(list.Name), CSharp.Literal(list.Label),
                list.Codes.Select(c => CSharp.Literal(c.Code) + ", " + CSharp.Literal(c.Label)).ToList(),
                TemplateFunctions.Origin(list.Origin)));
        foreach (var form in model.Forms)
            plan.Forms.Add(new FormEntry(
                CSharp.Member(form.Name, "Forms"), CSharp.Xml(form.Label), CSharp.Literal(form.Name), CSharp.Literal(form.Label),
                TemplateFunctions.CsBool(form.Repeating), form.Fields.Select(FieldArguments).ToList(), TemplateFunctions.Origin(form.Origin)));
        foreach (var c in model.Criteria)
            plan.Criteria.Add(new CriterionEntry(
                CSharp.Member(c.Id, "Criteria"), c.Category + " " + CSharp.Xml(c.Id) + ": " + CSharp.Xml(c.Text),
                CSharp.Literal(c.Id), CSharp.Identifier(c.Category), CSharp.Literal(c.Text), CSharp.Literal(c.ConditionText),
                CSharp.Literal(c.AttestedBy), TemplateFunctions.CsStrings(c.Reads), TemplateFunctions.Origin(c.Origin)));
        return plan;
    }

    /// <summary>The arguments of a field's <c>FieldInfo</c>, in the constructor's order.</summary>
    private static string FieldArguments(FieldModel x) => string.Join(", ",
        CSharp.Literal(x.Name), CSharp.Literal(x.Label), CSharp.Literal(x.DataType), CSharp.Literal(x.CodeList), CSharp.Literal(x.Unit),
        TemplateFunctions.CsBool(x.Required), TemplateFunctions.Limit(x.HardLimit), TemplateFunctions.Limit(x.SoftLimit),
        CSharp.Literal(x.ShownWhenText), TemplateFunctions.Origin(x.Origin));
}
