using System;
using Picares.Dsl.Compiler.Collections;

namespace Picares.Dsl.Compiler.Text;

/// <summary>The text of one .protocol file, with its path and an index of line starts.</summary>
public sealed class SourceText
{
    private readonly SegmentedList<int> _lineStarts;

    /// <summary>Creates a source text.</summary>
    public SourceText(string text, string path = "")
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Path = path ?? "";
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The whole text.</summary>
    public string Text { get; }
    /// <summary>The file's path, as given.</summary>
    public string Path { get; }
    /// <summary>The number of characters.</summary>
    public int Length => Text.Length;
    /// <summary>The number of lines (at least one).</summary>
    public int LineCount => _lineStarts.Count;

    /// <summary>The character at <paramref name="index"/>, or '\0' past the end.</summary>
    public char this[int index] => (uint)index < (uint)Text.Length ? Text[index] : '\0';

    /// <summary>The text of a span.</summary>
    public string ToString(TextSpan span) => Text.Substring(span.Start, Math.Min(span.Length, Text.Length - span.Start));

    /// <summary>The zero-based line and column of an offset (clamped to the text).</summary>
    public LinePosition GetLinePosition(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, Text.Length));
        int line = LineOf(offset);
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    // The line last found: the stages ask in (nearly) source order, so the answer is most often that line or the next,
    // found without a binary search over the whole file's index. Only a hint: read once and checked before use, so
    // concurrent readers at worst search.
    private int _lastLine;

    private int LineOf(int offset)
    {
        int hint = _lastLine;
        int count = _lineStarts.Count;
        for (int line = hint; line <= hint + 1 && line < count; line++)
        {
            if (offset < _lineStarts[line]) break;
            if (line + 1 == count || offset < _lineStarts[line + 1]) return _lastLine = line;
        }
        // The last line that starts at or before the offset (line 0 starts at 0, so there is one).
        int found = _lineStarts.BinarySearch(offset);
        return _lastLine = found >= 0 ? found : ~found - 1;
    }

    /// <summary>The line span of a text span.</summary>
    public LinePositionSpan GetLineSpan(TextSpan span) => new(GetLinePosition(span.Start), GetLinePosition(span.End));

    // In segments, so that a large file's index is never one array on the large-object heap. The search for line breaks is
    // string.IndexOfAny, which the runtime vectorizes, rather than a character at a time.
    private static SegmentedList<int> ComputeLineStarts(string text)
    {
        var starts = new SegmentedList<int>();
        starts.Add(0);
        for (int i = text.IndexOfAny(LineBreakCharacters); i >= 0; i = text.IndexOfAny(LineBreakCharacters, i))
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            i++;
            starts.Add(i);
            if (i == text.Length) break;
        }
        return starts;
    }

    /// <summary>The characters that end a line: LF, CR (alone or before LF), NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR.</summary>
    internal static readonly char[] LineBreakCharacters = { '\n', '\r', '\u0085', '\u2028', '\u2029' };

    /// <summary>True for a character that ends a line (<see cref="LineBreakCharacters"/>).</summary>
    public static bool IsLineBreak(char c) => c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
}
