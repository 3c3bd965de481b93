using System.Text;
using Microsoft.CodeAnalysis.Text;
using Picares.Dsl.Compiler.Emit;

namespace Picares.Dsl.Generator;

/// <summary>
/// A <see cref="SourceText"/> that reads the emitter's chunks in place. <c>SourceText.From(string)</c> would need the
/// whole C# as one string: a copy of several hundred kilobytes on the large-object heap for every emit.
/// </summary>
internal sealed class GeneratedSourceText : SourceText
{
    private readonly GeneratedText _text;

    public GeneratedSourceText(GeneratedText text) => _text = text;

    public override char this[int position] => _text[position];

    public override int Length => _text.Length;

    /// <summary>UTF-8, as <c>SourceText.From(text, Encoding.UTF8)</c> gave before (a generator's text must have an encoding).</summary>
    public override Encoding Encoding => Encoding.UTF8;

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count) =>
        _text.CopyTo(sourceIndex, destination, destinationIndex, count);
}
