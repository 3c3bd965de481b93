using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Collections;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler.Binding;

/// <summary>What every binding step shares: the source, the diagnostics, the symbols and the assumptions found.</summary>
internal sealed class BindingContext
{
    /// <param name="source">The file's text.</param>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="syntax">The file's syntax, whose size sizes the tables kept for the whole file once (a large file's would
    /// otherwise be copied at every doubling, on the large-object heap).</param>
    public BindingContext(SourceText source, DiagnosticBag diagnostics, ProtocolSyntax syntax)
    {
        Source = source;
        Diagnostics = diagnostics;
        Symbols = new SymbolTable(syntax);
        _originSlots = new SegmentedList<int>(syntax.StatementCount);
        ScopeNames = new CSharpNames(this);
    }

    public SourceText Source { get; }
    public DiagnosticBag Diagnostics { get; }
    public SymbolTable Symbols { get; }
    public List<AssumptionModel> Assumptions { get; } = new();

    /// <summary>
    /// The tables of the scope being bound, a code list's codes or a form's fields, used again for the next one (a large
    /// file has thousands): each code list or form calls <see cref="StartScope"/> first, and scopes are never nested.
    /// </summary>
    public ShardedDictionary<string, int> ScopeLines { get; private set; } = new(0, System.StringComparer.Ordinal);

    /// <summary>The C# names of the scope being bound, used again like <see cref="ScopeLines"/>.</summary>
    public CSharpNames ScopeNames { get; private set; }

    /// <summary>
    /// Empties the scope tables for the next scope. Tables that grew for a large scope are replaced rather than cleared:
    /// clearing costs their whole capacity, which every small scope after a huge one would pay again.
    /// </summary>
    public void StartScope()
    {
        const int Large = 1024;
        if (ScopeLines.Count > Large) ScopeLines = new ShardedDictionary<string, int>(0, System.StringComparer.Ordinal);
        else ScopeLines.Clear();
        if (ScopeNames.Count > Large) ScopeNames = new CSharpNames(this);
        else ScopeNames.Clear();
    }

    /// <summary>
    /// An empty list of texts to gather into and copy out of, the same list each time: a declaration's few names (what a
    /// criterion reads) would otherwise each cost a list and its growth, for a moment. Nothing may hold it across another
    /// call.
    /// </summary>
    public List<string> Scratch()
    {
        _scratch.Clear();
        return _scratch;
    }

    private readonly List<string> _scratch = new();

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] args) => Diagnostics.Report(descriptor, span, args);

    /// <summary>
    /// Whether an argument of <paramref name="statement"/> holds a syntax error, for <see cref="StatementArguments"/>. The
    /// answer for the last statement asked about is kept: each argument of a statement that fails its shape asks, and
    /// searching all the arguments each time made a statement of thousands of wrong arguments quadratic.
    /// </summary>
    public bool HasSyntaxError(StatementSyntax statement)
    {
        if (!ReferenceEquals(statement, _syntaxErrorsSearched))
        {
            _hasSyntaxError = StatementArguments.SearchSyntaxErrors(statement);
            _syntaxErrorsSearched = statement;
        }
        return _hasSyntaxError;
    }

    private StatementSyntax? _syntaxErrorsSearched;
    private bool _hasSyntaxError;

    /// <summary>
    /// The end of the message for a name that should be an anchor and is not: what it is declared as instead, when it is
    /// declared (with <paramref name="eventFix"/> after it when it is an event); else "did you mean" the closest anchor, or
    /// how to declare it as a <paramref name="declareAs"/>. <paramref name="eventsAllowed"/> says whether an event may also
    /// stand there (a visit's <c>at</c>, <c>until</c>, <c>follows</c>). Worked out only if the diagnostic is kept.
    /// </summary>
    public DeferredText AnchorHint(string name, bool eventsAllowed = false, string? eventFix = null, string declareAs = "anchor") => new(() =>
    {
        if (Symbols.Lookup(name) is { } other)
            return $"; '{name}' is declared as {ProtocolBinder.Article(other.Kind)}, and only an anchor{(eventsAllowed ? " or an event" : "")} " +
                   "(a date of each subject's timeline) can stand here" + (other.Kind == SymbolKind.Event && eventFix is not null ? "; " + eventFix : "");
        var candidates = eventsAllowed ? Symbols.NamesOf(SymbolKind.Anchor).Concat(Symbols.NamesOf(SymbolKind.Event)) : Symbols.NamesOf(SymbolKind.Anchor);
        return Suggestions.DidYouMean(name, candidates) is { Length: > 0 } closest ? closest : $"; declare it with '{declareAs} {name} \"...\"'";
    });

    /// <summary>One-based line of a span's start.</summary>
    public int LineOf(TextSpan span) => Source.GetLinePosition(span.Start).Line + 1;

    /// <summary>One-based column of a span's start.</summary>
    public int ColumnOf(TextSpan span) => Source.GetLinePosition(span.Start).Character + 1;

    /// <summary>
    /// The provenance of a statement: assumed when it, or the declaration it is in, carries
    /// <c>@assumed "reason"</c>; every assumption is also listed once for the whole file.
    /// </summary>
    public Origin OriginOf(StatementSyntax statement, OriginSubject subject, Origin? inherited = null)
    {
        // A statement without annotations records and reports nothing: its origin is made when asked and kept only by
        // whoever asked (most are never kept), rather than held for the whole bind.
        if (statement.Annotations.Count == 0) return ComputeOrigin(statement, subject, inherited);
        // An annotated one once: the block reader and the declaration's binder may both ask, and its assumption is listed once.
        int slot = _originSlots[statement.Number];
        if (slot > 0) return _annotatedOrigins[slot - 1];
        var origin = ComputeOrigin(statement, subject, inherited);
        _annotatedOrigins.Add(origin);
        _originSlots[statement.Number] = _annotatedOrigins.Count;
        return origin;
    }

    // The origins of annotated statements, found by statement number: one slot per statement of the file (0 for none, else
    // one more than the origin's place in the list) rather than a dictionary keyed by the statements, which in a large file
    // outgrew the large-object threshold several times over and so brought on full collections. Both are kept in
    // segments, for the same reason.
    private readonly SegmentedList<int> _originSlots;
    private readonly SegmentedList<Origin> _annotatedOrigins = new();

    private Origin ComputeOrigin(StatementSyntax statement, OriginSubject subject, Origin? inherited)
    {
        string? reason = null;
        var annotations = statement.Annotations;
        for (int i = 0; i < annotations.Count; i++)
        {
            var annotation = annotations[i];
            if (annotation.Name.Text != "assumed")
            {
                if (!annotation.Name.IsMissing) Report(DiagnosticDescriptors.UnknownAnnotation, annotation.Name.Span, annotation.Name.Text);
                continue;
            }
            if (annotation.Arguments.Count != 1 || annotation.Arguments[0] is not StringExpressionSyntax s || string.IsNullOrWhiteSpace(s.Value))
            {
                Report(DiagnosticDescriptors.AssumptionWithoutReason, annotation.Span);
                continue;
            }
            reason = s.Value;
        }
        int line = LineOf(statement.Keyword.Span), column = ColumnOf(statement.Keyword.Span);
        if (reason is not null)
        {
            Assumptions.Add(new AssumptionModel(subject.ToString(), reason, line, column));
            return new Origin(Provenance.Assumed, reason, line, column);
        }
        return inherited is { IsAssumed: true }
            ? new Origin(Provenance.Assumed, inherited.Value.Reason, line, column)
            : new Origin(Provenance.Record, null, line, column);
    }

    /// <summary>The source text of an expression with white space folded, for display.</summary>
    public string TextOf(ExpressionSyntax expression)
    {
        // Read in place in the source, so that the text is made once: a condition over several lines would otherwise be
        // copied out of the source, then into a buffer, then into its folded string.
        var text = Source.Text;
        int start = expression.Span.Start, end = start + System.Math.Min(expression.Span.Length, text.Length - start);
        return IsFolded(text, start, end) ? text.Substring(start, end - start) : Folded(text, start, end);
    }

    // The words of text[start..end) (separated by white space) joined by single spaces, written once into a buffer kept for
    // the next text rather than split and joined.
    private string Folded(string text, int start, int end)
    {
        if (_folded.Length < end - start) _folded = new char[System.Math.Max(end - start, 2 * _folded.Length)];
        var folded = _folded;
        int length = 0;
        bool spaceDue = false;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                spaceDue = length > 0;
                continue;
            }
            if (spaceDue) folded[length++] = ' ';
            spaceDue = false;
            folded[length++] = c;
        }
        return new string(folded, 0, length);
    }

    private char[] _folded = new char[256];

    // True when white space in text[start..end) is already single spaces between words.
    private static bool IsFolded(string text, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i])) continue;
            if (text[i] != ' ' || i == start || i == end - 1 || char.IsWhiteSpace(text[i + 1])) return false;
        }
        return true;
    }

    public static string List(IEnumerable<string> items) => string.Join(", ", items);
}
