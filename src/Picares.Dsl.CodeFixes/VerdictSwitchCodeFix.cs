using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Picares.Dsl.Generator.Analyzers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Picares.Dsl.CodeFixes;

/// <summary>
/// Fixes PIC5001 by adding a case for the unknown member that throws, so the developer has to decide what missing
/// data means instead of letting it fall through.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VerdictSwitchCodeFix)), Shared]
public sealed class VerdictSwitchCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(VerdictSwitchAnalyzer.DiagnosticId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(VerdictSwitchAnalyzer.TypeProperty, out var typeName) || typeName is null) continue;
            if (!diagnostic.Properties.TryGetValue(VerdictSwitchAnalyzer.MemberProperty, out var member) || member is null) continue;
            var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
            if (!token.IsKind(SyntaxKind.SwitchKeyword) || token.Parent is not (SwitchStatementSyntax or SwitchExpressionSyntax)) continue;
            var node = token.Parent;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add a case for {member} that throws",
                    ct => AddCaseAsync(context.Document, node, typeName, member, ct),
                    equivalenceKey: nameof(VerdictSwitchCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document> AddCaseAsync(Document document, SyntaxNode node, string typeName, string member, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var memberAccess = MemberFor(node, typeName, member);
        var exception = ThrowFor(member);
        SyntaxNode replacement;
        if (node is SwitchStatementSyntax statement)
        {
            var section = SwitchSection(
                SingletonList<SwitchLabelSyntax>(CaseSwitchLabel(memberAccess)),
                SingletonList<StatementSyntax>(ThrowStatement(exception)))
                .WithAdditionalAnnotations(Formatter.Annotation);
            replacement = statement.AddSections(section);
        }
        else
        {
            var expression = (SwitchExpressionSyntax)node;
            var arm = SwitchExpressionArm(ConstantPattern(memberAccess), ThrowExpression(exception))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var arms = expression.Arms.GetWithSeparators().ToList();
            if (arms.Count == 0)
            {
                arms.Add(arm.WithTrailingTrivia(ElasticCarriageReturnLineFeed));
            }
            else if (arms[arms.Count - 1].IsNode)
            {
                // No trailing comma: the last arm's line break moves behind a new comma, and the new arm keeps none.
                var last = arms[arms.Count - 1].AsNode()!;
                var lineBreak = last.GetTrailingTrivia();
                arms[arms.Count - 1] = last.WithoutTrailingTrivia();
                arms.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(lineBreak));
                arms.Add(arm.WithTrailingTrivia(lineBreak));
            }
            else
            {
                // A trailing comma: keep the style, the new arm gets one too.
                var comma = arms[arms.Count - 1].AsToken();
                arms.Add(arm);
                arms.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(comma.TrailingTrivia));
            }
            replacement = expression.WithArms(SeparatedList<SwitchExpressionArmSyntax>(arms))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }
        return document.WithSyntaxRoot(root.ReplaceNode(node, replacement));
    }

    /// <summary>The member as written in the other arms (<c>Verdict.Eligible</c> gives <c>Verdict.Pending</c>), else fully qualified.</summary>
    private static ExpressionSyntax MemberFor(SyntaxNode node, string typeName, string member)
    {
        var simpleName = typeName.Substring(typeName.LastIndexOf('.') + 1);
        var existing = node.DescendantNodes()
            .OfType<MemberAccessExpressionSyntax>()
            .FirstOrDefault(m => m.Parent is CaseSwitchLabelSyntax or ConstantPatternSyntax
                && RightmostName(m.Expression) == simpleName);
        if (existing is not null)
        {
            return existing.WithName(IdentifierName(member)).WithoutTrivia();
        }
        return ParseExpression($"global::{typeName}.{member}").WithAdditionalAnnotations(Simplifier.Annotation);
    }

    private static string? RightmostName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        _ => null,
    };

    private static ObjectCreationExpressionSyntax ThrowFor(string member) =>
        ObjectCreationExpression(ParseTypeName("System.InvalidOperationException"))
            .WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(
                LiteralExpression(SyntaxKind.StringLiteralExpression, Literal($"{member}: data or attestations are missing"))))));
}
