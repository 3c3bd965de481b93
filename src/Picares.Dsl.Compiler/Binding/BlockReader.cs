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
    private readonly Dictionary<string, List<StatementSyntax>> _found = new();

    /// <param name="context">The binding context.</param>
    /// <param name="owner">The declaration or statement whose block is read.</param>
    /// <param name="ownerDescription">How messages name the owner: "form Vitals".</param>
    /// <param name="single">Statements it accepts once.</param>
    /// <param name="repeatable">Statements it accepts any number of times.</param>
    /// <param name="ownerOrigin">
    /// The owner's provenance: when given, every statement read is given its own (inheriting the owner's), so that an
    /// <c>@assumed</c> on any statement is recorded. Leave it null for a read that only looks (declaring names).
    /// </param>
    public BlockReader(BindingContext context, StatementSyntax owner, string ownerDescription, string[] single, string[]? repeatable = null, Model.Origin? ownerOrigin = null)
    {
        repeatable ??= System.Array.Empty<string>();
        var accepted = single.Concat(repeatable).ToArray();
        if (owner.Body is null) return;
        foreach (var statement in owner.Body.Statements)
        {
            var word = statement.Keyword.Text;
            if (!accepted.Contains(word))
            {
                context.Report(DiagnosticDescriptors.UnknownStatement, statement.Keyword.Span, word, ownerDescription,
                    Suggestions.DidYouMean(word, accepted), string.Join(", ", accepted));
                continue;
            }
            if (!_found.TryGetValue(word, out var list)) _found[word] = list = new List<StatementSyntax>();
            if (list.Count > 0 && !repeatable.Contains(word))
            {
                context.Report(DiagnosticDescriptors.RepeatedStatement, statement.Keyword.Span, word, ownerDescription, context.LineOf(list[0].Keyword.Span));
                continue;
            }
            list.Add(statement);
            if (ownerOrigin is not null) context.OriginOf(statement, ownerDescription + " " + word, ownerOrigin);
        }
    }

    /// <summary>The statement with this keyword, if given.</summary>
    public StatementSyntax? One(string keyword) => _found.TryGetValue(keyword, out var list) ? list[0] : null;

    /// <summary>All statements with this keyword, in order.</summary>
    public IReadOnlyList<StatementSyntax> All(string keyword) =>
        _found.TryGetValue(keyword, out var list) ? list : (IReadOnlyList<StatementSyntax>)System.Array.Empty<StatementSyntax>();
}
