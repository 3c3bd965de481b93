using System;
using System.IO;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// The C# an emit produced, kept in fixed-size chunks as the templates wrote it. A protocol's C# is several hundred
/// kilobytes: as one string it would land on the large-object heap, whose allocations bring full (gen2) collections,
/// and copying it out of the render's buffer would write it twice. A host that can read text in pieces (the Roslyn
/// generator wraps the chunks in a <c>SourceText</c>) never needs the single string; <see cref="ToString"/> makes it
/// for those that do. Immutable; equal when the text is.
/// </summary>
public sealed class GeneratedText : IEquatable<GeneratedText>
{
    /// <summary>Characters per chunk: 32 KB arrays, well below the large-object heap's 85,000 bytes.</summary>
    public const int ChunkSize = 1 << ChunkBits;

    internal const int ChunkBits = 14;
    private const int ChunkMask = ChunkSize - 1;

    // Every chunk but the last is full, so a position's chunk is position / ChunkSize.
    private readonly char[][] _chunks;

    internal GeneratedText(char[][] chunks, int length)
    {
        _chunks = chunks;
        Length = length;
    }

    /// <summary>The number of characters.</summary>
    public int Length { get; }

    /// <summary>The character at <paramref name="position"/>.</summary>
    public char this[int position]
    {
        get
        {
            if ((uint)position >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(position));
            return _chunks[position >> ChunkBits][position & ChunkMask];
        }
    }

    /// <summary>Copies <paramref name="count"/> characters from <paramref name="sourceIndex"/> into <paramref name="destination"/>.</summary>
    public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        if (destination is null) throw new ArgumentNullException(nameof(destination));
        if (sourceIndex < 0 || count < 0 || sourceIndex > Length - count) throw new ArgumentOutOfRangeException(nameof(sourceIndex));
        if (destinationIndex < 0 || destinationIndex > destination.Length - count) throw new ArgumentOutOfRangeException(nameof(destinationIndex));
        while (count > 0)
        {
            int offset = sourceIndex & ChunkMask;
            int n = Math.Min(count, ChunkSize - offset);
            Array.Copy(_chunks[sourceIndex >> ChunkBits], offset, destination, destinationIndex, n);
            sourceIndex += n;
            destinationIndex += n;
            count -= n;
        }
    }

    /// <summary>Writes the whole text to <paramref name="writer"/>, chunk by chunk.</summary>
    public void WriteTo(TextWriter writer)
    {
        if (writer is null) throw new ArgumentNullException(nameof(writer));
        for (int start = 0; start < Length; start += ChunkSize)
            writer.Write(_chunks[start >> ChunkBits], 0, Math.Min(ChunkSize, Length - start));
    }

    /// <summary>The whole text as one string.</summary>
    public override string ToString()
    {
        // One string per chunk, then one for the whole: only the last is large (a builder of the full length would be too).
        var pieces = new string[(Length + ChunkSize - 1) >> ChunkBits];
        for (int i = 0; i < pieces.Length; i++)
            pieces[i] = new string(_chunks[i], 0, Math.Min(ChunkSize, Length - (i << ChunkBits)));
        return string.Concat(pieces);
    }

    /// <summary>True when both hold the same characters.</summary>
    public bool Equals(GeneratedText? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (other.Length != Length) return false;
        for (int start = 0; start < Length; start += ChunkSize)
        {
            int n = Math.Min(ChunkSize, Length - start);
            if (!_chunks[start >> ChunkBits].AsSpan(0, n).SequenceEqual(other._chunks[start >> ChunkBits].AsSpan(0, n))) return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GeneratedText);

    /// <summary>A hash of the length and the first characters (equal texts hash equally; the pipeline compares with Equals).</summary>
    public override int GetHashCode()
    {
        unchecked
        {
            int hash = Length;
            int n = Math.Min(Length, 256);
            for (int i = 0; i < n; i++) hash = hash * 31 + _chunks[0][i];
            return hash;
        }
    }
}
