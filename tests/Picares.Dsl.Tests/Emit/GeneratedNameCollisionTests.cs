using System.Linq;
using Microsoft.CodeAnalysis;
using Picares.Dsl.Testing;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Emit;

/// <summary>
/// A protocol that checks clean generates C# that compiles (Binding/CSharpNames). A code list also makes a helper class
/// named after it with "Codes" appended, in the same Crf class as the forms' classes and the code lists' enums: a form
/// or code list named so is reported (PIC1017), whichever comes first. A code list named like one of the Crf class's
/// own members gets an enum with a suffix instead, as forms do.
/// </summary>
public class GeneratedNameCollisionTests
{
    private const string Prelude = "study T { title \"t\"; day_one first_dose }\nanchor first_dose \"First dose\"\n";
    private const string CodeList = "codelist Response \"r\" { code a \"A\" }\n";
    private const string Form = "form ResponseCodes \"f\" { field x code Response }\n";
    private const string Rest = "visit Screening { day -7; collect ResponseCodes }\ncriterion I1 inclusion \"x\" { when ResponseCodes.x == a }\n";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_form_named_like_a_code_lists_helper_class_is_reported(bool codeListFirst)
    {
        var text = Prelude + (codeListFirst ? CodeList + Form : Form + CodeList) + Rest;
        var (_, _, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/codes.protocol", text));
        var collision = Assert.Single(diagnostics, d => d.Id == "PIC1017");
        // Reported on the second of the two names: the form's name, or the code list's.
        var second = codeListFirst ? "form ResponseCodes" : "codelist Response";
        Assert.Equal(text.IndexOf(second, System.StringComparison.Ordinal) + second.IndexOf(' ') + 1, collision.Location.SourceSpan.Start);
        Assert.Contains("ResponseCodes, the helper class of code list Response", collision.GetMessage());
    }

    /// <summary>A code list's enum is a member of the Crf class: named like the class or its own members, it gets a suffix.</summary>
    [Theory]
    [InlineData("CaseBook")]
    [InlineData("Subject")]
    [InlineData("Json")]
    [InlineData("Crf")]
    [InlineData("Validate")]
    public void A_code_list_named_like_a_member_of_the_Crf_class_generates_code_that_compiles(string name)
    {
        var text = Prelude + $"codelist {name} \"r\" {{ code a \"A\" }}\nform F \"f\" {{ field x code {name} }}\n" +
            "visit Screening { day -7; collect F }\ncriterion I1 inclusion \"x\" { when F.x == a }\n";
        var (_, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/codes.protocol", text));
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    /// <summary>
    /// A code list whose enum has a suffix has a helper named after the enum (<c>Subject_Codes</c>), so a form named
    /// <c>SubjectCodes</c> beside it collides with nothing and is not reported.
    /// </summary>
    [Theory]
    [InlineData("Subject")]
    [InlineData("Set")]
    [InlineData("CodeOf")]
    public void A_form_named_like_the_helper_a_suffixed_code_list_does_not_have_is_not_reported(string name)
    {
        var form = name + "Codes";
        var text = Prelude + $"codelist {name} \"r\" {{ code a \"A\" }}\nform {form} \"f\" {{ field x code {name} }}\n" +
            $"visit Screening {{ day -7; collect {form} }}\ncriterion I1 inclusion \"x\" {{ when {form}.x == a }}\n";
        var (_, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/codes.protocol", text));
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Renaming_the_form_makes_the_file_generate_code_that_compiles()
    {
        var text = Prelude + CodeList + Form.Replace("ResponseCodes", "Responses") + Rest.Replace("ResponseCodes", "Responses");
        var (_, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/codes.protocol", text));
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
