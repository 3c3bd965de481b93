using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Threading;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Testing;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Collections;

/// <summary>Runs alone: it counts every large-object allocation of the process while it compiles.</summary>
[CollectionDefinition(nameof(LargeObjectHeapTests), DisableParallelization = true)]
public sealed class LargeObjectHeapCollection;

/// <summary>
/// The compiler keeps a large file's tables in segments and shards, so that none is an array on the large-object heap,
/// which only a full collection frees and whose every 100 KB brings one nearer (docs/performance.md). A compile of PICARES
/// at a hundred times its size allocates nothing there, clean or with diagnostics located in the file.
/// </summary>
[Collection(nameof(LargeObjectHeapTests))]
public class LargeObjectHeapTests
{
    private static readonly Lazy<string> Large = new(() => ScaledProtocols.Build(Repository.Picares, 100));

    [Fact]
    public void A_clean_compile_of_a_hundred_times_PICARES_allocates_nothing_on_the_large_object_heap()
    {
        var result = default(CompilationResult);
        var large = LargeObjectAllocations.During(() => result = ProtocolCompiler.Compile(Large.Value, "large.protocol"));
        Assert.Empty(result!.Diagnostics);
        Assert.True(large.Count == 0, "Large-object allocations: " + string.Join(", ", large));
    }

    [Fact]
    public void A_compile_that_locates_diagnostics_in_a_hundred_times_PICARES_allocates_nothing_on_the_large_object_heap()
    {
        // A form nothing collects is reported at its name, which indexes every declaration of the file.
        string text = Large.Value + "\nform Never_collected \"Never collected\" {\n  field x boolean \"X\"\n}\n";
        var result = default(CompilationResult);
        var large = LargeObjectAllocations.During(() => result = ProtocolCompiler.Compile(text, "large.protocol"));
        Assert.Contains(result!.Diagnostics, d => d.Id == DiagnosticDescriptors.FormNeverCollected.Id);
        Assert.True(large.Count == 0, "Large-object allocations: " + string.Join(", ", large));
    }

    [Fact]
    public void The_count_sees_a_large_allocation()
    {
        // The check above can fail: an array past the threshold, made between the marks, is counted.
        var large = LargeObjectAllocations.During(() => GC.KeepAlive(new int[100_000]));
        Assert.Contains(large, a => a.Type == "System.Int32[]");
    }
}

/// <summary>
/// The runtime's allocation ticks for the large-object heap (one per 100 KB allocated there, naming the type of the object
/// that crossed the mark) between two marks: arrays of a type of this class's own, allocated before and after the action,
/// whose ticks bound the action's in the event stream.
/// </summary>
internal sealed class LargeObjectAllocations : EventListener
{
    private const int MarkBytes = 200_000; // over 100 KB, so each mark crosses a tick by itself
    private readonly List<(string Type, long Bytes)> _ticks = new();
    private readonly SemaphoreSlim _marks = new(0);

    public static List<(string Type, long Bytes)> During(Action action)
    {
        action(); // once first, so that what the runtime makes once (compiled code, static tables) is made
        using var listener = new LargeObjectAllocations();
        var marks = new List<LargeObjectAllocationMark[]>();
        listener.AwaitMark(marks); // the listener's session has started when the first mark's tick arrives
        lock (listener._ticks) listener._ticks.Clear();
        action();
        listener.AwaitMark(marks);
        GC.KeepAlive(marks);
        lock (listener._ticks)
        {
            // A mark's tick counts what was allocated there since the last tick: more than the marks themselves is an
            // allocation of the action too small to make a tick of its own.
            var result = listener._ticks.Where(t => t.Type != MarkType).ToList();
            var markTicks = listener._ticks.Where(t => t.Type == MarkType).ToList();
            long excess = markTicks.Sum(t => t.Bytes) - markTicks.Count * (long)MarkBytes;
            if (excess > 1024 * markTicks.Count) result.Add(("(counted in a mark's tick)", excess));
            return result;
        }
    }

    /// <summary>Allocates marks until one's tick arrives: the runtime's events reach a listener after a delay.</summary>
    private void AwaitMark(List<LargeObjectAllocationMark[]> marks)
    {
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(60);)
        {
            marks.Add(NewMark());
            if (_marks.Wait(TimeSpan.FromMilliseconds(250))) return;
        }
        throw new TimeoutException("The runtime's allocation events did not arrive.");
    }

    private static LargeObjectAllocationMark[] NewMark() => new LargeObjectAllocationMark[MarkBytes / 16];

    // The event names a nested type without its container, so the mark is a type of its own.
    private static readonly string MarkType = typeof(LargeObjectAllocationMark).FullName + "[]";

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null || e.PayloadNames is null) return;
        int kind = e.PayloadNames.IndexOf("AllocationKind"), type = e.PayloadNames.IndexOf("TypeName");
        int amount = e.PayloadNames.IndexOf("AllocationAmount64");
        if (kind < 0 || type < 0 || amount < 0 || Convert.ToInt32(e.Payload[kind]) != 1) return; // 1: the large-object heap
        string typeName = e.Payload[type] as string ?? "?";
        lock (_ticks) _ticks.Add((typeName, Convert.ToInt64(e.Payload[amount])));
        if (typeName == MarkType) _marks.Release();
    }
}

/// <summary>The element of <see cref="LargeObjectAllocations"/>'s marks: a type nothing else allocates.</summary>
internal readonly record struct LargeObjectAllocationMark(long A, long B);
