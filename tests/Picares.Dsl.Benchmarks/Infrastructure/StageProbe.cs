using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Linq;
using System.Threading;
using Picares.Dsl.Benchmarks.Inputs;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Binding;
using Picares.Dsl.Compiler.Consistency;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Benchmarks.Infrastructure;

/// <summary>
/// <c>--stages [scale] [runs] [types]</c>: where a compile's allocation and collections go, exactly rather than timed.
/// For each run it prints the bytes the parse allocates, the bytes the whole compile allocates (so bind and the checks
/// are the difference), the gen0/gen1/gen2 collections and the GC pause during the compile, and the compile's time with
/// and without that pause. With <c>types</c> it also lists the types allocated most (the runtime's allocation-tick
/// sampling, about one event per 100 KB). Last, the bytes bind and each consistency check allocate on their own. Times on
/// a shared machine move; allocation and collection counts do not.
/// </summary>
public static class StageProbe
{
    public static int Run(string[] args)
    {
        int scale = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        int runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
        bool types = args.Length > 3 && args[3] == "types";
        var text = ProtocolInputs.ScaledAndChecked(scale);
        using var listener = types ? new AllocationListener() : null;
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "x{0}: {1:N0} bytes", scale, ProtocolInputs.Utf8Bytes(text)));
        for (int run = 0; run < runs; run++)
        {
            var source = new SourceText(text, ProtocolInputs.PicaresPath);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Parser.Parse(source, new DiagnosticBag(source));
            long parsed = GC.GetAllocatedBytesForCurrentThread() - before;

            var activity = GcActivity.Now();
            before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var result = ProtocolCompiler.Compile(text, ProtocolInputs.PicaresPath);
            watch.Stop();
            long compiled = GC.GetAllocatedBytesForCurrentThread() - before;
            var collected = GcActivity.Now().Since(activity);
            if (!result.Succeeded) throw new InvalidOperationException("The input no longer compiles clean.");
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "run {0}: parse {1,6:F1} MB, compile {2,6:F1} MB ({3:F1} B per input byte); GCs {4}/{5}/{6}, pause {7,6:F1} ms; compile {8,6:F1} ms, {9,6:F1} ms without the pause",
                run, parsed / 1e6, compiled / 1e6, compiled / (double)ProtocolInputs.Utf8Bytes(text),
                collected.Gen0, collected.Gen1, collected.Gen2,
                collected.Pause.TotalMilliseconds, watch.Elapsed.TotalMilliseconds, (watch.Elapsed - collected.Pause).TotalMilliseconds));
        }
        PrintChecks(text);
        if (listener is not null)
        {
            Thread.Sleep(1000); // the runtime delivers its events on another thread
            Console.WriteLine($"Most allocated types over all {runs + 1} compiles and {runs} parses (sampled):");
            foreach (var (type, bytes) in listener.Top(30)) Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,10:F2} MB  {1}", bytes / 1e6, type));
        }
        return 0;
    }

    /// <summary>The bytes bind and each consistency check allocate, one after the other on one parse (exact, deterministic).</summary>
    private static void PrintChecks(string text)
    {
        var source = new SourceText(text, ProtocolInputs.PicaresPath);
        var syntax = Parser.Parse(source, new DiagnosticBag(source));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var model = ProtocolBinder.Bind(new BindingContext(source, new DiagnosticBag(source), syntax), syntax, "PICARES.protocol")
            ?? throw new InvalidOperationException("The input no longer binds.");
        var line = new System.Text.StringBuilder(string.Format(CultureInfo.InvariantCulture, "bind {0:F2} MB; checks:", (GC.GetAllocatedBytesForCurrentThread() - before) / 1e6));
        before = GC.GetAllocatedBytesForCurrentThread();
        var context = new CheckContext(model, new SourceLocator(syntax), new DiagnosticBag(source));
        line.AppendFormat(CultureInfo.InvariantCulture, " context {0:F2}", (GC.GetAllocatedBytesForCurrentThread() - before) / 1e6);
        foreach (var (name, check) in new (string, Action<CheckContext>)[]
                 { ("visits", VisitCheck.Run), ("data collection", DataCollectionCheck.Run), ("eligibility", EligibilityCheck.Run), ("design", DesignCheck.Run), ("usage", UsageCheck.Run) })
        {
            before = GC.GetAllocatedBytesForCurrentThread();
            check(context);
            line.AppendFormat(CultureInfo.InvariantCulture, ", {0} {1:F2}", name, (GC.GetAllocatedBytesForCurrentThread() - before) / 1e6);
        }
        Console.WriteLine(line.Append(" (MB)").ToString());
    }

    private sealed class AllocationListener : EventListener
    {
        private readonly ConcurrentDictionary<string, long> _bytes = new();

        public (string Type, long Bytes)[] Top(int count) =>
            _bytes.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value)).ToArray();

        protected override void OnEventSourceCreated(EventSource source)
        {
            // The GC keyword at verbose level brings GCAllocationTick events.
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null || e.PayloadNames is null) return;
            var type = e.Payload[e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            long amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            _bytes.AddOrUpdate(type, amount, (_, total) => total + amount);
        }
    }
}
