using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler.Diagnostics;

/// <summary>
/// Collects the diagnostics of one file. After <see cref="Limit"/> errors it records one last
/// diagnostic saying so and ignores the rest, so that a binary or enormous file stays cheap.
/// </summary>
public sealed class DiagnosticBag
{
    /// <summary>The most errors reported for one file.</summary>
    public const int Limit = 200;

    private readonly List<ProtocolDiagnostic> _items = new();
    private readonly SourceText _source;
    private readonly HashSet<(string, int, int)> _seen = new();
    private int _errors;
    private bool _truncated;

    /// <summary>Creates a bag for one source text.</summary>
    public DiagnosticBag(SourceText source) => _source = source;

    /// <summary>True when at least one error was reported.</summary>
    public bool HasErrors => _errors > 0;

    /// <summary>Reports a diagnostic at a span; the same ID at the same span is reported once.</summary>
    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] args)
    {
        if (_truncated) return;
        span = Clamp(span);
        if (!_seen.Add((descriptor.Id, span.Start, span.Length))) return;
        if (descriptor.DefaultSeverity == Severity.Error)
        {
            if (_errors == Limit)
            {
                _truncated = true;
                Add(DiagnosticDescriptors.TooManyErrors, span, Limit);
                return;
            }
            _errors++;
        }
        Add(descriptor, span, args);
    }

    /// <summary>
    /// Reports a failure of the compiler itself (PIC9999) at the start of the file, past the error limit too: a file with
    /// hundreds of errors must still say that the compiler failed on it.
    /// </summary>
    public void ReportInternalError(string what)
    {
        _errors++;
        Add(DiagnosticDescriptors.InternalError, new TextSpan(0, 0), what);
    }

    private void Add(DiagnosticDescriptor descriptor, TextSpan span, params object[] args)
    {
        var texts = args.Select(a => System.Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToEquatableArray();
        _items.Add(new ProtocolDiagnostic(descriptor.Id, texts, span, _source.GetLineSpan(span)));
    }

    private TextSpan Clamp(TextSpan span)
    {
        int start = System.Math.Max(0, System.Math.Min(span.Start, _source.Length));
        int end = System.Math.Max(start, System.Math.Min(span.End, _source.Length));
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>The diagnostics, ordered by position then ID.</summary>
    public EquatableArray<ProtocolDiagnostic> ToArray() =>
        _items.OrderBy(d => d.Span.Start).ThenBy(d => d.Id, System.StringComparer.Ordinal).ToEquatableArray();
}
