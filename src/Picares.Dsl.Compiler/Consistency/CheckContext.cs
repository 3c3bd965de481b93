using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>What every consistency check reads and where it reports.</summary>
internal sealed class CheckContext
{
    private readonly DiagnosticBag _diagnostics;

    public CheckContext(ProtocolModel model, SourceLocator locator, DiagnosticBag diagnostics)
    {
        Model = model;
        Locator = locator;
        Timeline = new Timeline(model);
        _diagnostics = diagnostics;
    }

    public ProtocolModel Model { get; }
    public SourceLocator Locator { get; }
    public Timeline Timeline { get; }

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] args) => _diagnostics.Report(descriptor, span, args);
}
