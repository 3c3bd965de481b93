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
        "form Vitals { field weight quantity kg; field smoking code Smoking; field weight_note text required { shown_when Vitals.weight > 100 kg }; " +
        "field pack_years integer required { shown_when Vitals.smoking in [former, current] } }\n" +
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

    [Fact]
    public void A_conditional_field_that_is_not_required_may_stay_empty_when_shown_but_not_be_filled_when_hidden()
    {
        // A half-life "if known": asked only after another investigational drug, and optional even then.
        using var generated = new GeneratedAssembly(
            "study T { title \"t\"; day_one first_dose }\nanchor first_dose \"First dose\"\n" +
            "form Prior { field other_drug boolean required; field half_life quantity h \"Half-life, if known\" { shown_when Prior.other_drug } }\n" +
            "visit Baseline { day -1 from first_dose; collect Prior }\n" +
            "endpoint V exploratory \"v\" { kind summary; data Prior.other_drug, Prior.half_life }\n");
        var prior = generated.Type("TProtocol", "Crf+Prior");
        string[] Findings(bool otherDrug, double? hours)
        {
            var form = System.Activator.CreateInstance(prior)!;
            prior.GetProperty("OtherDrug")!.SetValue(form, otherDrug);
            prior.GetProperty("HalfLife")!.SetValue(form, hours is { } h ? new Quantity(h, "h") : null);
            var findings = (IEnumerable)prior.GetMethod("Validate")!.Invoke(form, new object?[] { null, null })!;
            return findings.Cast<CrfFinding>().Select(f => f.Rule + ": " + f.Message).ToArray();
        }
        Assert.Empty(Findings(true, null));  // shown and unknown: fine, since it is not required
        Assert.Empty(Findings(true, 36));
        Assert.Equal(new[] { "shown_when: Prior.half_life must be empty unless Prior.other_drug" }, Findings(false, 36));
    }
}
