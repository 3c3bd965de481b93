using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Runtime.Eligibility;
using Xunit;
using Screening = Picares.Protocols.NestedProtocol.Screening;

namespace Picares.Dsl.Tests.Eligibility;

/// <summary>
/// Eligibility/NestedConditions.protocol through its generated screening API: for every input (each field missing, false
/// or true; the number missing, below or at its bound), the outcome and the inputs listed as missing are those the rule
/// gives (docs/language.md §5.1): an unknown side of an <c>and</c> or <c>or</c> is followed when the other side leaves it
/// deciding (true for and, false for or) or is unknown too, and <c>not</c> is followed through.
/// </summary>
public class NestedConditionTests
{
    private abstract record Node;
    private sealed record Leaf(string Field, Func<Values, Truth> Test) : Node;
    private sealed record Not(Node Operand) : Node;
    private sealed record And(Node Left, Node Right) : Node;
    private sealed record Or(Node Left, Node Right) : Node;

    private sealed record Values(bool? A, bool? B, bool? C, bool? D, bool? E, int? N);

    private static Leaf Flag(string field, Func<Values, bool?> of) => new("Labs." + field, v => Kleene.Of(of(v)));

    // (a and b) or not (c or (d and n >= 3)) or (not e and a), as the protocol writes it ('or' groups from the left).
    private static readonly Node Condition = new Or(
        new Or(new And(Flag("a", v => v.A), Flag("b", v => v.B)),
               new Not(new Or(Flag("c", v => v.C), new And(Flag("d", v => v.D), new Leaf("Labs.n", v => v.N is { } n ? Kleene.Of(n >= 3) : Truth.Unknown))))),
        new And(new Not(Flag("e", v => v.E)), Flag("a", v => v.A)));

    private static Truth Evaluate(Node node, Values v) => node switch
    {
        Leaf l => l.Test(v),
        Not n => Kleene.Not(Evaluate(n.Operand, v)),
        And a => Kleene.And(Evaluate(a.Left, v), Evaluate(a.Right, v)),
        Or o => Kleene.Or(Evaluate(o.Left, v), Evaluate(o.Right, v)),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static void Missing(Node node, Values v, Func<string, bool> isMissing, List<string> missing)
    {
        switch (node)
        {
            case Leaf l:
                if (isMissing(l.Field) && !missing.Contains(l.Field)) missing.Add(l.Field);
                break;
            case Not n:
                Missing(n.Operand, v, isMissing, missing);
                break;
            case And or Or:
            {
                var (left, right, keeps) = node is And a ? (a.Left, a.Right, Truth.True) : (((Or)node).Left, ((Or)node).Right, Truth.False);
                Truth l = Evaluate(left, v), r = Evaluate(right, v);
                if (l == Truth.Unknown && (r == Truth.Unknown || r == keeps)) Missing(left, v, isMissing, missing);
                if (r == Truth.Unknown && (l == Truth.Unknown || l == keeps)) Missing(right, v, isMissing, missing);
                break;
            }
        }
    }

    private static IEnumerable<Values> EveryInput()
    {
        var flags = new bool?[] { null, false, true };
        foreach (var a in flags) foreach (var b in flags) foreach (var c in flags) foreach (var d in flags) foreach (var e in flags)
            foreach (var n in new int?[] { null, 1, 3 })
                yield return new Values(a, b, c, d, e, n);
    }

    [Fact]
    public void The_inputs_listed_as_missing_are_those_that_keep_the_outcome_unknown()
    {
        int unknown = 0;
        foreach (var values in EveryInput())
        {
            var input = new Screening.Input();
            (input.Labs.A, input.Labs.B, input.Labs.C, input.Labs.D, input.Labs.E, input.Labs.N) = (values.A, values.B, values.C, values.D, values.E, values.N);
            var criterion = Screening.Evaluate(input, new Screening.Dates()).Criteria.Single();

            var truth = Evaluate(Condition, values);
            Assert.True(criterion.Outcome == (truth switch { Truth.True => CriterionOutcome.Met, Truth.False => CriterionOutcome.NotMet, _ => CriterionOutcome.Unknown }),
                $"{values}: {criterion.Outcome}, expected {truth}");
            var expected = new List<string>();
            if (truth == Truth.Unknown)
            {
                unknown++;
                var given = new Dictionary<string, bool> { ["Labs.a"] = values.A is null, ["Labs.b"] = values.B is null, ["Labs.c"] = values.C is null,
                    ["Labs.d"] = values.D is null, ["Labs.e"] = values.E is null, ["Labs.n"] = values.N is null };
                Missing(Condition, values, field => given[field], expected);
            }
            Assert.True(expected.SequenceEqual(criterion.Missing), $"{values}: missing {string.Join(", ", criterion.Missing)}, expected {string.Join(", ", expected)}");
        }
        Assert.True(unknown > 100, $"{unknown} unknown outcomes"); // the rule is exercised, not only the known outcomes
    }
}
