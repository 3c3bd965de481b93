using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace Picares.Dsl.Tests.Infrastructure;

/// <summary>
/// A small snapshot approver with Verify's conventions (Verify itself is not obtainable here):
/// <c>{Class}.{Method}.verified.{ext}</c> beside the test file, committed; on a mismatch the actual text is
/// written to <c>.received.{ext}</c> (git-ignored) and the test fails with a unified diff. Setting
/// <c>PICARES_ACCEPT=1</c> accepts the received text, except under <c>CI=true</c>. Text is compared with LF endings.
/// </summary>
internal static class SnapshotApprover
{
    public static bool AcceptRequested =>
        Environment.GetEnvironmentVariable("PICARES_ACCEPT") == "1" &&
        !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Verify(string actual, string extension = "txt", [CallerFilePath] string testFile = "", [CallerMemberName] string method = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(SourcePath(testFile))!, "Snapshots");
        var name = Path.GetFileNameWithoutExtension(testFile) + "." + method;
        var verifiedPath = Path.Combine(directory, $"{name}.verified.{extension}");
        var receivedPath = Path.Combine(directory, $"{name}.received.{extension}");
        actual = Normalize(actual);

        var expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (expected == actual)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        if (AcceptRequested)
        {
            File.WriteAllText(verifiedPath, actual, new UTF8Encoding(false));
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        throw new XunitException(expected is null
            ? $"No snapshot {verifiedPath} yet. Review {receivedPath}, then accept it with PICARES_ACCEPT=1 or rename it to .verified."
            : $"Snapshot {verifiedPath} differs from the output (written to {receivedPath}):\n{Diff(expected, actual)}");
    }

    /// <summary>
    /// The test file's real path. Deterministic CI builds (ContinuousIntegrationBuild) map the repository root to
    /// "/_/" in caller paths; map it back.
    /// </summary>
    private static string SourcePath(string testFile)
    {
        var normalized = testFile.Replace('\\', '/');
        return normalized.StartsWith("/_/", StringComparison.Ordinal)
            ? Path.Combine(Repository.Root, normalized.Substring(3).Replace('/', Path.DirectorySeparatorChar))
            : testFile;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").Replace("\r", "\n");

    private static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var lines = model.Lines
            .Select((line, index) => (line, index))
            .Where(x => x.line.Type != ChangeType.Unchanged)
            .Take(60)
            .Select(x => (x.line.Type == ChangeType.Inserted ? "+ " : x.line.Type == ChangeType.Deleted ? "- " : "  ") + $"{x.index + 1,5}: {x.line.Text}");
        return string.Join("\n", lines);
    }
}
