using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Text;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Compiler.Syntax;

/// <summary>
/// Recursive-descent parser for the uniform statement syntax (see docs/language.md, "Grammar").
/// It recovers at statement boundaries (line breaks, ';', braces), so one pass reports every syntax
/// error of a file; nesting is bounded so that no input can exhaust the stack.
/// </summary>
public sealed class Parser
{
    /// <summary>The deepest nesting of blocks and expressions accepted.</summary>
    public const int MaxDepth = 100;

    private readonly TokenWindow _tokens;
    private readonly PendingDiagnostics _diagnostics;
    private readonly System.Func<ExpressionSyntax> _parseAnd, _parseNot;
    private readonly ListPool<ExpressionSyntax> _expressionLists = new();
    private readonly ListPool<StatementSyntax> _statementLists = new();
    private readonly ListPool<AnnotationSyntax> _annotationLists = new();
    private int _index;
    private int _nested;   // inside ( ) or [ ]: line breaks are white space
    private int _depth;
    private int _statements; // how many statements were made so far: the number of the next one

    // Set to recover from a block never closed: each block ends before a declaration that starts a line (see Parse).
    private readonly bool _closeBeforeDeclarations;
    private bool _unclosedBlock; // a block ran to the end of the file

    private Parser(TokenWindow tokens, bool closeBeforeDeclarations = false)
    {
        _tokens = tokens;
        _closeBeforeDeclarations = closeBeforeDeclarations;
        _diagnostics = new PendingDiagnostics();
        _parseAnd = ParseAnd;
        _parseNot = ParseNot;
    }

    /// <summary>Parses a whole file.</summary>
    public static ProtocolSyntax Parse(SourceText text, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new TokenWindow(new Lexer(text, diagnostics)));
        var syntax = parser.ParseFile();
        if (parser._unclosedBlock)
        {
            // A '{' never closed took the rest of the file into its block, and every declaration after it would be reported
            // as a statement of that block. The file is parsed again, each block ending before an unindented line that
            // starts a declaration: the '}' is reported missing there, and what follows is read as declarations. Only a file
            // with an unclosed block is parsed twice; the lexer's diagnostics, reported again, are the same and kept once.
            parser = new Parser(new TokenWindow(new Lexer(text, diagnostics)), closeBeforeDeclarations: true);
            syntax = parser.ParseFile();
        }
        // The lexer has reported everything it found by now: the parser's diagnostics follow, as if the file had been lexed first.
        parser._diagnostics.ReportTo(diagnostics);
        return syntax;
    }

    // The token at _index, kept at hand: the parser looks at the current token a dozen times for each one it takes (every
    // precedence level asks whether the next operator is its own), and each look would otherwise go through the window.
    private Token _current;
    private int _currentIndex = -1;

    private Token Current
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get
        {
            if (_index != _currentIndex) Load();
            if (_nested > 0 && _current.Kind == TokenKind.NewLine) SkipNewLinesInside();
            return _current;
        }
    }

    private void Load()
    {
        _current = _tokens[_index];
        _currentIndex = _index;
    }

    // Inside ( ) or [ ], line breaks are white space.
    private void SkipNewLinesInside()
    {
        while (_tokens[_index].Kind == TokenKind.NewLine) _index++;
        Load();
    }

    /// <summary>The token after <see cref="Current"/>, past line breaks where they are white space (inside ( ) or [ ]).</summary>
    private Token TokenAfterCurrent()
    {
        _ = Current; // moves past line breaks first, inside ( ) or [ ]
        int i = _index + 1;
        if (_nested > 0)
            while (_tokens[i].Kind == TokenKind.NewLine) i++;
        return _tokens[i];
    }

    private Token PeekAfterNewLines()
    {
        int i = _index;
        while (_tokens[i].Kind == TokenKind.NewLine) i++;
        return _tokens[i];
    }

    private Token Advance()
    {
        var token = Current;
        _taken = token.Kind;
        if (token.Kind != TokenKind.EndOfFile) _tokens.Release(++_index);
        return token;
    }

    // The kind of the token Advance took last (the window may have dropped it): whether the current token starts a line.
    private TokenKind _taken = TokenKind.NewLine;

    private bool IsStatementEnd(Token t) =>
        t.Kind is TokenKind.NewLine or TokenKind.Semicolon or TokenKind.OpenBrace or TokenKind.CloseBrace or TokenKind.EndOfFile;

    private ProtocolSyntax ParseFile()
    {
        var statements = _statementLists.Rent();
        while (Current.Kind != TokenKind.EndOfFile)
        {
            if (Current.Kind == TokenKind.CloseBrace)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnexpectedCloseBrace, Advance().Span);
                continue;
            }
            var statement = ParseStatement();
            if (statement is not null) statements.Add(statement);
        }
        return new ProtocolSyntax(_statementLists.ToSyntaxListAndReturn(statements), Current, _statements);
    }

    /// <summary>Parses one statement, or skips a line that is not one; returns null at a block's end.</summary>
    private StatementSyntax? ParseStatement()
    {
        List<AnnotationSyntax>? annotations = null;
        while (true)
        {
            while (Current.Kind is TokenKind.NewLine or TokenKind.Semicolon) Advance();
            if (Current.Kind != TokenKind.At) break;
            (annotations ??= _annotationLists.Rent()).Add(ParseAnnotation());
        }

        if (Current.Kind is TokenKind.CloseBrace or TokenKind.EndOfFile)
        {
            if (annotations is not null)
            {
                foreach (var a in annotations)
                    _diagnostics.Report(DiagnosticDescriptors.Expected, a.Span, "a statement after this annotation", Describe(Current));
                _annotationLists.Return(annotations);
            }
            return null;
        }

        if (Current.Kind != TokenKind.Identifier)
        {
            _diagnostics.Report(DiagnosticDescriptors.Expected, Current.Span, "a statement keyword such as 'study', 'criterion' or 'visit'", Describe(Current));
            SkipToStatementEnd();
            if (annotations is not null) _annotationLists.Return(annotations); // the line is skipped, and its annotations with it
            return null;
        }

        var keyword = Advance();
        var arguments = ParseArguments();
        BlockSyntax? body = null;
        if (Current.Kind == TokenKind.NewLine && PeekAfterNewLines().Kind == TokenKind.OpenBrace)
        {
            // "visit Week4\n{": no line starts with '{', so it is the block of this statement, put on a line of its own.
            var brace = PeekAfterNewLines();
            _diagnostics.Report(DiagnosticDescriptors.Expected, brace.Span, $"'{{' at the end of the line of the '{keyword.Text}' it opens", "it on a line of its own; move it up to that line");
            SkipNewLines();
        }
        if (Current.Kind == TokenKind.OpenBrace) body = ParseBlock(keyword);
        var annotated = annotations is null ? default : _annotationLists.ToSyntaxListAndReturn(annotations);
        return new StatementSyntax(_statements++, annotated, keyword, arguments, body);
    }

    private AnnotationSyntax ParseAnnotation()
    {
        var at = Advance();
        Token name;
        if (Current.Kind == TokenKind.Identifier && !Current.HasLeadingTrivia) name = Advance();
        else
        {
            _diagnostics.Report(DiagnosticDescriptors.Expected, Current.Span, "an annotation name right after '@', such as @assumed", Describe(Current));
            name = Missing(TokenKind.Identifier);
        }
        // One argument at most (the reason), so that the annotated statement may follow on the same line.
        var arguments = Current.Kind == TokenKind.String ? _expressionLists.One(new StringExpressionSyntax(Advance())) : default;
        var end = arguments.Count > 0 ? arguments[0].Span.End : name.Span.End;
        var span = TextSpan.FromBounds(at.Span.Start, end);
        if (arguments.Count == 0 && name.Text == "assumed")
            _diagnostics.Report(DiagnosticDescriptors.AssumptionWithoutReason, span); // the binder would never see it if no statement follows
        return new AnnotationSyntax(at, name, arguments, span);
    }

    private SyntaxList<ExpressionSyntax> ParseArguments()
    {
        var arguments = _expressionLists.Rent();
        while (!IsStatementEnd(Current))
        {
            int before = _index;
            if (Current.Kind == TokenKind.Equals)
            {
                // "title = \"S\"": a statement's arguments follow its keyword without '='.
                _diagnostics.Report(DiagnosticDescriptors.UnexpectedCharacter, Current.Span, "'='", "; remove it: a statement's arguments follow its keyword, as in 'title \"Study title\"'");
                Advance();
                continue;
            }
            if (Current.Kind == TokenKind.Comma)
            {
                if (arguments.Count == 0)
                    _diagnostics.Report(DiagnosticDescriptors.Expected, Current.Span, "an argument before ','", "','");
                Advance();
                continue;
            }
            arguments.Add(ParseExpression());
            if (_index == before) Advance(); // no progress: skip the offending token (already reported)
        }
        return _expressionLists.ToSyntaxListAndReturn(arguments);
    }

    private BlockSyntax ParseBlock(Token owner)
    {
        var open = Advance();
        if (++_depth > MaxDepth)
        {
            _diagnostics.Report(DiagnosticDescriptors.Expected, open.Span, $"at most {MaxDepth} nested blocks", "deeper nesting");
            SkipToEndOfFile();
            _depth--;
            return new BlockSyntax(open, default, Missing(TokenKind.CloseBrace));
        }
        var statements = _statementLists.Rent();
        while (Current.Kind is not TokenKind.CloseBrace and not TokenKind.EndOfFile && !(_closeBeforeDeclarations && AtDeclarationLine()))
        {
            var statement = ParseStatement();
            if (statement is not null) statements.Add(statement);
        }
        _depth--;
        Token close;
        if (Current.Kind == TokenKind.CloseBrace) close = Advance();
        else
        {
            if (!_skippedToEnd)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnclosedBlock, open.Span, owner.Text);
                _unclosedBlock = true;
            }
            close = Missing(TokenKind.CloseBrace);
        }
        return new BlockSyntax(open, _statementLists.ToSyntaxListAndReturn(statements), close);
    }

    /// <summary>
    /// Whether the next statement (past line breaks and semicolons) starts an unindented line with a keyword that only a
    /// declaration has (<see cref="Keywords.DeclarationsOnly"/>), or with annotations before such a keyword (an annotation
    /// may also stand before a statement inside a block).
    /// </summary>
    private bool AtDeclarationLine()
    {
        int i = _index;
        while (_tokens[i].Kind is TokenKind.NewLine or TokenKind.Semicolon) i++;
        var t = _tokens[i];
        bool startsLine = (i > _index ? _tokens[i - 1].Kind == TokenKind.NewLine : _taken == TokenKind.NewLine) && !t.HasLeadingTrivia;
        if (!startsLine) return false;
        // Past "@name" and "@name \"reason\"", and the line breaks after them.
        while (t.Kind == TokenKind.At)
        {
            i++;
            if (_tokens[i].Kind == TokenKind.Identifier) i++;
            if (_tokens[i].Kind == TokenKind.String) i++;
            while (_tokens[i].Kind == TokenKind.NewLine) i++;
            t = _tokens[i];
        }
        return t.Kind == TokenKind.Identifier && Keywords.IsDeclarationOnly(t.Text);
    }

    // ---- expressions, lowest precedence first ------------------------------------------------

    private ExpressionSyntax ParseExpression()
    {
        if (++_depth > MaxDepth)
        {
            var span = Current.Span;
            _diagnostics.Report(DiagnosticDescriptors.Expected, span, $"an expression nested at most {MaxDepth} deep", "deeper nesting");
            SkipToEndOfFile();
            _depth--;
            return new MissingExpressionSyntax(span);
        }
        var result = ParseOr();
        _depth--;
        return result;
    }

    private ExpressionSyntax ParseOr() => ParseLogical(Keywords.Or, _parseAnd);

    private ExpressionSyntax ParseAnd() => ParseLogical(Keywords.And, _parseNot);

    private ExpressionSyntax ParseLogical(string word, System.Func<ExpressionSyntax> operand)
    {
        var left = operand();
        bool tooLong = false; // the chain passed the limit: reported once there, the rest of it read and left out
        while (true)
        {
            // A condition may continue on the next line when that line starts with and/or.
            if (Current.Kind == TokenKind.NewLine && PeekAfterNewLines().IsWord(word))
                SkipNewLines();
            if (!Current.IsWord(word)) return left;
            var op = Advance();
            SkipNewLines();
            var right = operand();
            if (!tooLong && left.Depth >= MaxDepth)
            {
                _diagnostics.Report(DiagnosticDescriptors.Expected, op.Span, $"a shorter chain of conditions joined by '{word}' (each one nests the expression one level deeper, at most {MaxDepth})", "a longer chain; split it into several criteria, or group it with ( )");
                tooLong = true;
            }
            left = tooLong ? new MissingExpressionSyntax(left.Span.Cover(right.Span)) : Bounded(new BinaryExpressionSyntax(left, op, right));
        }
    }

    private ExpressionSyntax ParseNot()
    {
        if (!Current.IsWord(Keywords.Not)) return ParseComparison();
        var op = Advance();
        if (++_depth > MaxDepth) { _depth--; return TooDeep(op); }
        var operand = ParseNot();
        _depth--;
        return new UnaryExpressionSyntax(op, operand);
    }

    private ExpressionSyntax ParseComparison()
    {
        var left = ParseRange();
        var t = Current;
        if (t.Kind == TokenKind.Equals)
        {
            // A lone '=' between two values is meant as a comparison: reported, and read as '==' so that the condition reads on.
            _diagnostics.Report(DiagnosticDescriptors.UnexpectedCharacter, t.Span, "'='", "; to compare, write '=='");
            Advance();
            SkipNewLines();
            return Bounded(new BinaryExpressionSyntax(left, new Token(TokenKind.EqualsEquals, t.Span, "==", t.HasLeadingTrivia), ParseRange()));
        }
        if (t.Kind is TokenKind.EqualsEquals or TokenKind.BangEquals or TokenKind.Less or TokenKind.LessEquals or TokenKind.Greater or TokenKind.GreaterEquals || t.IsWord(Keywords.In))
        {
            var op = Advance();
            SkipNewLines();
            return Bounded(new BinaryExpressionSyntax(left, op, ParseRange()));
        }
        if (t.IsWord(Keywords.Not) && TokenAfterCurrent().IsWord(Keywords.In))
        {
            var not = Advance();
            var inToken = Advance(); // inside ( ) or [ ], Current skips a line break between the two words
            var merged = new Token(TokenKind.Identifier, not.Span.Cover(inToken.Span), "not in", not.HasLeadingTrivia);
            SkipNewLines();
            return Bounded(new BinaryExpressionSyntax(left, merged, ParseRange()) { IsNegated = true });
        }
        // A temporal comparison wrapped onto the next line ("F.date" then "within 30 days before x"): one error that says so, and
        // the comparison read on, rather than a date that is no condition and a statement named 'within'.
        if (t.Kind == TokenKind.NewLine && PeekAfterNewLines() is { Kind: TokenKind.Identifier } next && Keywords.IsTemporalQualifier(next.Text))
        {
            _diagnostics.Report(DiagnosticDescriptors.Expected, next.Span, $"the temporal comparison on the line of what it measures",
                $"a line break before '{next.Text}', which ends the statement; join the two lines, or put the whole condition in ( )");
            SkipNewLines();
            t = Current;
        }
        if (t.Kind == TokenKind.Identifier && Keywords.IsTemporalQualifier(t.Text))
        {
            var qualifier = Advance();
            var duration = ParseAdditive();
            Token direction;
            if (Current.IsWord(Keywords.Before) || Current.IsWord(Keywords.After)) direction = Advance();
            else
            {
                _diagnostics.Report(DiagnosticDescriptors.Expected, Current.Span, $"'before' or 'after' to say which way '{qualifier.Text}' is measured", Describe(Current));
                direction = Missing(TokenKind.Identifier);
            }
            var reference = ParseAdditive();
            return Bounded(new TemporalExpressionSyntax(left, qualifier, duration, direction, reference));
        }
        return left;
    }

    private ExpressionSyntax ParseRange()
    {
        var left = ParseAdditive();
        if (Current.Kind != TokenKind.DotDot) return left;
        var dotDot = Advance();
        return Bounded(new RangeExpressionSyntax(left, dotDot, ParseAdditive()));
    }

    private ExpressionSyntax ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            SkipNewLines();
            left = Bounded(new BinaryExpressionSyntax(left, op, ParseMultiplicative()));
        }
        return left;
    }

    private ExpressionSyntax ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            SkipNewLines();
            left = Bounded(new BinaryExpressionSyntax(left, op, ParseUnary()));
        }
        return left;
    }

    private ExpressionSyntax ParseUnary()
    {
        if (Current.Kind is not TokenKind.Plus and not TokenKind.Minus) return ParsePostfix();
        var op = Advance();
        if (++_depth > MaxDepth) { _depth--; return TooDeep(op); }
        var operand = ParseUnary();
        _depth--;
        return new UnaryExpressionSyntax(op, operand);
    }

    private ExpressionSyntax ParsePostfix()
    {
        var expression = ParsePrimary();
        while (Current.Kind == TokenKind.Dot)
        {
            var dot = Advance();
            Token name;
            if (Current.Kind is TokenKind.Identifier or TokenKind.Number) name = Advance();
            else
            {
                _diagnostics.Report(DiagnosticDescriptors.Expected, Current.Span, "a name after '.'", Describe(Current));
                name = Missing(TokenKind.Identifier);
            }
            expression = Bounded(new MemberAccessExpressionSyntax(expression, dot, name));
        }
        return expression;
    }

    private ExpressionSyntax ParsePrimary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Number:
                return ParseNumber();
            case TokenKind.String:
                return new StringExpressionSyntax(Advance());
            case TokenKind.Identifier:
                if (Keywords.IsReserved(t.Text) && t.Text != Keywords.True && t.Text != Keywords.False)
                {
                    _diagnostics.Report(DiagnosticDescriptors.Expected, t.Span, $"a value (the word '{t.Text}' is an operator and cannot stand here)", Describe(t));
                    return new MissingExpressionSyntax(Advance().Span);
                }
                var name = Advance();
                if (Current.Kind == TokenKind.OpenParen) return ParseCall(name);
                return new NameExpressionSyntax(name);
            case TokenKind.Percent:
                // '%' alone is the percent unit, as in 'field score quantity %'.
                return new NameExpressionSyntax(Advance());
            case TokenKind.OpenParen:
            {
                var open = Advance();
                _nested++;
                var inner = ParseExpression();
                var close = Expect(TokenKind.CloseParen, "')'");
                _nested--;
                return new ParenthesizedExpressionSyntax(open, inner, close);
            }
            case TokenKind.OpenBracket:
            {
                var open = Advance();
                _nested++;
                var items = ParseSeparated(TokenKind.CloseBracket);
                var close = Expect(TokenKind.CloseBracket, "']'");
                _nested--;
                return new ListExpressionSyntax(open, items, close);
            }
            default:
                _diagnostics.Report(DiagnosticDescriptors.Expected, t.Span, "a value: a name, a number, a \"string\", ( or [", Describe(t));
                if (!IsStatementEnd(t) && t.Kind is not TokenKind.CloseParen and not TokenKind.CloseBracket) Advance();
                return new MissingExpressionSyntax(t.Span);
        }
    }

    private ExpressionSyntax ParseCall(Token name)
    {
        Advance(); // (
        _nested++;
        var arguments = ParseSeparated(TokenKind.CloseParen);
        var close = Expect(TokenKind.CloseParen, "')'");
        _nested--;
        return Bounded(new CallExpressionSyntax(name, arguments, close));
    }

    private SyntaxList<ExpressionSyntax> ParseSeparated(TokenKind close)
    {
        var items = _expressionLists.Rent();
        while (Current.Kind != close && Current.Kind is not TokenKind.EndOfFile and not TokenKind.CloseBrace and not TokenKind.OpenBrace and not TokenKind.Semicolon)
        {
            int before = _index;
            items.Add(ParseExpression());
            if (Current.Kind == TokenKind.Comma) Advance();
            else if (Current.Kind != close) break;
            if (_index == before) Advance();
        }
        return _expressionLists.ToSyntaxListAndReturn(items);
    }

    private ExpressionSyntax ParseNumber()
    {
        // "10^9/L" on its own (as in 'field anc quantity 10^9/L') is a unit, not a number.
        if (_tokens[_index + 1].Kind == TokenKind.Caret && !_tokens[_index + 1].HasLeadingTrivia && GluedUnitEnd(_index) is { } unitEnd)
        {
            var unitStart = Current;
            var spelling = UnitSpelling(_index, unitEnd);
            var span = TextSpan.FromBounds(unitStart.Span.Start, _tokens[unitEnd].Span.End);
            _index = unitEnd + 1;
            return new NameExpressionSyntax(new Token(TokenKind.Identifier, span, spelling, unitStart.HasLeadingTrivia));
        }
        // "10^9/l": such a unit in the wrong case, reported with its spelling and read as the unit meant.
        if (_tokens[_index + 1].Kind == TokenKind.Caret && !_tokens[_index + 1].HasLeadingTrivia && GluedCaseUnit(_index) is { } meant)
        {
            var unitStart = Current;
            var span = TextSpan.FromBounds(unitStart.Span.Start, _tokens[meant.End].Span.End);
            _diagnostics.Report(DiagnosticDescriptors.UnknownUnit, span, UnitSpelling(_index, meant.End), $"; did you mean '{meant.Unit}'?");
            _index = meant.End + 1;
            return new NameExpressionSyntax(new Token(TokenKind.Identifier, span, meant.Unit, unitStart.HasLeadingTrivia));
        }
        var number = Advance();
        double.TryParse(number.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value);

        // A unit follows on the same line: the longest run of glued tokens that spells a known unit.
        int start = _index;
        var first = _tokens[start];
        if (first.Kind is not (TokenKind.Identifier or TokenKind.Percent or TokenKind.Number or TokenKind.Slash))
            return new NumberExpressionSyntax(number, value, null, default);

        // Most units are one token ("kg", "days"): its text is the spelling, and only glued runs ("mg/m2") build one.
        string spelled = "";
        int bestEnd = -1, caseEnd = -1, leftOutEnd = -1, runEnd = start;
        string? bestUnit = null, caseUnit = null;
        for (int i = start; ; i++)
        {
            var t = _tokens[i];
            if (i > start && t.HasLeadingTrivia) break;
            if (!IsUnitToken(t)) break;
            if (i > start && t.Span.Start != _tokens[i - 1].Span.End) break;
            runEnd = i;
            spelled = i == start ? t.Text : spelled + t.Text;
            if (UnitCatalog.TryFind(spelled, out _)) { bestEnd = i; bestUnit = spelled; }
            else if (UnitSuggestions.IsLeftOut(spelled)) leftOutEnd = i;
            // A name alone after a space ("day 29 from") is the next argument whatever case it is in: looked up only when glued.
            else if (i == start && first.HasLeadingTrivia) { }
            else if (UnitSpellings.IgnoringCase(spelled) is { } corrected) { caseEnd = i; caseUnit = corrected; }
            if (spelled.Length > MaxUnitLength) break;
        }

        // "mg/dl", "ml/min/1.73m2": a longer run than any unit it starts with spells a unit in other cases. It is that unit,
        // miswritten (not "mg" divided by a name "dl"): reported, and read as the unit meant, so that nothing else follows
        // from it. One name on its own after a space ("6 Days") may be the next argument; an extra one is reported there.
        if (caseUnit is not null && caseEnd > bestEnd && (bestUnit is not null || caseEnd > start || !first.HasLeadingTrivia))
        {
            var written = TextSpan.FromBounds(first.Span.Start, _tokens[caseEnd].Span.End);
            _diagnostics.Report(DiagnosticDescriptors.UnknownUnit, written, UnitSpelling(start, caseEnd), $"; did you mean '{caseUnit}'?");
            _index = caseEnd + 1;
            return new NumberExpressionSyntax(number, value, caseUnit, written);
        }

        // "mmol/mol": a unit left out of the catalogue on purpose (not "mmol" divided by a name "mol"), reported with what to
        // write instead; the number stands for nothing further, so that its comparison reports nothing more.
        if (leftOutEnd > bestEnd && leftOutEnd > caseEnd)
        {
            var written = TextSpan.FromBounds(first.Span.Start, _tokens[leftOutEnd].Span.End);
            var spelling = UnitSpelling(start, leftOutEnd);
            _diagnostics.Report(DiagnosticDescriptors.UnknownUnit, written, spelling, UnitSuggestions.For(spelling));
            _index = leftOutEnd + 1;
            return new MissingExpressionSyntax(number.Span.Cover(written));
        }

        // "mL/min/1.73 m2", "mg / dL": a unit written with spaces inside, which spells a longer unit than its glued start.
        // Looked for only when the glued run stops at a space before more of a unit's kind of token on the line.
        if (bestUnit is not null && _tokens[runEnd + 1] is { HasLeadingTrivia: true, Kind: TokenKind.Identifier or TokenKind.Slash or TokenKind.Number } &&
            SpacedUnitEnd(start, bestUnit.Length) is { } spaced)
        {
            var written = TextSpan.FromBounds(first.Span.Start, _tokens[spaced.End].Span.End);
            _diagnostics.Report(DiagnosticDescriptors.UnknownUnit, written, UnitSpelling(start, spaced.End, spaced: true), $"; write it without spaces: '{spaced.Unit}'");
            _index = spaced.End + 1;
            return new NumberExpressionSyntax(number, value, spaced.Unit, written);
        }

        if (bestUnit is not null)
        {
            _index = bestEnd + 1;
            return new NumberExpressionSyntax(number, value, bestUnit, TextSpan.FromBounds(first.Span.Start, _tokens[bestEnd].Span.End));
        }

        // "40kgs", "45ML/min/1.73m2": a name glued to a number can only be meant as a unit, and so can the run glued to it.
        if (first.Kind == TokenKind.Identifier && !first.HasLeadingTrivia)
        {
            _index = runEnd + 1;
            var written = TextSpan.FromBounds(first.Span.Start, _tokens[runEnd].Span.End);
            var spelling = UnitSpelling(start, runEnd);
            _diagnostics.Report(DiagnosticDescriptors.UnknownUnit, written, spelling, UnitSuggestions.For(spelling));
            // Not a number without a unit, which a comparison with a quantity would report again (PIC2006).
            return new MissingExpressionSyntax(number.Span.Cover(written));
        }
        return new NumberExpressionSyntax(number, value, null, default);
    }

    /// <summary>
    /// The last token and spelling of the longest unit longer than <paramref name="gluedLength"/> characters that the tokens
    /// from <paramref name="start"/> spell when the spaces between them on the line are left out, if some are; else null.
    /// </summary>
    private (int End, string Unit)? SpacedUnitEnd(int start, int gluedLength)
    {
        (int, string)? found = null;
        var text = new StringBuilder();
        bool spaced = false;
        for (int i = start; i < start + MaxSpacedUnitTokens && text.Length <= MaxUnitLength; i++)
        {
            var t = _tokens[i];
            if (!IsUnitToken(t)) break;
            spaced |= i > start && t.Span.Start != _tokens[i - 1].Span.End;
            text.Append(t.Text);
            if (spaced && text.Length > gluedLength && UnitCatalog.TryFind(text.ToString(), out _)) found = (i, text.ToString());
        }
        return found;
    }

    /// <summary>A token that can be part of a unit's spelling: a name, a number, '/', '^', '*' (as in 10*9/L), '%' or '.'.</summary>
    private static bool IsUnitToken(Token t) =>
        t.Kind is TokenKind.Identifier or TokenKind.Number or TokenKind.Slash or TokenKind.Caret or TokenKind.Star or TokenKind.Percent or TokenKind.Dot;

    // The longest spelling a unit is looked for in, longer than any of the catalogue's: a run past it is not a unit.
    private const int MaxUnitLength = 24;

    // The most tokens a unit written with spaces is looked for in: "mL / min / 1.73 m2" has seven.
    private const int MaxSpacedUnitTokens = 8;

    /// <summary>The last token of the longest glued run from <paramref name="start"/> that spells a catalogue unit; else null.</summary>
    private int? GluedUnitEnd(int start) => GluedRun(start, static text => UnitCatalog.TryFind(text, out _) ? text : null)?.End;

    /// <summary>The last token of the longest glued run from <paramref name="start"/> that spells a unit in other cases, and that unit.</summary>
    private (int End, string Unit)? GluedCaseUnit(int start) => GluedRun(start, UnitSpellings.IgnoringCase);

    /// <summary>
    /// The longest run of glued unit tokens from <paramref name="start"/> (within <see cref="MaxUnitLength"/>) whose spelling
    /// <paramref name="unitOf"/> reads as a unit, with the token it ends at and that unit; null when no prefix of the run does.
    /// </summary>
    private (int End, string Unit)? GluedRun(int start, System.Func<string, string?> unitOf)
    {
        var text = new StringBuilder();
        (int, string)? found = null;
        for (int i = start; text.Length <= MaxUnitLength; i++)
        {
            var t = _tokens[i];
            if (i > start && (t.HasLeadingTrivia || t.Span.Start != _tokens[i - 1].Span.End)) break;
            if (!IsUnitToken(t)) break;
            text.Append(t.Text);
            if (unitOf(text.ToString()) is { } unit) found = (i, unit);
        }
        return found;
    }

    /// <summary>The tokens' texts joined; <paramref name="spaced"/>, with one space where the source has white space between two.</summary>
    private string UnitSpelling(int start, int end, bool spaced = false)
    {
        var text = new StringBuilder();
        for (int i = start; i <= end; i++)
        {
            if (spaced && i > start && _tokens[i].Span.Start != _tokens[i - 1].Span.End) text.Append(' ');
            text.Append(_tokens[i].Text);
        }
        return text.ToString();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private ExpressionSyntax Bounded(ExpressionSyntax expression)
    {
        if (expression.Depth <= MaxDepth) return expression;
        _diagnostics.Report(DiagnosticDescriptors.Expected, expression.Span, $"an expression nested at most {MaxDepth} deep; split it", "a longer chain");
        return new MissingExpressionSyntax(expression.Span);
    }

    private ExpressionSyntax TooDeep(Token at)
    {
        _diagnostics.Report(DiagnosticDescriptors.Expected, at.Span, $"an expression nested at most {MaxDepth} deep", "deeper nesting");
        SkipToEndOfFile();
        return new MissingExpressionSyntax(at.Span);
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind == kind) return Advance();
        if (!_skippedToEnd) _diagnostics.Report(DiagnosticDescriptors.Expected, Current.Span, what, Describe(Current));
        return Missing(kind);
    }

    private Token Missing(TokenKind kind)
    {
        var at = _tokens[_index].Span.Start;
        return new Token(kind, new TextSpan(at, 0), "", hasLeadingTrivia: false, isMissing: true);
    }

    private void SkipNewLines()
    {
        while (Current.Kind == TokenKind.NewLine) Advance();
    }

    private void SkipToStatementEnd()
    {
        while (Current.Kind is not TokenKind.NewLine and not TokenKind.Semicolon and not TokenKind.CloseBrace and not TokenKind.EndOfFile)
        {
            if (Current.Kind == TokenKind.OpenBrace) { ParseBlock(Current); return; }
            Advance();
        }
    }

    private void SkipToEndOfFile()
    {
        while (_tokens[_index].Kind != TokenKind.EndOfFile) _tokens.Release(++_index);
        _nested = 0;
        _skippedToEnd = true;
    }

    // The rest of the file was skipped after an error that says so (nesting too deep): the blocks it leaves open are not
    // reported again as never closed.
    private bool _skippedToEnd;

    private static string Describe(Token t) => t.Kind switch
    {
        TokenKind.EndOfFile => "the end of the file",
        TokenKind.NewLine => "the end of the line",
        TokenKind.String => "a string",
        TokenKind.Number => $"the number {t.Text}",
        TokenKind.Identifier => $"'{t.Text}'",
        _ => $"'{t.Text}'",
    };
}
