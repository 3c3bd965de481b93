using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Emit;
using Picares.Dsl.Testing;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Emit;

/// <summary>
/// The emitter's chunked output: the same characters as one string, read by position, by range across chunk
/// boundaries and through Roslyn's <see cref="SourceText"/>, and equal exactly when the text is.
/// </summary>
public class GeneratedTextTests
{
    private const int Chunk = GeneratedText.ChunkSize;

    // Pieces of awkward sizes, so that writes start and end inside chunks and some cross two or more.
    private static (GeneratedText Text, string Expected) Write(params int[] pieceLengths) => WriteWithSeed(pieceLengths.Sum(), pieceLengths);

    private static (GeneratedText Text, string Expected) WriteWithSeed(int seed, params int[] pieceLengths)
    {
        var writer = new GeneratedTextWriter();
        var expected = new StringBuilder();
        var random = new Random(seed);
        foreach (var length in pieceLengths)
        {
            var piece = new string(Enumerable.Range(0, length).Select(_ => (char)random.Next('!', '~' + 1)).ToArray());
            // Written from the middle of a larger string, as Scriban writes its template's text runs.
            var host = "<<" + piece + ">>";
            writer.Write(host, 2, piece.Length);
            expected.Append(piece);
        }
        return (writer.ToGeneratedText(), expected.ToString());
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 1 })]
    [InlineData(new[] { Chunk })]
    [InlineData(new[] { Chunk - 1, 2, Chunk, 3 })]
    [InlineData(new[] { 3 * Chunk + 17 })]
    [InlineData(new[] { 100, Chunk * 2 - 50, 7, Chunk + 1 })]
    public void Holds_what_was_written_in_order(int[] pieces)
    {
        var (text, expected) = Write(pieces);
        Assert.Equal(expected.Length, text.Length);
        Assert.Equal(expected, text.ToString());
        for (int i = 0; i < expected.Length; i += 997) Assert.Equal(expected[i], text[i]);
        if (expected.Length > 0) Assert.Equal(expected[expected.Length - 1], text[expected.Length - 1]);
        var written = new StringWriter();
        text.WriteTo(written);
        Assert.Equal(expected, written.ToString());
    }

    [Fact]
    public void Copies_ranges_that_cross_chunk_boundaries()
    {
        var (text, expected) = Write(Chunk - 5, Chunk + 9, 2 * Chunk + 3);
        foreach (var (start, count) in new[] { (0, 0), (Chunk - 3, 6), (Chunk - 10, Chunk + 20), (5, 3 * Chunk), (expected.Length - 1, 1), (0, expected.Length) })
        {
            var destination = new char[count + 4];
            text.CopyTo(start, destination, 2, count);
            Assert.Equal(expected.Substring(start, count), new string(destination, 2, count));
        }
    }

    [Fact]
    public void Rejects_positions_and_ranges_outside_the_text()
    {
        var (text, _) = Write(Chunk + 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => text[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => text[Chunk + 10]);
        Assert.Throws<ArgumentOutOfRangeException>(() => text.CopyTo(Chunk, new char[20], 0, 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.CopyTo(0, new char[5], 1, 5));
    }

    [Fact]
    public void Is_equal_exactly_when_the_characters_are()
    {
        var (a, _) = Write(Chunk + 10, 20);
        var (b, _) = Write(Chunk + 10, 20); // the same seed: the same characters, written in the same pieces
        var (c, _) = WriteWithSeed(1, Chunk + 10, 20); // the same length, other characters
        var (d, _) = Write(10, Chunk + 20); // the same characters, written in other pieces
        Assert.Equal(a, b);
        Assert.Equal(a, d);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);

        // One character changed past the first chunk (beyond what the hash reads) still makes them differ.
        var writer = new GeneratedTextWriter();
        var changed = a.ToString().ToCharArray();
        changed[Chunk + 5] = changed[Chunk + 5] == 'x' ? 'y' : 'x';
        writer.Write(new string(changed), 0, changed.Length);
        Assert.NotEqual(a, writer.ToGeneratedText());
    }

    private const int Small = GeneratedText.SmallChunks * Chunk; // where the large chunks begin
    private const int Large = GeneratedText.LargeChunkSize;

    [Theory]
    [InlineData(new[] { Small })]
    [InlineData(new[] { Small + 1 })]
    [InlineData(new[] { Small - 7, 14, Large, 3 })]
    [InlineData(new[] { 1000, Small, 2 * Large + 5, Chunk + 3 })]
    public void Holds_what_was_written_past_the_small_chunks(int[] pieces)
    {
        var (text, expected) = Write(pieces);
        Assert.Equal(expected, text.ToString());
        var written = new StringWriter();
        text.WriteTo(written);
        Assert.Equal(expected, written.ToString());
        foreach (int at in new[] { Small - 1, Small, Small + 1, Small + Large - 1, Small + Large, expected.Length - 1 })
            if (at < expected.Length) Assert.Equal(expected[at], text[at]);
        foreach (var (start, count) in new[] { (Small - 5, 10), (Small - Chunk - 3, Chunk + Large + 6), (Small + Large - 2, 4), (0, expected.Length) })
        {
            if (start + count > expected.Length) continue;
            var destination = new char[count];
            text.CopyTo(start, destination, 0, count);
            Assert.Equal(expected.Substring(start, count), new string(destination));
        }
    }

    [Fact]
    public void Texts_past_the_small_chunks_are_equal_exactly_when_the_characters_are()
    {
        var (a, expected) = Write(Small + Large + 100);
        var (b, _) = WriteWithSeed(Small + Large + 100, 3, Small, Large + 97); // the same characters, in other pieces
        Assert.Equal(a, b);
        var changed = expected.ToCharArray();
        changed[Small + Large + 50] = changed[Small + Large + 50] == 'x' ? 'y' : 'x';
        var writer = new GeneratedTextWriter();
        writer.Write(new string(changed), 0, changed.Length);
        Assert.NotEqual(a, writer.ToGeneratedText());
    }

    [Fact]
    public void A_writer_takes_nothing_after_handing_its_text_over()
    {
        var writer = new GeneratedTextWriter();
        writer.Write("abc", 0, 3);
        Assert.Equal("abc", writer.ToGeneratedText().ToString());
        Assert.Throws<InvalidOperationException>(() => writer.Write("d", 0, 1));
    }

    [Fact]
    public void The_generator_hands_Roslyn_the_same_text_as_the_string_the_emitter_renders()
    {
        var model = ProtocolCompiler.Compile(Repository.Picares, "PICARES.protocol").Model!;
        var expected = ProtocolEmitter.Emit(model, "Picares.Protocols");
        Assert.True(expected.Length > 3 * Chunk, "PICARES's C# should span several chunks");
        Assert.Equal(ProtocolEmitter.EmitText(model, "Picares.Protocols"), ProtocolEmitter.EmitText(model, "Picares.Protocols"));

        var (result, _, _) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/protocols/PICARES.protocol", Repository.Picares));
        var source = result.Results.Single().GeneratedSources.Single().SourceText;
        Assert.Equal(expected, source.ToString());
        Assert.Equal(Encoding.UTF8, source.Encoding);
        var span = TextSpan.FromBounds(Chunk - 100, 2 * Chunk + 100);
        Assert.Equal(expected.Substring(span.Start, span.Length), source.ToString(span));
        Assert.Equal(expected.Split('\n').Length, source.Lines.Count);
        // What the generator gave Roslyn before (SourceText.From(string, UTF-8)): the same checksum, hence the same PDB.
        var asString = SourceText.From(expected, Encoding.UTF8);
        Assert.True(source.ContentEquals(asString));
        Assert.Equal(asString.ChecksumAlgorithm, source.ChecksumAlgorithm);
        Assert.Equal(Convert.ToHexString(asString.GetChecksum().ToArray()), Convert.ToHexString(source.GetChecksum().ToArray()));
        Assert.True(source.CanBeEmbedded);
    }
}
