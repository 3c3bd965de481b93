using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Collections;

namespace Picares.Dsl.Compiler.Binding;

/// <summary>The kinds of named things a protocol declares.</summary>
internal enum SymbolKind
{
    Anchor,
    Event,
    Intervention,
    Arm,
    CodeList,
    Form,
    Criterion,
    Visit,
    Endpoint,
}

/// <summary>
/// A declared name with its kind, its line and the number of the statement that declares it
/// (<see cref="Syntax.StatementSyntax.Number"/>): a value kept in the table, so that a declaration costs no object of its own.
/// </summary>
internal readonly record struct Symbol(SymbolKind Kind, string Name, int Line, int Statement);

/// <summary>
/// The names declared in one file. Anchors, events, interventions, arms, code lists, forms, visits and
/// endpoints share one namespace (a name means one thing, so a reference is never ambiguous); criteria ids
/// have their own. Fields live in their form, codes in their code list.
/// </summary>
internal sealed class SymbolTable
{
    // Sharded, since a large file's tables would each be one array on the large-object heap.
    private readonly ShardedDictionary<string, Symbol> _names;
    private readonly ShardedDictionary<string, Symbol> _criteria;

    /// <param name="syntax">The file, whose top-level statements are all the declarations it can have: every table is
    /// sized once, by how many of them are criteria and how many are not, and how many are forms and code lists.</param>
    public SymbolTable(Syntax.ProtocolSyntax syntax)
    {
        int criteria = 0, forms = 0, codeLists = 0;
        foreach (var statement in syntax.Statements)
        {
            switch (statement.Keyword.Text)
            {
                case "criterion": criteria++; break;
                case "form": forms++; break;
                case "codelist": codeLists++; break;
            }
        }
        _names = new ShardedDictionary<string, Symbol>(syntax.Statements.Count - criteria, StringComparer.Ordinal);
        _criteria = new ShardedDictionary<string, Symbol>(criteria, StringComparer.Ordinal);
        Forms = new ShardedDictionary<string, FormSymbol>(forms, StringComparer.Ordinal);
        CodeLists = new ShardedDictionary<string, CodeListSymbol>(codeLists, StringComparer.Ordinal);
    }

    public ShardedDictionary<string, FormSymbol> Forms { get; }
    public ShardedDictionary<string, CodeListSymbol> CodeLists { get; }

    /// <summary>Declares a name; returns the earlier symbol when the name is taken.</summary>
    public Symbol? Declare(SymbolKind kind, string name, int line, int statement)
    {
        var table = kind == SymbolKind.Criterion ? _criteria : _names;
        if (table.TryGetValue(name, out var existing)) return existing;
        table.Add(name, new Symbol(kind, name, line, statement));
        return null;
    }

    public Symbol? Lookup(string name) => _names.TryGetValue(name, out var s) ? s : null;

    /// <summary>Whether <paramref name="statement"/> is the one that declared <paramref name="name"/>, as a <paramref name="kind"/>.</summary>
    public bool IsDeclaredBy(string name, SymbolKind kind, Syntax.StatementSyntax statement) =>
        _names.TryGetValue(name, out var s) && s.Kind == kind && s.Statement == statement.Number;

    public bool Is(string name, SymbolKind kind) => _names.TryGetValue(name, out var s) && s.Kind == kind;

    /// <summary>The names declared as <paramref name="kind"/>, in no particular order (the suggestions they serve sort them).</summary>
    public IEnumerable<string> NamesOf(SymbolKind kind) =>
        (kind == SymbolKind.Criterion ? _criteria : _names).Values.Where(s => s.Kind == kind).Select(s => s.Name);
}

/// <summary>A form and its fields, for resolving <c>Form.field</c>.</summary>
internal sealed class FormSymbol
{
    /// <param name="name">The form's name.</param>
    /// <param name="repeating">Whether it repeats.</param>
    /// <param name="fields">How many fields it has at most, so that its table is sized once.</param>
    public FormSymbol(string name, bool repeating, int fields)
    {
        Name = name;
        Repeating = repeating;
        Fields = new Dictionary<string, FieldSymbol>(fields, StringComparer.Ordinal);
    }

    public string Name { get; }
    public bool Repeating { get; }
    public Dictionary<string, FieldSymbol> Fields { get; }
}

/// <summary>A field's name and type: a value kept in its form's table, so that a field costs no object of its own.</summary>
internal readonly record struct FieldSymbol(string Name, Model.ValueType Type, string? Unit, int Line);

/// <summary>A code list and its codes.</summary>
internal sealed class CodeListSymbol
{
    private readonly List<string> _codes;
    private readonly HashSet<string> _known;

    /// <param name="name">The code list's name.</param>
    /// <param name="codes">How many codes it has at most, so that its tables are sized once.</param>
    public CodeListSymbol(string name, int codes)
    {
        Name = name;
        _codes = new List<string>(codes);
        _known = new HashSet<string>(StringComparer.Ordinal);
    }

    public string Name { get; }

    /// <summary>The type of its codes, one object for every field coded with it (made when first asked).</summary>
    public Model.ValueType Type => _type ??= Model.ValueType.CodeOf(Name);

    private Model.ValueType? _type;

    /// <summary>The codes in the order declared, for suggestions and lists in messages.</summary>
    public IReadOnlyList<string> Codes => _codes;

    /// <summary>Adds a code the list does not have yet.</summary>
    public void Add(string code)
    {
        if (_known.Add(code)) _codes.Add(code);
    }

    /// <summary>Whether the list has <paramref name="code"/>: a lookup, since a condition may name many codes of a long list.</summary>
    public bool Contains(string code) => _known.Contains(code);
}
