using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Picares.Dsl.Testing;

// Shared by the tests and the benchmarks (linked into both projects): what a build hands the generator.

/// <summary>An additional file held in memory, as the build hands a .protocol file to the generator.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    /// <summary>Creates the file.</summary>
    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, System.Text.Encoding.UTF8);
    }

    /// <inheritdoc />
    public override string Path { get; }

    /// <inheritdoc />
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>The MSBuild properties the generator reads (build_property.*), as a build passes them.</summary>
public sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;
    private readonly Options _files;

    /// <summary>Creates the provider with these global properties and, for every additional file, these options (an .editorconfig section).</summary>
    public GlobalOptionsProvider(IDictionary<string, string> global, IDictionary<string, string>? fileOptions = null)
    {
        _global = new Options(global);
        _files = fileOptions is null ? Options.Empty : new Options(fileOptions);
    }

    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions => _global;
    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;
    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _files;

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());
        private readonly IDictionary<string, string> _values;
        public Options(IDictionary<string, string> values) => _values = values;
        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
