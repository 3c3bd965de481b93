using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Emit;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Emit;

/// <summary>
/// The emitter keeps one template context per thread and one set of template functions for all: renders in a row
/// and on several threads at once give the same text, and a cancelled render leaves nothing behind for the next.
/// </summary>
public class EmitterReuseTests
{
    private static readonly Compiler.Model.ProtocolModel Picares = ProtocolCompiler.Compile(Repository.Picares, "PICARES.protocol").Model!;

    [Fact]
    public void Renders_in_a_row_and_in_parallel_give_the_same_text()
    {
        var first = ProtocolEmitter.Emit(Picares, "Picares.Protocols");
        Assert.Equal(first, ProtocolEmitter.Emit(Picares, "Picares.Protocols"));

        var other = ProtocolCompiler.Compile(Repository.Picares.Replace("study Picares {", "study Other {"), "Other.protocol").Model!;
        var parallel = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(4)
            .Select(i => i % 2 == 0 ? ProtocolEmitter.Emit(Picares, "Picares.Protocols") : ProtocolEmitter.Emit(other, "Other.Protocols")).ToList();
        Assert.All(parallel.Where((_, i) => i % 2 == 0), text => Assert.Equal(first, text));
        Assert.All(parallel.Where((_, i) => i % 2 == 1), text => Assert.Contains("class OtherProtocol", text));
    }

    [Fact]
    public void A_cancelled_render_does_not_leak_into_the_next_one()
    {
        var expected = ProtocolEmitter.Emit(Picares, "Picares.Protocols");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ProtocolEmitter.Emit(Picares, "Picares.Protocols", cancelled.Token));
        Assert.Equal(expected, ProtocolEmitter.Emit(Picares, "Picares.Protocols"));
    }
}
