using System.Collections.Generic;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler.Syntax;

/// <summary>An expression: an argument of a statement, or part of a condition.</summary>
public abstract class ExpressionSyntax
{
    /// <summary>Where it stands.</summary>
    public abstract TextSpan Span { get; }

    /// <summary>The expressions directly inside this one, in source order (made when asked for, not kept in the tree).</summary>
    public virtual IReadOnlyList<ExpressionSyntax> Children => System.Array.Empty<ExpressionSyntax>();

    /// <summary>
    /// Nesting depth, bounded by the parser so that later recursive passes cannot overflow the stack. A leaf is 1 and
    /// keeps no depth of its own (most expressions are leaves); an expression with <see cref="Children"/> keeps it.
    /// </summary>
    public virtual int Depth => 1;

    /// <summary>The identifier text if this is a plain name, otherwise null.</summary>
    public string? AsName => this is NameExpressionSyntax n ? n.Identifier.Text : null;
}

/// <summary>An expression that directly holds <see cref="ExpressionSyntax.Children"/>, and so keeps its depth.</summary>
public abstract class CompositeExpressionSyntax : ExpressionSyntax
{
    private int _depth = 1;

    // Internal, so that only this assembly's syntax derives from it.
    internal CompositeExpressionSyntax()
    {
    }

    /// <inheritdoc />
    public override int Depth => _depth;

    /// <summary>Sets the depth, one more than the deepest of its children.</summary>
    private protected void SetDepthAbove(ExpressionSyntax child) => _depth = 1 + child.Depth;

    /// <inheritdoc cref="SetDepthAbove(ExpressionSyntax)"/>
    private protected void SetDepthAbove(ExpressionSyntax first, ExpressionSyntax second) => _depth = 1 + System.Math.Max(first.Depth, second.Depth);

    /// <inheritdoc cref="SetDepthAbove(ExpressionSyntax)"/>
    private protected void SetDepthAbove(ExpressionSyntax first, ExpressionSyntax second, ExpressionSyntax third) =>
        _depth = 1 + System.Math.Max(System.Math.Max(first.Depth, second.Depth), third.Depth);

    /// <inheritdoc cref="SetDepthAbove(ExpressionSyntax)"/>
    private protected void SetDepthAbove(SyntaxList<ExpressionSyntax> children)
    {
        int deepest = 0;
        for (int i = 0; i < children.Count; i++) deepest = System.Math.Max(deepest, children[i].Depth);
        _depth = 1 + deepest;
    }
}

/// <summary>A name: <c>first_dose</c>, <c>inclusion</c>, <c>Vitals</c>.</summary>
public sealed class NameExpressionSyntax : ExpressionSyntax
{
    internal NameExpressionSyntax(Token identifier) => Identifier = identifier;
    /// <summary>The identifier.</summary>
    public Token Identifier { get; }
    /// <inheritdoc />
    public override TextSpan Span => Identifier.Span;
}

/// <summary>A number, optionally with a unit: <c>40</c>, <c>40 kg</c>, <c>2.0 10^9/L</c>.</summary>
public sealed class NumberExpressionSyntax : ExpressionSyntax
{
    internal NumberExpressionSyntax(Token number, double value, string? unit, TextSpan unitSpan)
    {
        Number = number;
        Value = value;
        Unit = unit;
        UnitSpan = unitSpan;
    }

    /// <summary>The number token.</summary>
    public Token Number { get; }
    /// <summary>Its value.</summary>
    public double Value { get; }
    /// <summary>The unit as written (a catalogue spelling), or null.</summary>
    public string? Unit { get; }
    /// <summary>Where the unit stands.</summary>
    public TextSpan UnitSpan { get; }
    /// <inheritdoc />
    public override TextSpan Span => Unit is null ? Number.Span : Number.Span.Cover(UnitSpan);
}

/// <summary>A "string".</summary>
public sealed class StringExpressionSyntax : ExpressionSyntax
{
    internal StringExpressionSyntax(Token token) => Token = token;
    /// <summary>The string token.</summary>
    public Token Token { get; }
    /// <summary>The content, escapes resolved.</summary>
    public string Value => Token.Value ?? "";
    /// <inheritdoc />
    public override TextSpan Span => Token.Span;
}

/// <summary><c>-x</c>, <c>+x</c>, <c>not x</c>.</summary>
public sealed class UnaryExpressionSyntax : CompositeExpressionSyntax
{
    internal UnaryExpressionSyntax(Token op, ExpressionSyntax operand)
    {
        Operator = op;
        Operand = operand;
        SetDepthAbove(operand);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ExpressionSyntax> Children => new[] { Operand };

    /// <summary>The operator token.</summary>
    public Token Operator { get; }
    /// <summary>The operand.</summary>
    public ExpressionSyntax Operand { get; }
    /// <inheritdoc />
    public override TextSpan Span => Operator.Span.Cover(Operand.Span);
}

/// <summary><c>a op b</c> for arithmetic, comparison, <c>and</c>, <c>or</c>, <c>in</c>.</summary>
public sealed class BinaryExpressionSyntax : CompositeExpressionSyntax
{
    internal BinaryExpressionSyntax(ExpressionSyntax left, Token op, ExpressionSyntax right)
    {
        Left = left;
        Operator = op;
        Right = right;
        SetDepthAbove(left, right);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ExpressionSyntax> Children => new[] { Left, Right };

    /// <summary>Left operand.</summary>
    public ExpressionSyntax Left { get; }
    /// <summary>The operator token (a symbol, or the words and, or, in, not in).</summary>
    public Token Operator { get; }
    /// <summary>Right operand.</summary>
    public ExpressionSyntax Right { get; }
    /// <summary>True for <c>not in</c>.</summary>
    public bool IsNegated { get; internal set; }
    /// <inheritdoc />
    public override TextSpan Span => Left.Span.Cover(Right.Span);
}

/// <summary><c>low..high</c>; a unit written on one bound applies to both.</summary>
public sealed class RangeExpressionSyntax : CompositeExpressionSyntax
{
    internal RangeExpressionSyntax(ExpressionSyntax lower, Token dotDot, ExpressionSyntax upper)
    {
        Lower = lower;
        DotDot = dotDot;
        Upper = upper;
        SetDepthAbove(lower, upper);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ExpressionSyntax> Children => new[] { Lower, Upper };

    /// <summary>Lower bound (inclusive).</summary>
    public ExpressionSyntax Lower { get; }
    /// <summary>The '..'.</summary>
    public Token DotDot { get; }
    /// <summary>Upper bound (inclusive).</summary>
    public ExpressionSyntax Upper { get; }
    /// <inheritdoc />
    public override TextSpan Span => Lower.Span.Cover(Upper.Span);
}

/// <summary><c>Form.field</c>, <c>CodeList.CODE</c>.</summary>
public sealed class MemberAccessExpressionSyntax : CompositeExpressionSyntax
{
    internal MemberAccessExpressionSyntax(ExpressionSyntax target, Token dot, Token name)
    {
        Target = target;
        Dot = dot;
        Name = name;
        SetDepthAbove(target);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ExpressionSyntax> Children => new[] { Target };

    /// <summary>What is accessed.</summary>
    public ExpressionSyntax Target { get; }
    /// <summary>The '.'.</summary>
    public Token Dot { get; }
    /// <summary>The member's name (an identifier, or a number for numeric codes).</summary>
    public Token Name { get; }
    /// <inheritdoc />
    public override TextSpan Span => Target.Span.Cover(Name.Span);
}

/// <summary><c>max(28 days, 5 * Drug.half_life)</c>.</summary>
public sealed class CallExpressionSyntax : CompositeExpressionSyntax
{
    internal CallExpressionSyntax(Token name, SyntaxList<ExpressionSyntax> arguments, Token close)
    {
        Name = name;
        Arguments = arguments;
        Close = close;
        SetDepthAbove(arguments);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ExpressionSyntax> Children => Arguments.ToArray();

    /// <summary>The function name.</summary>
    public Token Name { get; }
    /// <summary>The arguments.</summary>
    public SyntaxList<ExpressionSyntax> Arguments { get; }
    /// <summary>The ')'.</summary>
    public Token Close { get; }
    /// <inheritdoc />
    public override TextSpan Span => Name.Span.Cover(Close.Span);
}

/// <summary><c>[CR, PR]</c>.</summary>
public sealed class ListExpressionSyntax : CompositeExpressionSyntax
{
    internal ListExpressionSyntax(Token open, SyntaxList<ExpressionSyntax> items, Token close)
    {
        Open = open;
        Items = items;
        Close = close;
        SetDepthAbove(items);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ExpressionSyntax> Children => Items.ToArray();

    /// <summary>The '['.</summary>
    public Token Open { get; }
    /// <summary>The items.</summary>
    public SyntaxList<ExpressionSyntax> Items { get; }
    /// <summary>The ']'.</summary>
    public Token Close { get; }
    /// <inheritdoc />
    public override TextSpan Span => Open.Span.Cover(Close.Span);
}

/// <summary><c>( expression )</c>.</summary>
public sealed class ParenthesizedExpressionSyntax : CompositeExpressionSyntax
{
    internal ParenthesizedExpressionSyntax(Token open, ExpressionSyntax inner, Token close)
    {
        Open = open;
        Inner = inner;
        Close = close;
        SetDepthAbove(inner);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ExpressionSyntax> Children => new[] { Inner };

    /// <summary>The '('.</summary>
    public Token Open { get; }
    /// <summary>The expression inside.</summary>
    public ExpressionSyntax Inner { get; }
    /// <summary>The ')'.</summary>
    public Token Close { get; }
    /// <inheritdoc />
    public override TextSpan Span => Open.Span.Cover(Close.Span);
}

/// <summary>
/// <c>subject qualifier duration direction reference</c>, the protocol's way of saying time with explicit
/// boundaries: <c>Chemo.last_end more_than 4 weeks before first_dose</c>.
/// </summary>
public sealed class TemporalExpressionSyntax : CompositeExpressionSyntax
{
    internal TemporalExpressionSyntax(ExpressionSyntax subject, Token qualifier, ExpressionSyntax duration, Token direction, ExpressionSyntax reference)
    {
        Subject = subject;
        Qualifier = qualifier;
        Duration = duration;
        Direction = direction;
        Reference = reference;
        SetDepthAbove(subject, duration, reference);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ExpressionSyntax> Children => new[] { Subject, Duration, Reference };

    /// <summary>The date that is compared.</summary>
    public ExpressionSyntax Subject { get; }
    /// <summary>at_least, more_than, at_most, less_than, within.</summary>
    public Token Qualifier { get; }
    /// <summary>The distance.</summary>
    public ExpressionSyntax Duration { get; }
    /// <summary>before or after.</summary>
    public Token Direction { get; }
    /// <summary>The date it is compared with.</summary>
    public ExpressionSyntax Reference { get; }
    /// <inheritdoc />
    public override TextSpan Span => Subject.Span.Cover(Reference.Span);
}

/// <summary>Stands for an expression that was expected but not written; already reported.</summary>
public sealed class MissingExpressionSyntax : ExpressionSyntax
{
    private readonly TextSpan _span;
    internal MissingExpressionSyntax(TextSpan span) => _span = span;
    /// <inheritdoc />
    public override TextSpan Span => _span;
}
