using System;
using System.Globalization;
using BenchmarkDotNet.Running;
using Picares.Dsl.Benchmarks.Inputs;

namespace Picares.Dsl.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/Picares.Dsl.Benchmarks -- --filter '*' --job short
/// (docs/performance.md). "--inputs" only builds and checks the inputs and prints their sizes; "--stages" prints
/// where a compile's allocation and collections go (<see cref="Infrastructure.StageProbe"/>); "--profile" runs one stage back
/// to back for a sampling profiler (<see cref="Infrastructure.ProfileLoop"/>).
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
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
