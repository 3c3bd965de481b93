using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// What the case report form models of a protocol consist of, for the Crf template: code lists as enums with
/// their codes and labels, one class per form with typed properties, the edit checks of each field as C#, and
/// the case book that holds one subject's forms (repeating forms as lists).
/// </summary>
public sealed class CrfPlan
{
    private CrfPlan() { }

    /// <summary>Code lists.</summary>
    public List<CodeListEnum> CodeLists { get; } = new();
    /// <summary>Forms.</summary>
    public List<FormClass> Forms { get; } = new();

    /// <summary>A code list as an enum and its helper class.</summary>
    public sealed record CodeListEnum(string Name, string Enum, string Helper, string Label, List<CodeMember> Members);
    /// <summary>One code.</summary>
    public sealed record CodeMember(string Member, string Code, string Label);
    /// <summary>One form.</summary>
    public sealed record FormClass(string Name, string ClassName, string Property, string Label, bool Repeating, int Line, List<FieldProperty> Fields);
    /// <summary>One field: its property, its type and the C# statements of its edit checks.</summary>
    public sealed record FieldProperty(string Name, string Property, string Type, string Label, List<string> Checks);

    /// <summary>Plans the CRF models of a model.</summary>
    public static CrfPlan For(ProtocolModel model)
    {
        var plan = new CrfPlan();
        var enums = new Dictionary<string, CodeListEnum>();
        foreach (var list in model.CodeLists)
        {
            var enumName = CSharp.Identifier(list.Name);
            var e = new CodeListEnum(list.Name, enumName, enumName + "Codes", list.Label,
                list.Codes.Select(c => new CodeMember(CSharp.Member(c.Code, enumName), c.Code, c.Label)).ToList());
            plan.CodeLists.Add(e);
            enums[list.Name] = e;
        }

        var forms = model.Forms.ToDictionary(f => f.Name);
        foreach (var form in model.Forms)
        {
            var className = CSharp.Member(form.Name, "Crf");
            string Access(string f, string field)
            {
                var target = forms[f];
                var property = CSharp.Member(field, CSharp.Member(f, "Crf"));
                if (f == form.Name) return "this." + property;
                if (target.Repeating) return $"default({TypeOf(target.Fields.First(x => x.Name == field), enums)})"; // a list: no single value
                return $"caseBook?.{CSharp.Member(f, "CaseBook")}?.{property}";
            }
            var conditions = new ConditionEmitter(model, Access, (list, access) => $"{enums[list].Helper}.CodeOf({access})");
            var formClass = new FormClass(form.Name, className, CSharp.Member(form.Name, "CaseBook"), form.Label, form.Repeating, form.Origin.Line, new List<FieldProperty>());
            foreach (var field in form.Fields)
            {
                var property = CSharp.Member(field.Name, className);
                var checks = new List<string>();
                var line = field.Origin.Line.ToString(CultureInfo.InvariantCulture);
                var args = $"findings, {CSharp.Literal(form.Name)}, occurrence, {CSharp.Literal(field.Name)}";
                var hasValue = $"this.{property} is not null";
                // A field shown only under a condition is required when it holds and must be empty when it does not.
                if (field.ShownWhen is not null && field.ShownWhen is not BoundError)
                    checks.Add($"global::Picares.Dsl.Runtime.Crf.EditChecks.Conditional({args}, {hasValue}, true, {conditions.Emit(field.ShownWhen)}, {CSharp.Literal(field.ShownWhenText)}, {line});");
                else if (field.Required)
                    checks.Add($"global::Picares.Dsl.Runtime.Crf.EditChecks.Required({args}, {hasValue}, {line});");
                foreach (var (limit, severity) in new[] { (field.HardLimit, "Reject"), (field.SoftLimit, "Query") })
                {
                    var sev = "global::Picares.Dsl.Runtime.Crf.FindingSeverity." + severity;
                    if (field.DataType == "quantity" && (severity == "Reject" || limit is not null))
                        checks.Add($"global::Picares.Dsl.Runtime.Crf.EditChecks.Limit({args}, this.{property}, {CSharp.Literal(field.Unit)}, {CSharp.NullableNumber(limit?.Lower)}, {CSharp.NullableNumber(limit?.Upper)}, {sev}, {line});");
                    else if (limit is not null)
                        checks.Add($"global::Picares.Dsl.Runtime.Crf.EditChecks.Limit({args}, (double?)this.{property}, {CSharp.NullableNumber(limit.Lower)}, {CSharp.NullableNumber(limit.Upper)}, {sev}, {line});");
                }
                formClass.Fields.Add(new FieldProperty(field.Name, property, TypeOf(field, enums), field.Label, checks));
            }
            plan.Forms.Add(formClass);
        }
        return plan;
    }

    private static string TypeOf(FieldModel field, Dictionary<string, CodeListEnum> enums) =>
        CSharp.TypeOf(field.DataType, field.CodeList is { } list ? enums[list].Enum : null);
}
