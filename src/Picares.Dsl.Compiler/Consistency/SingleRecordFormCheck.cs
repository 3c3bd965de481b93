using System.Collections.Generic;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// A form that holds one record per subject (not <c>repeating</c>) collected more than once for every subject (PIC4026):
/// at a visit that repeats, or at two visits on fixed study days (<c>day</c>), which every subject's schedule holds. Each
/// new record would replace the last, and a criterion or endpoint would read whichever came last (a screening weight
/// overwritten on treatment). Visits held at an event or an anchor (<c>at</c>) and unscheduled visits are left out: a
/// study-completion form at either the last visit or an early-termination visit is collected once, whichever happens.
/// Reported once per form, at its name.
/// </summary>
internal static class SingleRecordFormCheck
{
    public static void Run(CheckContext c)
    {
        // The first fixed-day visit that collects each form of one record, and whether it is reported already.
        Dictionary<string, string>? firstDayVisit = null;
        HashSet<string>? reported = null;
        HashSet<string>? single = null;
        foreach (var form in c.Model.Forms)
            if (!form.Repeating) (single ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(form.Name);
        if (single is null) return;
        foreach (var visit in c.Model.Visits)
        {
            bool repeats = visit.Timing == "repeating" && visit.MaxCount != 1;
            if (!repeats && visit.Timing != "day") continue;
            foreach (var form in visit.Collect)
            {
                if (!single.Contains(form) || (reported?.Contains(form) ?? false)) continue;
                string? why = null;
                if (repeats) why = $"visit {visit.Name}, which repeats, collects it";
                else if ((firstDayVisit ??= new Dictionary<string, string>(System.StringComparer.Ordinal)).TryGetValue(form, out var first))
                    why = $"visits {first} and {visit.Name}, on fixed study days, both collect it";
                else firstDayVisit.Add(form, visit.Name);
                if (why is null) continue;
                (reported ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(form);
                c.Report(DiagnosticDescriptors.SingleRecordFormCollectedRepeatedly, c.Locator.Name("form", form), form, why);
            }
        }
    }
}
