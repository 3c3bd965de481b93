using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler.Syntax;

/// <summary>
/// One token: its kind, span and text. A value, held inline by the syntax node that owns it, so that a token costs no
/// object of its own. <see cref="Value"/> holds the unescaped content of a string.
/// <see cref="HasLeadingTrivia"/> tells whether white space or a comment came right before it, which
/// the parser uses to glue compound unit symbols such as <c>mg/m2</c> and <c>10^9/L</c>.
/// </summary>
public readonly struct Token
{
    private readonly string? _text; // null only in default(Token)
    private readonly bool _hasLeadingTrivia;
    private readonly bool _isMissing;

    /// <param name="kind">The kind.</param>
    /// <param name="span">Where it stands.</param>
    /// <param name="text">The text as written; for a string, its content with the escapes resolved.</param>
    /// <param name="hasLeadingTrivia">Whether trivia precedes it on the same line.</param>
    /// <param name="isMissing">Whether the parser invented it to recover from an error.</param>
    internal Token(TokenKind kind, TextSpan span, string text, bool hasLeadingTrivia, bool isMissing = false)
    {
        Kind = kind;
        Span = span;
        _text = text;
        _hasLeadingTrivia = hasLeadingTrivia;
        _isMissing = isMissing;
    }

    /// <summary>The kind.</summary>
    public TokenKind Kind { get; }
    /// <summary>Where it stands.</summary>
    public TextSpan Span { get; }
    /// <summary>
    /// The text as written; for a string, its content with the escapes resolved (the same as <see cref="Value"/>; the
    /// string as written, quotes and escapes included, is the source text at <see cref="Span"/>). A string's text is
    /// kept once rather than twice.
    /// </summary>
    public string Text => _text ?? "";
    /// <summary>For a string, its content with escapes resolved; otherwise null.</summary>
    public string? Value => Kind == TokenKind.String ? Text : null;
    /// <summary>True when trivia (white space, comments) precedes it on the same line.</summary>
    public bool HasLeadingTrivia => _hasLeadingTrivia;
    /// <summary>True for a token the parser invented to recover from an error.</summary>
    public bool IsMissing => _isMissing;

    /// <summary>True for an identifier with this exact text.</summary>
    public bool IsWord(string word) => Kind == TokenKind.Identifier && Text == word;

    /// <inheritdoc />
    public override string ToString() => $"{Kind} '{Text}' {Span}";
}
