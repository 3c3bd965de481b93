using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Picares.Dsl.Benchmarks.Infrastructure;

/// <summary>
/// Adds the median and minimum (more telling than the mean when other processes share the two cores) and the
/// input-size and per-byte columns; the job comes from the command line (for example --job short).
/// </summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        AddColumn(ThroughputColumn.Bytes, ThroughputColumn.NanosecondsPerByte, ThroughputColumn.BytesPerMicrosecond);
    }
}
