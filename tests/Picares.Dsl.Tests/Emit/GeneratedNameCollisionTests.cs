using System.Linq;
using Microsoft.CodeAnalysis;
using Picares.Dsl.Testing;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Emit;

/// <summary>
/// A protocol that checks clean generates C# that compiles (Binding/CSharpNames). A code list also makes a helper class
/// named after it with "Codes" appended, in the same Crf class as the forms' classes and the code lists' enums: a form
/// or code list named so is reported (PIC1017), whichever comes first, and the rest of the file still generates.
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

    [Fact]
    public void Renaming_the_form_makes_the_file_generate_code_that_compiles()
    {
        var text = Prelude + CodeList + Form.Replace("ResponseCodes", "Responses") + Rest.Replace("ResponseCodes", "Responses");
        var (_, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/codes.protocol", text));
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
