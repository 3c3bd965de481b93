using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Picares.Dsl.Compiler.Emit;

namespace Picares.Dsl.Benchmarks.Inputs;

/// <summary>
/// The C# that Roslyn parses beside each protocol: the C# that <see cref="ProtocolEmitter"/> generates for the
/// same (scaled) protocol, cut at a member boundary to about the protocol's size in UTF-8 bytes and closed so
/// it stays a valid compilation unit. The generated C# is about three times the protocol's size, so no
/// padding or repetition is needed, and the cut text parses without a single diagnostic.
/// </summary>
public static class CSharpPeerInputs
{
    /// <summary>The namespace the emitter writes into.</summary>
    public const string Namespace = "Picares.Protocols";

    private static readonly ConcurrentDictionary<int, string> Peers = new();
    private static readonly ConcurrentDictionary<int, string> EmittedByScale = new();

    /// <summary>The C# peer of <see cref="ProtocolInputs.Scaled"/> at <paramref name="scale"/>.</summary>
    public static string ForScale(int scale) => Peers.GetOrAdd(scale, s =>
        CutToSize(Emitted(s), ProtocolInputs.Utf8Bytes(ProtocolInputs.Scaled(s))));

    /// <summary>All the C# that <see cref="ProtocolEmitter"/> generates for <see cref="ProtocolInputs.Scaled"/> at <paramref name="scale"/>.</summary>
    public static string Emitted(int scale) => EmittedByScale.GetOrAdd(scale, s =>
        ProtocolEmitter.Emit(ProtocolInputs.CompileClean(ProtocolInputs.Scaled(s), $"PICARES x{s}").Model!, Namespace));

    /// <summary>
    /// The longest prefix of <paramref name="csharp"/> ending after a whole member (field, property, method…)
    /// that, with the braces of its enclosing types and namespace closed, has at most <paramref name="targetBytes"/>
    /// UTF-8 bytes, or the next longer one when that is closer to the target.
    /// </summary>
    public static string CutToSize(string csharp, int targetBytes)
    {
        if (Encoding.UTF8.GetByteCount(csharp) <= targetBytes)
            throw new InvalidOperationException("The generated C# is smaller than the protocol; the peer would need padding.");
        // Only the members up to the cut matter: the text is searched up to twice the target (a character takes at least a
        // byte), so that the 1000x peer does not build a syntax tree for all of its generated C#. The members that end
        // before that point, and so the cut, are the same.
        if (csharp.Length > 2 * targetBytes) csharp = csharp.Substring(0, 2 * targetBytes);
        var root = CSharpSyntaxTree.ParseText(csharp).GetRoot();
        MemberDeclarationSyntax? below = null, above = null;
        int belowBytes = 0, aboveBytes = 0, scannedTo = 0, scannedBytes = 0;
        foreach (var member in root.DescendantNodes().OfType<MemberDeclarationSyntax>()
                     .Where(m => m is not BaseNamespaceDeclarationSyntax and not BaseTypeDeclarationSyntax))
        {
            int end = member.FullSpan.End;
            scannedBytes += Encoding.UTF8.GetByteCount(csharp.AsSpan(scannedTo, end - scannedTo));
            scannedTo = end;
            int bytes = scannedBytes + Encoding.UTF8.GetByteCount(Closers(member));
            if (bytes <= targetBytes) (below, belowBytes) = (member, bytes);
            else { (above, aboveBytes) = (member, bytes); break; }
        }
        if (below is null) throw new InvalidOperationException("No member boundary fits in " + targetBytes + " bytes.");
        var cut = above is not null && aboveBytes - targetBytes < targetBytes - belowBytes ? above : below;
        var chosen = csharp.Substring(0, cut.FullSpan.End) + Closers(cut);

        var check = CSharpSyntaxTree.ParseText(chosen);
        var errors = check.GetDiagnostics().ToList();
        if (errors.Count > 0) throw new InvalidOperationException("The cut C# peer does not parse cleanly: " + errors[0]);
        return chosen;
    }

    // One closing brace per type or namespace around the member, innermost first.
    private static string Closers(MemberDeclarationSyntax member)
    {
        var sb = new StringBuilder();
        foreach (var container in member.Ancestors().OfType<MemberDeclarationSyntax>())
        {
            if (container is FileScopedNamespaceDeclarationSyntax) continue;
            var indent = container.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString();
            sb.Append(indent).Append("}\n");
        }
        return sb.ToString();
    }
}
