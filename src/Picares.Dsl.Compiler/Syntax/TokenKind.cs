namespace Picares.Dsl.Compiler.Syntax;

/// <summary>The kinds of token in a .protocol file.</summary>
public enum TokenKind
{
    /// <summary>End of the file.</summary>
    EndOfFile,
    /// <summary>A line break that ends a statement.</summary>
    NewLine,
    /// <summary>A name: letters, digits and underscores, not starting with a digit.</summary>
    Identifier,
    /// <summary>A number: digits with an optional decimal part.</summary>
    Number,
    /// <summary>A "string".</summary>
    String,
    /// <summary>{</summary>
    OpenBrace,
    /// <summary>}</summary>
    CloseBrace,
    /// <summary>(</summary>
    OpenParen,
    /// <summary>)</summary>
    CloseParen,
    /// <summary>[</summary>
    OpenBracket,
    /// <summary>]</summary>
    CloseBracket,
    /// <summary>,</summary>
    Comma,
    /// <summary>;</summary>
    Semicolon,
    /// <summary>.</summary>
    Dot,
    /// <summary>..</summary>
    DotDot,
    /// <summary>:</summary>
    Colon,
    /// <summary>@</summary>
    At,
    /// <summary>+</summary>
    Plus,
    /// <summary>-</summary>
    Minus,
    /// <summary>*</summary>
    Star,
    /// <summary>/</summary>
    Slash,
    /// <summary>^</summary>
    Caret,
    /// <summary>%</summary>
    Percent,
    /// <summary>==</summary>
    EqualsEquals,
    /// <summary>!=</summary>
    BangEquals,
    /// <summary>&lt;</summary>
    Less,
    /// <summary>&lt;=</summary>
    LessEquals,
    /// <summary>&gt;</summary>
    Greater,
    /// <summary>&gt;=</summary>
    GreaterEquals,
    /// <summary>A lone '=', not an operator of the language: the parser reports it where it stands (as '==' in a comparison).</summary>
    Equals,
    /// <summary>A character that starts no token; already reported.</summary>
    Bad,
}
