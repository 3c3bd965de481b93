using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Threading;

namespace Picares.Dsl.Tests.Infrastructure;

/// <summary>
/// The runtime's allocation ticks for the large-object heap (one per 100 KB allocated there, naming the type of the object
/// that crossed the mark) during an action, on the thread that runs it: arrays of two types of this file's own, allocated
/// before and after the action, bound the action's ticks in the event stream.
/// </summary>
internal sealed class LargeObjectAllocations : EventListener
{
    private const int MarkBytes = 200_000; // over 100 KB, so each mark crosses a tick by itself
    private static readonly string StartType = typeof(LargeObjectAllocationStartMark).FullName + "[]";
    private static readonly string EndType = typeof(LargeObjectAllocationEndMark).FullName + "[]";

    private readonly List<(string Type, long Bytes, long Thread)> _ticks = new();
    private readonly SemaphoreSlim _starts = new(0), _ends = new(0);

    public static List<(string Type, long Bytes)> During(Action action)
    {
        action(); // once first, so that what the runtime makes once (compiled code, static tables) is made
        using var listener = new LargeObjectAllocations();
        var marks = new List<object>();
        // The listener's session has started when a start mark's tick arrives; the action's ticks come after it.
        listener.AwaitMark(listener._starts, () => marks.Add(new LargeObjectAllocationStartMark[MarkBytes / 16]));
        int seen;
        lock (listener._ticks) seen = listener._ticks.Count;
        action();
        // Every tick before the end mark's has arrived when the end mark's has: the stream keeps their order.
        listener.AwaitMark(listener._ends, () => marks.Add(new LargeObjectAllocationEndMark[MarkBytes / 16]));
        GC.KeepAlive(marks);
        lock (listener._ticks)
        {
            var after = listener._ticks.Skip(seen).ToList();
            // The action ran on this thread, which allocated the marks: ticks of other threads (the test runner's) are not its.
            long thread = after.First(t => t.Type == EndType).Thread;
            var mine = after.Where(t => t.Thread == thread && t.Type != StartType).ToList();
            var result = mine.Where(t => t.Type != EndType).Select(t => (t.Type, t.Bytes)).ToList();
            // An end mark's tick counts what this thread allocated there since its last tick: more than the end marks
            // themselves is an allocation of the action too small to make a tick of its own.
            var ends = mine.Where(t => t.Type == EndType).ToList();
            long excess = ends.Sum(t => t.Bytes) - ends.Count * (long)MarkBytes;
            if (excess > 1024 * ends.Count) result.Add(("(counted in an end mark's tick)", excess));
            return result;
        }
    }

    /// <summary>Allocates marks until one's tick arrives: the runtime's events reach a listener after a delay.</summary>
    private void AwaitMark(SemaphoreSlim arrived, Action allocate)
    {
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(60);)
        {
            allocate();
            if (arrived.Wait(TimeSpan.FromMilliseconds(250))) return;
        }
        throw new TimeoutException("The runtime's allocation events did not arrive.");
    }

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
        lock (_ticks) _ticks.Add((typeName, Convert.ToInt64(e.Payload[amount]), e.OSThreadId));
        if (typeName == StartType) _starts.Release();
        else if (typeName == EndType) _ends.Release();
    }
}

// The marks' element types: types nothing else allocates (the event names a nested type without its container, so they
// are types of their own).
internal readonly record struct LargeObjectAllocationStartMark(long A, long B);

internal readonly record struct LargeObjectAllocationEndMark(long A, long B);
