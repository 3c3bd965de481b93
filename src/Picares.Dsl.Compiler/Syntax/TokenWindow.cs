namespace Picares.Dsl.Compiler.Syntax;

/// <summary>
/// The tokens a parser can still look at, lexed on demand: tokens are numbered from the start of the file, and those
/// before the position the parser releases are dropped, so the tokens of a whole file are never held at once (only
/// those the syntax tree keeps survive the parse).
/// </summary>
internal sealed class TokenWindow
{
    // Dropping costs a copy of what is still held; doing it only past this many keeps that cost small.
    private const int ReleaseBatch = 256;

    private readonly Lexer _lexer;
    private Token[] _held = new Token[2 * ReleaseBatch]; // _held[0 .. _count) are the tokens numbered _first and on
    private int _count;
    private int _first;            // the number of _held[0]
    private Token _endOfFile;
    private bool _ended;           // the lexer has given _endOfFile

    public TokenWindow(Lexer lexer) => _lexer = lexer;

    /// <summary>The token numbered <paramref name="index"/> (at or after the released position); past the end, the end of file.</summary>
    public Token this[int index]
    {
        get
        {
            int offset = index - _first;
            return (uint)offset < (uint)_count ? _held[offset] : Lex(offset);
        }
    }

    private Token Lex(int offset)
    {
        while (offset >= _count)
        {
            if (_ended) return _endOfFile;
            var token = _lexer.NextToken();
            if (token.Kind == TokenKind.EndOfFile) (_endOfFile, _ended) = (token, true);
            if (_count == _held.Length) System.Array.Resize(ref _held, _held.Length * 2);
            _held[_count++] = token;
        }
        return _held[offset];
    }

    /// <summary>The parser will not look before <paramref name="index"/> again.</summary>
    public void Release(int index)
    {
        int count = index - _first;
        if (count < ReleaseBatch || count > _count) return;
        System.Array.Copy(_held, count, _held, 0, _count - count);
        System.Array.Clear(_held, _count - count, count); // the strings of released tokens are not kept alive from here
        _count -= count;
        _first = index;
    }
}
