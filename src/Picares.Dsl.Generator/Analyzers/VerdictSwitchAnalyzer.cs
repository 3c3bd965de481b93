using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Picares.Dsl.Generator.Analyzers;

/// <summary>
/// PIC5001: a <c>switch</c> over <c>Verdict</c> or <c>CriterionOutcome</c> that handles neither the unknown member
/// (<c>Pending</c> / <c>Unknown</c>) nor has a default or discard arm, so missing data silently falls through.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VerdictSwitchAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic ID.</summary>
    public const string DiagnosticId = "PIC5001";

    /// <summary>Property of the diagnostic: the metadata name of the switched enum.</summary>
    public const string TypeProperty = "Type";

    /// <summary>Property of the diagnostic: the name of the missing unknown member.</summary>
    public const string MemberProperty = "Member";

    /// <summary>The metadata name of the verdict enum.</summary>
    public const string VerdictMetadataName = "Picares.Dsl.Runtime.Eligibility.Verdict";

    /// <summary>The metadata name of the criterion outcome enum.</summary>
    public const string CriterionOutcomeMetadataName = "Picares.Dsl.Runtime.Eligibility.CriterionOutcome";

    /// <summary>The descriptor of PIC5001.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticId,
        "Switch over a three-valued result misses the unknown case",
        "This switch on {0} handles {1} but not {2}: missing data would fall through; add a case for {2}",
        "PICARES.Usage",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Verdict and CriterionOutcome have a third value, Pending or Unknown, for missing data or attestations; a switch that handles only the two definite values lets it fall through silently.",
        helpLinkUri: "docs/diagnostics.md#pic5001");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var targets = new List<(INamedTypeSymbol Type, string Member)>();
            if (start.Compilation.GetTypeByMetadataName(VerdictMetadataName) is { } verdict) targets.Add((verdict, "Pending"));
            if (start.Compilation.GetTypeByMetadataName(CriterionOutcomeMetadataName) is { } outcome) targets.Add((outcome, "Unknown"));
            if (targets.Count == 0) return;
            start.RegisterOperationAction(c => Analyze(c, targets), OperationKind.Switch, OperationKind.SwitchExpression);
        });
    }

    private static void Analyze(OperationAnalysisContext context, List<(INamedTypeSymbol Type, string Member)> targets)
    {
        IOperation value;
        List<IPatternOperation> patterns = new();
        SyntaxToken switchKeyword;
        bool hasCatchAll = false;
        List<IOperation> labelValues = new();
        switch (context.Operation)
        {
            case ISwitchOperation statement when statement.Syntax is SwitchStatementSyntax syntax:
                value = statement.Value;
                switchKeyword = syntax.SwitchKeyword;
                foreach (var section in statement.Cases)
                {
                    foreach (var clause in section.Clauses)
                    {
                        switch (clause)
                        {
                            case IDefaultCaseClauseOperation:
                                hasCatchAll = true;
                                break;
                            case ISingleValueCaseClauseOperation single:
                                labelValues.Add(single.Value);
                                break;
                            case IPatternCaseClauseOperation pattern:
                                patterns.Add(pattern.Pattern);
                                break;
                            default:
                                // Relational or range clauses: not reasoned about, so assumed to cover everything.
                                hasCatchAll = true;
                                break;
                        }
                    }
                }
                break;
            case ISwitchExpressionOperation expression when expression.Syntax is SwitchExpressionSyntax syntax:
                value = expression.Value;
                switchKeyword = syntax.SwitchKeyword;
                foreach (var arm in expression.Arms) patterns.Add(arm.Pattern);
                break;
            default:
                return;
        }
        if (hasCatchAll) return;

        var type = value.Type;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable) type = nullable.TypeArguments[0];
        if (type is null) return;
        var target = targets.FirstOrDefault(t => SymbolEqualityComparer.Default.Equals(t.Type, type));
        if (target.Type is null) return;

        var members = target.Type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
        var unknown = members.FirstOrDefault(f => f.Name == target.Member);
        if (unknown is null) return;
        long unknownValue = Convert.ToInt64(unknown.ConstantValue, System.Globalization.CultureInfo.InvariantCulture);

        foreach (var label in labelValues)
        {
            if (label.ConstantValue is { HasValue: true, Value: null }) continue; // case null
            var constant = ToLong(label.ConstantValue);
            if (constant is null || constant == unknownValue) return; // not a constant we understand, or the unknown member itself
        }
        foreach (var pattern in patterns)
        {
            if (Matches(pattern, unknownValue) != false) return;
        }

        var handled = members
            .Where(m => m.Name != target.Member)
            .Where(m =>
            {
                long v = Convert.ToInt64(m.ConstantValue, System.Globalization.CultureInfo.InvariantCulture);
                return labelValues.Any(l => ToLong(l.ConstantValue) == v) || patterns.Any(p => Matches(p, v) == true);
            })
            .Select(m => m.Name)
            .ToList();
        string handledText = handled.Count == 0 ? "no member" : string.Join(" and ", handled);

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(TypeProperty, target.Type.ToDisplayString())
            .Add(MemberProperty, target.Member);
        context.ReportDiagnostic(Diagnostic.Create(Rule, switchKeyword.GetLocation(), properties, target.Type.Name, handledText, target.Member));
    }

    /// <summary>Whether the pattern matches the value: true, false, or null when the pattern is not understood.</summary>
    private static bool? Matches(IPatternOperation pattern, long value)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                if (constant.Value.ConstantValue is { HasValue: true, Value: null }) return false; // case null
                var c = ToLong(constant.Value.ConstantValue);
                return c is null ? null : c == value;
            case IDiscardPatternOperation:
            case IDeclarationPatternOperation:
            case ITypePatternOperation:
                return true;
            case INegatedPatternOperation negated:
                return !Matches(negated.Pattern, value);
            case IBinaryPatternOperation binary:
                var left = Matches(binary.LeftPattern, value);
                var right = Matches(binary.RightPattern, value);
                if (binary.OperatorKind == BinaryOperatorKind.Or)
                    return left == true || right == true ? true : left is null || right is null ? null : false;
                return left == false || right == false ? false : left is null || right is null ? null : true;
            case IRelationalPatternOperation relational:
                var r = ToLong(relational.Value.ConstantValue);
                if (r is null) return null;
                return relational.OperatorKind switch
                {
                    BinaryOperatorKind.LessThan => value < r,
                    BinaryOperatorKind.LessThanOrEqual => value <= r,
                    BinaryOperatorKind.GreaterThan => value > r,
                    BinaryOperatorKind.GreaterThanOrEqual => value >= r,
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static long? ToLong(Optional<object?> constant)
    {
        if (!constant.HasValue || constant.Value is null) return null;
        switch (constant.Value)
        {
            case byte or sbyte or short or ushort or int or uint or long:
                return Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
            case ulong u when u <= long.MaxValue:
                return (long)u;
            default:
                return null;
        }
    }
}
