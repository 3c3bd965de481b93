using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Picares.Dsl.Runtime.Scheduling;

/// <summary>Writes a subject's planned visits as a Markdown table.</summary>
public static class CalendarMarkdown
{
    /// <summary>
    /// One row per planned visit: visit and occurrence, label, study day, due date, window, actual date (when any visit has one),
    /// forms and activities.
    /// </summary>
    public static string Render(IReadOnlyList<PlannedVisit> visits)
    {
        if (visits is null) throw new ArgumentNullException(nameof(visits));
        var withActual = visits.Any(v => v.ActualDate is not null);
        var text = new StringBuilder();
        text.Append("| Visit | Label | Study day | Due | Window |").Append(withActual ? " Actual |" : "").Append(" Forms | Activities |\n");
        text.Append("| --- | --- | ---: | --- | --- |").Append(withActual ? " --- |" : "").Append(" --- | --- |\n");
        foreach (var visit in visits)
        {
            text.Append("| ").Append(Cell(visit.Key.ToString()))
                .Append(" | ").Append(Cell(visit.Label))
                .Append(" | ").Append(visit.StudyDay?.ToString(CultureInfo.InvariantCulture) ?? "")
                .Append(" | ").Append(Date(visit.NominalDate))
                .Append(" | ").Append(Date(visit.WindowStart)).Append("..").Append(Date(visit.WindowEnd));
            if (withActual) text.Append(" | ").Append(visit.ActualDate is { } actual ? Date(actual) : "");
            text.Append(" | ").Append(Cell(string.Join(", ", visit.Collect)))
                .Append(" | ").Append(Cell(string.Join("; ", visit.Activities)))
                .Append(" |\n");
        }
        return text.ToString();
    }

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Cell(string text) => TextEscaping.MarkdownCell(text);
}
