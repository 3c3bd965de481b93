using System;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Picares.Dsl.Benchmarks.Infrastructure;
using Picares.Dsl.Benchmarks.Inputs;
using Picares.Dsl.Compiler;

namespace Picares.Dsl.Benchmarks;

/// <summary>
/// Front-end throughput: the compiler core's parse, bind and consistency checks of PICARES at 1x, 10x and 100x its
/// size, beside Roslyn's <c>CSharpSyntaxTree.ParseText</c>
/// (the named peer, the baseline) on generated C# of about the same UTF-8 size. Roslyn only parses; the core
/// also binds and checks, so this comparison is conservative for the core. The parse-only case splits the
/// core's time into parsing and the rest.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class FrontEndThroughputBenchmarks
{
    private string _protocol = "";
    private string _csharp = "";

    /// <summary>How many times PICARES's declarations the protocol holds.</summary>
    [Params(1, 10, 100)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _protocol = ProtocolInputs.ScaledAndChecked(Scale);
        _csharp = CSharpPeerInputs.ForScale(Scale);
        // Both inputs are checked once here; the measured calls below do nothing else.
        if (CSharpSyntaxTree.ParseText(_csharp).GetDiagnostics().GetEnumerator().MoveNext())
            throw new InvalidOperationException("The C# peer has syntax errors.");
    }

    [Benchmark(Baseline = true)]
    [Reads(BenchmarkInput.CSharpPeer)]
    public SyntaxTree Roslyn_ParseText_CSharp_of_equal_size() => CSharpSyntaxTree.ParseText(_csharp);

    [Benchmark]
    [Reads(BenchmarkInput.Protocol)]
    public CompilationResult ProtocolCompiler_Compile_parse_and_bind() => ProtocolCompiler.Compile(_protocol, ProtocolInputs.PicaresPath);

    /// <summary>The first stage alone (line index, lexer, parser), so that bind and check time is Compile minus this.</summary>
    [Benchmark]
    [Reads(BenchmarkInput.Protocol)]
    public object ProtocolParser_Parse_only() => ProtocolInputs.ParseOnly(_protocol);
}
