using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Collections;
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
        var collected = new ShardedSet<string>(model.Forms.Count, System.StringComparer.Ordinal);
        foreach (var visit in model.Visits)
            foreach (var form in visit.Collect) collected.Add(form);
        foreach (var form in model.Forms)
            if (!collected.Contains(form.Name)) c.Report(DiagnosticDescriptors.FormNeverCollected, c.Locator.Name("form", form.Name), form.Name);

        var read = FieldsRead(model);
        var readByPath = new PathsRead(PathsOfFieldsRead(model));
        foreach (var form in model.Forms)
        {
            if (!collected.Contains(form.Name)) continue;
            foreach (var field in form.Fields)
                if (!read.Contains((form.Name, field.Name)) && !readByPath.Contains(form.Name, field.Name))
                    c.Report(DiagnosticDescriptors.FieldNeverRead, c.Locator.Field(form.Name, field.Name), FieldPath.Of(form.Name, field.Name));
        }

        var used = new ShardedSet<string>(model.CodeLists.Count, System.StringComparer.Ordinal);
        foreach (var form in model.Forms)
            foreach (var field in form.Fields)
                if (field.CodeList is { } list) used.Add(list);
        foreach (var list in model.CodeLists)
            if (!used.Contains(list.Name)) c.Report(DiagnosticDescriptors.CodeListNeverUsed, c.Locator.Name("codelist", list.Name), list.Name);

        foreach (var visit in model.Visits)
            if (visit.Collect.Count == 0 && visit.Activities.Count == 0) c.Report(DiagnosticDescriptors.VisitDoesNothing, c.Locator.Name("visit", visit.Name), visit.Name);
    }

    /// <summary>
    /// Every field a condition reads, as form and field: criteria, conditions that show fields and those of the adverse
    /// events an endpoint counts (from their bound
    /// references, so that no path is written to be looked up).
    /// </summary>
    /// <remarks>Sharded by the number of fields, since a large file's set would be one array on the large-object heap.</remarks>
    private static ShardedSet<(string Form, string Field)> FieldsRead(ProtocolModel model)
    {
        var read = new ShardedSet<(string Form, string Field)>(model.Forms.Sum(f => f.Fields.Count));
        // A criterion's condition reads what its Reads list; it is null only when it did not bind, and then reads nothing.
        foreach (var criterion in model.Criteria)
            if (criterion.Condition is { } condition) AddFieldsRead(condition, read);
        foreach (var form in model.Forms)
            foreach (var field in form.Fields)
                if (field.ShownWhen is { } shownWhen) AddFieldsRead(shownWhen, read);
        // An incidence endpoint's count_when reads its fields from each adverse event, an event_date's condition from each record.
        foreach (var endpoint in model.Endpoints)
        {
            if (endpoint.CountWhen is { } countWhen) AddFieldsRead(countWhen, read);
            foreach (var eventCondition in endpoint.EventConditions) AddFieldsRead(eventCondition.Condition, read);
        }
        return read;
    }

    /// <summary>The paths of the fields read by path: endpoint data, the birth date and the strata (counted first, to make the array at its size).</summary>
    private static string[] PathsOfFieldsRead(ProtocolModel model)
    {
        var birth = model.Population.BirthDateField;
        var strata = model.Randomization?.StratifyBy ?? default;
        int count = (birth is null ? 0 : 1) + strata.Count;
        foreach (var endpoint in model.Endpoints) count += endpoint.Data.Count;
        var paths = new string[count];
        int next = 0;
        foreach (var endpoint in model.Endpoints)
            foreach (var path in endpoint.Data) paths[next++] = path;
        if (birth is not null) paths[next++] = birth;
        foreach (var path in strata) paths[next++] = path;
        return paths;
    }

    /// <summary>The fields an expression reads, as (form, field).</summary>
    private static void AddFieldsRead(BoundExpression expression, ShardedSet<(string Form, string Field)> into) =>
        BoundReferences.ForEach(expression, into, static (read, reference) => { if (reference is BoundFieldReference f) read.Add((f.Form, f.Field)); });
}
