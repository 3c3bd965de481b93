using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Picares.Dsl.Generator;

/// <summary>
/// The MSBuild property <c>PicaresProtocolNamespace</c> made into the namespace of the generated code. It must be C#
/// identifiers separated by dots (<c>Company.Trials.Protocols</c>); a part that is a C# keyword is escaped with <c>@</c>,
/// as C# itself writes it (<c>Company.event</c> is <c>Company.@event</c>), and a part already written with <c>@</c> is
/// kept. Anything else (<c>My-Ns</c>, <c>1Ns</c>, <c>A..B</c>, spaces, <c>global::</c>) is PIC1018.
/// </summary>
internal static class NamespaceOption
{
    /// <summary>
    /// The C# namespace for <paramref name="value"/> (trimmed; already checked to be neither null nor white space), or
    /// null with what is wrong with it in <paramref name="problem"/>.
    /// </summary>
    public static string? ToCSharp(string value, out string? problem)
    {
        var result = new StringBuilder(value.Length + 4);
        foreach (var part in value.Split('.'))
        {
            if (part.Length == 0)
            {
                problem = "it has an empty part";
                return null;
            }
            bool escaped = part[0] == '@';
            var name = escaped ? part.Substring(1) : part;
            if (!SyntaxFacts.IsValidIdentifier(name))
            {
                problem = $"'{part}' is not a C# identifier";
                return null;
            }
            if (result.Length > 0) result.Append('.');
            // Reserved keywords only: contextual ones (var, async, record, global) are identifiers in a namespace name.
            if (!escaped && SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None) result.Append('@');
            result.Append(part);
        }
        problem = null;
        return result.ToString();
    }
}
