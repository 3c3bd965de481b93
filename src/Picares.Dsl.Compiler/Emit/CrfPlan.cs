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
    /// <summary>The anchors, as a subject's JSON names them.</summary>
    public List<AnchorProperty> Anchors { get; } = new();
    /// <summary>The fully qualified name of the Crf class, ending with a dot: <c>global::Ns.PicaresProtocol.Crf.</c>.</summary>
    public string Crf { get; private set; } = "";
    /// <summary>The forms' names, for messages.</summary>
    public string FormNamesLiteral => CSharp.Literal(string.Join(", ", Forms.Select(f => f.Name)));
    /// <summary>The anchors' names, for messages.</summary>
    public string AnchorNames => CSharp.Literal(string.Join(", ", Anchors.Select(a => a.Name)));
    /// <summary>The arms' names as C# string literals, for a subject's arm.</summary>
    public List<string> ArmLiterals { get; } = new();

    /// <summary>A code list as an enum and its helper class, with its JSON type-info property and converter.</summary>
    public sealed record CodeListEnum(string Name, string Enum, string Helper, string Label, List<CodeMember> Members)
    {
        /// <summary>The name for documentation comments.</summary>
        public string NameXml { get; } = CSharp.Xml(Name);
        /// <summary>The name as a C# literal.</summary>
        public string NameLiteral { get; } = CSharp.Literal(Name);
        /// <summary>The label for documentation comments.</summary>
        public string LabelXml { get; } = CSharp.Xml(Label);
        /// <summary>The property of the JSON context.</summary>
        public string JsonProperty { get; init; } = "";
        /// <summary>The converter class.</summary>
        public string Converter { get; init; } = "";
        /// <summary>The codes, comma-separated, as a C# literal.</summary>
        public string CodesLiteral => CSharp.Literal(string.Join(", ", Members.Select(m => m.Code)));
    }
    /// <summary>One code.</summary>
    public sealed record CodeMember(string Member, string Code, string Label)
    {
        /// <summary>The code for documentation comments.</summary>
        public string CodeXml { get; } = CSharp.Xml(Code);
        /// <summary>The code as a C# literal.</summary>
        public string CodeLiteral { get; } = CSharp.Literal(Code);
        /// <summary>The label for documentation comments.</summary>
        public string LabelXml { get; } = CSharp.Xml(Label);
        /// <summary>The label as a C# literal.</summary>
        public string LabelLiteral { get; } = CSharp.Literal(Label);
    }
    /// <summary>One form, with its JSON type-info property, converter and field names.</summary>
    public sealed record FormClass(string Name, string ClassName, string Property, string Label, bool Repeating, int Line, List<FieldProperty> Fields)
    {
        /// <summary>The name for documentation comments.</summary>
        public string NameXml { get; } = CSharp.Xml(Name);
        /// <summary>The name as a C# literal.</summary>
        public string NameLiteral { get; } = CSharp.Literal(Name);
        /// <summary>"form" and the name, as a C# literal, for messages.</summary>
        public string FormLiteral { get; } = CSharp.Literal("form " + Name);
        /// <summary>The label for documentation comments.</summary>
        public string LabelXml { get; } = CSharp.Xml(Label);
        /// <summary>The property of the JSON context.</summary>
        public string JsonProperty { get; init; } = "";
        /// <summary>The converter class.</summary>
        public string Converter { get; init; } = "";
        /// <summary>The fields' names, comma-separated, as a C# literal.</summary>
        public string FieldNamesLiteral => CSharp.Literal(string.Join(", ", Fields.Select(f => f.Name)));
        /// <summary>The static fields its edit checks' conditions read (quantities, code sets), declared in its class.</summary>
        public List<string> Constants { get; } = new();
    }
    /// <summary>One field: its property, its type, the C# statements of its edit checks, and its JSON reading and writing.</summary>
    public sealed record FieldProperty(string Name, string Property, string Type, string Label, List<string> Checks)
    {
        /// <summary>The name for documentation comments.</summary>
        public string NameXml { get; } = CSharp.Xml(Name);
        /// <summary>The name as a C# literal.</summary>
        public string NameLiteral { get; } = CSharp.Literal(Name);
        /// <summary>The label for documentation comments.</summary>
        public string LabelXml { get; } = CSharp.Xml(Label);
        /// <summary>For documentation comments: the unit of a quantity field (", in kg"), else empty.</summary>
        public string UnitNote { get; init; } = "";
        /// <summary>The expression that reads the field's JSON value.</summary>
        public string JsonRead { get; init; } = "";
        /// <summary>The statement that writes the field's JSON property, with the name in <c>__n{index}</c>.</summary>
        public string JsonWrite { get; init; } = "";
    }
    /// <summary>An anchor date of a subject.</summary>
    public sealed record AnchorProperty(string Name, string Property)
    {
        /// <summary>The name for documentation comments.</summary>
        public string NameXml { get; } = CSharp.Xml(Name);
        /// <summary>The name as a C# literal.</summary>
        public string NameLiteral { get; } = CSharp.Literal(Name);
    }

    private static readonly HashSet<string> JsonContextMembers = new(System.StringComparer.Ordinal)
    {
        "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "CaseBook", "Subject", "Subjects", "Json", "Create",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    private static string JsonProperty(string name)
    {
        while (JsonContextMembers.Contains(name)) name += "_";
        return name;
    }

    /// <summary>Plans the CRF models of a model; <paramref name="crf"/> is the fully qualified Crf class name with a trailing dot.</summary>
    public static CrfPlan For(ProtocolModel model, string crf = "")
    {
        var plan = new CrfPlan { Crf = crf };
        foreach (var anchor in model.Anchors) plan.Anchors.Add(new AnchorProperty(anchor.Name, CSharp.Member(anchor.Name, "AnchorDates")));
        foreach (var arm in model.Arms) plan.ArmLiterals.Add(CSharp.Literal(arm.Name));
        var enums = new Dictionary<string, CodeListEnum>();
        foreach (var list in model.CodeLists)
        {
            var enumName = CSharp.CodeListEnum(list.Name);
            var e = new CodeListEnum(list.Name, enumName, CSharp.CodeListHelper(list.Name), list.Label,
                list.Codes.Select(c => new CodeMember(CSharp.Member(c.Code, enumName), c.Code, c.Label)).ToList())
            {
                JsonProperty = JsonProperty(enumName),
                Converter = "__E" + plan.CodeLists.Count.ToString(CultureInfo.InvariantCulture),
            };
            plan.CodeLists.Add(e);
            enums[list.Name] = e;
        }

        // One set of tables for every form's conditions: built per form, they made the plan quadratic in the forms.
        var tables = new ModelTables(model);
        var forms = tables.Forms;
        foreach (var form in model.Forms)
        {
            var className = CSharp.Member(form.Name, "Crf");
            string Access(string f, string field)
            {
                var target = forms[f];
                var property = CSharp.Member(field, CSharp.Member(f, "Crf"));
                if (f == form.Name) return "this." + property;
                if (target.Repeating) // a list: no single value; the field found by name, not by a search of a (maybe wide) form for each reference
                    return $"default({TypeOf(tables.FieldOf(f, field) ?? throw new System.InvalidOperationException($"The bound field {f}.{field} is not in the model."), enums)})";
                return $"caseBook?.{CSharp.Member(f, "CaseBook")}?.{property}";
            }
            var conditions = new ConditionEmitter(model, Access, (list, access) => $"{enums[list].Helper}.CodeOf({access})", tables: tables);
            var formClass = new FormClass(form.Name, className, CSharp.Member(form.Name, "CaseBook"), form.Label, form.Repeating, form.Origin.Line, new List<FieldProperty>())
            {
                JsonProperty = JsonProperty(className),
                Converter = "__F" + plan.Forms.Count.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var field in form.Fields)
            {
                var property = CSharp.Member(field.Name, className);
                var checks = new List<string>();
                var line = field.Origin.Line.ToString(CultureInfo.InvariantCulture);
                var args = $"findings, {CSharp.Literal(form.Name)}, occurrence, {CSharp.Literal(field.Name)}";
                var hasValue = $"this.{property} is not null";
                // A field shown only under a condition must be empty when it does not hold, and, when it is required, answered when it does.
                if (field.ShownWhen is not null && field.ShownWhen is not BoundError)
                    checks.Add($"global::Picares.Dsl.Runtime.Crf.EditChecks.Conditional({args}, {hasValue}, {ModelValues.Boolean(field.Required)}, {conditions.Emit(field.ShownWhen)}, {CSharp.Literal(field.ShownWhenText)}, {line});");
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
                var (read, write) = Json(field, property, formClass.Fields.Count, enums, crf);
                formClass.Fields.Add(new FieldProperty(field.Name, property, TypeOf(field, enums), field.Label, checks)
                {
                    JsonRead = read, JsonWrite = write, UnitNote = CSharp.UnitNote(field.Unit),
                });
            }
            formClass.Constants.AddRange(conditions.Constants);
            plan.Forms.Add(formClass);
        }
        return plan;
    }

    /// <summary>How a field is read from and written to JSON, over the runtime's <c>CrfJsonValues</c>.</summary>
    private static (string Read, string Write) Json(FieldModel field, string property, int index, Dictionary<string, CodeListEnum> enums, string crf)
    {
        const string values = "global::Picares.Dsl.Runtime.Serialization.CrfJsonValues.";
        var name = "__n" + index.ToString(CultureInfo.InvariantCulture);
        var value = "value." + property;
        if (field.DataType == "code" && field.CodeList is { } listName && enums.TryGetValue(listName, out var list))
            return ($"{values}Code<{crf}{list.Enum}>(ref reader, context, {crf}{list.Helper}.TryParse, {CSharp.Literal(list.Name)}, {list.CodesLiteral})",
                $"{values}WriteCode(writer, {name}, {value} is not null, {crf}{list.Helper}.CodeOf({value}), {CSharp.Literal(list.Name)}, {value});");
        var (read, write) = field.DataType switch
        {
            "integer" => ("Integer(ref reader, context)", "WriteInteger"),
            "decimal" => ("Decimal(ref reader, context)", "WriteDecimal"),
            "boolean" => ("Boolean(ref reader, context)", "WriteBoolean"),
            "date" => ("Date(ref reader, context)", "WriteDate"),
            "datetime" => ("Date(ref reader, context)", "WriteDateTime"),
            "quantity" => ($"Quantity(ref reader, context, {CSharp.Literal(field.Unit)})", "WriteQuantity"),
            _ => ("Text(ref reader, context)", "WriteText"),
        };
        return (values + read, $"{values}{write}(writer, {name}, {value});");
    }

    private static string TypeOf(FieldModel field, Dictionary<string, CodeListEnum> enums) =>
        CSharp.TypeOf(field.DataType, field.CodeList is { } list ? enums[list].Enum : null);
}
