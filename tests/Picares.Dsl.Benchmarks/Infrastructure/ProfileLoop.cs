using System;
using System.Diagnostics;
using System.Globalization;
using Picares.Dsl.Benchmarks.Inputs;
using Picares.Dsl.Compiler;

namespace Picares.Dsl.Benchmarks.Infrastructure;

/// <summary>
/// <c>--profile [scale] [seconds] [parse]</c>: compiles (or only parses) the scaled input back to back for a while, for a
/// sampling profiler to watch, then prints the time per operation and the collections per operation (after two seconds of warm-up). On Linux:
/// <c>DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -g dotnet Picares.Dsl.Benchmarks.dll --profile 1 20</c>,
/// then <c>perf report --no-children --sort symbol</c> (docs/performance.md, "How to run").
/// </summary>
public static class ProfileLoop
{
    public static int Run(string[] args)
    {
        int scale = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        double seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        bool parseOnly = args.Length > 3 && args[3] == "parse";
        var text = ProtocolInputs.ScaledAndChecked(scale);
        // Two seconds first, not counted, so that the methods are compiled at their final tier before the count starts.
        RunFor(2, text, parseOnly);
        var collections = CollectionCounts.Now();
        var watch = Stopwatch.StartNew();
        int operations = RunFor(seconds, text, parseOnly);
        var collected = CollectionCounts.Now().Since(collections);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "x{0} {1}: {2:F3} ms per operation over {3} operations; collections per operation {4:F2} / {5:F2} / {6:F2}",
            scale, parseOnly ? "parse" : "compile", watch.Elapsed.TotalMilliseconds / operations, operations,
            collected.Gen0 / (double)operations, collected.Gen1 / (double)operations, collected.Gen2 / (double)operations));
        return 0;
    }

    private static int RunFor(double seconds, string text, bool parseOnly)
    {
        var watch = Stopwatch.StartNew();
        int operations = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            if (parseOnly) ProtocolInputs.ParseOnly(text);
            else if (!ProtocolCompiler.Compile(text, ProtocolInputs.PicaresPath).Succeeded)
            {
                throw new InvalidOperationException("The input no longer compiles clean.");
            }
            operations++;
        }
        return operations;
    }
}
