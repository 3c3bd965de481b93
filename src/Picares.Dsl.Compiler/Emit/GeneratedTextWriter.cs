using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Scriban.Runtime;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// The output the templates render into: fills chunks in order (their sizes are <see cref="GeneratedText"/>'s) and
/// hands them over as a <see cref="GeneratedText"/>, without copying them again. One writer per emit.
/// </summary>
internal sealed class GeneratedTextWriter : IScriptOutput
{
    private readonly List<char[]> _chunks = new();
    private char[] _current = new char[GeneratedText.ChunkLength(0)];
    private int _used;
    private bool _done;

    public void Write(string text, int offset, int count)
    {
        if (_done) throw new InvalidOperationException("The text was already handed over.");
        while (count > 0)
        {
            if (_used == _current.Length)
            {
                _chunks.Add(_current);
                _current = new char[GeneratedText.ChunkLength(_chunks.Count)];
                _used = 0;
            }
            int n = Math.Min(count, _current.Length - _used);
            text.CopyTo(offset, _current, _used, n);
            _used += n;
            offset += n;
            count -= n;
        }
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(text, offset, count);
        return default;
    }

    /// <summary>The text written so far; the writer takes no more.</summary>
    public GeneratedText ToGeneratedText()
    {
        _done = true;
        // Every chunk but the current one is full.
        int length = GeneratedText.ChunkStart(_chunks.Count) + _used;
        _chunks.Add(_current);
        return new GeneratedText(_chunks.ToArray(), length);
    }
}
