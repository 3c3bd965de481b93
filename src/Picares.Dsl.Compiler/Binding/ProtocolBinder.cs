using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Binding.Declarations;
using Picares.Dsl.Compiler.Collections;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Emit;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Syntax;

namespace Picares.Dsl.Compiler.Binding;

/// <summary>
/// Binds a parsed file into a <see cref="ProtocolModel"/>, in passes: declare every name (duplicates are
/// reported here), then code lists, then form fields (so every condition can read any field), then the rest.
/// </summary>
internal static class ProtocolBinder
{
    /// <summary>The declarations a file is made of, by keyword (<see cref="Keywords.DeclarationsOnly"/> are these but <c>event</c>,
    /// which is also an endpoint's statement).</summary>
    internal static readonly Dictionary<string, SymbolKind?> Declarations = new()
    {
        ["study"] = null,
        ["population"] = null,
        ["randomization"] = null,
        ["anchor"] = SymbolKind.Anchor,
        ["event"] = SymbolKind.Event,
        ["intervention"] = SymbolKind.Intervention,
        ["arm"] = SymbolKind.Arm,
        ["codelist"] = SymbolKind.CodeList,
        ["form"] = SymbolKind.Form,
        ["criterion"] = SymbolKind.Criterion,
        ["visit"] = SymbolKind.Visit,
        ["endpoint"] = SymbolKind.Endpoint,
    };

    public static ProtocolModel? Bind(BindingContext context, ProtocolSyntax syntax, string fileName)
    {
        // The declarations by keyword, in file order: each pass below reads one keyword's.
        var byKeyword = new Dictionary<string, SegmentedList<StatementSyntax>>(Declarations.Count, System.StringComparer.Ordinal);
        // Each kind becomes its own generated class, except forms and code lists, which share the Crf class. Each scope's
        // table is sized once, by how many declarations of its kinds the file has.
        static SymbolKind ScopeKeyOf(SymbolKind kind) => kind == SymbolKind.CodeList ? SymbolKind.Form : kind;
        var declarationsInScope = new Dictionary<SymbolKind, int>();
        foreach (var statement in syntax.Statements)
            if (Declarations.TryGetValue(statement.Keyword.Text, out var declared) && declared is { } d)
                // A code list may also add its helper class's name to the scope (below).
                declarationsInScope[ScopeKeyOf(d)] = (declarationsInScope.TryGetValue(ScopeKeyOf(d), out var n) ? n : 0) + (d == SymbolKind.CodeList ? 2 : 1);
        var csharpScopes = new Dictionary<SymbolKind, CSharpNames>();
        CSharpNames ScopeOf(SymbolKind kind)
        {
            var key = ScopeKeyOf(kind);
            if (!csharpScopes.TryGetValue(key, out var names)) csharpScopes[key] = names = new CSharpNames(context, declarationsInScope[key]);
            return names;
        }
        foreach (var statement in syntax.Statements)
        {
            var word = statement.Keyword.Text;
            if (!Declarations.TryGetValue(word, out var kind))
            {
                context.Report(DiagnosticDescriptors.UnknownDeclaration, statement.Keyword.Span, word,
                    Suggestions.DidYouMeanLater(word, Declarations.Keys), Suggestions.ListLater(Declarations.Keys));
                continue;
            }
            if (!byKeyword.TryGetValue(word, out var sameKeyword)) byKeyword.Add(word, sameKeyword = new SegmentedList<StatementSyntax>());
            sameKeyword.Add(statement);
            if (kind is { } k && statement.Arguments.Count > 0 && statement.Arguments[0].AsName is { } name)
            {
                var line = context.LineOf(statement.Keyword.Span);
                ScopeOf(k).Add(name, statement.Arguments[0].Span);
                // A code list's helper class (CodeOf, LabelOf, TryParse) sits beside the forms' classes. Only a helper name
                // that is its own identifier can collide with a declaration's (a suffixed one, Subject_Codes, never can).
                if (k == SymbolKind.CodeList && CSharp.CodeListHelper(name) is var helper && CSharp.Identifier(helper) == helper)
                    ScopeOf(k).Add(helper, $"{helper}, the helper class of code list {name}", statement.Arguments[0].Span);
                if (context.Symbols.Declare(k, name, line, statement.Number) is { } existing)
                    context.Report(DiagnosticDescriptors.DuplicateName, statement.Arguments[0].Span, "as " + Article(existing.Kind), name, existing.Line);
            }
        }

        SegmentedList<StatementSyntax> Of(string word) => byKeyword.TryGetValue(word, out var declared) ? declared : NoStatements;
        // The first declaration of a name is bound; so is one without a plain name, whose binder reports it.
        bool IsFirst(StatementSyntax s, SymbolKind kind) =>
            kind == SymbolKind.Criterion || s.Arguments.Count == 0 || s.Arguments[0].AsName is not { } n || context.Symbols.IsDeclaredBy(n, kind, s);

        // Study and population: one each.
        var studies = Of("study");
        StudyModel? study = null;
        if (studies.Count == 0)
            context.Report(DiagnosticDescriptors.MissingStudy, new Text.TextSpan(0, 0));
        else
        {
            study = StudyBinder.Bind(context, studies[0]);
            foreach (var extra in studies.Skip(1))
                context.Report(DiagnosticDescriptors.SecondStudy, extra.Keyword.Span, study.Name, context.LineOf(studies[0].Keyword.Span));
        }

        var anchors = Of("anchor").Select(s => ScheduleBinder.BindAnchor(context, s)).ToList();
        var events = Of("event").Select(s => ScheduleBinder.BindEvent(context, s)).ToList();
        if (study?.DayOneAnchor is { } dayOne && !context.Symbols.Is(dayOne, SymbolKind.Anchor) && studies[0].Body is { } body &&
            body.Statements.FirstOrDefault(s => s.Keyword.Text == "day_one") is { } dayOneStatement)
            context.Report(DiagnosticDescriptors.UnknownName, dayOneStatement.Arguments[0].Span, "anchor", dayOne, context.AnchorHint(dayOne));

        var codeLists = Of("codelist").Where(s => IsFirst(s, SymbolKind.CodeList)).Select(s => FormBinder.BindCodeList(context, s)).ToList();
        foreach (var s in Of("form").Where(s => IsFirst(s, SymbolKind.Form))) FormBinder.Declare(context, s);
        var forms = Of("form").Where(s => IsFirst(s, SymbolKind.Form)).Select(s => FormBinder.Bind(context, s)).ToList();

        // The population reads a form field (the birth date), so it binds once forms are declared.
        var populations = Of("population");
        foreach (var extra in populations.Skip(1))
            context.Report(DiagnosticDescriptors.RepeatedStatement, extra.Keyword.Span, "population", "protocol", context.LineOf(populations[0].Keyword.Span));
        var population = populations.Count > 0 ? StudyBinder.BindPopulation(context, populations[0]) : new PopulationModel("all", null, null, null, null, null, null, null);

        var interventions = Of("intervention").Where(s => IsFirst(s, SymbolKind.Intervention)).Select(s => TreatmentBinder.BindIntervention(context, s)).ToList();
        var arms = Of("arm").Where(s => IsFirst(s, SymbolKind.Arm)).Select(s => TreatmentBinder.BindArm(context, s)).ToList();
        var randomizations = Of("randomization");
        foreach (var extra in randomizations.Skip(1))
            context.Report(DiagnosticDescriptors.RepeatedStatement, extra.Keyword.Span, "randomization", "protocol", context.LineOf(randomizations[0].Keyword.Span));
        var tables = new ModelTables(forms, codeLists);
        var randomization = randomizations.Count > 0 ? TreatmentBinder.BindRandomization(context, randomizations[0], tables) : null;

        var criteria = new List<CriterionModel>(Of("criterion").Count);
        var criterionIds = new ShardedSet<string>(Of("criterion").Count, System.StringComparer.Ordinal);
        foreach (var s in Of("criterion"))
        {
            var c = CriterionBinder.Bind(context, s);
            if (c is not null && criterionIds.Add(c.Id)) criteria.Add(c); // a repeated id is reported when declared
        }

        var visitSyntax = new List<(VisitModel, StatementSyntax)>();
        foreach (var s in Of("visit").Where(s => IsFirst(s, SymbolKind.Visit)))
            if (ScheduleBinder.BindVisit(context, s, study?.DayOneAnchor) is { } v) visitSyntax.Add((v, s));
        ScheduleBinder.CheckOverlaps(context, visitSyntax);

        var endpoints = Of("endpoint").Where(s => IsFirst(s, SymbolKind.Endpoint)).Select(s => EndpointBinder.Bind(context, s, tables)).Where(e => e is not null).Select(e => e!).ToList();

        if (study is null) return null;
        return new ProtocolModel(fileName, study, population, anchors.ToEquatableArray(), events.ToEquatableArray(), interventions.ToEquatableArray(),
            arms.ToEquatableArray(), randomization, codeLists.ToEquatableArray(), forms.ToEquatableArray(), criteria.ToEquatableArray(),
            visitSyntax.Select(v => v.Item1).ToEquatableArray(), endpoints.ToEquatableArray(), context.Assumptions.ToEquatableArray());
    }

    private static readonly SegmentedList<StatementSyntax> NoStatements = new();

    /// <summary>"a form", "an event", "a code list": a kind of declaration with its article, for messages.</summary>
    internal static string Article(SymbolKind kind)
    {
        var word = kind == SymbolKind.CodeList ? "code list" : kind.ToString().ToLowerInvariant();
        return ("aeiou".IndexOf(word[0]) >= 0 ? "an " : "a ") + word;
    }
}
