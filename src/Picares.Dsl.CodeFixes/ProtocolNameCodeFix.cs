using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Picares.Dsl.Generator.Analyzers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Picares.Dsl.CodeFixes;

/// <summary>Fixes PIC5002 by replacing the string literal with the closest name the protocol defines.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProtocolNameCodeFix)), Shared]
public sealed class ProtocolNameCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(ProtocolNameAnalyzer.DiagnosticId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ProtocolNameAnalyzer.ReplacementProperty, out var replacement) || replacement is null) continue;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression)) continue;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use '{replacement}'",
                    ct => ReplaceAsync(context.Document, literal, replacement, ct),
                    equivalenceKey: nameof(ProtocolNameCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var updated = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(replacement)).WithTriviaFrom(literal);
        return document.WithSyntaxRoot(root.ReplaceNode(literal, updated));
    }
}
