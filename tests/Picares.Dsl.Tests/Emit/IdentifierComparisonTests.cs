using System;
using System.Linq;
using Picares.Dsl.Compiler.Emit;
using Xunit;

namespace Picares.Dsl.Tests.Emit;

/// <summary>
/// <see cref="CSharp.SameIdentifier"/>, which the binder uses to find names that would collide in C# without making
/// the C# names, agrees with <see cref="CSharp.Identifier"/> on every pair.
/// </summary>
public class IdentifierComparisonTests
{
    // Underscores, both cases, digits, a letter whose upper case differs outside ASCII, and one with no upper case.
    private const string Alphabet = "aAbB_1éÉßx";

    [Fact]
    public void Two_names_are_the_same_exactly_when_they_become_the_same_identifier()
    {
        var random = new Random(20261124);
        string Name() => new string(Enumerable.Range(0, random.Next(0, 6)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
        int same = 0;
        for (int i = 0; i < 50_000; i++)
        {
            var (x, y) = (Name(), Name());
            bool expected = CSharp.Identifier(x) == CSharp.Identifier(y);
            Assert.True(expected == CSharp.SameIdentifier.Equals(x, y), $"'{x}' and '{y}'");
            if (expected)
            {
                same++;
                Assert.Equal(CSharp.SameIdentifier.GetHashCode(x), CSharp.SameIdentifier.GetHashCode(y));
            }
        }
        Assert.True(same > 500, "the sample should hold many colliding pairs, not only distinct ones");
    }

    [Theory]
    [InlineData("first_dose", "FirstDose", true)]
    [InlineData("first_dose", "firstDose", true)]
    [InlineData("a_b", "a__b", true)]
    [InlineData("ab", "a_b", false)]
    [InlineData("", "_", true)]
    [InlineData("x1", "x_1", true)]
    public void Examples(string x, string y, bool same) => Assert.Equal(same, CSharp.SameIdentifier.Equals(x, y));
}
