using System;
using System.Text;

namespace Picares.Dsl.Generator;

/// <summary>
/// Hint names derived from the file's path relative to the project, so that two files named alike in
/// different folders never collide: <c>protocols/PICARES.protocol</c> → <c>protocols.PICARES.protocol.g.cs</c>.
/// </summary>
internal static class HintNames
{
    public static string For(string path, string? projectDirectory)
    {
        var normalized = path.Replace('\\', '/');
        if (projectDirectory is { Length: > 0 })
        {
            var root = projectDirectory.Replace('\\', '/').TrimEnd('/') + "/";
            if (normalized.StartsWith(root, StringComparison.OrdinalIgnoreCase)) normalized = normalized.Substring(root.Length);
        }
        if (normalized.StartsWith("/", StringComparison.Ordinal) || normalized.StartsWith("../", StringComparison.Ordinal) || normalized.Contains(":"))
        {
            // Outside the project: keep the folder and file names, which stay the same on every machine.
            var parts = normalized.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            normalized = parts.Length >= 2 ? parts[parts.Length - 2] + "/" + parts[parts.Length - 1] : string.Join("/", parts);
        }
        var sb = new StringBuilder(normalized.Length + 5);
        foreach (char c in normalized)
            sb.Append(c == '/' ? '.' : char.IsLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? c : '_');
        if (sb.Length == 0) sb.Append("protocol");
        return sb.Append(".g.cs").ToString();
    }
}
