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

    public BlockReader(BindingContext context, StatementSyntax owner, string ownerDescription, string[] single, string[]? repeatable = null)
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
        }
    }

    /// <summary>The statement with this keyword, if given.</summary>
    public StatementSyntax? One(string keyword) => _found.TryGetValue(keyword, out var list) ? list[0] : null;

    /// <summary>All statements with this keyword, in order.</summary>
    public IReadOnlyList<StatementSyntax> All(string keyword) =>
        _found.TryGetValue(keyword, out var list) ? list : (IReadOnlyList<StatementSyntax>)System.Array.Empty<StatementSyntax>();
}
