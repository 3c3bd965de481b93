using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Binding.Declarations;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// Declarations that nothing uses: forms no visit collects (PIC4011), fields nothing reads (PIC4012, a
/// suggestion: a form may rightly hold fields kept only for the record), code lists no field has as its type
/// (PIC4013) and visits that collect nothing and list no activity (PIC4014).
/// </summary>
internal static class UsageCheck
{
    public static void Run(CheckContext c)
    {
        var model = c.Model;
        var collected = new HashSet<string>(model.Visits.SelectMany(v => v.Collect), System.StringComparer.Ordinal);
        foreach (var form in model.Forms.Where(f => !collected.Contains(f.Name)))
            c.Report(DiagnosticDescriptors.FormNeverCollected, c.Locator.Name("form", form.Name), form.Name);

        var read = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var criterion in model.Criteria) read.UnionWith(criterion.Reads);
        foreach (var endpoint in model.Endpoints) read.UnionWith(endpoint.Data);
        foreach (var field in model.Forms.SelectMany(f => f.Fields))
            if (field.ShownWhen is not null) CriterionBinder.CollectReads(field.ShownWhen, read);
        if (model.Population.BirthDateField is { } birth) read.Add(birth);
        if (model.Randomization is { } randomization) read.UnionWith(randomization.StratifyBy);
        foreach (var form in model.Forms.Where(f => collected.Contains(f.Name)))
            foreach (var field in form.Fields.Where(f => !read.Contains(FieldPath.Of(form.Name, f.Name))))
                c.Report(DiagnosticDescriptors.FieldNeverRead, c.Locator.Field(form.Name, field.Name), FieldPath.Of(form.Name, field.Name));

        var used = new HashSet<string>(model.Forms.SelectMany(f => f.Fields).Select(f => f.CodeList).Where(l => l is not null)!, System.StringComparer.Ordinal);
        foreach (var list in model.CodeLists.Where(l => !used.Contains(l.Name)))
            c.Report(DiagnosticDescriptors.CodeListNeverUsed, c.Locator.Name("codelist", list.Name), list.Name);

        foreach (var visit in model.Visits.Where(v => v.Collect.Count == 0 && v.Activities.Count == 0))
            c.Report(DiagnosticDescriptors.VisitDoesNothing, c.Locator.Name("visit", visit.Name), visit.Name);
    }
}
