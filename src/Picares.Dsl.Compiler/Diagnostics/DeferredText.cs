using System;

namespace Picares.Dsl.Compiler.Diagnostics;

/// <summary>
/// A part of a diagnostic's message that is worked out only if the diagnostic is kept (<see cref="DiagnosticBag"/> turns its
/// arguments into text as it keeps them): a "did you mean" search through every declared name, or the list of a code
/// list's codes, costs nothing for a diagnostic that repeats one already reported or comes after the file's last error.
/// </summary>
public sealed class DeferredText
{
    private readonly Func<string> _text;

    /// <param name="text">Works out the text; called at most once.</param>
    public DeferredText(Func<string> text) => _text = text;

    /// <summary>The text, worked out now.</summary>
    public override string ToString() => _text();
}
