using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Suggestions = Picares.Dsl.Compiler.Diagnostics.Suggestions;

namespace Picares.Dsl.Generator.Analyzers;

/// <summary>
/// PIC5002: a string constant that names a criterion, visit, anchor, event, form, field or criterion input where the
/// API expects one (a parameter or property marked <c>[ProtocolName]</c> in the runtime), but that no protocol of the
/// compilation defines. The names come from the <c>[assembly: ProtocolNames]</c> attributes the generator writes,
/// in this compilation and in referenced assemblies, so the analyzer never parses a <c>.protocol</c> file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProtocolNameAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic ID.</summary>
    public const string DiagnosticId = "PIC5002";

    /// <summary>Property of the diagnostic: the whole replacement text, when a close name exists and the string is a literal.</summary>
    public const string ReplacementProperty = "Replacement";

    /// <summary>The metadata name of the attribute that marks parameters and properties.</summary>
    public const string NameAttributeMetadataName = "Picares.Dsl.Runtime.Model.ProtocolNameAttribute";

    /// <summary>The metadata name of the assembly attribute that lists a protocol's names.</summary>
    public const string NamesAttributeMetadataName = "Picares.Dsl.Runtime.Model.ProtocolNamesAttribute";

    /// <summary>The descriptor of PIC5002.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticId,
        "String names something the protocol does not define",
        "'{0}' is not {1} the protocol defines{2}",
        "PICARES.Usage",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Schedule requests, visit occurrences, criterion ids, CRF findings and criterion inputs are keyed by the protocol's names as strings; a name the protocol does not define is silently never found.",
        helpLinkUri: "docs/diagnostics.md#pic5002");

    /// <summary>The values of <c>ProtocolNameKind</c> in the runtime, in order (checked by a test).</summary>
    public static readonly ImmutableArray<string> KindNames = ImmutableArray.Create(
        "Criterion", "Visit", "VisitOccurrence", "Anchor", "Event", "Form", "Field", "Input");

    private const int Criterion = 0, Visit = 1, VisitOccurrence = 2, Anchor = 3, Event = 4, Form = 5, Field = 6, Input = 7;

    private static readonly string[] KindText =
    {
        "a criterion id", "a visit", "a visit", "an anchor", "an event", "a form", "a field", "a criterion input (Form.field or @anchor)",
    };

    private static readonly ImmutableHashSet<string> LookupMethods = ImmutableHashSet.Create(
        StringComparer.Ordinal, "ContainsKey", "TryGetValue", "Contains", "Remove", "IndexOf", "Add", "TryAdd", "GetValueOrDefault");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var marker = start.Compilation.GetTypeByMetadataName(NameAttributeMetadataName);
            var namesAttribute = start.Compilation.GetTypeByMetadataName(NamesAttributeMetadataName);
            if (marker is null || namesAttribute is null) return;
            var names = NameSets.From(start.Compilation, namesAttribute);
            if (names is null) return;
            var kinds = new ConcurrentDictionary<ISymbol, int>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(
                c => Analyze(c, marker, names, kinds),
                OperationKind.Literal, OperationKind.FieldReference, OperationKind.LocalReference);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol marker, NameSets names, ConcurrentDictionary<ISymbol, int> kinds)
    {
        var operation = context.Operation;
        if (operation.ConstantValue is not { HasValue: true, Value: string text } || text.Length == 0) return;
        int kind = SinkKind(operation, marker, kinds);
        if (kind < 0) return;
        var problem = names.Check(kind, text);
        if (problem is null) return;
        var (replacement, hint) = problem.Value;
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (replacement is not null && operation is ILiteralOperation)
            properties = properties.Add(ReplacementProperty, replacement);
        context.ReportDiagnostic(Diagnostic.Create(Rule, operation.Syntax.GetLocation(), properties, text, KindText[kind], hint));
    }

    /// <summary>The kind of name the constant flows into, or -1.</summary>
    private static int SinkKind(IOperation operation, INamedTypeSymbol marker, ConcurrentDictionary<ISymbol, int> kinds)
    {
        var current = SkipUp(operation);
        var parent = current.Parent;
        switch (parent)
        {
            case IArgumentOperation argument:
                if (argument.Parameter is { } parameter && KindOf(parameter, marker, kinds) is var byParameter && byParameter >= 0)
                    return byParameter;
                switch (argument.Parent)
                {
                    case IInvocationOperation invocation:
                        return InvocationKind(invocation, argument, marker, kinds);
                    case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Arguments.Length > 0 && indexer.Arguments[0] == argument:
                        return CollectionKind(indexer.Instance, marker, kinds);
                }
                return -1;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                return MemberKind(binary.LeftOperand == current ? binary.RightOperand : binary.LeftOperand, marker, kinds);
            case ISimpleAssignmentOperation assignment when assignment.Value == current:
                return MemberKind(assignment.Target, marker, kinds);
            case IArrayInitializerOperation { Parent: IArrayCreationOperation array }:
                return TargetKind(array, marker, kinds);
            case ICollectionExpressionOperation collection:
                return TargetKind(collection, marker, kinds);
            case ISingleValueCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation @switch } }:
                return MemberKind(@switch.Value, marker, kinds);
            case IConstantPatternOperation pattern:
                return PatternKind(pattern, marker, kinds);
            default:
                return -1;
        }
    }

    /// <summary>A string argument of a lookup (<c>ContainsKey</c>, <c>TryGetValue</c>, <c>Contains</c>, <c>Equals</c>, ...) on a marked member.</summary>
    private static int InvocationKind(IInvocationOperation invocation, IArgumentOperation argument, INamedTypeSymbol marker, ConcurrentDictionary<ISymbol, int> kinds)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments;
        if (method.Name == "Equals" && method.ContainingType?.SpecialType == SpecialType.System_String)
        {
            if (invocation.Instance is { } instance)
                return arguments.Length > 0 && arguments[0] == argument ? MemberKind(instance, marker, kinds) : -1;
            if (arguments.Length >= 2 && (arguments[0] == argument || arguments[1] == argument))
                return MemberKind(arguments[0] == argument ? arguments[1].Value : arguments[0].Value, marker, kinds);
            return -1;
        }
        if (!LookupMethods.Contains(method.Name)) return -1;
        // The key or element is the first argument after the receiver.
        IOperation? receiver = invocation.Instance;
        int first = 0;
        if (receiver is null && method.IsExtensionMethod && arguments.Length > 0)
        {
            receiver = arguments[0].Value;
            first = 1;
        }
        if (receiver is null || arguments.Length <= first || arguments[first] != argument) return -1;
        return CollectionKind(receiver, marker, kinds);
    }

    /// <summary>The kind of a dictionary or collection: a marked member, or, inside an initializer, the member it initializes.</summary>
    private static int CollectionKind(IOperation? receiver, INamedTypeSymbol marker, ConcurrentDictionary<ISymbol, int> kinds)
    {
        receiver = SkipDown(receiver);
        if (receiver is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } implicitReceiver)
        {
            // new Dictionary<string, DateTime> { ["first_dose"] = d } or { { "first_dose", d } }
            IOperation? node = implicitReceiver.Parent;
            while (node is not null and not IObjectOrCollectionInitializerOperation) node = node.Parent;
            return node?.Parent is IObjectCreationOperation creation ? TargetKind(creation, marker, kinds) : -1;
        }
        return MemberKind(receiver, marker, kinds);
    }

    /// <summary>The kind of the member or parameter a created value (collection, array) is assigned or passed to.</summary>
    private static int TargetKind(IOperation created, INamedTypeSymbol marker, ConcurrentDictionary<ISymbol, int> kinds)
    {
        var current = SkipUp(created);
        return current.Parent switch
        {
            ISimpleAssignmentOperation assignment when assignment.Value == current => MemberKind(assignment.Target, marker, kinds),
            IArgumentOperation { Parameter: { } parameter } => KindOf(parameter, marker, kinds),
            _ => -1,
        };
    }

    /// <summary>The kind of the value a constant pattern is matched against.</summary>
    private static int PatternKind(IPatternOperation pattern, INamedTypeSymbol marker, ConcurrentDictionary<ISymbol, int> kinds)
    {
        IOperation? node = pattern.Parent;
        while (node is IBinaryPatternOperation or INegatedPatternOperation) node = node.Parent;
        return node switch
        {
            IPropertySubpatternOperation subpattern => MemberKind(subpattern.Member, marker, kinds),
            IIsPatternOperation isPattern => MemberKind(isPattern.Value, marker, kinds),
            ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation expression } => MemberKind(expression.Value, marker, kinds),
            IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation statement } } => MemberKind(statement.Value, marker, kinds),
            _ => -1,
        };
    }

    private static int MemberKind(IOperation? operation, INamedTypeSymbol marker, ConcurrentDictionary<ISymbol, int> kinds) =>
        SkipDown(operation) switch
        {
            IPropertyReferenceOperation property => KindOf(property.Property, marker, kinds),
            _ => -1,
        };

    private static int KindOf(ISymbol symbol, INamedTypeSymbol marker, ConcurrentDictionary<ISymbol, int> kinds) =>
        kinds.GetOrAdd(symbol.OriginalDefinition, s =>
        {
            foreach (var attribute in s.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, marker)
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is int k && k >= 0 && k < KindText.Length)
                    return k;
            }
            return s is IPropertySymbol { OverriddenProperty: { } overridden } ? KindOf(overridden, marker, kinds) : -1;
        });

    /// <summary>Up through implicit conversions and parentheses.</summary>
    private static IOperation SkipUp(IOperation operation)
    {
        while (operation.Parent is IConversionOperation { IsImplicit: true } or IParenthesizedOperation) operation = operation.Parent;
        return operation;
    }

    /// <summary>Down through conversions and parentheses.</summary>
    private static IOperation? SkipDown(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion: operation = conversion.Operand; break;
                case IParenthesizedOperation parenthesized: operation = parenthesized.Operand; break;
                default: return operation;
            }
        }
    }

    /// <summary>The names of every protocol in the compilation and its references, by kind.</summary>
    private sealed class NameSets
    {
        private readonly HashSet<string>?[] sets = new HashSet<string>?[KindText.Length];

        public static NameSets? From(Compilation compilation, INamedTypeSymbol namesAttribute)
        {
            var result = new NameSets();
            bool any = false;
            var runtimeName = namesAttribute.ContainingAssembly.Name;
            var assemblies = new List<IAssemblySymbol> { compilation.Assembly };
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                // Only assemblies built against the runtime can hold the attribute: skip the framework cheaply.
                if (assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == runtimeName))) assemblies.Add(assembly);
            }
            foreach (var assembly in assemblies)
            {
                foreach (var attribute in assembly.GetAttributes())
                {
                    if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, namesAttribute)) continue;
                    var args = attribute.ConstructorArguments;
                    if (args.Length != 3 || args[1].Value is not int kind || kind < 0 || kind >= KindText.Length || args[2].Kind != TypedConstantKind.Array) continue;
                    var set = result.sets[kind] ??= new HashSet<string>(StringComparer.Ordinal);
                    foreach (var value in args[2].Values)
                        if (value.Value is string name) set.Add(name);
                    any = true;
                }
            }
            if (!any) return null;
            // Fields are listed as Form.field; a field alone is the part after the dot, an input is Form.field or @anchor.
            if (result.sets[Field] is { } qualified)
            {
                result.sets[Input] = new HashSet<string>(qualified, StringComparer.Ordinal);
                result.sets[Field] = new HashSet<string>(qualified.Select(q => q.Substring(q.IndexOf('.') + 1)), StringComparer.Ordinal);
            }
            if (result.sets[Anchor] is { } anchors && result.sets[Input] is { } inputs)
                foreach (var anchor in anchors) inputs.Add("@" + anchor);
            result.sets[VisitOccurrence] = result.sets[Visit];
            return result;
        }

        /// <summary>Null when the name is defined or its kind unknown; else the replacement (or null) and the message's hint.</summary>
        public (string? Replacement, string Hint)? Check(int kind, string text)
        {
            var set = sets[kind];
            if (set is null || set.Count == 0) return null;
            string name = text, suffix = "";
            if (kind == VisitOccurrence)
            {
                int hash = text.IndexOf('#');
                name = (hash < 0 ? text : text.Substring(0, hash)).Trim();
                if (name.Length == 0) return null; // not a name at all; Parse reports it
                suffix = hash < 0 ? "" : text.Substring(hash);
            }
            if (set.Contains(name)) return null;
            var closest = Suggestions.Closest(name, set);
            if (closest is not null) return (closest + suffix, $"; did you mean '{closest + suffix}'?");
            var listed = set.OrderBy(n => n, StringComparer.Ordinal).Take(8).Select(n => "'" + n + "'").ToList();
            return (null, "; it defines " + string.Join(", ", listed) + (set.Count > listed.Count ? ", ..." : ""));
        }
    }
}
