using System.Collections.Generic;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// A criterion that reads a field some subjects are never asked (PIC4023): a field shown only when a condition holds
/// (<c>shown_when</c>), where the criterion reads none of the fields that condition reads. For a subject the field is not
/// asked of, its value is missing, and missing data never count as met or not met: the criterion stays unknown and the
/// subject pending for good ("women of childbearing potential agree to contraception" read for men). The criterion is
/// right when it says what holds without the field, such as <c>Demographics.sex != female or MH.contraception</c>. And
/// conditional fields whose conditions read each other in a circle, so that none is ever asked (PIC4024).
/// </summary>
/// <remarks>
/// A criterion that reads one of the condition's fields is taken to say it, whatever it says of it: an inclusion
/// <c>Demographics.sex == female and MH.contraception</c> passes, though it admits no man (a rule the check does not
/// read). Each criterion is reported once, for the first such field it reads. The conditional fields are put in a table
/// by path once, the condition's fields gathered once per field, and a criterion's reads put in a set once.
/// </remarks>
internal static class UnaskedDataCheck
{
    public static void Run(CheckContext c)
    {
        // The conditional fields by path, each with the paths its condition reads (gathered when first needed): a protocol
        // has few, so that a criterion's reads are looked up in a small table, and no path is cut in two to find its field.
        Dictionary<string, Conditional>? conditional = null;
        foreach (var form in c.Model.Forms)
            foreach (var field in form.Fields)
                if (field.ShownWhen is not null)
                {
                    conditional ??= new Dictionary<string, Conditional>(System.StringComparer.Ordinal);
                    var path = FieldPath.Of(form.Name, field.Name);
                    if (!conditional.ContainsKey(path)) conditional.Add(path, new Conditional(field)); // the first form of a name, as lookups find it
                }
        if (conditional is null) return;
        CheckCircles(c, conditional);
        foreach (var criterion in c.Model.Criteria)
        {
            if (criterion.Condition is null) continue;
            HashSet<string>? reads = null; // made only for a criterion that reads a conditional field
            foreach (var path in criterion.Reads)
            {
                if (!conditional.TryGetValue(path, out var asked)) continue;
                reads ??= new HashSet<string>(criterion.Reads, System.StringComparer.Ordinal);
                if (asked.Guard.Exists(reads.Contains)) continue;
                var when = asked.Field.ShownWhenText ?? "a condition holds";
                var rewrite = criterion.Category == "inclusion"
                    ? $"not ({when}) or ({criterion.ConditionText})"
                    : $"({when}) and ({criterion.ConditionText})";
                c.Report(DiagnosticDescriptors.CriterionReadsUnaskedField, c.Locator.Name("criterion", criterion.Id), criterion.Id, path, when, rewrite);
                break;
            }
        }
    }

    /// <summary>
    /// Conditional fields whose conditions read each other in a circle (A asked only when B holds, B only when A does): none
    /// of them is ever asked, since each waits for another's answer (PIC4024). Each circle is reported once, at the
    /// condition of its first field in the protocol's order; a walk of the conditions, each field visited once.
    /// </summary>
    private static void CheckCircles(CheckContext c, Dictionary<string, Conditional> conditional)
    {
        var state = new Dictionary<string, int>(System.StringComparer.Ordinal); // 1: on the walk's path, 2: done
        var path = new List<string>();
        foreach (var start in conditional.Keys)
        {
            if (state.ContainsKey(start)) continue;
            // An iterative depth-first walk: a stack of (field, index of the next condition path to follow).
            var stack = new Stack<(string Field, int Next)>();
            stack.Push((start, 0));
            state[start] = 1;
            path.Add(start);
            while (stack.Count > 0)
            {
                var (field, next) = stack.Pop();
                var guard = conditional[field].Guard;
                if (next < guard.Count)
                {
                    stack.Push((field, next + 1));
                    var to = guard[next];
                    if (!conditional.ContainsKey(to)) continue;
                    if (!state.TryGetValue(to, out var seen))
                    {
                        state[to] = 1;
                        path.Add(to);
                        stack.Push((to, 0));
                    }
                    else if (seen == 1) Report(c, conditional, path.GetRange(path.IndexOf(to), path.Count - path.IndexOf(to)));
                    continue;
                }
                state[field] = 2;
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    private static void Report(CheckContext c, Dictionary<string, Conditional> conditional, List<string> circle)
    {
        var first = circle[0];
        var (form, name) = FieldPath.Split(first);
        var statement = SourceLocator.Inner(c.Locator.FieldStatement(form, name), "shown_when");
        var span = statement is null ? c.Locator.Field(form, name) : SourceLocator.Arguments(statement);
        var links = new List<string>();
        foreach (var field in circle) links.Add($"{field} only when {conditional[field].Field.ShownWhenText}");
        c.Report(DiagnosticDescriptors.FieldsAskedInACircle, span, string.Join(", ", circle), string.Join("; ", links));
    }

    /// <summary>A field shown only under a condition, and the paths that condition reads (gathered on first use).</summary>
    private sealed class Conditional
    {
        private List<string>? _guard;

        public Conditional(FieldModel field) => Field = field;

        public FieldModel Field { get; }

        public List<string> Guard
        {
            get
            {
                if (_guard is null)
                {
                    _guard = new List<string>();
                    BoundReferences.CollectPaths(Field.ShownWhen!, _guard);
                }
                return _guard;
            }
        }
    }
}
