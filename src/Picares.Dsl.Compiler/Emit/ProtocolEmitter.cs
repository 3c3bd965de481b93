using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
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
        EmitText(model, @namespace, cancellationToken).ToString();

    /// <summary>
    /// Renders the same C# as <see cref="Emit"/>, kept in chunks (see <see cref="GeneratedText"/>): for hosts that read
    /// text in pieces, such as the Roslyn generator, it saves one copy of the whole text and a large-object allocation.
    /// </summary>
    public static GeneratedText EmitText(ProtocolModel model, string @namespace, CancellationToken cancellationToken = default) =>
        EmitText(model, @namespace, cancellationToken, autoIndent: false);

    /// <summary>
    /// As <see cref="EmitText(ProtocolModel, string, CancellationToken)"/>; with <paramref name="autoIndent"/>, in a context of
    /// its own with Scriban's auto-indentation on: the seam through which a test shows that turning it off changes nothing.
    /// </summary>
    internal static GeneratedText EmitText(ProtocolModel model, string @namespace, CancellationToken cancellationToken, bool autoIndent)
    {
        var crf = "global::" + @namespace + "." + ClassName(model) + ".Crf.";
        // The thread's context is taken out of its slot while in use, so a nested call would make its own.
        var context = autoIndent ? NewContext() : Context ?? NewContext();
        context.AutoIndent = autoIndent;
        if (!autoIndent) Context = null;
        context.CancellationToken = cancellationToken;
        // All templates write to one fresh output. (Template.Render would make a string per template and then clear the
        // context's builder, which reallocates its whole capacity as one array on the large-object heap.)
        var output = new GeneratedTextWriter();
        context.PushOutput(output);
        try
        {
            Write(context, ProtocolTemplate.Value, model, @namespace, ProtocolPlan.For(model), ProtocolNameAttributes.For(model, @namespace, ClassName(model)));
            Write(context, ScreeningTemplate.Value, model, @namespace, ScreeningPlan.For(model));
            Write(context, ScheduleTemplate.Value, model, @namespace, null);
            Write(context, CrfTemplate.Value, model, @namespace, CrfPlan.For(model, crf));
            Write(context, AnalysisTemplate.Value, model, @namespace, AnalysisPlan.For(model, crf));
            context.PopOutput();
            if (!autoIndent) Context = context; // only a context that finished cleanly is used again
            return output.ToGeneratedText();
        }
        catch (Exception e)
        {
            // A render stopped half-way leaves its state behind: its context is not put back, the next one starts afresh.
            // Scriban reports cancellation as its own abort; a generator must throw OperationCanceledException.
            if (e is Scriban.Syntax.ScriptAbortException && cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
            throw;
        }
    }

    /// <summary>The functions the templates call, imported once; read-only, so renders on several threads share it.</summary>
    private static readonly Lazy<ScriptObject> Functions = new(() =>
    {
        var functions = new ScriptObject();
        functions.Import(typeof(TemplateFunctions));
        functions.IsReadOnly = true;
        return functions;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Evaluates a template into the context's output (as Template.Render does, without turning it into a string).</summary>
    private static void Write(TemplateContext context, Template template, ProtocolModel model, string @namespace, object? plan, string protocolNames = "")
    {
        var globals = new ScriptObject();
        globals.SetValue("model", model, true);
        globals.SetValue("namespace", @namespace, true);
        globals.SetValue("class_name", ClassName(model), true);
        globals.SetValue("version", Version, true);
        globals.SetValue("plan", plan, true);
        globals.SetValue("protocol_names", protocolNames, true);
        var page = template.Page ?? throw new InvalidOperationException("A template has no page: " + template.SourceFilePath);
        context.PushGlobal(Functions.Value);
        context.PushGlobal(globals);
        context.PushSourceFile(template.SourceFilePath ?? "template");
        var result = context.Evaluate(page);
        if (result is not null) context.Write(page.Span, result);
        context.PopSourceFile();
        context.PopGlobal();
        context.PopGlobal();
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
        // Auto-indentation re-indents the lines of a multi-line value, looking for line breaks in everything written. No
        // value the templates write has a line break but the assembly attributes, written at the start of a line.
        AutoIndent = false,
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
