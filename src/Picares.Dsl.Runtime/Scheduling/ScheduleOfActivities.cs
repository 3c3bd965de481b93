using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Picares.Dsl.Runtime.Model;

namespace Picares.Dsl.Runtime.Scheduling;

/// <summary>
/// The schedule of activities of a protocol: visits as columns in declaration order, with their timing and window;
/// forms (in declaration order), then other activities, as rows; "X" where the visit collects the form or does the activity.
/// </summary>
public sealed class ScheduleOfActivities
{
    private ScheduleOfActivities(IReadOnlyList<VisitInfo> visits, IReadOnlyList<Row> rows)
    {
        Visits = visits;
        Rows = rows;
    }

    /// <summary>The columns: every visit, in declaration order.</summary>
    public IReadOnlyList<VisitInfo> Visits { get; }

    /// <summary>The rows: forms, then activities.</summary>
    public IReadOnlyList<Row> Rows { get; }

    /// <summary>One row of the matrix.</summary>
    /// <param name="Title">The form's label and name, or the activity's text.</param>
    /// <param name="IsForm">True for a case report form, false for another activity.</param>
    /// <param name="Marks">One entry per visit column: true where the visit collects the form or does the activity.</param>
    public sealed record Row(string Title, bool IsForm, IReadOnlyList<bool> Marks);

    /// <summary>The matrix of a protocol. Forms that no visit collects are kept, as empty rows.</summary>
    public static ScheduleOfActivities From(ProtocolInfo protocol)
    {
        if (protocol is null) throw new ArgumentNullException(nameof(protocol));
        var visits = protocol.Visits;
        var rows = new List<Row>();

        var forms = protocol.Forms.Select(f => (f.Name, Title: $"{f.Label} ({f.Name})")).ToList();
        var declared = new HashSet<string>(forms.Select(f => f.Name), StringComparer.Ordinal);
        forms.AddRange(visits.SelectMany(v => v.Collect).Where(declared.Add).Select(name => (name, name)));
        foreach (var (name, title) in forms)
            rows.Add(new Row(title, true, visits.Select(v => v.Collect.Contains(name, StringComparer.Ordinal)).ToList()));

        foreach (var activity in visits.SelectMany(v => v.Activities).Distinct(StringComparer.Ordinal).ToList())
            rows.Add(new Row(activity, false, visits.Select(v => v.Activities.Contains(activity, StringComparer.Ordinal)).ToList()));

        return new ScheduleOfActivities(visits, rows);
    }

    /// <summary>The protocol's schedule of activities as a Markdown table.</summary>
    public static string ToMarkdown(ProtocolInfo protocol) => From(protocol).ToMarkdown();

    /// <summary>The protocol's schedule of activities as an HTML table.</summary>
    public static string ToHtml(ProtocolInfo protocol) => From(protocol).ToHtml();

    /// <summary>This matrix as a Markdown table: a header of visit labels, then rows for timing and window, forms and activities.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        MarkdownRow(text, "", Visits.Select(v => v.Label));
        text.Append("| --- |").Append(string.Concat(Visits.Select(_ => " :---: |"))).Append('\n');
        MarkdownRow(text, "**Timing**", Visits.Select(VisitTiming.Describe));
        MarkdownRow(text, "**Window**", Visits.Select(VisitTiming.Window));
        foreach (var row in Rows)
            MarkdownRow(text, row.IsForm ? TextEscaping.MarkdownCell(row.Title) : "*" + TextEscaping.MarkdownCell(row.Title) + "*", row.Marks.Select(Mark));
        return text.ToString();
    }

    /// <summary>This matrix as an HTML table; every text is HTML-escaped.</summary>
    public string ToHtml()
    {
        var text = new StringBuilder();
        text.Append("<table class=\"schedule-of-activities\">\n<thead>\n");
        HtmlRow(text, "th", "", Visits.Select(v => v.Label), "col");
        HtmlRow(text, "th", "Timing", Visits.Select(VisitTiming.Describe), null);
        HtmlRow(text, "th", "Window", Visits.Select(VisitTiming.Window), null);
        text.Append("</thead>\n<tbody>\n");
        foreach (var row in Rows)
            HtmlRow(text, "td", row.Title, row.Marks.Select(Mark), null, row.IsForm ? "form" : "activity");
        text.Append("</tbody>\n</table>\n");
        return text.ToString();
    }

    private static string Mark(bool marked) => marked ? "X" : "";

    // The title is Markdown, already escaped; the cells are plain text.
    private static void MarkdownRow(StringBuilder text, string title, IEnumerable<string> cells)
    {
        text.Append("| ").Append(title).Append(" |");
        foreach (var cell in cells) text.Append(' ').Append(TextEscaping.MarkdownCell(cell)).Append(" |");
        text.Append('\n');
    }

    private static void HtmlRow(StringBuilder text, string cellTag, string title, IEnumerable<string> cells, string? scope, string? rowClass = null)
    {
        text.Append(rowClass is null ? "<tr>" : $"<tr class=\"{rowClass}\">");
        text.Append(title.Length == 0 ? "<td></td>" : "<th scope=\"row\">" + TextEscaping.Html(title) + "</th>");
        foreach (var cell in cells)
        {
            text.Append('<').Append(cellTag);
            if (scope is not null) text.Append(" scope=\"").Append(scope).Append('"');
            text.Append('>').Append(TextEscaping.Html(cell)).Append("</").Append(cellTag).Append('>');
        }
        text.Append("</tr>\n");
    }
}
