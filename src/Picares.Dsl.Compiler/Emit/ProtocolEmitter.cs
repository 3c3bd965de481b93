using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Picares.Dsl.Compiler.Model;
using Scriban;
using Scriban.Runtime;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// Renders C# from a <see cref="ProtocolModel"/> with Scriban templates. Templates are parsed once;
/// each render gets a fresh, strict context. All escaping happens in <see cref="CSharp"/>, called from
/// the templates as functions, so no text from a protocol reaches the output unescaped.
/// </summary>
public static class ProtocolEmitter
{
    /// <summary>The version written into <c>[GeneratedCode]</c>.</summary>
    public const string Version = "0.1.0";

    private static readonly Lazy<Template> ProtocolTemplate = new(() => Load("Protocol"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Template> ScreeningTemplate = new(() => Load("Screening"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Template> ScheduleTemplate = new(() => Load("Schedule"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Template> CrfTemplate = new(() => Load("Crf"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Template> AnalysisTemplate = new(() => Load("Analysis"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every template the emitter uses, parsed (for the test that fails on template errors).</summary>
    public static IReadOnlyList<Template> Templates => new[] { ProtocolTemplate.Value, ScreeningTemplate.Value, ScheduleTemplate.Value, CrfTemplate.Value, AnalysisTemplate.Value };

    /// <summary>The C# class name generated for a protocol: the study name in PascalCase plus "Protocol".</summary>
    public static string ClassName(ProtocolModel model) => CSharp.Identifier(model.Study.Name).TrimStart('@') + "Protocol";

    /// <summary>Renders the C# of a protocol: its model class, its screening, schedule, CRF (with JSON) and endpoint analysis APIs.</summary>
    public static string Emit(ProtocolModel model, string @namespace, CancellationToken cancellationToken = default) =>
        Render(ProtocolTemplate.Value, model, @namespace, null, cancellationToken, ProtocolNameAttributes.For(model, @namespace, ClassName(model))) +
        Render(ScreeningTemplate.Value, model, @namespace, ScreeningPlan.For(model), cancellationToken) +
        Render(ScheduleTemplate.Value, model, @namespace, null, cancellationToken) +
        Render(CrfTemplate.Value, model, @namespace, CrfPlan.For(model, "global::" + @namespace + "." + ClassName(model) + ".Crf."), cancellationToken) +
        Render(AnalysisTemplate.Value, model, @namespace, AnalysisPlan.For(model, "global::" + @namespace + "." + ClassName(model) + ".Crf."), cancellationToken);

    private static string Render(Template template, ProtocolModel model, string @namespace, object? plan, CancellationToken cancellationToken, string protocolNames = "")
    {
        var globals = new ScriptObject();
        globals.Import("cs_string", new Func<string?, string>(CSharp.Literal));
        globals.Import("cs_name", new Func<string, string>(CSharp.Identifier));
        globals.Import("member", new Func<string, string, string>(CSharp.Member));
        globals.Import("cs_int", new Func<object?, string>(v => v is null ? "null" : Convert.ToInt32(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));
        globals.Import("cs_bool", new Func<object?, string>(v => v is null ? "null" : (bool)v ? "true" : "false"));
        globals.Import("cs_strings", new Func<IEnumerable<string>, string>(Strings));
        globals.Import("cs_ints", new Func<IEnumerable<int>, string>(v => "new int[] { " + string.Concat(v.Select(i => i.ToString(CultureInfo.InvariantCulture) + ", ")) + "}"));
        globals.Import("xml", new Func<string?, string>(CSharp.Xml));
        globals.Import("origin", new Func<Origin, string>(OriginExpression));
        globals.Import("dose", new Func<DoseModel?, string>(d => d is null ? "null" : $"new global::Picares.Dsl.Runtime.Units.Quantity({CSharp.Number(d.Value)}, {CSharp.Literal(d.Unit)})"));
        globals.Import("limit", new Func<LimitModel?, string>(l => l is null ? "null"
            : $"new global::Picares.Dsl.Runtime.Model.FieldLimit({CSharp.NullableNumber(l.Lower)}, {CSharp.NullableNumber(l.Upper)}, {CSharp.Literal(l.Unit)})"));
        globals.SetValue("model", model, true);
        globals.SetValue("namespace", @namespace, true);
        globals.SetValue("class_name", ClassName(model), true);
        globals.SetValue("version", Version, true);
        globals.SetValue("plan", plan, true);
        globals.SetValue("protocol_names", protocolNames, true);

        var context = new TemplateContext
        {
            StrictVariables = true,
            LoopLimit = 0,
            LimitToString = 0,
            CancellationToken = cancellationToken,
            NewLine = "\n",
        };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    private static string Strings(IEnumerable<string> values)
    {
        var items = values.ToList();
        return items.Count == 0 ? "global::System.Array.Empty<string>()" : "new string[] { " + string.Join(", ", items.Select(CSharp.Literal)) + " }";
    }

    private static string OriginExpression(Origin origin) =>
        origin.IsAssumed
            ? $"__Asm({CSharp.Literal(origin.Reason)}, {origin.Line.ToString(CultureInfo.InvariantCulture)}, {origin.Column.ToString(CultureInfo.InvariantCulture)})"
            : $"__Rec({origin.Line.ToString(CultureInfo.InvariantCulture)}, {origin.Column.ToString(CultureInfo.InvariantCulture)})";

    private static Template Load(string name)
    {
        var resource = "Picares.Dsl.Compiler.Templates." + name + ".sbncs";
        using var stream = typeof(ProtocolEmitter).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("Missing embedded template " + resource);
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd().Replace("\r\n", "\n"), name + ".sbncs");
        if (template.HasErrors)
            throw new InvalidOperationException("Template " + name + " has errors: " + string.Join("; ", template.Messages.Select(m => m.ToString())));
        return template;
    }
}
