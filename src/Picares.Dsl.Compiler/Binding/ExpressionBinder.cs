using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Runtime.Units;
using ValueType = Picares.Dsl.Compiler.Model.ValueType;

namespace Picares.Dsl.Compiler.Binding;

/// <summary>
/// Resolves names and checks types in conditions. Units are types: quantities compare only within one
/// dimension, calendar durations never mix with fixed ones, a bare number never compares with a quantity,
/// and dates move only by durations. Errors bind to <see cref="BoundError"/>, which silences follow-on errors.
/// A value over the binding context, so that binding a condition costs no binder object.
/// </summary>
internal readonly struct ExpressionBinder
{
    private static readonly string[] Functions = { "max", "min" };
    private readonly BindingContext _context;

    public ExpressionBinder(BindingContext context) => _context = context;

    /// <summary>
    /// The field whose <c>shown_when</c> is bound, if one is: such a condition reads one value per record of its form, so it
    /// may not read a field of another form that repeats (which of its records?) nor the field itself (never asked).
    /// </summary>
    public (string Form, string Field)? ShownWhenOf { get; init; }

    /// <summary>Binds a condition and requires it to be yes/no.</summary>
    public BoundExpression BindCondition(ExpressionSyntax syntax)
    {
        var bound = Bind(syntax);
        if (bound.Type.Kind is not TypeKind.Boolean and not TypeKind.Error)
        {
            _context.Report(DiagnosticDescriptors.WrongType, syntax.Span, "a yes/no condition", bound.Type,
                bound.Type.Kind == TypeKind.Code ? "; compare it, such as Form.field == CODE" : "; compare it with something, such as >= 40 kg");
            return new BoundError(bound.Line, bound.Column);
        }
        return bound;
    }

    public BoundExpression Bind(ExpressionSyntax syntax, string? codeListHint = null)
    {
        int line = _context.LineOf(syntax.Span), column = _context.ColumnOf(syntax.Span);
        switch (syntax)
        {
            case NumberExpressionSyntax { Unit: null } code when codeListHint is not null &&
                                                               _context.Symbols.CodeLists.TryGetValue(codeListHint, out var numbered) && numbered.Contains(code.Number.Text):
                return new BoundCode(codeListHint, code.Number.Text, line, column);
            case NumberExpressionSyntax n:
                return n.Unit is null
                    ? new BoundNumber(n.Value, null, ValueType.Number, line, column)
                    : new BoundNumber(n.Value, UnitCatalog.Get(n.Unit).Symbol, ValueType.QuantityOf(UnitCatalog.Get(n.Unit).Dimension), line, column);
            case StringExpressionSyntax s:
                return new BoundText(s.Value, line, column);
            case NameExpressionSyntax name:
                return BindName(name, codeListHint, line, column);
            case MemberAccessExpressionSyntax member:
                return BindMember(member, line, column);
            case ParenthesizedExpressionSyntax p:
                return Bind(p.Inner, codeListHint);
            case UnaryExpressionSyntax u:
                return BindUnary(u, line, column);
            case BinaryExpressionSyntax b:
                return BindBinary(b, line, column);
            case TemporalExpressionSyntax t:
                return BindTemporal(t, line, column);
            case CallExpressionSyntax call:
                return BindCall(call, line, column);
            case RangeExpressionSyntax or ListExpressionSyntax:
                _context.Report(DiagnosticDescriptors.WrongType, syntax.Span, "a single value", syntax is RangeExpressionSyntax ? "a range" : "a list",
                    "; use it after 'in', such as Form.field in 18..75");
                return new BoundError(line, column);
            default:
                return new BoundError(line, column);
        }
    }

    private BoundExpression BindName(NameExpressionSyntax name, string? codeListHint, int line, int column)
    {
        var text = name.Identifier.Text;
        if (text == Keywords.True) return new BoundBoolean(true, line, column);
        if (text == Keywords.False) return new BoundBoolean(false, line, column);
        if (codeListHint is not null && _context.Symbols.CodeLists.TryGetValue(codeListHint, out var hinted) && hinted.Contains(text))
            return new BoundCode(codeListHint, text, line, column);
        var symbol = _context.Symbols.Lookup(text);
        if (symbol is { Kind: SymbolKind.Anchor }) return new BoundAnchorReference(text, line, column);
        if (codeListHint is not null && _context.Symbols.CodeLists.TryGetValue(codeListHint, out var list))
        {
            _context.Report(DiagnosticDescriptors.UnknownCode, name.Span, text, codeListHint, Suggestions.DidYouMeanLater(text, list.Codes), Suggestions.FirstListedLater(list.Codes));
            return new BoundError(line, column);
        }
        if (symbol is { Kind: SymbolKind.Form })
        {
            _context.Report(DiagnosticDescriptors.WrongType, name.Span, "a value", $"the form {text}", "; name one of its fields, such as " + text + "." + FirstField(text));
            return new BoundError(line, column);
        }
        if (symbol is { } other)
        {
            // A declaration a condition cannot read: say what it is, and what to write instead.
            var instead = other.Kind switch
            {
                SymbolKind.Visit => "; a condition has no date for a visit: compare with an anchor (such as first_dose, or one the visit is placed on) or with a date field of a form it collects",
                SymbolKind.Event => "; an event has no date in a condition: compare with a date field that records it, such as Form.progression_date, or with an anchor",
                _ => "; a condition reads form fields (Form.field), anchors (first_dose) and codes",
            };
            _context.Report(DiagnosticDescriptors.WrongType, name.Span, "a value", $"{ProtocolBinder.Article(other.Kind)} ({text})", instead);
            return new BoundError(line, column);
        }
        var candidates = _context.Symbols.NamesOf(SymbolKind.Anchor).Concat(_context.Symbols.NamesOf(SymbolKind.Form));
        _context.Report(DiagnosticDescriptors.UnknownName, name.Span, "name", text,
            Suggestions.DidYouMeanLater(text, candidates, "; a condition reads form fields (Form.field), anchors (first_dose) and codes"));
        return new BoundError(line, column);
    }

    private string FirstField(string form) =>
        _context.Symbols.Forms.TryGetValue(form, out var f) && f.Fields.Count > 0 ? f.Fields.Keys.First() : "field";

    // A shown_when reads a field of its own form or of a form that does not repeat, and not the field it shows.
    private bool ReadableWhenShown(MemberAccessExpressionSyntax member, (string Form, string Field) shown, string owner, FormSymbol form, string field)
    {
        if (owner == shown.Form && field == shown.Field)
            _context.Report(DiagnosticDescriptors.WrongType, member.Span, "another field", $"{owner}.{field} itself",
                "; a field shown only when it already has a value is never asked: make the condition read the field that decides whether it is asked");
        else if (owner != shown.Form && form.Repeating)
            _context.Report(DiagnosticDescriptors.WrongType, member.Span, "a field of this form or of a form that does not repeat", $"a field of {owner}, which repeats",
                $"; a form has one value of it per record, and the condition cannot tell which decides: ask it on {shown.Form} itself, or on a form that does not repeat");
        else return true;
        return false;
    }

    private BoundExpression BindMember(MemberAccessExpressionSyntax member, int line, int column)
    {
        if (member.Name.IsMissing) return new BoundError(line, column);
        if (member.Target is not NameExpressionSyntax target)
        {
            _context.Report(DiagnosticDescriptors.WrongType, member.Span, "Form.field or CodeList.CODE", "a longer path", "");
            return new BoundError(line, column);
        }
        var owner = target.Identifier.Text;
        var memberName = member.Name.Text;
        if (_context.Symbols.Forms.TryGetValue(owner, out var form))
        {
            if (form.Fields.TryGetValue(memberName, out var field))
                return ShownWhenOf is { } shown && !ReadableWhenShown(member, shown, owner, form, memberName)
                    ? new BoundError(line, column)
                    : new BoundFieldReference(owner, memberName, field.Type, line, column);
            return UnknownField(member, form, line, column);
        }
        if (_context.Symbols.CodeLists.TryGetValue(owner, out var list))
        {
            if (list.Contains(memberName)) return new BoundCode(owner, memberName, line, column);
            _context.Report(DiagnosticDescriptors.UnknownCode, member.Name.Span, memberName, owner, Suggestions.DidYouMeanLater(memberName, list.Codes), Suggestions.FirstListedLater(list.Codes));
            return new BoundError(line, column);
        }
        var candidates = _context.Symbols.Forms.Keys.Concat(_context.Symbols.CodeLists.Keys);
        _context.Report(DiagnosticDescriptors.UnknownName, target.Span, "form or code list", owner, Suggestions.DidYouMeanLater(owner, candidates));
        return new BoundError(line, column);
    }

    // Apart from BindMember, whose every call would otherwise allocate the closure this message's lambda captures: a
    // variable a lambda captures is allocated where its scope starts, and the form's starts with the method.
    private BoundError UnknownField(MemberAccessExpressionSyntax member, FormSymbol form, int line, int column)
    {
        var memberName = member.Name.Text;
        _context.Report(DiagnosticDescriptors.UnknownName, member.Name.Span, $"field of form {form.Name}", memberName,
            Suggestions.DidYouMeanLater(memberName, form.Fields.Keys, () => "; its fields are: " + Suggestions.FirstListed(form.Fields.Keys)));
        return new BoundError(line, column);
    }

    private BoundExpression BindUnary(UnaryExpressionSyntax u, int line, int column)
    {
        var operand = Bind(u.Operand);
        if (operand.Type.Kind == TypeKind.Error) return operand;
        if (u.Operator.IsWord(Keywords.Not))
        {
            if (operand.Type.Kind == TypeKind.Boolean) return new BoundUnary(BoundOperator.Not, operand, ValueType.Boolean, line, column);
            _context.Report(DiagnosticDescriptors.WrongType, u.Operand.Span, "a yes/no condition after 'not'", operand.Type, "; compare it first, such as not (Form.field >= 2)");
            return new BoundError(line, column);
        }
        if (operand.Type.Kind is TypeKind.Number or TypeKind.Quantity)
            return u.Operator.Kind == TokenKind.Plus ? operand : new BoundUnary(BoundOperator.Negate, operand, operand.Type, line, column);
        _context.Report(DiagnosticDescriptors.WrongType, u.Operand.Span, $"a number or quantity after '{u.Operator.Text}'", operand.Type, "");
        return new BoundError(line, column);
    }

    private BoundExpression BindBinary(BinaryExpressionSyntax b, int line, int column)
    {
        var op = b.Operator;
        if (op.IsWord(Keywords.And) || op.IsWord(Keywords.Or))
        {
            var l = BindCondition(b.Left);
            var r = BindCondition(b.Right);
            if (l.Type.Kind == TypeKind.Error || r.Type.Kind == TypeKind.Error) return new BoundError(line, column);
            return new BoundBinary(l, op.IsWord(Keywords.And) ? BoundOperator.And : BoundOperator.Or, r, ValueType.Boolean, line, column);
        }
        if (op.IsWord(Keywords.In) || b.IsNegated) return BindMembership(b, line, column);

        var left = Bind(b.Left);
        var right = Bind(b.Right, left.Type.CodeList);
        if (left is BoundError || right is BoundError || left.Type.Kind == TypeKind.Error || right.Type.Kind == TypeKind.Error)
            return new BoundError(line, column);

        switch (op.Kind)
        {
            case TokenKind.Plus:
            case TokenKind.Minus:
                return BindAdditive(b, op.Kind == TokenKind.Plus ? BoundOperator.Add : BoundOperator.Subtract, left, right, line, column);
            case TokenKind.Star:
                if (left.Type.Kind == TypeKind.Number && right.Type.Kind is TypeKind.Number or TypeKind.Quantity)
                    return new BoundBinary(left, BoundOperator.Multiply, right, right.Type, line, column);
                if (left.Type.Kind == TypeKind.Quantity && right.Type.Kind == TypeKind.Number)
                    return new BoundBinary(left, BoundOperator.Multiply, right, left.Type, line, column);
                return OperatorError(op, "*", left.Type, right.Type, line, column, "; multiply a quantity by a plain number");
            case TokenKind.Slash:
                if (right.Type.Kind == TypeKind.Number && left.Type.Kind is TypeKind.Number or TypeKind.Quantity)
                    return new BoundBinary(left, BoundOperator.Divide, right, left.Type, line, column);
                if (left.Type.Kind == TypeKind.Quantity && right.Type.Kind == TypeKind.Quantity && left.Type.Dimension == right.Type.Dimension)
                    return new BoundBinary(left, BoundOperator.Divide, right, ValueType.Number, line, column);
                return OperatorError(op, "/", left.Type, right.Type, line, column, "");
            default:
                var comparison = ComparisonOperator(op.Kind);
                if (CheckComparable(b, left, right, op.Text))
                {
                    if (comparison is not BoundOperator.Equal and not BoundOperator.NotEqual && left.Type.Kind is TypeKind.Boolean or TypeKind.Code or TypeKind.Text)
                        return OperatorError(op, op.Text, left.Type, right.Type, line, column, "; only == and != compare these");
                    return new BoundBinary(left, comparison, right, ValueType.Boolean, line, column);
                }
                return new BoundError(line, column);
        }
    }

    private BoundExpression BindAdditive(BinaryExpressionSyntax b, BoundOperator op, BoundExpression left, BoundExpression right, int line, int column)
    {
        var lt = left.Type;
        var rt = right.Type;
        // date ± duration → date; date − date → fixed duration
        if (lt.IsTemporal && rt.IsDuration) return new BoundBinary(left, op, right, lt, line, column);
        if (op == BoundOperator.Add && lt.IsDuration && rt.IsTemporal) return new BoundBinary(left, op, right, rt, line, column);
        if (op == BoundOperator.Subtract && lt.IsTemporal && rt.IsTemporal) return new BoundBinary(left, op, right, ValueType.QuantityOf(Dimension.Time), line, column);
        if (lt.IsTemporal && rt.Kind == TypeKind.Number)
        {
            _context.Report(DiagnosticDescriptors.MissingUnit, b.Right.Span, "a date", _context.TextOf(b.Right), "days");
            return new BoundError(line, column);
        }
        if (lt.Kind == TypeKind.Number && rt.Kind == TypeKind.Number) return new BoundBinary(left, op, right, lt, line, column);
        if (lt.Kind == TypeKind.Quantity && rt.Kind == TypeKind.Quantity)
        {
            if (CheckComparable(b, left, right, b.Operator.Text)) return new BoundBinary(left, op, right, lt, line, column);
            return new BoundError(line, column);
        }
        var hint = lt.IsDuration && rt.IsTemporal ? "; put the date first: date - duration"
            : lt.Kind == TypeKind.Number && rt.Kind == TypeKind.Quantity || lt.Kind == TypeKind.Quantity && rt.Kind == TypeKind.Number ? "; give both sides a unit"
            : "";
        return OperatorError(b.Operator, b.Operator.Text, lt, rt, line, column, hint);
    }

    private BoundExpression BindMembership(BinaryExpressionSyntax b, int line, int column)
    {
        var subject = Bind(b.Left);
        var items = new List<BoundExpression>();
        BoundExpression? lower = null, upper = null;
        bool ok = subject.Type.Kind != TypeKind.Error;
        switch (b.Right)
        {
            case ListExpressionSyntax list:
                foreach (var item in list.Items)
                {
                    var bound = Bind(item, subject.Type.CodeList);
                    ok &= bound.Type.Kind != TypeKind.Error && (subject.Type.Kind == TypeKind.Error || CheckComparable(item, subject, bound, "in"));
                    items.Add(bound);
                }
                break;
            case RangeExpressionSyntax range:
                lower = Bind(range.Lower);
                upper = Bind(range.Upper);
                // "18..75 years": the unit written on one bound applies to the other.
                lower = ShareUnit(lower, upper);
                upper = ShareUnit(upper, lower);
                ok &= lower.Type.Kind != TypeKind.Error && upper.Type.Kind != TypeKind.Error &&
                      CheckComparable(range.Lower, subject, lower, "in") && CheckComparable(range.Upper, subject, upper, "in");
                break;
            default:
                _context.Report(DiagnosticDescriptors.WrongType, b.Right.Span, "a list [a, b] or a range low..high after 'in'", "a single value", "");
                ok = false;
                break;
        }
        return ok ? new BoundMembership(subject, items.ToEquatableArray(), lower, upper, b.IsNegated, line, column) : new BoundError(line, column);
    }

    private static BoundExpression ShareUnit(BoundExpression bound, BoundExpression other) =>
        bound is BoundNumber { Unit: null } n && other is BoundNumber { Unit: not null } o
            ? new BoundNumber(n.Value, o.Unit, o.Type, n.Line, n.Column)
            : bound is BoundUnary { Operator: BoundOperator.Negate, Operand: BoundNumber { Unit: null } inner } u && other is BoundNumber { Unit: not null } o2
                ? new BoundUnary(BoundOperator.Negate, new BoundNumber(inner.Value, o2.Unit, o2.Type, inner.Line, inner.Column), o2.Type, u.Line, u.Column)
                : bound;

    private BoundExpression BindTemporal(TemporalExpressionSyntax t, int line, int column)
    {
        var subject = Bind(t.Subject);
        var duration = Bind(t.Duration);
        var reference = Bind(t.Reference);
        bool ok = IsDateSide(t, subject, t.Subject) & IsDateSide(t, reference, t.Reference);
        if (duration.Type.Kind == TypeKind.Number)
        {
            _context.Report(DiagnosticDescriptors.MissingUnit, t.Duration.Span, "a duration", _context.TextOf(t.Duration), "weeks");
            ok = false;
        }
        else if (duration.Type.Kind != TypeKind.Error && !duration.Type.IsDuration)
        {
            _context.Report(DiagnosticDescriptors.WrongType, t.Duration.Span, "a duration such as 4 weeks or 2 years", duration.Type, "");
            ok = false;
        }
        ok &= duration.Type.Kind != TypeKind.Error && !t.Direction.IsMissing;
        if (!ok) return new BoundError(line, column);
        var qualifier = t.Qualifier.Text switch
        {
            Keywords.AtLeast => TemporalQualifier.AtLeast,
            Keywords.MoreThan => TemporalQualifier.MoreThan,
            Keywords.AtMost => TemporalQualifier.AtMost,
            Keywords.LessThan => TemporalQualifier.LessThan,
            _ => TemporalQualifier.Within,
        };
        return new BoundTemporal(subject, qualifier, duration, t.Direction.Text == Keywords.Before, reference, line, column);
    }

    /// <summary>Whether one side of a temporal comparison is a date; reports it when it is a value of another type.</summary>
    private bool IsDateSide(TemporalExpressionSyntax t, BoundExpression bound, ExpressionSyntax syntax)
    {
        if (bound.Type.Kind == TypeKind.Error) return false;
        if (bound.Type.IsTemporal) return true;
        _context.Report(DiagnosticDescriptors.WrongType, syntax.Span, $"a date on each side of '{t.Qualifier.Text} ... {t.Direction.Text}'", bound.Type, "");
        return false;
    }

    private BoundExpression BindCall(CallExpressionSyntax call, int line, int column)
    {
        var name = call.Name.Text;
        if (!Functions.Contains(name))
        {
            _context.Report(DiagnosticDescriptors.UnknownFunction, call.Name.Span, name, Suggestions.DidYouMeanLater(name, Functions), Suggestions.ListLater(Functions));
            return new BoundError(line, column);
        }
        if (call.Arguments.Count < 2)
        {
            _context.Report(DiagnosticDescriptors.WrongArity, call.Span, name, "2 or more", call.Arguments.Count);
            return new BoundError(line, column);
        }
        var args = new List<BoundExpression>(call.Arguments.Count);
        bool failed = false;
        foreach (var argument in call.Arguments)
        {
            var bound = Bind(argument);
            failed |= bound.Type.Kind == TypeKind.Error;
            args.Add(bound);
        }
        if (failed) return new BoundError(line, column);
        for (int i = 1; i < args.Count; i++)
            if (!CheckComparable(call.Arguments[i], args[0], args[i], name))
                return new BoundError(line, column);
        return new BoundCall(name, args.ToEquatableArray(), args[0].Type, line, column);
    }

    /// <summary>Checks that two values can be compared (or added); reports at <paramref name="at"/> when not.</summary>
    /// <param name="at">Where to report.</param>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <param name="op">The operator or function as written: ==, &lt;, +, in, max.</param>
    private bool CheckComparable(ExpressionSyntax at, BoundExpression left, BoundExpression right, string op)
    {
        var lt = left.Type;
        var rt = right.Type;
        if (lt.Kind == TypeKind.Error || rt.Kind == TypeKind.Error) return false;
        var verb = op is "+" or "-" ? "add or subtract" : "compare";
        if (lt.Kind == TypeKind.Quantity && rt.Kind == TypeKind.Quantity)
        {
            if (lt.Dimension == rt.Dimension) return true;
            if (lt.IsDuration && rt.IsDuration)
            {
                var cal = lt.Dimension == Dimension.Calendar ? left : right;
                var fix = lt.Dimension == Dimension.Calendar ? right : left;
                _context.Report(DiagnosticDescriptors.CalendarVersusFixed, at.Span, verb, Describe(cal), Describe(fix));
                return false;
            }
            _context.Report(DiagnosticDescriptors.IncompatibleDimensions, at.Span, verb, Describe(left), Describe(right));
            return false;
        }
        if ((lt.Kind == TypeKind.Quantity && rt.Kind == TypeKind.Number) || (lt.Kind == TypeKind.Number && rt.Kind == TypeKind.Quantity))
        {
            var quantity = lt.Kind == TypeKind.Quantity ? left : right;
            var number = lt.Kind == TypeKind.Number ? left : right;
            var unit = ExampleUnit(quantity);
            if (number is BoundFieldReference field)
                // A field declared as a plain number, compared with a quantity: the field lacks its unit, not the constant.
                _context.Report(DiagnosticDescriptors.WrongType, at.Span, $"{quantity.Type} to {verb} with {Describe(quantity)}", $"{field.Form}.{field.Field}, a number without a unit",
                    $"; declare the field with its unit: 'field {field.Field} quantity {unit}'");
            else
                _context.Report(DiagnosticDescriptors.MissingUnit, at.Span, quantity.Type, number is BoundNumber bn ? NumberText.Of(bn.Value) : "the number", unit);
            return false;
        }
        if (lt.IsTemporal && rt.IsTemporal) return true;
        if (lt.Kind == rt.Kind && lt.CodeList == rt.CodeList) return true;
        _context.Report(DiagnosticDescriptors.BadOperands, at.Span, op, lt, rt, "");
        return false;
    }

    private static string Describe(BoundExpression e) => e switch
    {
        BoundNumber { Unit: not null } n => $"{NumberText.Of(n.Value)} {n.Unit}",
        BoundFieldReference f => $"{f.Form}.{f.Field} ({f.Type})",
        _ => e.Type.ToString(),
    };

    private string ExampleUnit(BoundExpression quantity)
    {
        if (quantity is BoundNumber { Unit: not null } n) return n.Unit;
        if (quantity is BoundFieldReference f && _context.Symbols.Forms.TryGetValue(f.Form, out var form) &&
            form.Fields.TryGetValue(f.Field, out var field) && field.Unit is not null)
            return field.Unit;
        var unit = UnitCatalog.All.FirstOrDefault(u => u.Dimension == quantity.Type.Dimension);
        return unit?.Symbol ?? "unit";
    }


    private static BoundOperator ComparisonOperator(TokenKind kind) => kind switch
    {
        TokenKind.EqualsEquals => BoundOperator.Equal,
        TokenKind.BangEquals => BoundOperator.NotEqual,
        TokenKind.Less => BoundOperator.Less,
        TokenKind.LessEquals => BoundOperator.LessOrEqual,
        TokenKind.Greater => BoundOperator.Greater,
        _ => BoundOperator.GreaterOrEqual,
    };

    private BoundExpression OperatorError(Token op, string text, ValueType left, ValueType? right, int line, int column, string hint = "")
    {
        _context.Report(DiagnosticDescriptors.BadOperands, op.Span, text, left, right?.ToString() ?? "nothing", hint);
        return new BoundError(line, column);
    }
}
