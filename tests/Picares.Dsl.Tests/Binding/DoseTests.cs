using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Runtime.Model;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Binding;

/// <summary>
/// A regimen's <c>dose</c> (docs/language.md §3.4): a daily dose (<c>mg/d</c>, <c>mg/kg/d</c>, <c>mg/m2/d</c>), and a cap on
/// a dose per body weight, body surface or AUC (<c>dose 3 mg/kg max 240 mg</c>) in the absolute amount it comes to.
/// </summary>
public class DoseTests
{
    private static CompilationResult Compile(string dose) =>
        ProtocolCompiler.Compile(TestProtocols.With($"intervention D \"d\" {{ {dose}; route oral; every 1 day }}\n"));

    [Theory]
    [InlineData("dose 400 mg/d", 400, "mg/d", null, null)]
    [InlineData("dose 20 mg/kg/day", 20, "mg/kg/d", null, null)]
    [InlineData("dose 75 mg/m2/d", 75, "mg/m2/d", null, null)]
    [InlineData("dose 3 mg/kg max 240 mg", 3, "mg/kg", 240d, "mg")]
    [InlineData("dose 1.5 mg/m2 max 2 mg", 1.5, "mg/m2", 2d, "mg")]
    [InlineData("dose AUC 5 max 750 mg", 5, "AUC", 750d, "mg")]
    [InlineData("dose 10 mg/kg/d max 400 mg/d", 10, "mg/kg/d", 400d, "mg/d")]
    [InlineData("dose 50 IU/kg max 4000 IU", 50, "IU/kg", 4000d, "IU")]
    [InlineData("dose 3 mg/kg max (240 mg)", 3, "mg/kg", 240d, "mg")]                 // "max (240 mg)" reads as a call of max
    [InlineData("dose 5 mcg/kg/day", 5, "ug/kg/d", null, null)]
    [InlineData("dose 50 IU/kg/d max 4000 IU/d", 50, "IU/kg/d", 4000d, "IU/d")]
    public void A_dose_keeps_its_unit_and_its_cap(string dose, double value, string unit, double? cap, string? capUnit)
    {
        var result = Compile(dose);
        Assert.True(result.Model is not null, string.Join("\n", result.Diagnostics));
        var expected = new DoseModel(value, unit, cap is null ? null : new DoseModel(cap.Value, capUnit!));
        Assert.Equal(expected, result.Model!.Interventions[0].Regimens[0].Dose);
    }

    [Theory]
    [InlineData("dose 240 mg {|PIC1003:max|}")]                       // nothing after max
    [InlineData("dose 240 mg max {|PIC1003:240 mg|}")]                // an absolute dose has no cap
    [InlineData("dose 3 mg/kg max {|PIC2011:240 mg/kg|}")]            // a cap is an absolute amount
    [InlineData("dose 10 mg/kg/d max {|PIC2011:400 mg|}")]            // a daily dose's cap is per day
    [InlineData("dose 3 mg/kg max {|PIC2006:240|}")]
    [InlineData("dose {|PIC1003:3 mg/kg max -5 mg|}")]              // read as "max - 5 mg": one report at the whole
    [InlineData("dose 3 mg/kg max 240 mg {|PIC1003:extra|}")]
    [InlineData("dose {|PIC1003:3 mg/kg 240 mg|}")]
    [InlineData("dose {|PIC2011:5 mL/min|}")]                            // a rate per minute is an infusion rate, not a dose
    [InlineData("dose {|PIC2011:60 mL/min/1.73m2|} max 100 mL/min")]    // a clearance, however capped
    public void A_cap_that_cannot_be_is_reported_at_it(string dose)
    {
        var (text, expected) = Markup.Parse(TestProtocols.With($"intervention D \"d\" {{ {dose} }}\n"));
        var result = ProtocolCompiler.Compile(text);
        Assert.Equal(expected, result.Diagnostics.Select(d => (d.Id, d.Span)).ToList());
    }

    [Fact]
    public void A_cap_on_an_absolute_dose_says_what_max_is_for()
    {
        var message = Assert.Single(Compile("dose 240 mg max 240 mg").Diagnostics).Message;
        Assert.Contains("'max' caps a dose per body weight, body surface or AUC", message, System.StringComparison.Ordinal);
        Assert.Contains("such as mg/d", Assert.Single(Compile("dose 10 mg/kg/d max 400 mg").Diagnostics).Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_model_states_the_cap_and_whether_the_dose_is_a_days()
    {
        using var generated = new GeneratedAssembly(TestProtocols.With(
            "intervention Nivo \"Nivolumab\" { dose 3 mg/kg max 240 mg; route iv; every 14 days }\n" +
            "intervention Ima \"Imatinib\" { dose 400 mg/d; route oral; every 1 day }\n"));
        var interventions = generated.Type("TProtocol", "Interventions");
        var nivo = ((InterventionInfo)interventions.GetProperty("Nivo")!.GetValue(null)!).Regimens.Single();
        Assert.Equal(240, nivo.MaximumDose!.Value.Value);
        Assert.Equal("mg", nivo.MaximumDose.Value.Unit.Symbol);
        Assert.False(nivo.IsDailyDose);
        var imatinib = ((InterventionInfo)interventions.GetProperty("Ima")!.GetValue(null)!).Regimens.Single();
        Assert.True(imatinib.IsDailyDose);
        Assert.Null(imatinib.MaximumDose);
    }
}
