using System;
using System.Globalization;
using System.Linq;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler.Diagnostics;

/// <summary>
/// One reported problem, as plain data: the descriptor's ID, the message arguments and the exact
/// location. It holds no Roslyn types, so generator pipelines can compare and cache it.
/// </summary>
public sealed record ProtocolDiagnostic(string Id, EquatableArray<string> Arguments, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>The descriptor behind the ID.</summary>
    public DiagnosticDescriptor Descriptor => DiagnosticDescriptors.Get(Id);

    /// <summary>The default severity.</summary>
    public Severity Severity => Descriptor.DefaultSeverity;

    /// <summary>The message with its arguments filled in.</summary>
    public string Message => string.Format(CultureInfo.InvariantCulture, Descriptor.MessageFormat, Arguments.Cast<object>().ToArray());

    /// <summary>"path(line,col): error PIC0001: message", as compilers print diagnostics.</summary>
    public string Format(string path) =>
        $"{path}{LineSpan.Start}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";

    /// <inheritdoc />
    public override string ToString() => Format("");
}
