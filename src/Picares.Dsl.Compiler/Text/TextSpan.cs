using System;

namespace Picares.Dsl.Compiler.Text;

/// <summary>A range of characters in a source text: [Start, End).</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>One past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    /// <summary>The smallest span that covers both.</summary>
    public TextSpan Cover(TextSpan other) => FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>A zero-based line and character position, as Roslyn's <c>LinePosition</c>.</summary>
public readonly record struct LinePosition(int Line, int Character)
{
    /// <summary>"(line,column)" one-based, as compilers print it.</summary>
    public override string ToString() => $"({Line + 1},{Character + 1})";
}

/// <summary>A start and end line position.</summary>
public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End);
