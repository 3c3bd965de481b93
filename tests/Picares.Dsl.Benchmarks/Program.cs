using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Picares.Dsl.Benchmarks.Inputs;

namespace Picares.Dsl.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/Picares.Dsl.Benchmarks -- --filter '*' --job short
/// (docs/performance.md); exits with 1 when a benchmark could not run. "--inputs" only builds and checks the inputs and
/// prints their sizes; "--stages" prints where a compile's allocation and collections go (<see cref="Infrastructure.StageProbe"/>);
/// "--profile" runs one stage back to back for a sampling profiler (<see cref="Infrastructure.ProfileLoop"/>); "--dry" runs
/// every benchmark once (<see cref="DryRun"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--inputs")
        {
            foreach (int scale in new[] { 1, 10, 100 })
            {
                var protocol = ProtocolInputs.Scaled(scale);
                var result = ProtocolInputs.CompileClean(protocol, $"PICARES x{scale}");
                var csharp = CSharpPeerInputs.ForScale(scale);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "x{0,-4} protocol {1,10:N0} bytes, {2,5} criteria, {3,4} forms, no diagnostics; C# peer {4,10:N0} bytes",
                    scale, ProtocolInputs.Utf8Bytes(protocol), result.Model!.Criteria.Count, result.Model.Forms.Count, ProtocolInputs.Utf8Bytes(csharp)));
            }
            var generated = Picares.Dsl.Compiler.Emit.ProtocolEmitter.Emit(ProtocolInputs.CompileClean(ProtocolInputs.Picares, "PICARES").Model!, CSharpPeerInputs.Namespace);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "C# generated for PICARES: {0:N0} bytes", ProtocolInputs.Utf8Bytes(generated)));
            return 0;
        }
        if (args.Length >= 1 && args[0] == "--profile") return Infrastructure.ProfileLoop.Run(args);
        if (args.Length >= 1 && args[0] == "--stages") return Infrastructure.StageProbe.Run(args);
        if (args.Length >= 1 && args[0] == "--dry") return DryRun(args.Skip(1).ToArray());
        // Non-zero when a benchmark could not run (a setup that throws, a validation error), so that a run in a script or a
        // test (--dry, BenchmarkDryRunTests) fails instead of printing an empty row.
        return Succeeded(BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args)) ? 0 : 1;
    }

    /// <summary>
    /// "--dry [filter...]": every benchmark (or those matching the filters) run once, in this process, in whatever
    /// configuration it was built: a check that each setup and benchmark still runs (BenchmarkDryRunTests), not a
    /// measurement. The optimization validator is off because a Debug build of the projects it references is expected here.
    /// </summary>
    private static int DryRun(string[] filters)
    {
        var config = DefaultConfig.Instance
            .WithOptions(ConfigOptions.DisableOptimizationsValidator)
            .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance));
        var args = new[] { "--filter" }.Concat(filters.Length > 0 ? filters : new[] { "*" }).ToArray();
        return Succeeded(BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config)) ? 0 : 1;
    }

    private static bool Succeeded(System.Collections.Generic.IEnumerable<Summary> summaries) =>
        summaries.All(s => !s.HasCriticalValidationErrors && s.Reports.All(r => r.Success));
}
