using System;
using System.Collections.Generic;

namespace Picares.Dsl.Compiler.Model;

/// <summary>The field and anchor references a bound expression reads: one walk for the binder, the checks and the emitter.</summary>
public static class BoundReferences
{
    /// <summary>
    /// Calls <paramref name="visit"/> with <paramref name="state"/> for each <see cref="BoundFieldReference"/> and
    /// <see cref="BoundAnchorReference"/> of <paramref name="expression"/>, in the order the expression reads them.
    /// </summary>
    public static void ForEach<TState>(BoundExpression expression, TState state, Action<TState, BoundExpression> visit)
    {
        switch (expression)
        {
            case BoundFieldReference or BoundAnchorReference: visit(state, expression); break;
            case BoundUnary u: ForEach(u.Operand, state, visit); break;
            case BoundBinary b: ForEach(b.Left, state, visit); ForEach(b.Right, state, visit); break;
            case BoundTemporal t: ForEach(t.Subject, state, visit); ForEach(t.Duration, state, visit); ForEach(t.Reference, state, visit); break;
            case BoundCall c: foreach (var argument in c.Arguments) ForEach(argument, state, visit); break;
            case BoundMembership m:
                ForEach(m.Subject, state, visit);
                foreach (var item in m.Items) ForEach(item, state, visit);
                if (m.Lower is not null) ForEach(m.Lower, state, visit);
                if (m.Upper is not null) ForEach(m.Upper, state, visit);
                break;
        }
    }

    /// <summary>The fields (Form.field) and anchors (@anchor) an expression reads, in the order it reads them.</summary>
    public static void CollectPaths(BoundExpression expression, ICollection<string> into) =>
        ForEach(expression, into, static (paths, reference) =>
            paths.Add(reference is BoundFieldReference f ? FieldPath.Of(f.Form, f.Field) : FieldPath.OfAnchor(((BoundAnchorReference)reference).Anchor)));
}
