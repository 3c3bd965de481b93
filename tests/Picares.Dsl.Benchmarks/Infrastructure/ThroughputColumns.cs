using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Picares.Dsl.Benchmarks.Inputs;

namespace Picares.Dsl.Benchmarks.Infrastructure;

/// <summary>What a benchmark method reads, so the summary can show its size and per-byte figures.</summary>
public enum BenchmarkInput
{
    /// <summary>The (scaled) protocol: <see cref="ProtocolInputs.Scaled"/> at the benchmark's Scale, or PICARES itself.</summary>
    Protocol,
    /// <summary>The C# peer of the (scaled) protocol: <see cref="CSharpPeerInputs.ForScale"/>.</summary>
    CSharpPeer,
    /// <summary>All the C# generated for the (scaled) protocol: <see cref="CSharpPeerInputs.Emitted"/>.</summary>
    EmittedCSharp,
}

/// <summary>Marks a benchmark method with the input whose UTF-8 bytes it processes once per operation.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadsAttribute : Attribute
{
    public ReadsAttribute(BenchmarkInput input) => Input = input;
    public BenchmarkInput Input { get; }
}

/// <summary>
/// Input size in bytes, time per byte and bytes per microsecond, from the measured median (robust to the
/// occasional iteration slowed by another process on a shared two-core machine).
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    public static readonly IColumn Bytes = new ThroughputColumn("Input bytes", "UTF-8 bytes of the input one operation reads", Kind.Bytes);
    public static readonly IColumn NanosecondsPerByte = new ThroughputColumn("ns/byte", "Median time per input byte (lower is better)", Kind.NsPerByte);
    public static readonly IColumn BytesPerMicrosecond = new ThroughputColumn("bytes/µs", "Input bytes per microsecond of median time (higher is better)", Kind.BytesPerUs);

    private enum Kind { Bytes, NsPerByte, BytesPerUs }

    private readonly Kind _kind;

    private ThroughputColumn(string name, string legend, Kind kind)
    {
        ColumnName = name;
        Legend = legend;
        _kind = kind;
    }

    public string Id => nameof(ThroughputColumn) + "." + _kind;
    public string ColumnName { get; }
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => (int)_kind;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend { get; }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (InputBytes(benchmarkCase) is not { } bytes) return "-";
        if (_kind == Kind.Bytes) return bytes.ToString("N0", CultureInfo.InvariantCulture);
        if (summary[benchmarkCase]?.ResultStatistics is not { } stats) return "?";
        double ns = stats.Median;
        return _kind == Kind.NsPerByte
            ? (ns / bytes).ToString("0.000", CultureInfo.InvariantCulture)
            : (bytes / (ns / 1000.0)).ToString("N1", CultureInfo.InvariantCulture);
    }

    /// <summary>The UTF-8 size of what the case reads, computed in the host process from the same deterministic inputs.</summary>
    public static int? InputBytes(BenchmarkCase benchmarkCase)
    {
        var reads = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<ReadsAttribute>();
        if (reads is null) return null;
        var scaleParameter = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Scale");
        int scale = scaleParameter?.Value is int s ? s : 1;
        return reads.Input switch
        {
            BenchmarkInput.Protocol => ProtocolInputs.Utf8Bytes(ProtocolInputs.Scaled(scale)),
            BenchmarkInput.CSharpPeer => ProtocolInputs.Utf8Bytes(CSharpPeerInputs.ForScale(scale)),
            BenchmarkInput.EmittedCSharp => ProtocolInputs.Utf8Bytes(CSharpPeerInputs.Emitted(scale)),
            _ => null,
        };
    }

    public override string ToString() => ColumnName;
}
