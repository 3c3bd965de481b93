using System.Text;

namespace Picares.Dsl.Runtime.Scheduling;

/// <summary>Escapes text for Markdown table cells and for HTML.</summary>
internal static class TextEscaping
{
    /// <summary>Text for one Markdown table cell: on one line, pipes and backslashes escaped, no raw HTML.</summary>
    public static string MarkdownCell(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '|': builder.Append(@"\|"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r': break;
                case '\n': builder.Append(' '); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    /// <summary>Text for HTML element content and attribute values.</summary>
    public static string Html(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }
}
