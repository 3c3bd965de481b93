using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Picares.Dsl.Generator.Analyzers;

/// <summary>
/// PIC5003: the findings of a CRF model's <c>Validate()</c> are never looked at. Three precise cases: the result of
/// <c>Validate()</c> is discarded; it is stored in a local that is never read; or a case book or form held in a local
/// is serialized to JSON although nothing in the method validates it and it goes nowhere else.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CrfFindingsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic ID.</summary>
    public const string DiagnosticId = "PIC5003";

    /// <summary>Property of the diagnostic: which case it is, one of <see cref="Discarded"/>, <see cref="Unread"/>, <see cref="Unvalidated"/>.</summary>
    public const string CaseProperty = "Case";

    /// <summary>The result of <c>Validate()</c> is discarded.</summary>
    public const string Discarded = "Discarded";

    /// <summary>The result of <c>Validate()</c> is stored in a local that is never read.</summary>
    public const string Unread = "Unread";

    /// <summary>A CRF model is serialized without being validated.</summary>
    public const string Unvalidated = "Unvalidated";

    /// <summary>The metadata name of the finding type.</summary>
    public const string CrfFindingMetadataName = "Picares.Dsl.Runtime.Crf.CrfFinding";

    /// <summary>The descriptor of PIC5003.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticId,
        "CRF findings are never looked at",
        "{0}: hard edit-check failures would pass as clean data; look at the findings, for example with EnsureAccepted(), which throws on a hard finding",
        "PICARES.Usage",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Validate() on a generated CRF form or case book reports edit-check findings and never changes a value or throws; data whose findings nobody looks at is accepted or stored as if it were clean.",
        helpLinkUri: "docs/diagnostics.md#pic5003");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var finding = start.Compilation.GetTypeByMetadataName(CrfFindingMetadataName);
            if (finding is null) return;
            var sinks = new List<INamedTypeSymbol>();
            if (start.Compilation.GetTypeByMetadataName("System.Text.Json.JsonSerializer") is { } stj) sinks.Add(stj);
            if (start.Compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert") is { } newtonsoft) sinks.Add(newtonsoft);
            var models = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
            var analysis = new Analysis(finding, sinks, models);
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        });
    }

    private sealed class Analysis
    {
        private readonly INamedTypeSymbol finding;
        private readonly List<INamedTypeSymbol> sinks;
        private readonly ConcurrentDictionary<ITypeSymbol, bool> models;

        public Analysis(INamedTypeSymbol finding, List<INamedTypeSymbol> sinks, ConcurrentDictionary<ITypeSymbol, bool> models)
        {
            this.finding = finding;
            this.sinks = sinks;
            this.models = models;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (IsValidate(invocation.TargetMethod))
            {
                var receiver = invocation.Instance is { IsImplicit: false } instance ? instance.Syntax.ToString() : "this";
                if (invocation.Parent is IExpressionStatementOperation)
                {
                    Report(context, invocation.Syntax, Discarded, $"The findings of {receiver}.Validate() are discarded");
                }
                else if (invocation.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                    && !References(Root(invocation), declarator.Symbol).Any())
                {
                    Report(context, invocation.Syntax, Unread, $"The findings of {receiver}.Validate() are stored in '{declarator.Symbol.Name}', which is never read");
                }
                return;
            }
            if (!IsSink(invocation.TargetMethod)) return;
            foreach (var argument in invocation.Arguments)
            {
                if (Strip(argument.Value) is not ILocalReferenceOperation local || !IsModel(local.Local.Type)) continue;
                if (ValidatedOrEscapes(Root(invocation), local.Local)) continue;
                Report(context, local.Syntax, Unvalidated, $"'{local.Local.Name}' is serialized, but nothing validates it");
            }
        }

        private static void Report(OperationAnalysisContext context, SyntaxNode node, string kind, string text) =>
            context.ReportDiagnostic(Diagnostic.Create(Rule, node.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(CaseProperty, kind), text));

        /// <summary>A generated <c>Validate</c>: an instance method of that name that returns a collection of findings.</summary>
        private bool IsValidate(IMethodSymbol method) =>
            method is { Name: "Validate", IsStatic: false }
            && method.ReturnType is INamedTypeSymbol { IsGenericType: true } returned
            && returned.TypeArguments.Length == 1
            && SymbolEqualityComparer.Default.Equals(returned.TypeArguments[0], finding);

        /// <summary>A CRF model: a type with a <c>Validate</c> that can be called without arguments.</summary>
        private bool IsModel(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && models.GetOrAdd(named, t => t.GetMembers("Validate").OfType<IMethodSymbol>()
                .Any(m => IsValidate(m) && m.Parameters.All(p => p.IsOptional || p.IsParams)));

        private bool IsSink(IMethodSymbol method) =>
            method.Name.StartsWith("Serialize", StringComparison.Ordinal)
            && sinks.Any(s => SymbolEqualityComparer.Default.Equals(s, method.ContainingType));

        /// <summary>True when some use of the local validates it (it, or a member of it, calls or is passed to Validate), or hands it on elsewhere.</summary>
        private bool ValidatedOrEscapes(IOperation root, ILocalSymbol local)
        {
            foreach (var reference in References(root, local))
            {
                IOperation current = reference;
                while (true)
                {
                    var parent = current.Parent;
                    if (parent is IConversionOperation or IParenthesizedOperation)
                    {
                        current = parent;
                        continue;
                    }
                    if (parent is IPropertyReferenceOperation property && property.Instance == current
                        || parent is IFieldReferenceOperation field && field.Instance == current
                        || parent is IConditionalAccessOperation conditional && conditional.Operation == current)
                    {
                        current = parent;
                        continue;
                    }
                    if (parent is IConditionalAccessInstanceOperation)
                    {
                        current = parent;
                        continue;
                    }
                    if (parent is IInvocationOperation call && call.Instance == current)
                    {
                        if (IsValidate(call.TargetMethod)) return true;
                        break; // book.Dosing.Add(...), book.ToString(): a use, not an escape
                    }
                    if (parent is IArgumentOperation { Parent: IInvocationOperation callee })
                    {
                        if (IsValidate(callee.TargetMethod)) return true; // form.Validate(book)
                        if (IsSink(callee.TargetMethod)) break;
                        return true; // handed to another method, which may validate it
                    }
                    if (parent is IBinaryOperation or IIsPatternOperation or IExpressionStatementOperation) break;
                    if (parent is ISimpleAssignmentOperation assignment && assignment.Target == current && current != reference) break; // book.Vitals = ...
                    if (parent is ICompoundAssignmentOperation or IIncrementOrDecrementOperation) break;
                    return true; // assigned, returned, stored, captured elsewhere: the findings may be looked at there
                }
            }
            return false;
        }

        private static IEnumerable<ILocalReferenceOperation> References(IOperation root, ILocalSymbol local) =>
            root.Descendants().OfType<ILocalReferenceOperation>().Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local));

        private static IOperation Root(IOperation operation)
        {
            while (operation.Parent is not null) operation = operation.Parent;
            return operation;
        }

        private static IOperation Strip(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion) operation = conversion.Operand;
            return operation;
        }
    }
}
