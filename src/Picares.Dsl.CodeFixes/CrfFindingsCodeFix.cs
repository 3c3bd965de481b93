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
using Picares.Dsl.Generator.Analyzers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Picares.Dsl.CodeFixes;

/// <summary>
/// Fixes PIC5003 with <c>EnsureAccepted()</c> (Picares.Dsl.Runtime.Crf), which throws on a hard finding: appended to a
/// discarded or unread <c>Validate()</c>, or, before a model is serialized, as a new <c>model.Validate().EnsureAccepted();</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CrfFindingsCodeFix)), Shared]
public sealed class CrfFindingsCodeFix : CodeFixProvider
{
    private const string CrfNamespace = "Picares.Dsl.Runtime.Crf";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(CrfFindingsAnalyzer.DiagnosticId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(CrfFindingsAnalyzer.CaseProperty, out var kind) || kind is null) continue;
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (kind is CrfFindingsAnalyzer.Discarded or CrfFindingsAnalyzer.Unread)
            {
                if (node is not InvocationExpressionSyntax invocation) continue;
                context.RegisterCodeFix(
                    CodeAction.Create("Throw on hard findings with EnsureAccepted()",
                        ct => AppendAsync(context.Document, invocation, ct),
                        equivalenceKey: nameof(CrfFindingsCodeFix) + kind),
                    diagnostic);
            }
            else if (kind == CrfFindingsAnalyzer.Unvalidated)
            {
                if (node is not IdentifierNameSyntax local) continue;
                var statement = node.FirstAncestorOrSelf<StatementSyntax>();
                if (statement?.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)) continue;
                context.RegisterCodeFix(
                    CodeAction.Create($"Validate '{local.Identifier.ValueText}' first, throwing on hard findings",
                        ct => InsertAsync(context.Document, statement, local.Identifier.ValueText, ct),
                        equivalenceKey: nameof(CrfFindingsCodeFix) + kind),
                    diagnostic);
            }
        }
    }

    private static ExpressionSyntax EnsureAccepted(ExpressionSyntax findings) =>
        InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, findings, IdentifierName("EnsureAccepted")));

    private static async Task<Document> AppendAsync(Document document, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var updated = EnsureAccepted(invocation.WithoutTrivia()).WithTriviaFrom(invocation);
        root = root.ReplaceNode(invocation, updated);
        return await WithImportAsync(document.WithSyntaxRoot(root), invocation.SpanStart, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document> InsertAsync(Document document, StatementSyntax statement, string local, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var validate = ExpressionStatement(EnsureAccepted(InvocationExpression(MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, IdentifierName(local), IdentifierName("Validate")))))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } lineEnd ? lineEnd : ElasticLineFeed)
            .WithAdditionalAnnotations(Formatter.Annotation);
        if (statement.Parent is GlobalStatementSyntax global)
            root = root.InsertNodesBefore(global, new[] { GlobalStatement(validate) });
        else
            root = root.InsertNodesBefore(statement, new[] { validate });
        return await WithImportAsync(document.WithSyntaxRoot(root), statement.SpanStart, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds <c>using Picares.Dsl.Runtime.Crf;</c> when the extension is not in scope at the position.</summary>
    private static async Task<Document> WithImportAsync(Document document, int position, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is not CompilationUnitSyntax unit) return document;
        position = System.Math.Min(position, root.FullSpan.End);
        bool inScope = model.LookupNamespacesAndTypes(position, name: "CrfFindings")
            .Any(s => s.ContainingNamespace?.ToDisplayString() == CrfNamespace);
        if (inScope) return document;
        var lineBreak = unit.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var newline = lineBreak.IsKind(SyntaxKind.EndOfLineTrivia) ? lineBreak : EndOfLine("\n");
        var directive = UsingDirective(ParseName(CrfNamespace)).WithTrailingTrivia(newline);
        var usings = unit.Usings;
        int index = usings.Count;
        for (int i = 0; i < usings.Count; i++)
        {
            var name = usings[i].Name?.ToString() ?? "";
            if (usings[i].Alias is null && usings[i].StaticKeyword.IsKind(SyntaxKind.None) && !name.StartsWith("System", System.StringComparison.Ordinal)
                && string.CompareOrdinal(name, CrfNamespace) > 0)
            {
                index = i;
                break;
            }
        }
        if (usings.Count == 0)
        {
            // Before the first member, keeping that member's leading trivia (comments) after the new directive.
            var updatedUnit = unit.WithUsings(SingletonList(directive.WithTrailingTrivia(newline, newline)));
            return document.WithSyntaxRoot(updatedUnit);
        }
        return document.WithSyntaxRoot(unit.WithUsings(usings.Insert(index, directive)));
    }
}
