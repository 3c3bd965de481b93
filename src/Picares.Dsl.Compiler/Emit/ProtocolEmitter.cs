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

    /// <summary>The functions the templates call, imported once; read-only, so renders on several threads share it.</summary>
    private static readonly Lazy<ScriptObject> Functions = new(() =>
    {
        var functions = new ScriptObject();
        functions.Import(typeof(TemplateFunctions));
        functions.IsReadOnly = true;
        return functions;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string Render(Template template, ProtocolModel model, string @namespace, object? plan, CancellationToken cancellationToken, string protocolNames = "")
    {
        var globals = new ScriptObject();
        globals.SetValue("model", model, true);
        globals.SetValue("namespace", @namespace, true);
        globals.SetValue("class_name", ClassName(model), true);
        globals.SetValue("version", Version, true);
        globals.SetValue("plan", plan, true);
        globals.SetValue("protocol_names", protocolNames, true);

        var context = Context ??= NewContext();
        context.CancellationToken = cancellationToken;
        context.PushGlobal(Functions.Value);
        context.PushGlobal(globals);
        try
        {
            var text = template.Render(context);
            context.PopGlobal();
            context.PopGlobal();
            return text;
        }
        catch (Exception e)
        {
            Context = null; // a render stopped half-way leaves its output behind: the next one starts afresh
            // Scriban reports cancellation as its own abort; a generator must throw OperationCanceledException.
            if (e is Scriban.Syntax.ScriptAbortException && cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// One template context per thread, reused from render to render: a context caches how it reads the members of
    /// each .NET type, and building those accessors anew for every render (with reflection, whose caches the
    /// garbage collector may drop) cost as much as the rendering. A context is not thread-safe, hence per thread.
    /// </summary>
    [ThreadStatic] private static TemplateContext? Context;

    private static TemplateContext NewContext() => new()
    {
        StrictVariables = true,
        LoopLimit = 0,
        LimitToString = 0,
        NewLine = "\n",
    };

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
