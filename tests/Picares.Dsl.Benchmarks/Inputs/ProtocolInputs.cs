using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Compiler.Text;
using Picares.Dsl.Testing;

namespace Picares.Dsl.Benchmarks.Inputs;

/// <summary>
/// The benchmark inputs: PICARES.protocol (embedded in this assembly) and synthetic protocols built from it,
/// <c>scale</c> times its declarations in one file.
/// </summary>
public static class ProtocolInputs
{
    /// <summary>The path given to the compiler and the generator.</summary>
    public const string PicaresPath = "/repo/protocols/PICARES.protocol";

    private static readonly Lazy<string> PicaresText = new(() =>
    {
        using var stream = typeof(ProtocolInputs).Assembly.GetManifestResourceStream("PICARES.protocol")
            ?? throw new InvalidOperationException("PICARES.protocol is not embedded in the benchmark assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    private static readonly ConcurrentDictionary<int, string> Synthetic = new();

    /// <summary>protocols/PICARES.protocol as committed.</summary>
    public static string Picares => PicaresText.Value;

    /// <summary>The size a compiler reads from disk: UTF-8 bytes.</summary>
    public static int Utf8Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>
    /// PICARES at <paramref name="scale"/>: scale 1 is the file itself; scale N keeps its single study and
    /// population and appends N-1 renamed copies of everything after the population block.
    /// </summary>
    public static string Scaled(int scale) => Synthetic.GetOrAdd(scale, s => ScaledProtocols.Build(Picares, s));

    /// <summary>PICARES at <paramref name="scale"/> times its size (<see cref="Scaled"/>), checked to compile with no diagnostic.</summary>
    public static string ScaledAndChecked(int scale)
    {
        var text = Scaled(scale);
        CompileClean(text, $"PICARES x{scale}");
        return text;
    }

    /// <summary>The parse-only operation the benchmarks measure: the line index, the lexer and the parser, no binding.</summary>
    public static ProtocolSyntax ParseOnly(string text)
    {
        var source = new SourceText(text, PicaresPath);
        return Parser.Parse(source, new DiagnosticBag(source));
    }

    /// <summary>Compiles <paramref name="text"/> and throws unless it has no diagnostic at all.</summary>
    public static CompilationResult CompileClean(string text, string what)
    {
        var result = ProtocolCompiler.Compile(text, PicaresPath);
        if (result.Diagnostics.Count > 0 || result.Model is null)
            throw new InvalidOperationException($"{what} does not compile cleanly: {result.Diagnostics.Count} diagnostic(s); first: " +
                string.Join(Environment.NewLine, result.Diagnostics.Take(5).Select(d => d.Format(PicaresPath))));
        return result;
    }
}
