using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Diagnostics;

/// <summary>
/// Mistakes a new author made in a first protocol (a trial of the language by someone who had only its reference): each is one
/// diagnostic at the mistake, whose message says what to write, and nothing reported after it.
/// </summary>
public class AuthorMistakeTests
{
    private const string Forms =
        "form F { field t1d boolean; field dt date; field x integer }\n" +
        "visit Screening \"Screening\" { day -14 from first_dose; collect F }\n" +
        "endpoint E exploratory \"e\" { kind summary; data F.t1d, F.dt, F.x }\n";

    private static string Only(string body, string id)
    {
        var (text, expected) = Markup.Parse(TestProtocols.With(body));
        var found = ProtocolCompiler.Compile(text).Diagnostics.Where(d => d.Severity == Compiler.Diagnostics.Severity.Error).ToList();
        Assert.Equal(expected, found.Select(d => (d.Id, d.Span)).ToList());
        return Assert.Single(found, d => d.Id == id).Message;
    }

    [Theory]
    [InlineData("F.t1d {|PIC0001:=|} true", "Unexpected character '='; to compare, write '=='")]
    [InlineData("F.x {|PIC0001:=>|} 2", "Unexpected character '=>'; did you mean '>='?")]
    [InlineData("F.x {|PIC0001:=<|} 2", "Unexpected character '=<'; did you mean '<='?")]
    public void A_comparison_miswritten_is_read_as_meant(string condition, string message) =>
        Assert.Equal(message, Only(Forms + $"criterion E1 exclusion \"e\" {{ when {condition} }}\n", "PIC0001"));

    [Fact]
    public void A_lone_bang_says_how_to_negate() =>
        Assert.EndsWith("write 'not', and 'is not equal' as '!='", Only(Forms + "criterion E1 exclusion \"e\" { when {|PIC0001:!|}F.t1d }\n", "PIC0001"), System.StringComparison.Ordinal);

    [Fact]
    public void A_brace_on_the_next_line_opens_the_block_of_the_statement_before_it()
    {
        var message = Only(Forms + "visit Week4 \"Week 4\"\n{|PIC0005:{|}\n  day 29 from first_dose\n  collect F\n}\n", "PIC0005");
        Assert.Equal("Expected '{' at the end of the line of the 'visit' it opens but found it on a line of its own; move it up to that line", message);
    }

    [Theory]
    [InlineData("F.dt within 3 months before {|PIC2005:Screening|}", "this is a visit (Screening); a condition has no date for a visit")]
    [InlineData("F.dt within 3 months before {|PIC2005:progression|}", "this is an event (progression); an event has no date in a condition")]
    [InlineData("F.t1d and {|PIC2005:E|}", "this is an endpoint (E); a condition reads form fields")]
    public void A_declaration_a_condition_cannot_read_is_named_for_what_it_is(string condition, string says) =>
        Assert.Contains(says, Only(Forms + $"criterion E1 exclusion \"e\" {{ when {condition} }}\n", "PIC2005"), System.StringComparison.Ordinal);

    [Theory]
    [InlineData("0 mg")]
    [InlineData("-5 mg")]
    public void A_dose_of_nothing_says_it_must_be_positive(string dose) =>
        Assert.Contains("a positive amount with its unit (a placebo needs no 'dose': leave it out)",
            Only($"intervention Placebo \"Placebo\" {{ type drug; dose {{|PIC1003:{dose}|}} }}\n", "PIC1003"), System.StringComparison.Ordinal);

    [Fact]
    public void A_plain_number_field_compared_with_a_quantity_is_told_to_take_the_unit()
    {
        var message = Only("form L { field anc decimal }\nvisit V \"v\" { day -7 from first_dose; collect L }\n" +
            "criterion I1 inclusion \"ANC\" { when {|PIC2005:L.anc >= 1.5 10^9/L|} }\n", "PIC2005");
        Assert.Equal("Expected a quantity of 1/length^3 to compare with 1.5 10^9/L here, but this is L.anc, a number without a unit; declare the field with its unit: 'field anc quantity 10^9/L'", message);
    }

    [Fact]
    public void A_stratification_factor_is_a_category()
    {
        var (text, expected) = Markup.Parse(TestProtocols.WithStudy("allocation randomized; design parallel",
            "codelist Sex { code f \"F\"; code m \"M\" }\nform Labs { field sex code Sex; field smoker boolean; field ecog integer; field ratio decimal; field hba1c quantity %; field seen date }\n" +
            "visit Screening \"Screening\" { day -14 from first_dose; collect Labs }\nintervention D \"Drug\" { type drug; dose 1 mg }\n" +
            "arm A \"A\" { type experimental; receives D }\narm B \"B\" { type no_intervention }\n" +
            "randomization { stratify_by Labs.sex, Labs.smoker, Labs.ecog, {|PIC2005:Labs.ratio|}, {|PIC2005:Labs.hba1c|}, {|PIC2005:Labs.seen|} }\n"));
        var result = ProtocolCompiler.Compile(text);
        var errors = result.Diagnostics.Where(d => d.Severity == Compiler.Diagnostics.Severity.Error).ToList();
        Assert.Equal(expected, errors.Select(d => (d.Id, d.Span)).ToList());
        Assert.Contains("Expected a coded, yes/no or integer field (each stratum is a category) here, but this is a decimal number (Labs.ratio)", errors[0].Message, System.StringComparison.Ordinal);
        Assert.Contains("but this is a date (Labs.seen)", errors[2].Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Statements_that_mean_nothing_for_a_kind_of_visit_are_reported()
    {
        var body = "form G { field y integer }\nendpoint G1 exploratory \"g\" { kind summary; data G.y }\n" +
            "visit Once \"Once\" { day 8 from first_dose; {|PIC1002:until|} progression; {|PIC1002:max|} 3; {|PIC1002:anchoring|} actual; collect G }\n" +
            "visit Any \"Any\" { unscheduled; {|PIC1002:window|} -3..+3 days; collect G }\n";
        var (text, expected) = Markup.Parse(TestProtocols.With(body));
        var found = ProtocolCompiler.Compile(text).Diagnostics.Where(d => d.Severity == Compiler.Diagnostics.Severity.Error).ToList();
        Assert.Equal(expected, found.Select(d => (d.Id, d.Span)).ToList());
        Assert.EndsWith("it is for repeating visits ('every <duration>'): remove it, or make the visit repeat", found[0].Message, System.StringComparison.Ordinal);
        Assert.Contains("an unscheduled visit has none: remove it", found[3].Message, System.StringComparison.Ordinal);
        // The same statements on a repeating visit are its own.
        Assert.DoesNotContain(ProtocolCompiler.Compile(TestProtocols.With(body.Replace("day 8 from first_dose", "every 7 days from first_dose").Replace("{|PIC1002:", "").Replace("|}", "")))
            .Diagnostics, d => d.Id == "PIC1002" && d.Message.Contains("visit Once", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("masking {|PIC1003:double participant|}", "'double' masks 2, but 1 is named")]
    [InlineData("masking {|PIC1003:single participant investigator|}", "'single' masks 1, but 2 are named")]
    [InlineData("masking {|PIC1003:double participant participant|}", "'double' masks 2, but 1 is named")]
    [InlineData("masking {|PIC1003:none investigator|}", "'none' and no role masked")]
    [InlineData("masking {|PIC1008:dual|} participant investigator", "'dual' is not a valid masking")] // one error: the roles are not counted against an unknown level
    public void A_masking_level_counts_its_roles(string masking, string says)
    {
        var (text, expected) = Markup.Parse(TestProtocols.WithStudy(masking, ""));
        var d = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics, x => x.Severity == Compiler.Diagnostics.Severity.Error);
        Assert.Equal(expected.Single(), (d.Id, d.Span));
        Assert.Contains(says, d.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("masking double participant investigator")]
    [InlineData("masking double")] // the source may not name the roles
    [InlineData("masking quadruple participant care_provider investigator outcomes_assessor")]
    public void A_masking_level_with_its_roles_or_none_is_read(string masking) =>
        Assert.DoesNotContain(ProtocolCompiler.Compile(TestProtocols.WithStudy(masking, "")).Diagnostics, d => d.Severity == Compiler.Diagnostics.Severity.Error);

    [Fact]
    public void A_code_field_without_its_code_list_is_told_where_the_name_goes() =>
        Assert.Equal("'field' takes 'code' followed by the code list's name, then 'required'; write it as: field s code Sex required",
            Only("form G { field s code {|PIC1003:required|} \"Sex\" }\nvisit V \"v\" { day 1 from first_dose; collect G }\n", "PIC1003"));

    [Theory]
    [InlineData("form SAE { field narrative text { shown_when {|PIC2005:AE.serious|} } }", "but this is a field of AE, which repeats; a form has one value of it per record")]
    [InlineData("form SAE { field pregnant boolean { shown_when {|PIC2005:SAE.pregnant|} == true } }", "but this is SAE.pregnant itself; a field shown only when it already has a value is never asked")]
    public void A_shown_when_reads_one_value_that_decides(string form, string says) =>
        Assert.Contains(says, Only("form AE { repeating; field serious boolean required }\n" + form + "\nvisit V \"v\" { day 1 from first_dose; collect AE, SAE }\n", "PIC2005"), System.StringComparison.Ordinal);

    [Fact]
    public void A_shown_when_may_read_its_own_repeating_form_and_forms_that_do_not_repeat() =>
        Assert.DoesNotContain(ProtocolCompiler.Compile(TestProtocols.With(
            "form AE { repeating; field serious boolean required; field why text { shown_when AE.serious and Vitals.flag } }\nvisit V \"v\" { day 1 from first_dose; collect AE }\n")).Diagnostics,
            d => d.Severity == Compiler.Diagnostics.Severity.Error);

    [Theory]
    [InlineData("within 30 days")]
    [InlineData("at_least 4 weeks")]
    public void A_temporal_comparison_wrapped_onto_the_next_line_is_one_error_that_says_so(string qualifier)
    {
        var word = qualifier.Split(' ')[0];
        var message = Only(Forms + $"criterion E1 exclusion \"e\" {{\n  when F.t1d and F.dt\n    {{|PIC0005:{word}|}}{qualifier.Substring(word.Length)} before first_dose\n}}\n", "PIC0005");
        Assert.EndsWith($"a line break before '{word}', which ends the statement; join the two lines, or put the whole condition in ( )", message, System.StringComparison.Ordinal);
    }
}
