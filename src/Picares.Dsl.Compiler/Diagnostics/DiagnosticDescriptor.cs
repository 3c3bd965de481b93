namespace Picares.Dsl.Compiler.Diagnostics;

/// <summary>How serious a diagnostic is by default (users may change it in .editorconfig).</summary>
public enum Severity
{
    /// <summary>Informational.</summary>
    Info,
    /// <summary>A probable mistake; the protocol still compiles.</summary>
    Warning,
    /// <summary>The protocol is wrong; no code is generated for it.</summary>
    Error,
}

/// <summary>
/// The fixed description of one diagnostic: a stable ID, a title, a message format whose
/// placeholders are filled per occurrence, and a default severity.
/// </summary>
public sealed record DiagnosticDescriptor(string Id, string Title, string MessageFormat, Severity DefaultSeverity, string Category)
{
    /// <summary>Where the ID is documented.</summary>
    public string HelpLink => "docs/diagnostics.md#" + Id.ToLowerInvariant();
}
