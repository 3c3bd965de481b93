using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Syntax;

namespace Picares.Dsl.Compiler.Binding;

/// <summary>
/// Reads the statements of a declaration's block against the set it accepts: an unknown statement is
/// reported with a suggestion, a statement given twice that may appear once is reported at the second.
/// A value over the block, which it searches when asked: blocks are short, and most are read for a few keywords, so
/// that reading one costs no object of its own.
/// </summary>
internal readonly struct BlockReader
{
    private readonly SyntaxList<StatementSyntax> _statements;
    private readonly string[] _single;
    private readonly string[] _repeatable;

    /// <param name="context">The binding context.</param>
    /// <param name="owner">The declaration or statement whose block is read.</param>
    /// <param name="ownerSubject">How messages name the owner: "form Vitals".</param>
    /// <param name="single">Statements it accepts once.</param>
    /// <param name="repeatable">Statements it accepts any number of times.</param>
    /// <param name="ownerOrigin">
    /// The owner's provenance: when given, every annotated statement read is given its own (inheriting the owner's), so that
    /// an <c>@assumed</c> on any statement is recorded (and a wrong annotation reported). Leave it null for a read that only
    /// looks (declaring names).
    /// </param>
    public BlockReader(BindingContext context, StatementSyntax owner, OriginSubject ownerSubject, string[] single, string[]? repeatable = null, Model.Origin? ownerOrigin = null)
    {
        _single = single;
        _repeatable = repeatable ?? System.Array.Empty<string>();
        _statements = owner.Body?.Statements ?? default;
        ulong singlesSeen = 0; // by the keyword's place in _single, for the first 64
        for (int i = 0; i < _statements.Count; i++)
        {
            var statement = _statements[i];
            var word = statement.Keyword.Text;
            int many = System.Array.IndexOf(_repeatable, word);
            int once = many >= 0 ? -1 : System.Array.IndexOf(_single, word);
            if (many < 0 && once < 0)
            {
                var accepted = _single.Concat(_repeatable).ToArray();
                context.Report(DiagnosticDescriptors.UnknownStatement, statement.Keyword.Span, word, ownerSubject.ToString(),
                    Suggestions.DidYouMeanLater(word, accepted), Suggestions.ListLater(accepted));
                continue;
            }
            if (once >= 0)
            {
                bool repeated = once < 64 ? (singlesSeen & (1UL << once)) != 0 : !ReferenceEquals(First(word), statement);
                if (repeated)
                {
                    context.Report(DiagnosticDescriptors.RepeatedStatement, statement.Keyword.Span, word, ownerSubject.ToString(), context.LineOf(First(word)!.Keyword.Span));
                    continue;
                }
                if (once < 64) singlesSeen |= 1UL << once;
            }
            if (ownerOrigin is not null && statement.Annotations.Count > 0) context.OriginOf(statement, ownerSubject.With(word), ownerOrigin);
        }
    }

    /// <summary>The statement with this keyword, if given (the first, when a statement accepted once is repeated).</summary>
    public StatementSyntax? One(string keyword) => Accepts(keyword) ? First(keyword) : null;

    /// <summary>All statements with this keyword, in order (only the first, for a statement accepted once).</summary>
    public Matches All(string keyword) =>
        System.Array.IndexOf(_repeatable, keyword) >= 0 ? new Matches(_statements, keyword, firstOnly: false)
        : System.Array.IndexOf(_single, keyword) >= 0 ? new Matches(_statements, keyword, firstOnly: true)
        : new Matches(default, keyword, firstOnly: true);

    private bool Accepts(string keyword) => System.Array.IndexOf(_repeatable, keyword) >= 0 || System.Array.IndexOf(_single, keyword) >= 0;

    private StatementSyntax? First(string keyword)
    {
        for (int i = 0; i < _statements.Count; i++)
            if (_statements[i].Keyword.Text == keyword) return _statements[i];
        return null;
    }

    /// <summary>The statements of a block with one keyword, enumerated without a collection of their own.</summary>
    public readonly struct Matches
    {
        private readonly SyntaxList<StatementSyntax> _statements;
        private readonly string _keyword;
        private readonly bool _firstOnly;

        public Matches(SyntaxList<StatementSyntax> statements, string keyword, bool firstOnly)
        {
            _statements = statements;
            _keyword = keyword;
            _firstOnly = firstOnly;
        }

        public Enumerator GetEnumerator() => new(_statements, _keyword, _firstOnly);

        public struct Enumerator
        {
            private readonly SyntaxList<StatementSyntax> _statements;
            private readonly string _keyword;
            private readonly bool _firstOnly;
            private int _index;
            private bool _found;

            public Enumerator(SyntaxList<StatementSyntax> statements, string keyword, bool firstOnly)
            {
                _statements = statements;
                _keyword = keyword;
                _firstOnly = firstOnly;
                _index = -1;
                _found = false;
            }

            public StatementSyntax Current => _statements[_index];

            public bool MoveNext()
            {
                if (_firstOnly && _found) return false;
                while (++_index < _statements.Count)
                    if (_statements[_index].Keyword.Text == _keyword) return _found = true;
                return false;
            }
        }
    }
}
