using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Runtime.Units;
using ValueType = Picares.Dsl.Compiler.Model.ValueType;

namespace Picares.Dsl.Compiler.Binding.Declarations;

/// <summary>Binds <c>codelist</c> and <c>form</c> declarations with their fields and edit checks.</summary>
internal static class FormBinder
{
    public static readonly string[] DataTypes = { "text", "integer", "decimal", "date", "datetime", "boolean", "code", "quantity" };
    private const string FieldShape = "a name, a type (text, integer, decimal, date, datetime, boolean, code <CodeList>, quantity <unit>), optionally 'required', and a \"label\"";
    private const string FieldExample = "field weight quantity kg required \"Body weight\"";

    // The statements each block accepts.
    private static readonly string[] CodeListRepeatable = { "code" };
    private static readonly string[] FormSingle = { "repeating", "description" }, FormRepeatable = { "field" };
    private static readonly string[] FieldSingle = { "hard", "soft", "shown_when" };

    public static CodeListModel BindCodeList(BindingContext context, StatementSyntax statement)
    {
        var args = new StatementArguments(context, statement, "a name, optionally a \"label\", and a { } block of codes", "codelist Response \"RECIST 1.1 response\" { code CR \"Complete response\" }", allowsBlock: true);
        args.Expect(1, 2);
        var name = args.Name(0) ?? "";
        var label = args.Count > 1 ? args.OptionalText(1) ?? name : name;
        var subject = new OriginSubject("codelist", name);
        var origin = context.OriginOf(statement, subject);
        int statements = StatementsIn(statement); // at most this many codes: the tables below are sized once
        var symbol = new CodeListSymbol(name, statements);
        var codes = new List<CodeModel>(statements);
        context.StartScope();
        var lines = context.ScopeLines;
        var codeNames = context.ScopeNames;
        var block = new BlockReader(context, statement, subject, System.Array.Empty<string>(), CodeListRepeatable, ownerOrigin: origin);
        foreach (var s in block.All("code"))
        {
            var a = new StatementArguments(context, s, "a code (a name or a whole number) and its \"label\"", "code CR \"Complete response\"");
            if (!a.Expect(2, 2)) continue;
            string? code = a.At(0) switch
            {
                NameExpressionSyntax n => n.Identifier.Text,
                NumberExpressionSyntax { Unit: null } num when num.Value == System.Math.Floor(num.Value) => num.Number.Text,
                _ => null,
            };
            var codeLabel = a.Text(1);
            if (code is null) { a.Fail(a.At(0)!.Span); continue; }
            if (lines.TryGetValue(code, out var first))
            {
                context.Report(DiagnosticDescriptors.DuplicateName, a.At(0)!.Span, "a code of this list", code, first);
                continue;
            }
            lines[code] = context.LineOf(s.Keyword.Span);
            codeNames.Add(code, a.At(0)!.Span);
            symbol.Add(code);
            codes.Add(new CodeModel(code, codeLabel ?? code));
        }
        if (block.One("code") is null)
            context.Report(DiagnosticDescriptors.MissingStatement, statement.Keyword.Span, "codelist " + name, "code", "code CR \"Complete response\"");
        context.Symbols.CodeLists[name] = symbol;
        return new CodeListModel(name, label, codes.ToEquatableArray(), origin);
    }

    /// <summary>Registers a form's fields and their types, so conditions anywhere can read them.</summary>
    public static void Declare(BindingContext context, StatementSyntax statement)
    {
        var name = statement.Arguments.Count > 0 ? statement.Arguments[0].AsName : null;
        if (name is null || context.Symbols.Forms.ContainsKey(name)) return;
        var block = new BlockReader(context, statement, new OriginSubject("form", name), FormSingle, FormRepeatable);
        var form = new FormSymbol(name, block.One("repeating") is not null, StatementsIn(statement));
        foreach (var s in block.All("field"))
        {
            var fieldName = s.Arguments.Count > 0 ? s.Arguments[0].AsName : null;
            if (fieldName is null) continue;
            var (type, argument, _) = ReadType(context, s, report: false);
            var unit = type.Kind == TypeKind.Quantity ? argument : null;
            if (!form.Fields.ContainsKey(fieldName)) form.Fields.Add(fieldName, new FieldSymbol(fieldName, type, unit, context.LineOf(s.Keyword.Span)));
        }
        context.Symbols.Forms[name] = form;
    }

    public static FormModel Bind(BindingContext context, StatementSyntax statement)
    {
        var args = new StatementArguments(context, statement, "a name, optionally a \"label\", and a { } block of fields", "form Vitals \"Vital signs\" { field weight quantity kg required }", allowsBlock: true);
        args.Expect(1, 2);
        var name = args.Name(0) ?? "";
        var label = args.Count > 1 ? args.OptionalText(1) ?? name : name;
        var subject = new OriginSubject("form", name);
        var origin = context.OriginOf(statement, subject);
        var block = new BlockReader(context, statement, subject, FormSingle, FormRepeatable, ownerOrigin: origin);
        if (block.One("repeating") is { } rep) new StatementArguments(context, rep, "nothing", "repeating").Expect(0, 0);
        if (block.One("description") is { } description)
        {
            var a = new StatementArguments(context, description, "one \"text\"", "description \"Collected at every cycle\"");
            if (a.Expect(1, 1)) a.Text(0);
        }
        int statements = StatementsIn(statement); // at most this many fields: the tables below are sized once
        var fields = new List<FieldModel>(statements);
        context.StartScope();
        var seen = context.ScopeLines;
        var fieldNames = context.ScopeNames;
        foreach (var s in block.All("field"))
        {
            var field = BindField(context, name, s, origin);
            if (field is null) continue;
            if (seen.TryGetValue(field.Name, out var first))
            {
                context.Report(DiagnosticDescriptors.DuplicateName, s.Arguments[0].Span, "a field of this form", field.Name, first);
                continue;
            }
            seen[field.Name] = field.Origin.Line;
            fieldNames.Add(field.Name, s.Arguments[0].Span);
            fields.Add(field);
        }
        if (block.One("field") is null)
            context.Report(DiagnosticDescriptors.MissingStatement, statement.Keyword.Span, "form " + name, "field", FieldExample);
        return new FormModel(name, label, block.One("repeating") is not null, fields.ToEquatableArray(), origin);
    }

    private static int StatementsIn(StatementSyntax declaration) => declaration.Body?.Statements.Count ?? 0;

    private static FieldModel? BindField(BindingContext context, string form, StatementSyntax statement, Origin formOrigin)
    {
        var args = new StatementArguments(context, statement, FieldShape, FieldExample, allowsBlock: true);
        if (!args.Expect(2, 5)) return null;
        var name = args.Name(0);
        if (name is null) return null;
        var origin = context.OriginOf(statement, OriginSubject.Field(form, name), formOrigin);
        var (type, typeArgument, next) = ReadType(context, statement, report: true);
        if (type.Kind == TypeKind.Error) return null;
        bool required = false;
        string? label = null;
        for (int i = next; i < args.Count; i++)
        {
            var e = args.At(i)!;
            if (e.AsName == "required" && !required && label is null) required = true;
            else if (e is StringExpressionSyntax s && label is null) label = s.Value;
            else args.Fail(e.Span);
        }

        var block = new BlockReader(context, statement, new OriginSubject("field", name), FieldSingle, ownerOrigin: origin);
        var hard = ReadLimit(context, block.One("hard"), type, typeArgument, statement.Arguments[1].AsName ?? "");
        var soft = ReadLimit(context, block.One("soft"), type, typeArgument, statement.Arguments[1].AsName ?? "");
        BoundExpression? shownWhen = null;
        string? shownWhenText = null;
        if (block.One("shown_when") is { } sw)
        {
            var a = new StatementArguments(context, sw, "a condition", "shown_when Demographics.sex == female");
            if (a.Expect(1, 1))
            {
                shownWhen = new ExpressionBinder(context) { ShownWhenOf = (form, name) }.BindCondition(a.At(0)!);
                shownWhenText = context.TextOf(a.At(0)!);
            }
        }
        var dataType = statement.Arguments[1].AsName!;
        return new FieldModel(name, label ?? name, dataType, type.CodeList, type.Kind == TypeKind.Quantity ? typeArgument : null,
            required, hard, soft, shownWhen, shownWhenText, origin);
    }

    /// <summary>The field's type from its second (and third) argument; returns the index after them.</summary>
    private static (ValueType Type, string? Argument, int Next) ReadType(BindingContext context, StatementSyntax statement, bool report)
    {
        var args = statement.Arguments;
        if (args.Count < 2) return (ValueType.Error, null, args.Count);
        var typeName = args[1].AsName;
        void Report(DiagnosticDescriptor d, Text.TextSpan span, params object[] a) { if (report) context.Report(d, span, a); }
        switch (typeName)
        {
            case "text": return (ValueType.Text, null, 2);
            case "integer": return (ValueType.Number, null, 2);
            case "decimal": return (ValueType.Number, null, 2);
            case "date": return (ValueType.Date, null, 2);
            case "datetime": return (ValueType.DateTime, null, 2);
            case "boolean": return (ValueType.Boolean, null, 2);
            case "code":
                if (args.Count > 2 && args[2].AsName is { } list)
                {
                    if (context.Symbols.CodeLists.TryGetValue(list, out var codes)) return (codes.Type, list, 3);
                    if (list == "required" && !context.Symbols.Is(list, SymbolKind.CodeList))
                    {
                        // "field sex code required": the code list's name is missing, not a code list named 'required'.
                        Report(DiagnosticDescriptors.BadArguments, args[2].Span, "field", "'code' followed by the code list's name, then 'required'",
                            $"field {args[0].AsName ?? "sex"} code Sex required");
                        return (ValueType.Error, null, 3);
                    }
                    Report(DiagnosticDescriptors.UnknownName, args[2].Span, "code list", list,
                        Suggestions.DidYouMeanLater(list, context.Symbols.CodeLists.Keys, "; declare it with 'codelist " + list + " { code ... }'"));
                    return (ValueType.Error, null, 3);
                }
                Report(DiagnosticDescriptors.BadArguments, args[1].Span, "field", "'code' followed by the code list's name", "field response code Response required");
                return (ValueType.Error, null, 2);
            case "quantity":
                if (args.Count > 2 && UnitText(context, args[2]) is { } unitName)
                {
                    if (UnitCatalog.TryFind(unitName, out var unit)) return (ValueType.QuantityOf(unit.Dimension), unit.Symbol, 3);
                    Report(DiagnosticDescriptors.UnknownUnit, args[2].Span, unitName, UnitSuggestions.For(unitName));
                    return (ValueType.Error, null, 3);
                }
                Report(DiagnosticDescriptors.BadArguments, args[1].Span, "field", "'quantity' followed by its unit", "field weight quantity kg");
                return (ValueType.Error, null, 2);
            default:
                var written = args[1].AsName ?? "";
                Report(DiagnosticDescriptors.UnknownValue, args[1].Span, written, "field type", Suggestions.DidYouMeanLater(written, DataTypes), Suggestions.ListLater(DataTypes));
                return (ValueType.Error, null, 2);
        }
    }

    /// <summary>A unit written as a type argument, without white space: <c>kg</c>, <c>mg/d</c>, <c>%</c>, <c>10^9/L</c>.</summary>
    private static string? UnitText(BindingContext context, ExpressionSyntax e)
    {
        // A name is its token's text; a unit of several tokens is the source's text as it is, white space included, since a
        // unit is written without (language.md 2.8): "mL/min/1.73 m2" is not a unit here, as it is not after a number, and
        // the suggestion is the spelling without the space.
        if (e is NameExpressionSyntax name) return name.Identifier.Text;
        if (e is not (BinaryExpressionSyntax or NumberExpressionSyntax)) return null;
        return context.Source.ToString(e.Span);
    }

    private static LimitModel? ReadLimit(BindingContext context, StatementSyntax? statement, ValueType type, string? unitSymbol, string dataType)
    {
        if (statement is null) return null;
        var keyword = statement.Keyword.Text;
        // The example is given for every limit, reported or not: one of two constants rather than a string made each time.
        var a = new StatementArguments(context, statement, "an inclusive range low..high, in the field's unit", keyword == "hard" ? "hard 20..300 kg" : "soft 20..300 kg");
        if (!a.Expect(1, 1)) return null;
        if (type.Kind is not TypeKind.Number and not TypeKind.Quantity)
        {
            context.Report(DiagnosticDescriptors.WrongType, statement.Keyword.Span, "a number or quantity field for limits", type, "");
            return null;
        }
        var range = ConstantFolding.Range(a.At(0));
        if (range is null) { a.Fail(a.At(0)!.Span); return null; }
        var (lower, upper, unit) = range.Value;
        if (type.Kind == TypeKind.Quantity)
        {
            var fieldUnit = UnitCatalog.Get(unitSymbol!);
            if (unit is null)
            {
                unit = fieldUnit;
            }
            else if (!unit.IsCompatibleWith(fieldUnit))
            {
                context.Report(DiagnosticDescriptors.UnitNotAllowedHere, a.At(0)!.Span, keyword, $"quantity of {fieldUnit.Dimension}", unit.Symbol, unit.Dimension, $"use a unit such as {fieldUnit.Symbol}");
                return null;
            }
            lower = unit.ConvertTo(lower, fieldUnit);
            upper = unit.ConvertTo(upper, fieldUnit);
            unit = fieldUnit;
        }
        else if (unit is not null)
        {
            context.Report(DiagnosticDescriptors.UnitNotAllowedHere, a.At(0)!.Span, keyword, "plain number", unit.Symbol, unit.Dimension, "write the bounds without a unit, or make the field a quantity");
            return null;
        }
        if (dataType == "integer" && (lower != System.Math.Floor(lower) || upper != System.Math.Floor(upper)))
        {
            a.Fail(a.At(0)!.Span);
            return null;
        }
        if (lower > upper)
        {
            context.Report(DiagnosticDescriptors.InvertedRange, a.At(0)!.Span, NumberText.Of(lower), NumberText.Of(upper));
            return null;
        }
        return new LimitModel(lower, upper, unit?.Symbol);
    }
}
