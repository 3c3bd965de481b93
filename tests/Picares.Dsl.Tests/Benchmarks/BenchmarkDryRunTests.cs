using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Benchmarks;

/// <summary>
/// Runs every BenchmarkDotNet benchmark once (the benchmark program's "--dry": one invocation each, in process), so that a
/// benchmark whose setup no longer matches the protocol or the generated API fails the build's tests instead of being
/// found broken at the next measurement. Nothing is timed.
/// </summary>
public sealed class BenchmarkDryRunTests
{
    private static string BenchmarksFolder => Path.Combine(Repository.Root, "tests", "Picares.Dsl.Benchmarks");

    [Fact]
    public void Every_benchmark_class_runs_each_benchmark_once_without_an_error()
    {
        // Built beside this test project, in its configuration (the test project references it for the build order only).
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(BenchmarksFolder, "bin", output.Parent!.Name, output.Name, "Picares.Dsl.Benchmarks.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");

        var (exitCode, log) = Run(dll, "--dry");

        Assert.True(exitCode == 0, $"the dry run exited with {exitCode}:\n{Tail(log)}");
        var classes = Directory.GetFiles(BenchmarksFolder, "*.cs")
            .Where(f => File.ReadAllText(f).Contains("[Benchmark", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .ToArray();
        Assert.NotEmpty(classes);
        foreach (var name in classes)
            Assert.True(log.Contains($"// Benchmark: {name}.", StringComparison.Ordinal), $"{name} did not run:\n{Tail(log)}");
    }

    private static (int ExitCode, string Log) Run(string dll, string arguments)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("picares-bdn-dry-"); // BenchmarkDotNet.Artifacts lands here
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", $"\"{dll}\" {arguments}")
            {
                WorkingDirectory = workingDirectory.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var log = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "timed out after 10 minutes\n" + log);
            }
            process.WaitForExit(); // drains the redirected streams
            lock (log) return (process.ExitCode, log.ToString());
        }
        finally
        {
            workingDirectory.Delete(recursive: true);
        }
    }

    private static string Tail(string log) => log.Length <= 6000 ? log : "…" + log.Substring(log.Length - 6000);
}
