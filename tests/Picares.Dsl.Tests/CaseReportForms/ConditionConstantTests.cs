using System.Collections;
using System.Linq;
using Picares.Dsl.Runtime.Crf;
using Picares.Dsl.Runtime.Units;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.CaseReportForms;

/// <summary>
/// A form's edit checks whose conditions compare with a quantity or a list of codes declare those constants in the form's
/// class (they were read but never declared, so such a protocol's generated code did not compile).
/// </summary>
public class ConditionConstantTests
{
    private const string Protocol =
        "study T { title \"t\"; day_one first_dose }\nanchor first_dose \"First dose\"\n" +
        "codelist Smoking { code never \"Never\"; code former \"Former\"; code current \"Current\" }\n" +
        "form Vitals { field weight quantity kg; field smoking code Smoking; field weight_note text { shown_when Vitals.weight > 100 kg }; " +
        "field pack_years integer { shown_when Vitals.smoking in [former, current] } }\n" +
        "visit Baseline { day -1 from first_dose; collect Vitals }\n" +
        "endpoint V exploratory \"v\" { kind summary; data Vitals.weight, Vitals.smoking, Vitals.weight_note, Vitals.pack_years }\n";

    [Fact]
    public void Conditions_on_quantities_and_code_lists_compile_and_decide()
    {
        using var generated = new GeneratedAssembly(Protocol);
        var vitals = generated.Type("TProtocol", "Crf+Vitals");
        var smoking = generated.Type("TProtocol", "Crf+Smoking");
        string[] Findings(double kg, string smoker)
        {
            var form = System.Activator.CreateInstance(vitals)!;
            vitals.GetProperty("Weight")!.SetValue(form, new Quantity(kg, "kg"));
            vitals.GetProperty("Smoking")!.SetValue(form, System.Enum.Parse(smoking, smoker, ignoreCase: true));
            var findings = (IEnumerable)vitals.GetMethod("Validate")!.Invoke(form, new object?[] { null, null })!;
            return findings.Cast<CrfFinding>().Select(f => f.Field).OrderBy(f => f, System.StringComparer.Ordinal).ToArray();
        }
        // The note is required above 100 kg, the pack-years for former and current smokers.
        Assert.Equal(new[] { "pack_years", "weight_note" }, Findings(120, "current"));
        Assert.Equal(new[] { "pack_years" }, Findings(80, "former"));
        Assert.Empty(Findings(100, "never"));
    }
}
