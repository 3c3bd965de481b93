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

    /// <summary>
    /// The arguments of a statement of a declaration's block, such as the duration of an endpoint's
    /// <c>censor_after_gap</c>; the declaration's name when the block has no such statement.
    /// </summary>
    public TextSpan InnerArguments(string keyword, string name, string inner) =>
        Inner(Declaration(keyword, name), inner) is { } statement ? Arguments(statement) : Name(keyword, name);

    /// <summary>The arguments of a statement (its keyword when it has none).</summary>
    public static TextSpan Arguments(StatementSyntax statement) =>
        statement.Arguments.Count == 0 ? statement.Keyword.Span : TextSpan.FromBounds(statement.Arguments[0].Span.Start, statement.Arguments[statement.Arguments.Count - 1].Span.End);

    /// <summary>The name argument of a statement, or its keyword.</summary>
    public static TextSpan NameOf(StatementSyntax statement) => statement.Arguments.Count > 0 ? statement.Arguments[0].Span : statement.Keyword.Span;

    /// <summary>The span of a field name of a form (of the form's name when it has no such field).</summary>
    public TextSpan Field(string form, string field) => FieldStatement(form, field) is { } f ? NameOf(f) : Name("form", form);

    /// <summary>
    /// The statement that declares a field of a form, or null. A form's fields are indexed once, on the first question
    /// about it, since a check may ask about every field of a large form.
    /// </summary>
    public StatementSyntax? FieldStatement(string form, string field)
    {
        if (Declaration("form", form) is not { Body: { } body } declaration) return null;
        _fields ??= new Dictionary<StatementSyntax, Dictionary<string, StatementSyntax>>(); // by reference
        if (!_fields.TryGetValue(declaration, out var fields))
        {
            fields = new Dictionary<string, StatementSyntax>(System.StringComparer.Ordinal);
            foreach (var s in body.Statements)
                if (s.Keyword.Text == "field" && s.Arguments.Count > 0 && s.Arguments[0].AsName is { } name && !fields.ContainsKey(name))
                    fields.Add(name, s);
            _fields.Add(declaration, fields);
        }
        return fields.TryGetValue(field, out var statement) ? statement : null;
    }

    private Dictionary<StatementSyntax, Dictionary<string, StatementSyntax>>? _fields;

    /// <summary>Where <c>Form.field</c> is first written among a statement's arguments; the arguments when it is not.</summary>
    public TextSpan Reference(StatementSyntax statement, string form, string field) =>
        WrittenIn(statement).References.TryGetValue((form, field), out var span) ? span : Arguments(statement);

    /// <summary>Where a name (an anchor or event) is first written among a statement's arguments; the arguments when it is not.</summary>
    public TextSpan NameArgument(StatementSyntax statement, string name) =>
        WrittenIn(statement).Names.TryGetValue(name, out var span) ? span : Arguments(statement);

    /// <summary>
    /// The references and names written in a statement's arguments, each at its first place, in the order a search would
    /// meet them (an expression before its parts). Indexed once per statement, on the first question about it, since a
    /// check may ask about every field or anchor that a long condition or data list reads.
    /// </summary>
    private Written WrittenIn(StatementSyntax statement)
    {
        _written ??= new Dictionary<StatementSyntax, Written>(); // by reference
        if (!_written.TryGetValue(statement, out var written))
        {
            written = new Written();
            foreach (var argument in statement.Arguments) Index(argument, written);
            _written.Add(statement, written);
        }
        return written;
    }

    private Dictionary<StatementSyntax, Written>? _written;

    private sealed class Written
    {
        public Dictionary<(string Form, string Field), TextSpan> References { get; } = new();
        public Dictionary<string, TextSpan> Names { get; } = new(System.StringComparer.Ordinal);
    }

    private static void Index(ExpressionSyntax expression, Written into)
    {
        if (expression is MemberAccessExpressionSyntax m && m.Target.AsName is { } form && !into.References.ContainsKey((form, m.Name.Text)))
            into.References.Add((form, m.Name.Text), m.Span);
        if (expression.AsName is { } name && !into.Names.ContainsKey(name)) into.Names.Add(name, expression.Span);
        foreach (var child in expression.Children) Index(child, into);
    }
}
