using System;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Picares.Dsl.Benchmarks.Infrastructure;
using Picares.Dsl.Benchmarks.Inputs;
using Picares.Dsl.Compiler.Emit;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Benchmarks;

/// <summary>
/// Emission: <see cref="ProtocolEmitter.Emit"/> writing the C# of PICARES's model at 1x, 10x and 100x its size, beside
/// Roslyn's <c>CSharpSyntaxTree.ParseText</c> of that same C# (the named peer, the baseline): the build parses what the
/// generator writes, so writing it should cost no more than reading it. Both are per byte of the C#, so the ns/byte
/// column also shows whether emission grows linearly with the protocol.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class EmitterThroughputBenchmarks
{
    private ProtocolModel? _model;
    private string _csharp = "";

    /// <summary>How many times PICARES's declarations the protocol holds.</summary>
    [Params(1, 10, 100)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = ProtocolInputs.CompileClean(ProtocolInputs.Scaled(Scale), $"PICARES x{Scale}").Model!;
        _csharp = CSharpPeerInputs.Emitted(Scale);
        if (ProtocolEmitter.Emit(_model, CSharpPeerInputs.Namespace) != _csharp)
            throw new InvalidOperationException("The emitter wrote different C# for the same model.");
    }

    [Benchmark(Baseline = true)]
    [Reads(BenchmarkInput.EmittedCSharp)]
    public SyntaxTree Roslyn_ParseText_of_the_emitted_CSharp() => CSharpSyntaxTree.ParseText(_csharp);

    [Benchmark]
    [Reads(BenchmarkInput.EmittedCSharp)]
    public string ProtocolEmitter_Emit() => ProtocolEmitter.Emit(_model!, CSharpPeerInputs.Namespace);
}
