using System.Collections.Generic;
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
    internal ProtocolSyntax(IReadOnlyList<StatementSyntax> statements, Token endOfFile, int statementCount)
    {
        Statements = statements;
        EndOfFile = endOfFile;
        StatementCount = statementCount;
    }

    /// <summary>How many statements the file has at every depth: one more than the highest <see cref="StatementSyntax.Number"/>.</summary>
    internal int StatementCount { get; }

    /// <summary>The top-level statements (declarations).</summary>
    public IReadOnlyList<StatementSyntax> Statements { get; }
    /// <summary>The end-of-file token.</summary>
    public Token EndOfFile { get; }
}

/// <summary><c>@assumed "reason"</c> before a statement: marks what the author assumed beyond the source record.</summary>
public sealed class AnnotationSyntax
{
    internal AnnotationSyntax(Token at, Token name, IReadOnlyList<ExpressionSyntax> arguments, TextSpan span)
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
    public IReadOnlyList<ExpressionSyntax> Arguments { get; }
    /// <summary>From '@' to the last argument.</summary>
    public TextSpan Span { get; }
}

/// <summary><c>keyword argument, argument ... { statements }</c></summary>
public sealed class StatementSyntax
{
    internal StatementSyntax(int number, IReadOnlyList<AnnotationSyntax> annotations, Token keyword, IReadOnlyList<ExpressionSyntax> arguments, BlockSyntax? body)
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
    public IReadOnlyList<AnnotationSyntax> Annotations { get; }
    /// <summary>The keyword that says what the statement is.</summary>
    public Token Keyword { get; }
    /// <summary>The arguments after the keyword.</summary>
    public IReadOnlyList<ExpressionSyntax> Arguments { get; }
    /// <summary>The block, if any.</summary>
    public BlockSyntax? Body { get; }
    /// <summary>From the keyword to the end of the block or the last argument (computed, not kept in the tree).</summary>
    public TextSpan Span => Body is { } body ? TextSpan.FromBounds(Keyword.Span.Start, body.Span.End) : HeaderSpan;
    /// <summary>The keyword and arguments, without the block (computed, not kept in the tree).</summary>
    public TextSpan HeaderSpan => TextSpan.FromBounds(Keyword.Span.Start, Arguments.Count > 0 ? Arguments[Arguments.Count - 1].Span.End : Keyword.Span.End);
}

/// <summary><c>{ statements }</c></summary>
public sealed class BlockSyntax
{
    internal BlockSyntax(Token open, IReadOnlyList<StatementSyntax> statements, Token close)
    {
        Open = open;
        Statements = statements;
        Close = close;
    }

    /// <summary>The '{'.</summary>
    public Token Open { get; }
    /// <summary>The statements inside.</summary>
    public IReadOnlyList<StatementSyntax> Statements { get; }
    /// <summary>The '}' (missing when the file ended first).</summary>
    public Token Close { get; }
    /// <summary>From '{' to '}'.</summary>
    public TextSpan Span => TextSpan.FromBounds(Open.Span.Start, Close.Span.End);
}
