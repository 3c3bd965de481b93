using System;
using System.Threading;
using Picares.Dsl.Compiler.Binding;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler;

/// <summary>The result of compiling one file: the model (null when the file has errors) and every diagnostic.</summary>
public sealed record CompilationResult(ProtocolModel? Model, EquatableArray<ProtocolDiagnostic> Diagnostics)
{
    /// <summary>True when no diagnostic is an error.</summary>
    public bool Succeeded => Model is not null;
}

/// <summary>
/// The compiler's entry point: parse, bind, check the protocol against itself. It never throws on any input: a failure of the
/// compiler itself becomes diagnostic PIC9999 at the start of the file.
/// </summary>
public static class ProtocolCompiler
{
    /// <summary>Parses and binds a file.</summary>
    public static CompilationResult Compile(string text, string path = "", CancellationToken cancellationToken = default) =>
        Compile(text, path, cancellationToken, afterParse: null);

    /// <summary>
    /// As <see cref="Compile(string, string, CancellationToken)"/>, calling <paramref name="afterParse"/> once the file is
    /// parsed: the seam through which a test makes the compiler fail, since no input does.
    /// </summary>
    internal static CompilationResult Compile(string text, string path, CancellationToken cancellationToken, Action<ProtocolSyntax>? afterParse)
    {
        var source = new SourceText(text ?? "", path);
        var diagnostics = new DiagnosticBag(source);
        try
        {
            var syntax = Parser.Parse(source, diagnostics);
            afterParse?.Invoke(syntax);
            cancellationToken.ThrowIfCancellationRequested();
            var context = new BindingContext(source, diagnostics, syntax);
            var model = ProtocolBinder.Bind(context, syntax, FileNameOf(path));
            if (model is not null && !diagnostics.HasErrors)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Consistency.ConsistencyChecker.Check(model, syntax, diagnostics);
            }
            return new CompilationResult(diagnostics.HasErrors ? null : model, diagnostics.ToArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            diagnostics.ReportInternalError(ex.GetType().Name + ": " + ex.Message); // even past the error limit
            return new CompilationResult(null, diagnostics.ToArray());
        }
    }

    private static string FileNameOf(string path)
    {
        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash >= 0 ? path.Substring(slash + 1) : path;
    }
}
