using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Picares.Dsl.Benchmarks.Inputs;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Binding;
using Picares.Dsl.Compiler.Consistency;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Benchmarks.Infrastructure;

/// <summary>
/// <c>--profile [scale] [seconds] [compile|parse|bind|bind-cold|check|bind+check|emit|roslyn|roslyn-compile]</c>: runs one stage on the scaled input back to back for a
/// while, for a sampling profiler to watch, then prints the time per operation, the GC pause in it and the collections
/// per operation (after two seconds of warm-up). <c>compile</c> (the default) is the whole of
/// <see cref="ProtocolCompiler.Compile"/>; <c>parse</c> the parser alone; <c>bind</c> binds one tree parsed beforehand (<c>bind-cold</c> ten such trees in turn, so that
/// each is read from memory rather than from the cache),
/// <c>check</c> runs the consistency checks on one model bound beforehand, <c>bind+check</c> does both on the tree parsed
/// beforehand (a compile whose tree costs the collector nothing) <c>emit</c> writes the model's C# and <c>roslyn</c> is the peer, Roslyn's <c>ParseText</c> of C# of the scaled protocol's size (<c>roslyn-compile</c>
/// also binds that C#, in a new compilation each time), so that a stage's own growth with the
/// file shows apart from the others'. On Linux:
/// <c>DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -g dotnet Picares.Dsl.Benchmarks.dll --profile 1 20</c>,
/// then <c>perf report --no-children --sort symbol</c> (docs/performance.md, "How to run").
/// </summary>
public static class ProfileLoop
{
    public static int Run(string[] args)
    {
        int scale = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        double seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        string stage = args.Length > 3 ? args[3] : "compile";
        var operation = Operation(stage, ProtocolInputs.ScaledAndChecked(scale), scale);
        // Two seconds first, not counted, so that the methods are compiled at their final tier before the count starts.
        RunFor(2, operation);
        GC.Collect(); // what the setup made is old before the count starts
        var before = GcActivity.Now();
        var watch = Stopwatch.StartNew();
        int operations = RunFor(seconds, operation);
        var collected = GcActivity.Now().Since(before);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "x{0} {1}: {2:F3} ms per operation over {3} operations, {4:F3} ms of it GC pause; collections per operation {5:F2} / {6:F2} / {7:F2}",
            scale, stage, watch.Elapsed.TotalMilliseconds / operations, operations, collected.Pause.TotalMilliseconds / operations,
            collected.Gen0 / (double)operations, collected.Gen1 / (double)operations, collected.Gen2 / (double)operations));
        return 0;
    }

    /// <summary>One operation of the stage, on inputs made once here.</summary>
    private static Action Operation(string stage, string text, int scale)
    {
        switch (stage)
        {
            case "compile":
                return () =>
                {
                    if (!ProtocolCompiler.Compile(text, ProtocolInputs.PicaresPath).Succeeded)
                        throw new InvalidOperationException("The input no longer compiles clean.");
                };
            case "parse":
                return () => ProtocolInputs.ParseOnly(text);
            case "roslyn-compile":
                return RoslynCompile(CSharpPeerInputs.ForScale(scale));
            case "roslyn":
                var peer = CSharpPeerInputs.ForScale(scale);
                return () => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(peer);
        }
        var source = new SourceText(text, ProtocolInputs.PicaresPath);
        var syntax = Parser.Parse(source, new DiagnosticBag(source));
        if (stage == "bind-cold")
        {
            // Ten trees of the same text, bound in turn: each is read from memory rather than from the cache that the
            // previous bind of it left warm, as in a compile of a file ten times the size.
            var trees = new (SourceText Source, ProtocolSyntax Syntax)[ColdTrees];
            for (int i = 0; i < trees.Length; i++)
            {
                var copy = new SourceText(new string(text.ToCharArray()), ProtocolInputs.PicaresPath);
                trees[i] = (copy, Parser.Parse(copy, new DiagnosticBag(copy)));
            }
            int next = 0;
            return () =>
            {
                var (s, tree) = trees[next++ % trees.Length];
                ProtocolBinder.Bind(new BindingContext(s, new DiagnosticBag(s), tree), tree, "PICARES.protocol");
            };
        }
        switch (stage)
        {
            case "bind":
                return () => ProtocolBinder.Bind(new BindingContext(source, new DiagnosticBag(source), syntax), syntax, "PICARES.protocol");
            case "emit":
                var bound = ProtocolBinder.Bind(new BindingContext(source, new DiagnosticBag(source), syntax), syntax, "PICARES.protocol")
                    ?? throw new InvalidOperationException("The input no longer binds.");
                return () => Picares.Dsl.Compiler.Emit.ProtocolEmitter.Emit(bound, CSharpPeerInputs.Namespace);
            case "bind+check":
                return () =>
                {
                    var diagnostics = new DiagnosticBag(source);
                    var model = ProtocolBinder.Bind(new BindingContext(source, diagnostics, syntax), syntax, "PICARES.protocol")
                        ?? throw new InvalidOperationException("The input no longer binds.");
                    ConsistencyChecker.Check(model, syntax, diagnostics);
                };
            case "check":
                var model = ProtocolBinder.Bind(new BindingContext(source, new DiagnosticBag(source), syntax), syntax, "PICARES.protocol")
                    ?? throw new InvalidOperationException("The input no longer binds.");
                return () => ConsistencyChecker.Check(model, syntax, new DiagnosticBag(source));
            default:
                throw new ArgumentException($"Unknown stage '{stage}': use compile, parse, bind, bind-cold, check, bind+check, emit, roslyn or roslyn-compile.");
        }
    }

    private const int ColdTrees = 10;

    /// <summary>
    /// Roslyn's own front end on the peer: parse, then bind everything and report (<c>GetDiagnostics</c>), in a new
    /// compilation each time, against the .NET reference assemblies and the runtime. The setup checks it reports no error.
    /// </summary>
    private static Action RoslynCompile(string peer)
    {
        var references = Basic.Reference.Assemblies.Net100.References.All
            .Append(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(Picares.Dsl.Runtime.Model.StudyInfo).Assembly.Location))
            .ToArray();
        var options = new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable);
        System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> Compile() =>
            Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Peer", new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(peer) }, references, options)
                .GetDiagnostics();
        if (Compile().FirstOrDefault(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) is { } error)
            throw new InvalidOperationException("The C# peer no longer compiles: " + error);
        return () => Compile();
    }

    private static int RunFor(double seconds, Action operation)
    {
        var watch = Stopwatch.StartNew();
        int operations = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            operation();
            operations++;
        }
        return operations;
    }
}
