using System;
using System.Linq;
using Picares.Dsl.Runtime.Eligibility;
using Picares.Dsl.Runtime.Units;
using Picares.Protocols;
using Xunit;
using Crf = Picares.Protocols.PicaresProtocol.Crf;
using Screening = Picares.Protocols.PicaresProtocol.Screening;

namespace Picares.Dsl.Tests.Eligibility;

/// <summary>
/// The screening input and dates read from a subject's CRF data (<c>Screening.InputFrom</c>, <c>Screening.DatesFrom</c>), so
/// that an EDC back end screens the data it holds without mapping every field and code by hand.
/// </summary>
public class ScreeningFromCrfTests
{
    // The eligible candidate's values written into a case book, form by form and field by field, through the CRF's own types:
    // the same names on both sides, a code as its enum member.
    private static Crf.CaseBook CaseBookOf(Screening.Input input)
    {
        var book = new Crf.CaseBook();
        foreach (var formProperty in typeof(Screening.Input).GetProperties().Where(p => p.PropertyType.Name.EndsWith("Input", StringComparison.Ordinal)))
        {
            var bookProperty = typeof(Crf.CaseBook).GetProperty(formProperty.Name)!;
            if (bookProperty.PropertyType.IsGenericType) continue; // a repeating form: a list of records
            var form = Activator.CreateInstance(bookProperty.PropertyType)!;
            bookProperty.SetValue(book, form);
            var values = formProperty.GetValue(input)!;
            foreach (var field in formProperty.PropertyType.GetProperties())
            {
                var target = bookProperty.PropertyType.GetProperty(field.Name)!;
                var value = field.GetValue(values);
                var type = Nullable.GetUnderlyingType(target.PropertyType) ?? target.PropertyType;
                target.SetValue(form, value is string code && type.IsEnum ? ParseCode(type, code) : value);
            }
        }
        return book;
    }

    // A code as its enum member, through the code list's generated helper (Crf.SexCodes.TryParse).
    private static object ParseCode(Type enumType, string code)
    {
        var helper = typeof(Crf).GetNestedType(enumType.Name + "Codes")!;
        var arguments = new object?[] { code, null };
        Assert.True((bool)helper.GetMethod("TryParse")!.Invoke(null, arguments)!, code);
        return arguments[1]!;
    }

    [Fact]
    public void An_eligible_candidates_case_book_screens_eligible_with_every_field_read()
    {
        var eligible = Candidates.Eligible();
        var input = Screening.InputFrom(CaseBookOf(eligible));
        // Attestations are not CRF data: until they are given the verdict waits for them, and for nothing else.
        var subject = new Crf.Subject();
        subject.Anchors.FirstDose = Candidates.FirstDose;
        subject.Anchors.Consent = Candidates.Consent;
        subject.Anchors.Enrollment = Candidates.Enrollment;
        var waiting = Screening.Evaluate(input, Screening.DatesFrom(subject));
        Assert.Equal(Verdict.Pending, waiting.Verdict);
        Assert.Equal(new[] { "attestation of E11", "attestation of E12", "attestation of I12", "attestation of I4", "attestation of I5" },
            waiting.Missing.OrderBy(m => m, StringComparer.Ordinal));
        foreach (var id in new[] { "I4", "I5", "I12", "E11", "E12" })
            input.Attestations.Set(id, (bool?)typeof(Screening.CriterionAttestations).GetProperty(id)!.GetValue(eligible.Attestations));
        foreach (var formProperty in typeof(Screening.Input).GetProperties().Where(p => p.PropertyType.Name.EndsWith("Input", StringComparison.Ordinal)))
            foreach (var field in formProperty.PropertyType.GetProperties())
                Assert.Equal(field.GetValue(formProperty.GetValue(eligible)), field.GetValue(formProperty.GetValue(input)));
        Assert.Equal(Verdict.Eligible, Screening.Evaluate(input, Screening.DatesFrom(subject)).Verdict);
    }

    [Fact]
    public void What_the_case_book_lacks_stays_missing_and_the_verdict_pending()
    {
        var book = new Crf.CaseBook { Demographics = new Crf.Demographics { BirthDate = new DateTime(1960, 5, 1), Sex = Crf.Sex.Female } };
        var input = Screening.InputFrom(book);
        Assert.Equal(("female", new DateTime(1960, 5, 1)), (input.Demographics.Sex, input.Demographics.BirthDate));
        Assert.Null(input.Vitals.Weight);
        var result = Screening.Evaluate(input, Candidates.Dates());
        Assert.Equal(Verdict.Pending, result.Verdict);
        Assert.Contains("Vitals.weight", result.Missing);
        Assert.DoesNotContain("Demographics.sex", result.Missing);
    }

    [Fact]
    public void A_value_outside_its_hard_limits_is_refused_naming_the_field()
    {
        var book = new Crf.CaseBook { Vitals = new Crf.Vitals { Weight = new Quantity(500, "kg") }, Demographics = new Crf.Demographics { Sex = Crf.Sex.Male } };
        Assert.Equal("Vitals.weight", Assert.Throws<InvalidInputException>(() => Screening.InputFrom(book)).Field);
        // Collected instead, the refused value is left missing and the rest is read.
        var refused = new System.Collections.Generic.List<InvalidInputException>();
        var input = Screening.InputFrom(book, refused);
        Assert.Equal("Vitals.weight", Assert.Single(refused).Field);
        Assert.Null(input.Vitals.Weight);
        Assert.Equal("male", input.Demographics.Sex);
    }
}
