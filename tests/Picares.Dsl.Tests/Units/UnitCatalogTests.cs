using System.Linq;
using Picares.Dsl.Runtime.Units;
using Xunit;

namespace Picares.Dsl.Tests.Units;

/// <summary>The catalogue's laboratory units convert as clinical laboratories report them, and only within their kind.</summary>
public class UnitCatalogTests
{
    [Theory]
    [InlineData(1, "U/L", 1, "IU/L")]          // an enzyme unit is an international unit of enzyme activity
    [InlineData(1, "U/L", 1, "mU/mL")]
    [InlineData(1000, "mU/L", 1, "U/L")]
    [InlineData(1, "kU/L", 1, "U/mL")]
    [InlineData(1, "pg/mL", 1, "ng/L")]
    [InlineData(1000, "pg/mL", 1, "ng/mL")]
    [InlineData(100, "ng/dL", 1, "ng/mL")]
    [InlineData(1, "ug/mL", 1, "mg/L")]
    [InlineData(10, "ug/dL", 100, "ug/L")]
    [InlineData(1000, "pmol/L", 1, "nmol/L")]
    [InlineData(1000, "nmol/L", 1, "umol/L")]
    [InlineData(1000, "ms", 1, "s")]
    [InlineData(30, "mg/g", 3, "%")]           // a ratio of masses is dimensionless
    [InlineData(1000, "pg", 1, "ng")]
    [InlineData(1000, "IU", 1, "kU")]
    public void Laboratory_units_convert_within_their_kind(double value, string unit, double expected, string target)
    {
        Assert.Equal(expected, UnitCatalog.Get(unit).ConvertTo(value, UnitCatalog.Get(target)), 9);
        // As generated screening compares them: equal within the eligibility's tolerance, boundaries included.
        Assert.Equal(0, Picares.Dsl.Runtime.Eligibility.Evaluate.Compare(new Quantity(value, UnitCatalog.Get(unit)), new Quantity(expected, UnitCatalog.Get(target))));
    }

    [Theory]
    [InlineData("U/L", "mmol/L")]   // activity is not an amount of substance
    [InlineData("U", "mg")]
    [InlineData("U/kg", "mg/kg")]
    [InlineData("mg/mmol", "mg/g")] // per amount is not per mass
    [InlineData("ms", "mo")]
    public void Units_of_different_kinds_never_convert(string a, string b)
    {
        Assert.NotEqual(UnitCatalog.Get(a).Dimension, UnitCatalog.Get(b).Dimension);
        Assert.Throws<UnitMismatchException>(() => UnitCatalog.Get(a).ConvertTo(1, UnitCatalog.Get(b)));
    }

    [Fact]
    public void Activity_is_a_dimension_of_its_own()
    {
        Assert.Equal("activity/length^3", UnitCatalog.Get("U/L").Dimension.ToString());
        Assert.Equal(Dimension.Activity / (Dimension.Length * Dimension.Length * Dimension.Length), UnitCatalog.Get("mIU/mL").Dimension);
    }

    [Theory]
    [InlineData("mmol/mol")] // HbA1c in IFCC units: no factor converts it to NGSP %
    [InlineData("mEq/L")]    // an equivalent depends on the ion's charge
    public void Units_without_a_safe_conversion_are_left_out(string spelling) => Assert.False(UnitCatalog.TryFind(spelling, out _));
}

/// <summary>The language reference's table of units (docs/language.md, section 6) and the catalogue say the same.</summary>
public class UnitTableTests
{
    [Fact]
    public void The_reference_lists_every_spelling_and_only_those()
    {
        var doc = System.IO.File.ReadAllText(System.IO.Path.Combine(Picares.Dsl.Tests.Infrastructure.Repository.Root, "docs", "language.md")).Replace("\r\n", "\n");
        int start = doc.IndexOf("\n## 6. Units", System.StringComparison.Ordinal), end = doc.IndexOf("\n## 7.", start, System.StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/language.md has no section 6. Units before 7.");
        var listed = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        foreach (var row in doc.Substring(start, end - start).Split('\n'))
        {
            var cells = row.Split('|');
            if (cells.Length < 5 || !cells[3].Contains('`')) continue;
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(cells[3], "`([^`]+)`")) listed.Add(m.Groups[1].Value);
        }
        Assert.Equal(UnitCatalog.Spellings.OrderBy(x => x, System.StringComparer.Ordinal), listed.OrderBy(x => x, System.StringComparer.Ordinal));
    }
}
