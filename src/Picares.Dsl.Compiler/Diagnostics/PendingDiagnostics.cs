using System.Collections.Generic;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler.Diagnostics;

/// <summary>
/// Diagnostics held back to be reported later, in the order they were found: a stage that runs interleaved
/// with another reports as if it had run after it, so the file's diagnostics (and which ones the error limit
/// keeps) do not depend on how the stages are interleaved.
/// </summary>
internal sealed class PendingDiagnostics
{
    private readonly List<(DiagnosticDescriptor Descriptor, TextSpan Span, object[] Args)> _items = new();

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] args) => _items.Add((descriptor, span, args));

    /// <summary>Reports every held diagnostic to <paramref name="diagnostics"/>, in order, and forgets them.</summary>
    public void ReportTo(DiagnosticBag diagnostics)
    {
        foreach (var (descriptor, span, args) in _items) diagnostics.Report(descriptor, span, args);
        _items.Clear();
    }
}
