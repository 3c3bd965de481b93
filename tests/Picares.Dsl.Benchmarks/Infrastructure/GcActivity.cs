using System;

namespace Picares.Dsl.Benchmarks.Infrastructure;

/// <summary>
/// What the collector has done so far (gen0, gen1 and gen2 collections, and the total time it paused the program), to
/// subtract from a later reading: the probes report what a stretch of work cost in collections this way.
/// </summary>
public readonly record struct GcActivity(int Gen0, int Gen1, int Gen2, TimeSpan Pause)
{
    /// <summary>The activity so far.</summary>
    public static GcActivity Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    /// <summary>The activity since <paramref name="earlier"/>.</summary>
    public GcActivity Since(GcActivity earlier) => new(Gen0 - earlier.Gen0, Gen1 - earlier.Gen1, Gen2 - earlier.Gen2, Pause - earlier.Pause);
}
