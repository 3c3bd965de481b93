using System.Collections.Generic;
using System.Text;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Tests.Infrastructure;

/// <summary>
/// The markup of Microsoft.CodeAnalysis.Testing for expected diagnostics: <c>{|PIC1005:Vitls|}</c> marks the
/// exact span where diagnostic PIC1005 must be reported. Parse returns the plain text and the expectations.
/// </summary>
internal static class Markup
{
    private static readonly System.Text.RegularExpressions.Regex OpenTag = new(@"\{\|[A-Z]+[0-9]+:");

    public static (string Text, List<(string Id, TextSpan Span)> Expected) Parse(string markup)
    {
        var text = new StringBuilder();
        var expected = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        for (int i = 0; i < markup.Length; i++)
        {
            var opening = i + 1 < markup.Length && markup[i] == '{' && markup[i + 1] == '|' ? OpenTag.Match(markup, i) : null;
            if (opening is { Success: true } && opening.Index == i)
            {
                int colon = markup.IndexOf(':', i);
                open.Push((markup.Substring(i + 2, colon - i - 2), text.Length));
                i = colon;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add((id, TextSpan.FromBounds(start, text.Length)));
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }
        return (text.ToString(), expected);
    }
}
