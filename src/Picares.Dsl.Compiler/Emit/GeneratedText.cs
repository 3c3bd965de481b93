using System;
using System.IO;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// The C# an emit produced, kept in chunks as the templates wrote it. A protocol's C# is several hundred kilobytes: as
/// one string it would land on the large-object heap, whose allocations bring full (gen2) collections, and copying it
/// out of the render's buffer would write it twice. A host that can read text in pieces (the Roslyn generator wraps
/// the chunks in a <c>SourceText</c>) never needs the single string; <see cref="ToString"/> makes it for those that do.
/// Immutable; equal when the text is.
/// </summary>
/// <remarks>
/// The first <see cref="SmallChunks"/> chunks hold <see cref="ChunkSize"/> characters each (32 KB arrays, below the
/// large-object heap's 85,000 bytes), enough for a protocol's usual C#. Past them, chunks hold
/// <see cref="LargeChunkSize"/> characters (128 KB arrays, on the large-object heap): the C# of a very large protocol
/// stays alive through the whole emit, and small chunks would be copied by every collection on the way (the 100x
/// benchmark protocol writes 40 million characters), which the collector never does with large objects.
/// </remarks>
public sealed class GeneratedText : IEquatable<GeneratedText>
{
    /// <summary>Characters per chunk for the first <see cref="SmallChunks"/> chunks.</summary>
    public const int ChunkSize = 1 << ChunkBits;

    /// <summary>Characters per chunk after the first <see cref="SmallChunks"/>.</summary>
    public const int LargeChunkSize = 1 << LargeChunkBits;

    /// <summary>How many chunks of <see cref="ChunkSize"/> come first: 512K characters.</summary>
    public const int SmallChunks = 32;

    internal const int ChunkBits = 14;
    private const int LargeChunkBits = 16;
    private const int SmallPart = SmallChunks << ChunkBits;

    // Every chunk but the last is full, so a position's chunk and offset follow from the two sizes.
    private readonly char[][] _chunks;

    internal GeneratedText(char[][] chunks, int length)
    {
        _chunks = chunks;
        Length = length;
    }

    /// <summary>The number of characters.</summary>
    public int Length { get; }

    /// <summary>How many characters the chunk at <paramref name="index"/> holds when full.</summary>
    internal static int ChunkLength(int index) => index < SmallChunks ? ChunkSize : LargeChunkSize;

    /// <summary>Where the chunk at <paramref name="index"/> starts.</summary>
    internal static int ChunkStart(int index) => index <= SmallChunks ? index << ChunkBits : SmallPart + ((index - SmallChunks) << LargeChunkBits);

    private static int ChunkOf(int position) => position < SmallPart ? position >> ChunkBits : SmallChunks + ((position - SmallPart) >> LargeChunkBits);

    /// <summary>The character at <paramref name="position"/>.</summary>
    public char this[int position]
    {
        get
        {
            if ((uint)position >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(position));
            int chunk = ChunkOf(position);
            return _chunks[chunk][position - ChunkStart(chunk)];
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
            int chunk = ChunkOf(sourceIndex);
            int offset = sourceIndex - ChunkStart(chunk);
            int n = Math.Min(count, ChunkLength(chunk) - offset);
            Array.Copy(_chunks[chunk], offset, destination, destinationIndex, n);
            sourceIndex += n;
            destinationIndex += n;
            count -= n;
        }
    }

    // How many characters chunk i holds in this text (the last may be partly filled, or empty).
    private int Used(int chunk) => Math.Max(0, Math.Min(ChunkLength(chunk), Length - ChunkStart(chunk)));

    // How many chunks hold characters.
    private int ChunksUsed => Length == 0 ? 0 : ChunkOf(Length - 1) + 1;

    /// <summary>Writes the whole text to <paramref name="writer"/>, chunk by chunk.</summary>
    public void WriteTo(TextWriter writer)
    {
        if (writer is null) throw new ArgumentNullException(nameof(writer));
        for (int chunk = 0; chunk < ChunksUsed; chunk++) writer.Write(_chunks[chunk], 0, Used(chunk));
    }

    /// <summary>The whole text as one string.</summary>
    public override string ToString()
    {
        // One string per chunk, then one for the whole: only the last is large (a builder of the full length would be too).
        var pieces = new string[ChunksUsed];
        for (int chunk = 0; chunk < pieces.Length; chunk++) pieces[chunk] = new string(_chunks[chunk], 0, Used(chunk));
        return string.Concat(pieces);
    }

    /// <summary>True when both hold the same characters.</summary>
    public bool Equals(GeneratedText? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (other.Length != Length) return false;
        for (int chunk = 0; chunk < ChunksUsed; chunk++)
        {
            int n = Used(chunk);
            if (!_chunks[chunk].AsSpan(0, n).SequenceEqual(other._chunks[chunk].AsSpan(0, n))) return false;
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
