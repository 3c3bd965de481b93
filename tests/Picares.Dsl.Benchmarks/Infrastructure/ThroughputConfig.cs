using BenchmarkDotNet.Configs;

namespace Picares.Dsl.Benchmarks.Infrastructure;

/// <summary>Adds the input-size and per-byte columns; the job comes from the command line (for example --job short).</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(ThroughputColumn.Bytes, ThroughputColumn.NanosecondsPerByte, ThroughputColumn.BytesPerMicrosecond);
    }
}
