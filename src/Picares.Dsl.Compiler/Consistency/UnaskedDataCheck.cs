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
                if (asked.Guard.Overlaps(reads)) continue;
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
    /// Conditional fields whose conditions read each other in a circle (A asked only when B is answered, B only when A is):
    /// none of them is ever asked, since each waits for another's answer (PIC4024). A field counts as waited for only when
    /// its being missing keeps the condition from holding under the Kleene tables (<see cref="Waits"/>): in
    /// <c>F.a or Vitals.flag</c> the field F.a is not waited for. Each group of fields that wait for each other (a strongly
    /// connected component, found by Tarjan's walk without recursion) is reported once, at the condition of its first
    /// field in the file, naming at most <see cref="Suggestions.MostNamed"/> of them.
    /// </summary>
    private static void CheckCircles(CheckContext c, Dictionary<string, Conditional> conditional)
    {
        var order = new Dictionary<string, int>(System.StringComparer.Ordinal); // the fields in the file's order
        foreach (var path in conditional.Keys) order.Add(path, order.Count);
        var fields = new List<string>(conditional.Keys);
        fields.Sort((x, y) => order[x].CompareTo(order[y]));
        var edges = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var waits = new List<string>();
            foreach (var read in Waits(conditional[field].Field.ShownWhen!, notTrue: true))
                if (conditional.ContainsKey(read) && read != field) waits.Add(read);
            edges.Add(field, waits);
        }

        // Tarjan's strongly connected components, iteratively: each field gets an index and a low link.
        var index = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var low = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var onStack = new HashSet<string>(System.StringComparer.Ordinal);
        var stack = new Stack<string>();
        var work = new Stack<(string Field, int Next)>();
        foreach (var root in fields)
        {
            if (index.ContainsKey(root)) continue;
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (field, next) = work.Pop();
                if (next == 0)
                {
                    index[field] = low[field] = index.Count;
                    stack.Push(field);
                    onStack.Add(field);
                }
                var targets = edges[field];
                if (next < targets.Count)
                {
                    work.Push((field, next + 1));
                    var to = targets[next];
                    if (!index.ContainsKey(to)) work.Push((to, 0));
                    else if (onStack.Contains(to)) low[field] = System.Math.Min(low[field], index[to]);
                    continue;
                }
                // Done with the field: its low link goes up to the field that reached it, if any.
                if (work.Count > 0) { var parent = work.Peek().Field; low[parent] = System.Math.Min(low[parent], low[field]); }
                if (low[field] != index[field]) continue;
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                } while (member != field);
                if (component.Count > 1) Report(c, conditional, order, component);
            }
        }
    }

    private static void Report(CheckContext c, Dictionary<string, Conditional> conditional, Dictionary<string, int> order, List<string> component)
    {
        component.Sort((x, y) => order[x].CompareTo(order[y]));
        var first = component[0];
        var (form, name) = FieldPath.Split(first);
        var statement = SourceLocator.Inner(c.Locator.FieldStatement(form, name), "shown_when");
        var span = statement is null ? c.Locator.Field(form, name) : SourceLocator.Arguments(statement);
        var links = new List<string>();
        foreach (var field in component) links.Add($"{field} only when {conditional[field].Field.ShownWhenText}");
        c.Report(DiagnosticDescriptors.FieldsAskedInACircle, span,
            Suggestions.FirstListed(component, component.Count, Suggestions.MostNamed), Suggestions.FirstListed(links, links.Count, Suggestions.MostNamed, "; "));
    }

    /// <summary>
    /// The fields whose being missing keeps <paramref name="e"/> from being true (<paramref name="notTrue"/>) or from being
    /// false: a comparison, a test or a yes/no field with a field missing is unknown, so it waits for every field it reads;
    /// <c>and</c> is not true when either side is not (the union), but not false only when both are not (the intersection);
    /// <c>or</c> the other way round; <c>not</c> swaps the two.
    /// </summary>
    private static HashSet<string> Waits(BoundExpression e, bool notTrue)
    {
        switch (e)
        {
            case BoundBinary { Operator: BoundOperator.And or BoundOperator.Or } b:
            {
                var left = Waits(b.Left, notTrue);
                var right = Waits(b.Right, notTrue);
                if ((b.Operator == BoundOperator.And) == notTrue) left.UnionWith(right);
                else left.IntersectWith(right);
                return left;
            }
            case BoundUnary { Operator: BoundOperator.Not } u:
                return Waits(u.Operand, !notTrue);
            default:
            {
                var all = new HashSet<string>(System.StringComparer.Ordinal);
                BoundReferences.CollectPaths(e, all);
                return all;
            }
        }
    }

    /// <summary>A field shown only under a condition, and the paths that condition reads (gathered on first use).</summary>
    private sealed class Conditional
    {
        private HashSet<string>? _guard;

        public Conditional(FieldModel field) => Field = field;

        public FieldModel Field { get; }

        public HashSet<string> Guard
        {
            get
            {
                if (_guard is null)
                {
                    _guard = new HashSet<string>(System.StringComparer.Ordinal);
                    BoundReferences.CollectPaths(Field.ShownWhen!, _guard);
                }
                return _guard;
            }
        }
    }
}
