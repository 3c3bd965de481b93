using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler.Syntax;

/// <summary>
/// Turns a source text into tokens. Comments are <c>// to end of line</c> and <c>/* ... */</c>;
/// line breaks are tokens because they end statements. The lexer never fails: a character that
/// starts no token is reported and skipped. It reads on demand (<see cref="NextToken"/>), so that a parser
/// keeps only the tokens its syntax tree holds.
/// </summary>
public sealed class Lexer
{
    private readonly SourceText _text;
    private readonly DiagnosticBag _diagnostics;
    private readonly NameTable _names = new();
    private readonly StringBuilder _escaped = new();
    private int _position;
    private bool _trivia;

    internal Lexer(SourceText text, DiagnosticBag diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
    }

    /// <summary>The next token (characters that start none are reported and skipped); at the end, <see cref="TokenKind.EndOfFile"/> again and again.</summary>
    internal Token NextToken()
    {
        Token token;
        do token = Next();
        while (token.Kind == TokenKind.Bad);
        return token;
    }

    private char Current => _text[_position];
    private char Peek(int offset) => _text[_position + offset];

    private Token Next()
    {
        _trivia = false;
        SkipTrivia();
        int start = _position;
        if (_position >= _text.Length) return Make(TokenKind.EndOfFile, start);

        char c = Current;
        switch (c)
        {
            case '\r':
            case '\n':
            case '\u0085':
            case '\u2028':
            case '\u2029':
                if (c == '\r' && Peek(1) == '\n') _position++;
                _position++;
                return Make(TokenKind.NewLine, start);
            case '"': return LexString();
            case '{': return Single(TokenKind.OpenBrace);
            case '}': return Single(TokenKind.CloseBrace);
            case '(': return Single(TokenKind.OpenParen);
            case ')': return Single(TokenKind.CloseParen);
            case '[': return Single(TokenKind.OpenBracket);
            case ']': return Single(TokenKind.CloseBracket);
            case ',': return Single(TokenKind.Comma);
            case ';': return Single(TokenKind.Semicolon);
            case ':': return Single(TokenKind.Colon);
            case '@': return Single(TokenKind.At);
            case '+': return Single(TokenKind.Plus);
            case '-': return Single(TokenKind.Minus);
            case '*': return Single(TokenKind.Star);
            case '/': return Single(TokenKind.Slash);
            case '^': return Single(TokenKind.Caret);
            case '%': return Single(TokenKind.Percent);
            case '.':
                if (Peek(1) == '.') { _position += 2; return Make(TokenKind.DotDot, start); }
                return Single(TokenKind.Dot);
            case '=':
                if (Peek(1) == '=') { _position += 2; return Make(TokenKind.EqualsEquals, start); }
                // "=>" and "=<" are meant as ">=" and "<=": reported, and read so, so that the condition reads on.
                if (Peek(1) is '>' or '<')
                {
                    var meant = Peek(1) == '>' ? ">=" : "<=";
                    _position += 2;
                    _diagnostics.Report(DiagnosticDescriptors.UnexpectedCharacter, new TextSpan(start, 2), $"'{_text.ToString(new TextSpan(start, 2))}'", $"; did you mean '{meant}'?");
                    return Make(meant == ">=" ? TokenKind.GreaterEquals : TokenKind.LessEquals, start);
                }
                // A lone '=': what to write instead depends on where it stands, which the parser knows.
                _position++;
                return Make(TokenKind.Equals, start);
            case '!':
                if (Peek(1) == '=') { _position += 2; return Make(TokenKind.BangEquals, start); }
                _position++;
                _diagnostics.Report(DiagnosticDescriptors.UnexpectedCharacter, new TextSpan(start, 1), "'!'", "; to negate a condition, write 'not', and 'is not equal' as '!='");
                return Make(TokenKind.Bad, start);
            case '<':
                if (Peek(1) == '=') { _position += 2; return Make(TokenKind.LessEquals, start); }
                return Single(TokenKind.Less);
            case '>':
                if (Peek(1) == '=') { _position += 2; return Make(TokenKind.GreaterEquals, start); }
                return Single(TokenKind.Greater);
            case '≤': return Single(TokenKind.LessEquals);
            case '≥': return Single(TokenKind.GreaterEquals);
            case '≠': return Single(TokenKind.BangEquals);
        }

        if (c >= '0' && c <= '9') return LexNumber();
        if (IsIdentifierStart(c)) return LexIdentifier();

        // A character that starts nothing: report it once, skip it (a surrogate pair as one).
        int length = char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
        _position += length;
        _diagnostics.Report(DiagnosticDescriptors.UnexpectedCharacter, new TextSpan(start, length), Describe(_text.ToString(new TextSpan(start, length))),
            "; remove it, or put it inside a \"string\"");
        return Make(TokenKind.Bad, start);
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            char c = Current;
            if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\uFEFF' || c == '\u00A0')
            {
                _position++;
                _trivia = true;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                int lineEnd = _text.Text.IndexOfAny(SourceText.LineBreakCharacters, _position);
                _position = lineEnd < 0 ? _text.Length : lineEnd;
                _trivia = true;
            }
            else if (c == '/' && Peek(1) == '*')
            {
                int start = _position;
                _position += 2;
                while (_position < _text.Length && !(Current == '*' && Peek(1) == '/')) _position++;
                if (_position >= _text.Length)
                    _diagnostics.Report(DiagnosticDescriptors.UnterminatedComment, new TextSpan(start, 2));
                else
                    _position += 2;
                _trivia = true;
            }
            else
            {
                return;
            }
        }
    }

    // Where a string's plain run ends: its closing quote, an escape, or the end of the line (an unterminated string). The
    // quote, the backslash and the ASCII line breaks are searched for at once (four characters: a search the runtime
    // vectorizes); the other line breaks after that, within the run.
    private static readonly char[] StringStops = new[] { '"', '\\' }.Concat(SourceText.LineBreakCharacters.Where(c => c < 128)).ToArray();
    private static readonly char[] RareLineBreaks = SourceText.LineBreakCharacters.Where(c => c >= 128).ToArray();

    private Token LexString()
    {
        int start = _position;
        _position++; // opening quote
        // Most strings have no escape: their content is the text between the quotes.
        int end = _text.Text.IndexOfAny(StringStops, _position);
        if (end < 0) end = _text.Length;
        int rare = _text.Text.IndexOfAny(RareLineBreaks, _position, end - _position);
        if (rare >= 0) end = rare;
        if (end >= _text.Length || _text[end] != '\\')
        {
            var content = _text.Text.Substring(_position, end - _position);
            _position = end;
            if (_position < _text.Length && Current == '"') _position++;
            else _diagnostics.Report(DiagnosticDescriptors.UnterminatedString, TextSpan.FromBounds(start, _position));
            return MakeString(start, content);
        }
        var value = _escaped.Clear();
        while (true)
        {
            if (_position >= _text.Length || SourceText.IsLineBreak(Current))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnterminatedString, TextSpan.FromBounds(start, _position));
                break;
            }
            char c = Current;
            if (c == '"') { _position++; break; }
            if (c == '\\')
            {
                LexEscape(value);
                continue;
            }
            value.Append(c);
            _position++;
        }
        return MakeString(start, value.ToString());
    }

    private void LexEscape(StringBuilder value)
    {
        int start = _position;
        char next = Peek(1);
        switch (next)
        {
            case '"': value.Append('"'); _position += 2; return;
            case '\\': value.Append('\\'); _position += 2; return;
            case 'n': value.Append('\n'); _position += 2; return;
            case 't': value.Append('\t'); _position += 2; return;
            case 'u' when Peek(2) == '{':
            {
                int p = _position + 3;
                int code = 0, digits = 0;
                while (digits < 7 && HexValue(_text[p]) >= 0) { code = code * 16 + HexValue(_text[p]); p++; digits++; }
                if (digits > 0 && _text[p] == '}' && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF))
                {
                    value.Append(char.ConvertFromUtf32(code));
                    _position = p + 1;
                    return;
                }
                break;
            }
        }
        int length = next == '\0' || SourceText.IsLineBreak(next) ? 1 : 2;
        _diagnostics.Report(DiagnosticDescriptors.InvalidEscape, new TextSpan(start, length), _text.ToString(new TextSpan(start, length)));
        _position += length;
    }

    private Token LexNumber()
    {
        int start = _position;
        while (Current >= '0' && Current <= '9') _position++;
        if (Current == '.' && Peek(1) >= '0' && Peek(1) <= '9')
        {
            _position++;
            while (Current >= '0' && Current <= '9') _position++;
        }
        var token = Make(TokenKind.Number, start);
        if (!double.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) || double.IsInfinity(v) || token.Text.Length > 30)
            _diagnostics.Report(DiagnosticDescriptors.InvalidNumber, token.Span, token.Text.Length > 30 ? token.Text.Substring(0, 30) + "…" : token.Text);
        return token;
    }

    // Scans and hashes the name in one pass, then looks it up by that hash.
    private Token LexIdentifier()
    {
        int start = _position;
        string text = _text.Text;
        uint hash = NameTable.HashStart;
        int i = start;
        while (i < text.Length)
        {
            char c = text[i];
            if (!IsIdentifierPart(c)) break;
            hash = NameTable.HashStep(hash, c);
            i++;
        }
        _position = i;
        return new Token(TokenKind.Identifier, TextSpan.FromBounds(start, i), _names.Get(text, start, i - start, NameTable.HashEnd(hash)), _trivia);
    }

    private Token Single(TokenKind kind)
    {
        int start = _position++;
        char c = _text[start];
        // A one-character token's text needs no lookup (nor hashing) when the character is ASCII.
        return c < AsciiTexts.Length ? new Token(kind, new TextSpan(start, 1), AsciiTexts[c], _trivia) : Make(kind, start);
    }

    private static readonly string[] AsciiTexts = MakeAsciiTexts();

    private static string[] MakeAsciiTexts()
    {
        var texts = new string[128];
        for (int c = 0; c < texts.Length; c++) texts[c] = ((char)c).ToString();
        return texts;
    }

    private Token Make(TokenKind kind, int start)
    {
        var span = SpanFrom(start);
        return new Token(kind, span, _names.Get(_text.Text, span.Start, span.Length), _trivia);
    }

    // A string token's text is its content (escapes resolved); the quotes and escapes as written stay in the source.
    private Token MakeString(int start, string content) => new(TokenKind.String, SpanFrom(start), content, _trivia);

    private TextSpan SpanFrom(int start) => TextSpan.FromBounds(start, System.Math.Min(_position, _text.Length));

    private static int HexValue(char c) =>
        c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    /// <summary>Letters and underscore start a name: the same letters C# accepts, so every name maps to a C# identifier.</summary>
    public static bool IsIdentifierStart(char c)
    {
        if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
        if (c < 128) return false;
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Letters, digits, underscore and combining marks continue a name, as in C#.</summary>
    public static bool IsIdentifierPart(char c)
    {
        if (IsIdentifierStart(c) || (c >= '0' && c <= '9')) return true;
        if (c < 128) return false;
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return true;
            default:
                return false;
        }
    }

    private static string Describe(string s)
    {
        var sb = new StringBuilder();
        foreach (char ch in s)
        {
            if (ch < 32 || ch == 127 || char.IsSurrogate(ch) || ch == '\uFFFD') sb.Append("U+").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
            else sb.Append('\'').Append(ch).Append('\'');
        }
        return sb.ToString();
    }
}
