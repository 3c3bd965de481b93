using System;
using System.IO;

namespace Picares.Dsl.Tests.Infrastructure;

/// <summary>Paths in the repository, found by walking up to PICARES.Dsl.sln.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PICARES.Dsl.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PICARES.Dsl.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string PicaresPath => Path.Combine(Root, "protocols", "PICARES.protocol");

    public static string Picares => File.ReadAllText(PicaresPath);
}
