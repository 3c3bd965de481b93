using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Picares.Dsl.Runtime.Serialization;

/// <summary>
/// The state of one read of generated CRF JSON: the JSON path of the current value and the problems found.
/// Strict (as inside <see cref="JsonSerializer"/>), the first problem throws a <see cref="JsonException"/> that
/// names its path; collecting (<see cref="CrfJson.Read{T}(string, System.Text.Json.Serialization.Metadata.JsonTypeInfo{T})"/>),
/// every problem is recorded and reading goes on.
/// </summary>
public sealed class CrfJsonReadContext
{
    private readonly List<string> _segments = new();
    private readonly List<JsonProblem>? _problems;

    private CrfJsonReadContext(List<JsonProblem>? problems) => _problems = problems;

    /// <summary>A context that throws at the first problem.</summary>
    public static CrfJsonReadContext Strict() => new(null);

    /// <summary>A context that records every problem.</summary>
    public static CrfJsonReadContext Collecting() => new(new List<JsonProblem>());

    /// <summary>The problems recorded so far (empty when strict).</summary>
    public IReadOnlyList<JsonProblem> Problems => (IReadOnlyList<JsonProblem>?)_problems ?? System.Array.Empty<JsonProblem>();

    /// <summary>The JSON path of the current value: <c>$</c>, <c>$.AdverseEvents[2].grade</c>, <c>$['odd name']</c>.</summary>
    public string Path
    {
        get
        {
            var sb = new StringBuilder("$");
            foreach (var segment in _segments) sb.Append(segment);
            return sb.ToString();
        }
    }

    /// <summary>Enters a property.</summary>
    public void PushProperty(string name) => _segments.Add(IsPlain(name) ? "." + name : "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']");

    /// <summary>Enters an array element (indexes from 0).</summary>
    public void PushIndex(int index) => _segments.Add("[" + index.ToString(CultureInfo.InvariantCulture) + "]");

    /// <summary>Leaves the last property or element entered.</summary>
    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    /// <summary>Reports a problem at the current path: records it, or throws when strict.</summary>
    /// <exception cref="JsonException">When the context is strict.</exception>
    public void Report(JsonProblemKind kind, string message)
    {
        var problem = new JsonProblem(Path, kind, message);
        if (_problems is null) throw new JsonException(problem.ToString());
        _problems.Add(problem);
    }

    internal void Add(JsonProblem problem) => _problems?.Add(problem);

    private static bool IsPlain(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
            if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        return true;
    }
}
