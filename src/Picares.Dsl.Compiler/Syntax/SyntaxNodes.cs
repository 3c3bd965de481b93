using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler.Syntax;

/// <summary>
/// The root of a parsed .protocol file. The syntax is uniform: a file is a list of statements; a
/// statement is a keyword, arguments (expressions) and an optional { } block of statements. What each
/// keyword means and which arguments it takes is the binder's business (see <c>Binding/</c>), which
/// keeps the parser small, its error recovery simple and every span exact.
/// </summary>
public sealed class ProtocolSyntax
{
    internal ProtocolSyntax(SyntaxList<StatementSyntax> statements, Token endOfFile, int statementCount)
    {
        Statements = statements;
        EndOfFile = endOfFile;
        StatementCount = statementCount;
    }

    /// <summary>How many statements the file has at every depth: one more than the highest <see cref="StatementSyntax.Number"/>.</summary>
    internal int StatementCount { get; }

    /// <summary>The top-level statements (declarations).</summary>
    public SyntaxList<StatementSyntax> Statements { get; }
    /// <summary>The end-of-file token.</summary>
    public Token EndOfFile { get; }
}

/// <summary><c>@assumed "reason"</c> before a statement: marks what the author assumed beyond the source record.</summary>
public sealed class AnnotationSyntax
{
    internal AnnotationSyntax(Token at, Token name, SyntaxList<ExpressionSyntax> arguments, TextSpan span)
    {
        At = at;
        Name = name;
        Arguments = arguments;
        Span = span;
    }

    /// <summary>The '@'.</summary>
    public Token At { get; }
    /// <summary>The annotation's name.</summary>
    public Token Name { get; }
    /// <summary>Its arguments.</summary>
    public SyntaxList<ExpressionSyntax> Arguments { get; }
    /// <summary>From '@' to the last argument.</summary>
    public TextSpan Span { get; }
}

/// <summary><c>keyword argument, argument ... { statements }</c></summary>
public sealed class StatementSyntax
{
    internal StatementSyntax(int number, SyntaxList<AnnotationSyntax> annotations, Token keyword, SyntaxList<ExpressionSyntax> arguments, BlockSyntax? body)
    {
        Number = number;
        Annotations = annotations;
        Keyword = keyword;
        Arguments = arguments;
        Body = body;
    }

    /// <summary>Numbers the file's statements from 0, each once (in the order the parser completes them), so that a later stage can keep something per statement in an array.</summary>
    internal int Number { get; }
    /// <summary>Annotations on the lines before it.</summary>
    public SyntaxList<AnnotationSyntax> Annotations { get; }
    /// <summary>The keyword that says what the statement is.</summary>
    public Token Keyword { get; }
    /// <summary>The arguments after the keyword.</summary>
    public SyntaxList<ExpressionSyntax> Arguments { get; }
    /// <summary>The block, if any.</summary>
    public BlockSyntax? Body { get; }
    /// <summary>From the keyword to the end of the block or the last argument (computed, not kept in the tree).</summary>
    public TextSpan Span => Body is { } body ? TextSpan.FromBounds(Keyword.Span.Start, body.Span.End) : HeaderSpan;
    /// <summary>The keyword and arguments, without the block (computed, not kept in the tree).</summary>
    public TextSpan HeaderSpan => TextSpan.FromBounds(Keyword.Span.Start, Arguments.Count > 0 ? Arguments.Last.Span.End : Keyword.Span.End);
}

/// <summary><c>{ statements }</c></summary>
/// <remarks>
/// Keeps where its braces stand rather than the brace tokens themselves, whose kind and text are known: a block is one
/// of the most numerous nodes, and every node kept costs the collector while later stages run.
/// </remarks>
public sealed class BlockSyntax
{
    private readonly int _open;
    private readonly int _close;
    private readonly Braces _braces;

    internal BlockSyntax(Token open, SyntaxList<StatementSyntax> statements, Token close)
    {
        _open = open.Span.Start;
        Statements = statements;
        _close = close.Span.Start;
        _braces = (open.HasLeadingTrivia ? Braces.OpenAfterTrivia : 0)
            | (close.HasLeadingTrivia ? Braces.CloseAfterTrivia : 0)
            | (close.IsMissing ? Braces.CloseMissing : 0);
    }

    [System.Flags]
    private enum Braces : byte
    {
        OpenAfterTrivia = 1,
        CloseAfterTrivia = 2,
        CloseMissing = 4,
    }

    /// <summary>The '{'.</summary>
    public Token Open => new(TokenKind.OpenBrace, new TextSpan(_open, 1), "{", (_braces & Braces.OpenAfterTrivia) != 0);
    /// <summary>The statements inside.</summary>
    public SyntaxList<StatementSyntax> Statements { get; }
    /// <summary>The '}' (missing, and empty, when the file ended first).</summary>
    public Token Close => (_braces & Braces.CloseMissing) != 0
        ? new Token(TokenKind.CloseBrace, new TextSpan(_close, 0), "", hasLeadingTrivia: false, isMissing: true)
        : new Token(TokenKind.CloseBrace, new TextSpan(_close, 1), "}", (_braces & Braces.CloseAfterTrivia) != 0);
    /// <summary>From '{' to '}'.</summary>
    public TextSpan Span => TextSpan.FromBounds(_open, (_braces & Braces.CloseMissing) != 0 ? _close : _close + 1);
}
