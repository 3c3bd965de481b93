using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Binding;

/// <summary>
/// A unit miswritten after a number (in the wrong case, with spaces inside, or one the catalogue leaves out) is one PIC2001
/// on the whole unit as written, saying what to write: not a shorter unit divided by an unknown name, nor a number
/// without a unit that its comparison reports again.
/// </summary>
public class UnitSpellingTests
{
    private const string Labs =
        "form Labs { field creatinine quantity mg/dL; field egfr quantity mL/min/1.73m2; field alt quantity U/L; field weight quantity kg; " +
        "field plt quantity 10*9/L { hard 0..2000 10*9/L } }\n" +
        "visit Screening \"Screening\" { day -14 from first_dose; collect Labs }\n" +
        "endpoint LabSummary exploratory \"Labs\" { kind summary; data Labs.creatinine, Labs.egfr, Labs.alt, Labs.weight, Labs.plt }\n";

    private static (string Id, string Text, string Message)[] Diagnose(string condition)
    {
        var (text, expected) = Markup.Parse(TestProtocols.With(Labs + "criterion E1 exclusion \"e\" { when " + condition + " }\n"));
        var found = ProtocolCompiler.Compile(text).Diagnostics.Where(d => d.Severity == Compiler.Diagnostics.Severity.Error).ToList();
        Assert.Equal(expected, found.Select(d => (d.Id, d.Span)).ToList());
        return found.Select(d => (d.Id, text.Substring(d.Span.Start, d.Span.Length), d.Message)).ToArray();
    }

    [Theory]
    [InlineData("Labs.creatinine > 1.5 {|PIC2001:mg/dl|}", "mg/dL")]
    [InlineData("Labs.egfr < 45 {|PIC2001:ml/min/1.73m2|}", "mL/min/1.73m2")]
    [InlineData("Labs.egfr < 45 {|PIC2001:mL/min/1.73M2|}", "mL/min/1.73m2")]
    [InlineData("Labs.alt > 3 {|PIC2001:u/l|}", "U/L")]
    [InlineData("Labs.weight < 40{|PIC2001:KG|}", "kg")]
    [InlineData("Labs.weight > 160 {|PIC2001:KG|} or Labs.weight < 40 kg", "kg")]   // spaced, before the rest of the condition
    public void A_unit_in_the_wrong_case_is_named_with_its_spelling(string condition, string meant)
    {
        var d = Assert.Single(Diagnose(condition));
        Assert.EndsWith($"did you mean '{meant}'?", d.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Labs.egfr < 45 {|PIC2001:mL/min/1.73 m2|}", "mL/min/1.73 m2", "mL/min/1.73m2")]
    [InlineData("Labs.creatinine > 1.5 {|PIC2001:mg / dL|}", "mg / dL", "mg/dL")]
    public void A_unit_written_with_spaces_is_told_to_lose_them(string condition, string written, string meant)
    {
        var d = Assert.Single(Diagnose(condition));
        Assert.StartsWith($"Unknown unit '{written}'", d.Message, System.StringComparison.Ordinal);
        Assert.EndsWith($"write it without spaces: '{meant}'", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Milli_and_mega_are_never_guessed_one_for_the_other()
    {
        // "ML" is not taken for mL: M is mega, a factor of 10^9 from milli. The unit is reported as written, whole, without a guess.
        var d = Assert.Single(Diagnose("Labs.egfr < 45{|PIC2001:ML/min/1.73m2|}"));
        Assert.Equal("Unknown unit 'ML/min/1.73m2': units are case-sensitive, such as kg, mg/m2, mL, days, weeks, months; " +
            "M is mega and m is milli, a factor of 10^9 apart: write the prefix meant, such as mL/min/1.73m2", d.Message);
        Assert.Null(Picares.Dsl.Compiler.Syntax.UnitSpellings.IgnoringCase("MG/DL"));
        Assert.Equal("mg/dL", Picares.Dsl.Compiler.Syntax.UnitSpellings.IgnoringCase("mg/DL"));
        // An m that starts a word, not a prefix before a unit, is corrected: minutes, moles, months.
        Assert.Equal("min", Picares.Dsl.Compiler.Syntax.UnitSpellings.IgnoringCase("MIN"));
        Assert.Equal("mol/L", Picares.Dsl.Compiler.Syntax.UnitSpellings.IgnoringCase("Mol/L"));
        Assert.Equal("months", Picares.Dsl.Compiler.Syntax.UnitSpellings.IgnoringCase("Months"));
    }

    [Theory]
    [InlineData("Labs.creatinine > 53 {|PIC2001:mmol/mol|}", "does not convert to NGSP percent by a factor")]
    [InlineData("Labs.creatinine > 140 {|PIC2001:mEq/L|}", "for monovalent ions (sodium, potassium, chloride, bicarbonate) write mmol/L")]
    public void Each_unit_left_out_says_why(string condition, string says) =>
        Assert.Contains(says, Assert.Single(Diagnose(condition)).Message, System.StringComparison.Ordinal);

    [Fact]
    public void A_unit_left_out_on_purpose_says_what_to_write_instead()
    {
        var d = Assert.Single(Diagnose("Labs.creatinine > 53 {|PIC2001:mmol/mol|}"));
        Assert.Contains("does not convert to NGSP percent by a factor", d.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_glued_to_a_number_that_is_no_unit_is_reported_once()
    {
        // Not also PIC2006 ("this number needs a unit") for the comparison with a weight.
        var d = Assert.Single(Diagnose("Labs.weight < 40{|PIC2001:kgs|}"));
        Assert.EndsWith("did you mean 'kg'?", d.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Labs.creatinine > 1.5 mg/dL")]
    [InlineData("Labs.creatinine > 1.5 mg/dL / 2")]   // a unit, then a division by a number
    [InlineData("Labs.egfr < 45 mL/min/1.73m2")]
    [InlineData("Labs.alt > 120 IU/L or Labs.alt > 3 mU/mL")]
    [InlineData("Labs.weight < 40 kg and Labs.weight > 30 kg")]
    [InlineData("Labs.plt < 50 10*9/L or Labs.plt < 50 10^9/L or Labs.plt < 50000 /uL")] // the catalogue's other spelling, with '*'
    [InlineData("Labs.weight * 2 > 80 kg and Labs.weight > 2*20 kg")]               // '*' is still a product
    public void Units_written_as_the_catalogue_spells_them_are_read(string condition) => Assert.Empty(Diagnose(condition));

    [Theory]
    [InlineData("form Labs { field anc quantity {|PIC2001:10^9/l|} }", "did you mean '10^9/L'?")]
    [InlineData("form Labs { field anc quantity {|PIC2001:10^9/l|} { hard 0..100 10^9/L } }", "did you mean '10^9/L'?")] // read as the unit meant: no more errors
    [InlineData("form Labs { field temperature quantity {|PIC2001:C|} }", "the language has no temperature unit")]
    public void A_field_unit_is_told_what_to_write(string form, string says)
    {
        var (text, expected) = Markup.Parse(TestProtocols.With(form + "\nvisit Screening \"Screening\" { day -14 from first_dose; collect Labs }\n"));
        var d = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics, x => x.Severity == Compiler.Diagnostics.Severity.Error);
        Assert.Equal(expected.Single(), (d.Id, d.Span));
        Assert.Contains(says, d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_times_sign_before_a_unit_is_told_to_go() =>
        Assert.EndsWith("'x' is not a unit: before a unit, leave it out (50 10^9/L for \"50 x 10^9/L\"); to multiply by a value, write '*' (2.5 * Labs.alt_uln for \"2.5 x ULN\")",
            Assert.Single(Diagnose("Labs.plt < 50 {|PIC2001:x|} 10^9/L")).Message, System.StringComparison.Ordinal);

    [Fact]
    public void A_field_unit_written_with_spaces_is_reported_with_the_spelling_meant()
    {
        var (text, expected) = Markup.Parse(TestProtocols.With("form Labs { field egfr quantity {|PIC2001:mL/min/1.73 m2|} }\n" +
            "visit Screening \"Screening\" { day -14 from first_dose; collect Labs }\n"));
        var d = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics, x => x.Severity == Compiler.Diagnostics.Severity.Error);
        Assert.Equal(expected.Single(), (d.Id, d.Span));
        Assert.EndsWith("write it without spaces: 'mL/min/1.73m2'", d.Message, System.StringComparison.Ordinal);
        // Four spaces are past the reach of a suggestion by edit distance, not of this one.
        var (wide, at) = Markup.Parse(TestProtocols.With("form Labs { field egfr quantity {|PIC2001:mL / min / 1.73 m2|} }\nvisit Screening \"Screening\" { day -14 from first_dose; collect Labs }\n"));
        var w = Assert.Single(ProtocolCompiler.Compile(wide).Diagnostics, x => x.Severity == Compiler.Diagnostics.Severity.Error);
        Assert.Equal(at.Single(), (w.Id, w.Span));
        Assert.EndsWith("write it without spaces: 'mL/min/1.73m2'", w.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_dose_in_international_units_is_a_dose()
    {
        var text = TestProtocols.With("intervention Heparin \"Heparin\" { type drug; dose 80 IU/kg; route iv; every 1 days }\n");
        var result = ProtocolCompiler.Compile(text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Compiler.Diagnostics.Severity.Error);
        Assert.Equal("IU/kg", result.Model!.Interventions.Single().Regimens.Single().Dose!.Unit);
    }
}
