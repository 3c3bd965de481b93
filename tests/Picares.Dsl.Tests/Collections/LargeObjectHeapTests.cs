using System;
using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Collections;
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
    public void Sharded_tables_sized_far_too_small_reshard_rather_than_grow_an_array_there()
    {
        // Entries of 48 bytes (two string keys and a value), the largest the compiler keeps: 60,000 of them in tables
        // sized for ten, as a table sized by a wrong estimate would be.
        var keys = Enumerable.Range(0, 60_000).Select(i => ("Form" + (i / 7), "field" + i)).ToArray();
        var large = LargeObjectAllocations.During(() =>
        {
            var table = new ShardedDictionary<(string, string), (long, string)>(10);
            foreach (var key in keys) table.Add(key, (1, key.Item2));
            var set = new ShardedSet<(string, string)>(10);
            foreach (var key in keys) set.Add(key);
            Assert.Equal((keys.Length, keys.Length), (table.Count, set.Count));
        });
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
