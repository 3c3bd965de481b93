using Picares.Dsl.Compiler.Collections;

namespace Picares.Dsl.Compiler.Syntax;

/// <summary>
/// The token texts of one file, each distinct spelling stored once: a keyword, a name, a number or a symbol
/// written a thousand times becomes one string, and looking up a spelling already seen allocates nothing.
/// String literals are not kept here; they are rarely written twice.
/// </summary>
internal sealed class NameTable
{
    // Open addressing over two parallel tables kept in segments, so that a large file's names never make one array on
    // the large-object heap; their size is a power of two, at least twice the names held.
    private SegmentedList<string?> _texts = new(512);
    private SegmentedList<int> _hashes = new(512);
    private int _count;

    /// <summary>The text of <paramref name="length"/> characters of <paramref name="source"/> from <paramref name="start"/>.</summary>
    public string Get(string source, int start, int length) => Get(source, start, length, Hash(source, start, length));

    /// <summary>
    /// As <see cref="Get(string, int, int)"/>, with the text's hash already computed (<see cref="HashStart"/>,
    /// <see cref="HashStep"/>, <see cref="HashEnd"/>) by a lexer that read the characters anyway.
    /// </summary>
    public string Get(string source, int start, int length, int hash)
    {
        int mask = _texts.Count - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var text = _texts[slot];
            if (text is null)
            {
                text = source.Substring(start, length);
                _texts[slot] = text;
                _hashes[slot] = hash;
                if (++_count * 2 > _texts.Count) Grow();
                return text;
            }
            if (_hashes[slot] == hash && text.Length == length && string.CompareOrdinal(text, 0, source, start, length) == 0)
                return text;
        }
    }

    private void Grow()
    {
        var texts = _texts;
        var hashes = _hashes;
        _texts = new SegmentedList<string?>(texts.Count * 2);
        _hashes = new SegmentedList<int>(texts.Count * 2);
        int mask = _texts.Count - 1;
        for (int i = 0; i < texts.Count; i++)
        {
            if (texts[i] is not { } text) continue;
            int slot = hashes[i] & mask;
            while (_texts[slot] is not null) slot = (slot + 1) & mask;
            _texts[slot] = text;
            _hashes[slot] = hashes[i];
        }
    }

    // FNV-1a over the UTF-16 code units, in three steps so that a lexer can hash a name as it scans it.
    internal const uint HashStart = 2166136261;

    internal static uint HashStep(uint hash, char c) => unchecked((hash ^ c) * 16777619);

    internal static int HashEnd(uint hash) => (int)(hash & 0x7FFFFFFF);

    private static int Hash(string source, int start, int length)
    {
        uint hash = HashStart;
        for (int i = start; i < start + length; i++) hash = HashStep(hash, source[i]);
        return HashEnd(hash);
    }
}
