using System.Collections.Generic;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Syntax;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// A criterion that reads a field of a repeating form (PIC4025): the form holds a value per record (a lab drawn at every
/// visit), so which of them decides eligibility cannot be told. The generated screening input takes no value from such a
/// form (<c>Screening.InputFrom</c>), and the criterion stays unknown for every subject screened from the CRF data. The
/// value eligibility rests on belongs on a form that does not repeat, collected at screening. Each criterion is reported
/// once, at the first such field written in its condition.
/// </summary>
internal static class RepeatingFormCriterionCheck
{
    public static void Run(CheckContext c)
    {
        HashSet<string>? repeating = null; // made only when a form repeats
        foreach (var form in c.Model.Forms)
            if (form.Repeating) (repeating ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(form.Name);
        if (repeating is null) return;
        foreach (var criterion in c.Model.Criteria)
        {
            if (criterion.Condition is null) continue;
            // The reads are in path order: of those on repeating forms, the one written first is reported.
            (string Path, Text.TextSpan Span)? first = null;
            StatementSyntax? when = null;
            foreach (var path in criterion.Reads)
            {
                if (path.StartsWith("@", System.StringComparison.Ordinal)) continue; // an anchor's date
                var (form, field) = FieldPath.Split(path);
                if (!repeating.Contains(form)) continue;
                when ??= SourceLocator.Inner(c.Locator.Declaration("criterion", criterion.Id), "when");
                var span = when is null ? c.Locator.Name("criterion", criterion.Id) : c.Locator.Reference(when, form, field);
                if (first is null || span.Start < first.Value.Span.Start) first = (path, span);
            }
            if (first is { } reported)
                c.Report(DiagnosticDescriptors.CriterionReadsRepeatingForm, reported.Span, criterion.Id, reported.Path, FieldPath.Split(reported.Path).Form);
        }
    }
}
