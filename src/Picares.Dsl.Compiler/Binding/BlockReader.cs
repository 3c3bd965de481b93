using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Syntax;

namespace Picares.Dsl.Compiler.Binding;

/// <summary>
/// Reads the statements of a declaration's block against the set it accepts: an unknown statement is
/// reported with a suggestion, a statement given twice that may appear once is reported at the second.
/// </summary>
internal sealed class BlockReader
{
    private readonly string[] _single;
    private readonly string[] _repeatable;
    private StatementSyntax?[]? _once;              // by the keyword's place in _single
    private List<StatementSyntax>?[]? _many;        // by the keyword's place in _repeatable

    /// <param name="context">The binding context.</param>
    /// <param name="owner">The declaration or statement whose block is read.</param>
    /// <param name="ownerDescription">How messages name the owner: "form Vitals".</param>
    /// <param name="single">Statements it accepts once.</param>
    /// <param name="repeatable">Statements it accepts any number of times.</param>
    /// <param name="ownerOrigin">
    /// The owner's provenance: when given, every annotated statement read is given its own (inheriting the owner's), so that
    /// an <c>@assumed</c> on any statement is recorded (and a wrong annotation reported). Leave it null for a read that only
    /// looks (declaring names).
    /// </param>
    public BlockReader(BindingContext context, StatementSyntax owner, string ownerDescription, string[] single, string[]? repeatable = null, Model.Origin? ownerOrigin = null)
    {
        _single = single;
        _repeatable = repeatable ?? System.Array.Empty<string>();
        if (owner.Body is null) return;
        foreach (var statement in owner.Body.Statements)
        {
            var word = statement.Keyword.Text;
            int many = System.Array.IndexOf(_repeatable, word);
            int once = many >= 0 ? -1 : System.Array.IndexOf(_single, word);
            if (many < 0 && once < 0)
            {
                var accepted = _single.Concat(_repeatable).ToArray();
                context.Report(DiagnosticDescriptors.UnknownStatement, statement.Keyword.Span, word, ownerDescription,
                    Suggestions.DidYouMean(word, accepted), string.Join(", ", accepted));
                continue;
            }
            if (many >= 0)
            {
                _many ??= new List<StatementSyntax>?[_repeatable.Length];
                (_many[many] ??= new List<StatementSyntax>()).Add(statement);
            }
            else
            {
                _once ??= new StatementSyntax?[_single.Length];
                if (_once[once] is { } first)
                {
                    context.Report(DiagnosticDescriptors.RepeatedStatement, statement.Keyword.Span, word, ownerDescription, context.LineOf(first.Keyword.Span));
                    continue;
                }
                _once[once] = statement;
            }
            if (ownerOrigin is not null && statement.Annotations.Count > 0) context.OriginOf(statement, new OriginSubject(ownerDescription, word), ownerOrigin);
        }
    }

    /// <summary>The statement with this keyword, if given.</summary>
    public StatementSyntax? One(string keyword)
    {
        int many = System.Array.IndexOf(_repeatable, keyword);
        if (many >= 0) return _many?[many] is { } list ? list[0] : null;
        int once = System.Array.IndexOf(_single, keyword);
        return once >= 0 ? _once?[once] : null;
    }

    /// <summary>All statements with this keyword, in order.</summary>
    public IReadOnlyList<StatementSyntax> All(string keyword)
    {
        int many = System.Array.IndexOf(_repeatable, keyword);
        if (many >= 0 && _many?[many] is { } list) return list;
        return One(keyword) is { } one && many < 0 ? new[] { one } : System.Array.Empty<StatementSyntax>();
    }
}
