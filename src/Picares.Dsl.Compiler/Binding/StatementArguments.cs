using System.Collections.Generic;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Compiler.Binding;

/// <summary>
/// Reads a statement's arguments by position against its documented shape. Every mismatch is reported
/// with the shape and an example, at the argument that does not fit (or the statement when one is missing).
/// A value over the statement, so that reading a statement's arguments costs no object of its own.
/// </summary>
internal readonly struct StatementArguments
{
    private readonly BindingContext _context;
    private readonly StatementSyntax _statement;
    private readonly string _shape;
    private readonly string _example;

    public StatementArguments(BindingContext context, StatementSyntax statement, string shape, string example, bool allowsBlock = false)
    {
        _context = context;
        _statement = statement;
        _shape = shape;
        _example = example;
        if (!allowsBlock && statement.Body is not null)
            context.Report(DiagnosticDescriptors.UnexpectedBlock, statement.Body.Open.Span, statement.Keyword.Text);
    }

    /// <summary>
    /// True when an argument holds a syntax error, which is already reported: shape errors are then not piled on it.
    /// Asked only when something does not fit, so that a statement that fits is not searched; the context keeps the answer,
    /// since a statement with thousands of arguments may fail its shape at each of them.
    /// </summary>
    private bool HasSyntaxError => _context.HasSyntaxError(_statement);

    /// <summary>The binding context the arguments are read in.</summary>
    public BindingContext Context => _context;

    /// <summary>Whether an argument of <paramref name="statement"/> holds a syntax error: a search of all its arguments.</summary>
    internal static bool SearchSyntaxErrors(StatementSyntax statement)
    {
        var arguments = statement.Arguments;
        for (int i = 0; i < arguments.Count; i++)
            if (ContainsMissing(arguments[i])) return true;
        return false;
    }

    private static bool ContainsMissing(ExpressionSyntax e) => e switch
    {
        MissingExpressionSyntax => true,
        UnaryExpressionSyntax u => ContainsMissing(u.Operand),
        BinaryExpressionSyntax b => ContainsMissing(b.Left) || ContainsMissing(b.Right),
        RangeExpressionSyntax r => ContainsMissing(r.Lower) || ContainsMissing(r.Upper),
        ParenthesizedExpressionSyntax p => ContainsMissing(p.Inner),
        _ => false,
    };

    public SyntaxList<ExpressionSyntax> All => _statement.Arguments;
    public int Count => _statement.Arguments.Count;

    /// <summary>Reports when the count of arguments is outside [min, max].</summary>
    public bool Expect(int min, int max)
    {
        if (Count < min)
        {
            Fail(_statement.HeaderSpan);
            return false;
        }
        if (Count > max)
        {
            var extra = _statement.Arguments[max];
            // "40 kgs": a name after a number reads as a misspelt unit; "C" or "x" as no unit at all, which PIC2001 says why.
            // So does one that starts the rest of a condition: "> 160 mmhg or Vitals.dbp > 100 mmHg".
            var written = Leftmost(extra) is NameExpressionSyntax name && max > 0 && _statement.Arguments[max - 1].Span.End <= extra.Span.Start &&
                EndsWithNumber(_statement.Arguments[max - 1]) ? name : null;
            if (written is not null && UnitSuggestions.IsExplained(written.Identifier.Text))
                _context.Report(DiagnosticDescriptors.UnknownUnit, written.Span, written.Identifier.Text, UnitSuggestions.For(written.Identifier.Text));
            else if (written is not null && Suggestions.Closest(written.Identifier.Text, UnitCatalog.Spellings) is { } unit)
                _context.Report(DiagnosticDescriptors.UnknownUnit, written.Span, written.Identifier.Text, $"; did you mean '{unit}'?");
            else
                Fail(Picares.Dsl.Compiler.Text.TextSpan.FromBounds(extra.Span.Start, _statement.Arguments[Count - 1].Span.End));
            return false;
        }
        return true;
    }

    public ExpressionSyntax? At(int index) => index < Count ? _statement.Arguments[index] : null;

    public string? Name(int index)
    {
        if (At(index) is NameExpressionSyntax n) return n.Identifier.Text;
        Fail(At(index)?.Span ?? _statement.HeaderSpan);
        return null;
    }

    public string? OptionalText(int index)
    {
        var e = At(index);
        if (e is null) return null;
        if (e is StringExpressionSyntax s) return s.Value;
        Fail(e.Span);
        return null;
    }

    public string? Text(int index)
    {
        if (At(index) is StringExpressionSyntax s) return s.Value;
        Fail(At(index)?.Span ?? _statement.HeaderSpan);
        return null;
    }

    /// <summary>A name from a fixed set of choices.</summary>
    public string? Choice(int index, string what, string[] options)
    {
        var e = At(index);
        string? word = e switch
        {
            NameExpressionSyntax n => n.Identifier.Text,
            NumberExpressionSyntax { Unit: null } num => num.Number.Text,
            _ => null,
        };
        if (e is null || word is null)
        {
            Fail(e?.Span ?? _statement.HeaderSpan);
            return null;
        }
        if (System.Array.IndexOf(options, word) >= 0) return word;
        _context.Report(DiagnosticDescriptors.UnknownValue, e.Span, word, what, Suggestions.DidYouMeanLater(word, options), Suggestions.ListLater(options));
        return null;
    }

    /// <summary>A whole number without unit within [min, max], which the statement's shape states; else reported and null.</summary>
    public int? Integer(int index, int min, int max) => Integer(At(index), min, max);

    /// <summary>As <see cref="Integer(int, int, int)"/>, for a number inside an argument (a bound of <c>1..14</c>).</summary>
    public int? Integer(ExpressionSyntax? e, int min, int max)
    {
        var value = ConstantFolding.SignedNumber(e, out var unit);
        if (value is null || unit is not null || value != System.Math.Floor(value.Value) || !AllowedRanges.Within(value.Value, min, max))
        {
            Fail(e?.Span ?? _statement.HeaderSpan);
            return null;
        }
        return (int)value.Value;
    }

    /// <summary>
    /// A fixed duration in whole days (<c>21 days</c>, <c>3 weeks</c>), from 1 (0 when <paramref name="allowZero"/>) to
    /// <see cref="AllowedRanges.MaxDays"/>: a bare number is PIC2006, a calendar duration or another dimension PIC2011, anything
    /// else that does not fit the statement's shape; then null.
    /// </summary>
    /// <param name="what">The statement, as the messages name it.</param>
    public int? Days(int index, string what, bool allowZero = false)
    {
        if (At(index) is { } e) return Days(e, what, allowZero);
        FailStatement();
        return null;
    }

    /// <summary>As <see cref="Days(int, string, bool)"/>, for a duration inside an argument (the offset of <c>at end_of_treatment + 30 days</c>).</summary>
    public int? Days(ExpressionSyntax e, string what, bool allowZero = false)
    {
        var value = ConstantFolding.SignedNumber(e, out var unitName);
        if (value is null) { Fail(e.Span); return null; }
        if (unitName is null)
        {
            _context.Report(DiagnosticDescriptors.MissingUnit, e.Span, "a duration", value, "days");
            return null;
        }
        var unit = UnitCatalog.Get(unitName);
        if (unit.Dimension != Dimension.Time)
        {
            _context.Report(DiagnosticDescriptors.UnitNotAllowedHere, e.Span, what, "fixed duration", unit.Symbol, unit.Dimension, "use days or weeks");
            return null;
        }
        var days = unit.ConvertTo(value.Value, UnitCatalog.Days);
        if (days != System.Math.Floor(days) || !AllowedRanges.Within(days, allowZero ? 0 : 1, AllowedRanges.MaxDays)) { Fail(e.Span); return null; }
        return (int)days;
    }

    /// <summary>Names separated by commas or 'or': <c>progression or death</c>, <c>Vitals, Labs</c>.</summary>
    public List<(string Name, ExpressionSyntax Syntax)> Names(int from)
    {
        var result = new List<(string, ExpressionSyntax)>();
        for (int i = from; i < Count; i++) Flatten(_statement.Arguments[i], result);
        return result;
    }

    private void Flatten(ExpressionSyntax e, List<(string, ExpressionSyntax)> into)
    {
        switch (e)
        {
            case NameExpressionSyntax n:
                into.Add((n.Identifier.Text, n));
                break;
            case BinaryExpressionSyntax b when b.Operator.IsWord(Keywords.Or):
                Flatten(b.Left, into);
                Flatten(b.Right, into);
                break;
            case MissingExpressionSyntax:
                break;
            default:
                Fail(e.Span);
                break;
        }
    }

    /// <summary>Reports the statement's shape at its keyword and arguments.</summary>
    public void FailStatement() => Fail(_statement.HeaderSpan);

    public void Fail(Picares.Dsl.Compiler.Text.TextSpan span) => Fail(span, _shape, _example);

    /// <summary>As <see cref="Fail(Picares.Dsl.Compiler.Text.TextSpan)"/>, with what this argument takes and an example of its own.</summary>
    public void Fail(Picares.Dsl.Compiler.Text.TextSpan span, string shape, string example)
    {
        if (HasSyntaxError) return;
        _context.Report(DiagnosticDescriptors.BadArguments, span, _statement.Keyword.Text, shape, example);
    }

    /// <summary>The operand an expression starts with: <c>mmhg</c> of <c>mmhg or Vitals.dbp > 100 mmHg</c>.</summary>
    private static ExpressionSyntax Leftmost(ExpressionSyntax e) => e switch
    {
        BinaryExpressionSyntax b => Leftmost(b.Left),
        RangeExpressionSyntax r => Leftmost(r.Lower),
        _ => e,
    };

    private static bool EndsWithNumber(ExpressionSyntax e) => e switch
    {
        NumberExpressionSyntax { Unit: null } => true,
        BinaryExpressionSyntax b => EndsWithNumber(b.Right),
        RangeExpressionSyntax r => EndsWithNumber(r.Upper),
        UnaryExpressionSyntax u => EndsWithNumber(u.Operand),
        _ => false,
    };
}
