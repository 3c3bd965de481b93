namespace Picares.Dsl.Compiler.Model;

/// <summary>
/// A type-checked expression. Bound expressions are records with value equality, so that models that
/// hold them cache in the generator; each keeps the one-based line and column it was written at.
/// </summary>
public abstract record BoundExpression(ValueType Type, int Line, int Column);

/// <summary>A number, with its unit when it has one.</summary>
public sealed record BoundNumber(double Value, string? Unit, ValueType Type, int Line, int Column) : BoundExpression(Type, Line, Column);

/// <summary>A text literal.</summary>
public sealed record BoundText(string Value, int Line, int Column) : BoundExpression(ValueType.Text, Line, Column);

/// <summary>true or false.</summary>
public sealed record BoundBoolean(bool Value, int Line, int Column) : BoundExpression(ValueType.Boolean, Line, Column);

/// <summary>A field of a form: what the criterion or endpoint reads.</summary>
public sealed record BoundFieldReference(string Form, string Field, ValueType Type, int Line, int Column) : BoundExpression(Type, Line, Column);

/// <summary>An anchor date (consent, first dose...).</summary>
public sealed record BoundAnchorReference(string Anchor, int Line, int Column) : BoundExpression(ValueType.Date, Line, Column);

/// <summary>A code of a code list.</summary>
public sealed record BoundCode(string CodeList, string Code, int Line, int Column) : BoundExpression(ValueType.CodeOf(CodeList), Line, Column);

/// <summary>The operators of bound expressions.</summary>
public enum BoundOperator
{
    /// <summary>Kleene and.</summary>
    And,
    /// <summary>Kleene or.</summary>
    Or,
    /// <summary>Kleene not.</summary>
    Not,
    /// <summary>Arithmetic negation.</summary>
    Negate,
    /// <summary>+</summary>
    Add,
    /// <summary>-</summary>
    Subtract,
    /// <summary>*</summary>
    Multiply,
    /// <summary>/</summary>
    Divide,
    /// <summary>==</summary>
    Equal,
    /// <summary>!=</summary>
    NotEqual,
    /// <summary>&lt;</summary>
    Less,
    /// <summary>&lt;=</summary>
    LessOrEqual,
    /// <summary>&gt;</summary>
    Greater,
    /// <summary>&gt;=</summary>
    GreaterOrEqual,
}

/// <summary>A unary operation.</summary>
public sealed record BoundUnary(BoundOperator Operator, BoundExpression Operand, ValueType Type, int Line, int Column) : BoundExpression(Type, Line, Column);

/// <summary>A binary operation: arithmetic, comparison or logic.</summary>
public sealed record BoundBinary(BoundExpression Left, BoundOperator Operator, BoundExpression Right, ValueType Type, int Line, int Column) : BoundExpression(Type, Line, Column);

/// <summary><c>subject in [a, b]</c> or <c>subject in low..high</c> (bounds inclusive).</summary>
public sealed record BoundMembership(BoundExpression Subject, EquatableArray<BoundExpression> Items, BoundExpression? Lower, BoundExpression? Upper, bool Negated, int Line, int Column)
    : BoundExpression(ValueType.Boolean, Line, Column);

/// <summary>How the distance of a temporal comparison is bounded.</summary>
public enum TemporalQualifier
{
    /// <summary>distance ≥ d</summary>
    AtLeast,
    /// <summary>distance &gt; d</summary>
    MoreThan,
    /// <summary>distance ≤ d</summary>
    AtMost,
    /// <summary>distance &lt; d</summary>
    LessThan,
    /// <summary>0 ≤ distance ≤ d</summary>
    Within,
}

/// <summary>
/// <c>subject qualifier duration before|after reference</c>. For <c>before</c>, the distance is
/// reference − subject; for <c>after</c>, subject − reference. Only <c>within</c> also requires the subject to be
/// on the named side (distance ≥ 0); see docs/language.md.
/// </summary>
public sealed record BoundTemporal(BoundExpression Subject, TemporalQualifier Qualifier, BoundExpression Duration, bool Before, BoundExpression Reference, int Line, int Column)
    : BoundExpression(ValueType.Boolean, Line, Column);

/// <summary>A built-in function call: max or min.</summary>
public sealed record BoundCall(string Function, EquatableArray<BoundExpression> Arguments, ValueType Type, int Line, int Column) : BoundExpression(Type, Line, Column);

/// <summary>Stands for an expression that failed to bind (already reported).</summary>
public sealed record BoundError(int Line, int Column) : BoundExpression(ValueType.Error, Line, Column);
