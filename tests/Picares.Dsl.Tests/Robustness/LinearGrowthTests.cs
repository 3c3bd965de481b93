using System;
using System.Collections.Generic;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Emit;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Testing;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Robustness;

/// <summary>
/// The compiler's work grows in proportion to the file on the benchmarks' own inputs: a protocol of a hundred times
/// PICARES's declarations costs no more memory per byte than one of ten times, through the compile and through the
/// emitter. Memory, not time: the count of bytes a thread allocates is exact and the same on every machine, so a step
/// that grows with the square of anything (a table per pair, a copy per part) fails here on any machine, where a timed
/// test could not tell it from a slow one. How the time per byte grows, which also depends on the caches and the
/// collector, is measured by the benchmarks (docs/performance.md). <see cref="HostileShapesTests"/> does the same for
/// shapes made to be quadratic.
/// </summary>
public class LinearGrowthTests
{
    // Allocation per input byte may grow by this much from 10x to 100x: at the time of writing it falls (11.0 to 10.6
    // bytes per byte for the compile), because the fixed costs are spread over more declarations.
    private const double Tolerance = 1.05;

    private static readonly Lazy<string> Ten = new(() => ScaledProtocols.Build(Repository.Picares, 10));
    private static readonly Lazy<string> Hundred = new(() => ScaledProtocols.Build(Repository.Picares, 100));

    [Fact]
    public void A_compile_of_a_hundred_times_PICARES_allocates_no_more_per_byte_than_one_of_ten_times()
    {
        double growth = GrowthPerByte(text =>
        {
            var result = ProtocolCompiler.Compile(text, "scaled.protocol");
            Assert.Empty(result.Diagnostics); // the work measured is a whole compile, not one stopped by an error
            return result;
        });
        Assert.True(growth <= Tolerance, $"allocation per byte grew {growth:F3}x from 10x to 100x");
    }

    [Fact]
    public void Emitting_the_model_of_a_hundred_times_PICARES_allocates_no_more_per_byte_than_for_ten_times()
    {
        ProtocolModel ModelOf(string text) => ProtocolCompiler.Compile(text, "scaled.protocol").Model ?? throw new InvalidOperationException("The scaled protocol no longer compiles.");
        var (ten, hundred) = (ModelOf(Ten.Value), ModelOf(Hundred.Value));
        double growth = GrowthPerByte(text => ProtocolEmitter.Emit(ReferenceEquals(text, Hundred.Value) ? hundred : ten, "Scaled"));
        Assert.True(growth <= Tolerance, $"allocation per byte grew {growth:F3}x from 10x to 100x");
    }

    [Fact]
    public void The_measure_sees_work_that_grows_with_the_square_of_the_input()
    {
        // The check above can fail: an operation that makes one array per hundred characters, each as long as the input
        // has hundreds of characters, allocates a hundred times more for ten times the input.
        double growth = GrowthPerByte(text =>
        {
            var rows = new List<int[]>();
            for (int i = 0; i < text.Length / 100; i++) rows.Add(new int[text.Length / 100]);
            return rows;
        }, new string('x', 20_000), new string('x', 200_000));
        Assert.True(growth > 5, $"growth {growth:F3}");
    }

    /// <summary>The allocation per input character of <paramref name="operation"/> on the large input over that on the small one.</summary>
    private static double GrowthPerByte(Func<string, object> operation, string? small = null, string? large = null)
    {
        small ??= Ten.Value;
        large ??= Hundred.Value;
        operation(small); // code compiled and tables built before counting
        double perCharSmall = Allocated(operation, small) / (double)small.Length;
        double perCharLarge = Allocated(operation, large) / (double)large.Length;
        return perCharLarge / perCharSmall;
    }

    private static long Allocated(Func<string, object> operation, string text)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(operation(text));
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
