using System.Collections.Generic;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Syntax;

namespace Picares.Dsl.Compiler.Binding.Declarations;

/// <summary>Binds <c>criterion</c>: id, category, original text, condition and attestation.</summary>
internal static class CriterionBinder
{
    public static readonly string[] Categories = { "inclusion", "exclusion" };
    public static readonly string[] Roles = { "investigator", "subject", "physician", "pathologist", "radiologist", "study_nurse" };
    private static readonly string[] BlockStatements = { "when", "attested_by" };

    public static CriterionModel? Bind(BindingContext context, StatementSyntax statement)
    {
        var args = new StatementArguments(context, statement, "an id, inclusion or exclusion, the original text in quotes, and a { } block",
            "criterion I6 inclusion \"Weight ≥ 40kg\" { when Vitals.weight >= 40 kg }", allowsBlock: true);
        if (!args.Expect(3, 3)) return null;
        var id = args.Name(0);
        var category = args.Choice(1, "criterion category", Categories);
        var text = args.Text(2);
        if (id is null || category is null || text is null) return null;
        if (text.Trim().Length == 0) context.Report(DiagnosticDescriptors.EmptyText, args.At(2)!.Span, "The criterion's text");
        var prefix = category == "inclusion" ? "I" : "E";
        if (!id.StartsWith(prefix, System.StringComparison.Ordinal))
            context.Report(DiagnosticDescriptors.CriterionIdPrefix, args.At(0)!.Span, category == "inclusion" ? "Inclusion" : "Exclusion", id, prefix);
        var subject = new OriginSubject("criterion", id);
        var origin = context.OriginOf(statement, subject);

        var block = new BlockReader(context, statement, subject, BlockStatements, ownerOrigin: origin);
        BoundExpression? condition = null;
        string? conditionText = null;
        if (block.One("when") is { } when)
        {
            var origin2 = context.OriginOf(when, new OriginSubject("criterion", id, "condition"), origin);
            if (origin2.IsAssumed && !origin.IsAssumed) origin = origin with { Provenance = Provenance.Assumed, Reason = origin2.Reason };
            var a = new StatementArguments(context, when, "one condition", "when Vitals.weight >= 40 kg");
            if (a.Expect(1, 1))
            {
                condition = new ExpressionBinder(context).BindCondition(a.At(0)!);
                conditionText = context.TextOf(a.At(0)!);
            }
        }
        string? role = null;
        if (block.One("attested_by") is { } attested)
        {
            var a = new StatementArguments(context, attested, "the role that confirms it", "attested_by investigator");
            if (a.Expect(1, 1)) role = a.Choice(0, "role", Roles);
        }
        if (block.One("when") is null && block.One("attested_by") is null)
            context.Report(DiagnosticDescriptors.CriterionWithoutRule, statement.Keyword.Span, id);

        var reads = context.Scratch(); // what the criterion reads, only until copied into its model
        if (condition is not null) BoundReferences.CollectPaths(condition, reads);
        return new CriterionModel(id, category, text, condition is BoundError ? null : condition, conditionText, role, SortedOnce(reads), origin);
    }

    /// <summary>The texts in ordinal order, each once (a condition reads few, so a list sorted once rather than a sorted set).</summary>
    private static EquatableArray<string> SortedOnce(List<string> texts)
    {
        if (texts.Count > 1) texts.Sort(string.CompareOrdinal);
        int distinct = 0;
        for (int i = 0; i < texts.Count; i++)
            if (distinct == 0 || texts[i] != texts[distinct - 1]) texts[distinct++] = texts[i];
        texts.RemoveRange(distinct, texts.Count - distinct);
        return texts.ToEquatableArray();
    }
}
