using System;

namespace Picares.Dsl.Benchmarks.Infrastructure;

/// <summary>The gen0, gen1 and gen2 collections counted so far, to subtract from a later count.</summary>
public readonly record struct CollectionCounts(int Gen0, int Gen1, int Gen2)
{
    /// <summary>The counts now.</summary>
    public static CollectionCounts Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    /// <summary>The collections since <paramref name="earlier"/>.</summary>
    public CollectionCounts Since(CollectionCounts earlier) => new(Gen0 - earlier.Gen0, Gen1 - earlier.Gen1, Gen2 - earlier.Gen2);
}
