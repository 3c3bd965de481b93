using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler.Syntax;

/// <summary>
/// One token: its kind, span and text. <see cref="Value"/> holds the unescaped content of a string.
/// <see cref="HasLeadingTrivia"/> tells whether white space or a comment came right before it, which
/// the parser uses to glue compound unit symbols such as <c>mg/m2</c> and <c>10^9/L</c>.
/// </summary>
public sealed class Token
{
    internal Token(TokenKind kind, TextSpan span, string text, string? value, bool hasLeadingTrivia, bool isMissing = false)
    {
        Kind = kind;
        Span = span;
        Text = text;
        Value = value;
        HasLeadingTrivia = hasLeadingTrivia;
        IsMissing = isMissing;
    }

    /// <summary>The kind.</summary>
    public TokenKind Kind { get; }
    /// <summary>Where it stands.</summary>
    public TextSpan Span { get; }
    /// <summary>The text as written.</summary>
    public string Text { get; }
    /// <summary>For a string, its content with escapes resolved; otherwise null.</summary>
    public string? Value { get; }
    /// <summary>True when trivia (white space, comments) precedes it on the same line.</summary>
    public bool HasLeadingTrivia { get; }
    /// <summary>True for a token the parser invented to recover from an error.</summary>
    public bool IsMissing { get; }

    /// <summary>True for an identifier with this exact text.</summary>
    public bool IsWord(string word) => Kind == TokenKind.Identifier && Text == word;

    /// <inheritdoc />
    public override string ToString() => $"{Kind} '{Text}' {Span}";
}
