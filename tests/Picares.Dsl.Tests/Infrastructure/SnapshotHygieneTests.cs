using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Picares.Dsl.Tests.Infrastructure;

/// <summary>Every committed snapshot belongs to a test, and no mismatch is left behind.</summary>
public class SnapshotHygieneTests
{
    [Fact]
    public void Every_verified_snapshot_belongs_to_an_existing_test()
    {
        var testsRoot = Path.Combine(Repository.Root, "tests", "Picares.Dsl.Tests");
        var methods = typeof(SnapshotHygieneTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => t.Name + "." + m.Name))
            .ToHashSet(StringComparer.Ordinal);
        var snapshots = Directory.GetFiles(testsRoot, "*.verified.*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(snapshots);
        var orphans = snapshots.Select(Path.GetFileName).Select(n => n!.Substring(0, n.IndexOf(".verified.", StringComparison.Ordinal)))
            .Where(name => !methods.Contains(name)).ToList();
        Assert.Empty(orphans);
    }
}
