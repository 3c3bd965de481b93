using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Emit;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Generator;

/// <summary>
/// Options read from MSBuild: the namespace of generated code (as C#) and the project folder; when the namespace
/// property is not a C# namespace, the value and what is wrong with it (PIC1018), and the default namespace instead.
/// </summary>
internal sealed record GeneratorOptions(string Namespace, string? ProjectDirectory, string? InvalidNamespace = null, string? NamespaceProblem = null)
{
    public const string DefaultNamespace = "Picares.Protocols";
}

/// <summary>A .protocol file's path and text.</summary>
internal sealed record ProtocolFile(string Path, string Text);

/// <summary>What the compiler core made of a file.</summary>
internal sealed record CompiledProtocol(string Path, ProtocolModel? Model, EquatableArray<ProtocolDiagnostic> Diagnostics);

/// <summary>The diagnostics of one file, with its path for their locations.</summary>
internal sealed record FileDiagnostics(string Path, EquatableArray<ProtocolDiagnostic> Diagnostics);

/// <summary>A model to emit, with its file's path for the hint name.</summary>
internal sealed record ModelToEmit(string Path, ProtocolModel Model);

/// <summary>Generated source, or the internal error that prevented it.</summary>
internal sealed record GeneratedSource(string Path, string HintName, GeneratedText? Text, string? Error);
