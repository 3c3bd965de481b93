using System.Collections.Generic;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// A criterion that reads a field some subjects are never asked (PIC4023): a field shown only when a condition holds
/// (<c>shown_when</c>), where the criterion reads none of the fields that condition reads. For a subject the field is not
/// asked of, its value is missing, and missing data never count as met or not met: the criterion stays unknown and the
/// subject pending for good ("women of childbearing potential agree to contraception" read for men). The criterion is
/// right when it says what holds without the field, such as <c>Demographics.sex != female or MH.contraception</c>.
/// </summary>
/// <remarks>
/// A criterion that reads one of the condition's fields is taken to say it, whatever it says of it: an inclusion
/// <c>Demographics.sex == female and MH.contraception</c> passes, though it admits no man (a rule the check does not
/// read). Each criterion is reported once, for the first such field it reads. The fields are looked up in the model's
/// table, the condition's fields gathered once per field, and a criterion's reads put in a set once.
/// </remarks>
internal static class UnaskedDataCheck
{
    public static void Run(CheckContext c)
    {
        var tables = new ModelTables(c.Model);
        var guards = new Dictionary<string, List<string>>(System.StringComparer.Ordinal); // by the field's path
        foreach (var criterion in c.Model.Criteria)
        {
            if (criterion.Condition is null) continue;
            HashSet<string>? reads = null; // made only for a criterion that reads a conditional field
            foreach (var path in criterion.Reads)
            {
                if (FieldPath.IsAnchorRead(path)) continue;
                var (form, name) = FieldPath.Split(path);
                if (tables.FieldOf(form, name) is not { ShownWhen: { } shown } field) continue;
                if (!guards.TryGetValue(path, out var guard))
                {
                    guard = new List<string>();
                    BoundReferences.CollectPaths(shown, guard);
                    guards.Add(path, guard);
                }
                reads ??= new HashSet<string>(criterion.Reads, System.StringComparer.Ordinal);
                if (guard.Exists(reads.Contains)) continue;
                var when = field.ShownWhenText ?? "a condition holds";
                var rewrite = criterion.Category == "inclusion"
                    ? $"not ({when}) or ({criterion.ConditionText})"
                    : $"({when}) and ({criterion.ConditionText})";
                c.Report(DiagnosticDescriptors.CriterionReadsUnaskedField, c.Locator.Name("criterion", criterion.Id), criterion.Id, path, when, rewrite);
                break;
            }
        }
    }
}
