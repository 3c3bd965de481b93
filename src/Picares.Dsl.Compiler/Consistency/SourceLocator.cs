using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Collections;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// Finds where in the file a part of the bound model was written, so that every consistency diagnostic points
/// at the exact name, statement or field reference it is about. Falls back to the enclosing declaration.
/// The file's declarations are indexed once, on the first lookup, so that finding one costs the same whatever the
/// file's size, and a file that the checks find nothing to report in (the usual case) is never walked for it.
/// </summary>
internal sealed class SourceLocator
{
    private readonly ProtocolSyntax _syntax;
    private Dictionary<string, StatementSyntax>? _firstByKeyword;
    private ShardedDictionary<(string Keyword, string Name), StatementSyntax>? _firstByName; // sharded: one per declaration

    public SourceLocator(ProtocolSyntax syntax) => _syntax = syntax;

    /// <summary>Whether the declarations have been indexed (by a lookup).</summary>
    internal bool IsIndexed => _firstByName is not null;

    private void Index()
    {
        var firstByKeyword = new Dictionary<string, StatementSyntax>(System.StringComparer.Ordinal);
        var firstByName = new ShardedDictionary<(string Keyword, string Name), StatementSyntax>(_syntax.Statements.Count);
        foreach (var statement in _syntax.Statements)
        {
            var keyword = statement.Keyword.Text;
            if (!firstByKeyword.ContainsKey(keyword)) firstByKeyword.Add(keyword, statement);
            if (statement.Arguments.Count > 0 && statement.Arguments[0].AsName is { } name && !firstByName.ContainsKey((keyword, name)))
                firstByName.Add((keyword, name), statement);
        }
        _firstByKeyword = firstByKeyword;
        _firstByName = firstByName;
    }

    /// <summary>The first declaration <c>keyword name</c>, or a keyword-only declaration (study, population) when name is null.</summary>
    public StatementSyntax? Declaration(string keyword, string? name = null)
    {
        if (_firstByName is null) Index();
        return name is null ? _firstByKeyword!.TryGetValue(keyword, out var first) ? first : null
            : _firstByName!.TryGetValue((keyword, name), out var named) ? named : null;
    }

    /// <summary>The span of a declaration's name, or of its keyword.</summary>
    public TextSpan Name(string keyword, string? name = null) => Declaration(keyword, name) is { } d ? NameOf(d) : default;

    /// <summary>A statement of a declaration's block, such as the <c>until</c> of a visit.</summary>
    public static StatementSyntax? Inner(StatementSyntax? owner, string keyword, string? name = null)
    {
        if (owner?.Body is not { } body) return null;
        foreach (var s in body.Statements)
            if (s.Keyword.Text == keyword && (name is null || s.Arguments.Count > 0 && s.Arguments[0].AsName == name)) return s;
        return null;
    }

    /// <summary>The arguments of a statement (its keyword when it has none).</summary>
    public static TextSpan Arguments(StatementSyntax statement) =>
        statement.Arguments.Count == 0 ? statement.Keyword.Span : TextSpan.FromBounds(statement.Arguments[0].Span.Start, statement.Arguments[statement.Arguments.Count - 1].Span.End);

    /// <summary>The name argument of a statement, or its keyword.</summary>
    public static TextSpan NameOf(StatementSyntax statement) => statement.Arguments.Count > 0 ? statement.Arguments[0].Span : statement.Keyword.Span;

    /// <summary>The span of a field name of a form.</summary>
    public TextSpan Field(string form, string field) =>
        Inner(Declaration("form", form), "field", field) is { } f ? NameOf(f) : Name("form", form);

    /// <summary>Where <c>Form.field</c> is written among a statement's arguments; the arguments when it is not.</summary>
    public static TextSpan Reference(StatementSyntax statement, string form, string field) =>
        Find(statement, e => e is MemberAccessExpressionSyntax m && m.Target.AsName == form && m.Name.Text == field);

    /// <summary>Where a name (an anchor or event) is written among a statement's arguments; the arguments when it is not.</summary>
    public static TextSpan NameArgument(StatementSyntax statement, string name) => Find(statement, e => e.AsName == name);

    private static TextSpan Find(StatementSyntax statement, System.Func<ExpressionSyntax, bool> match)
    {
        foreach (var argument in statement.Arguments)
            if (Find(argument, match) is { } found) return found.Span;
        return Arguments(statement);
    }

    private static ExpressionSyntax? Find(ExpressionSyntax expression, System.Func<ExpressionSyntax, bool> match)
    {
        if (match(expression)) return expression;
        foreach (var child in expression.Children)
            if (Find(child, match) is { } found) return found;
        return null;
    }
}
