using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Compiler.Binding;

/// <summary>Reads literal numbers, signed numbers and quantities out of syntax, for statements that take constants.</summary>
internal static class ConstantFolding
{
    /// <summary>The value of <c>5</c>, <c>-3</c>, <c>+3 days</c>; null when not a signed literal.</summary>
    public static double? SignedNumber(ExpressionSyntax? e, out string? unit)
    {
        unit = null;
        switch (e)
        {
            case NumberExpressionSyntax n:
                unit = n.Unit;
                return n.Value;
            case UnaryExpressionSyntax u when u.Operator.Kind is TokenKind.Minus or TokenKind.Plus:
                var inner = SignedNumber(u.Operand, out unit);
                return inner is null ? null : u.Operator.Kind == TokenKind.Minus ? -inner : inner;
            case ParenthesizedExpressionSyntax p:
                return SignedNumber(p.Inner, out unit);
            default:
                return null;
        }
    }

    /// <summary>
    /// The bounds of <c>low..high unit</c> (a unit written on one bound applies to the other); null when
    /// not a range of signed literals or the units disagree in dimension.
    /// </summary>
    public static (double Lower, double Upper, Unit? Unit)? Range(ExpressionSyntax? e)
    {
        if (e is not RangeExpressionSyntax r) return null;
        var lower = SignedNumber(r.Lower, out var lowerUnit);
        var upper = SignedNumber(r.Upper, out var upperUnit);
        if (lower is null || upper is null) return null;
        Unit? unit = null;
        if (upperUnit is not null) unit = UnitCatalog.Get(upperUnit);
        if (lowerUnit is not null)
        {
            var lu = UnitCatalog.Get(lowerUnit);
            if (unit is null) unit = lu;
            else if (!lu.IsCompatibleWith(unit)) return null;
            else lower = lu.ConvertTo(lower.Value, unit);
        }
        return (lower.Value, upper.Value, unit);
    }
}
