using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Runtime.Model;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Binding;

/// <summary>
/// How often a regimen is given (docs/language.md §3.4): days of a cycle as ranges, doses within a day
/// (<c>doses_per_day</c>), and the hint for a dose interval written in hours; the runtime's list of cycle days.
/// </summary>
public class RegimenFrequencyTests
{
    [Theory]
    [InlineData("every 12 hours", "every 1 day; doses_per_day 2")]
    [InlineData("every 8 h", "every 1 day; doses_per_day 3")]
    [InlineData("every 24 hours", null)]    // a whole day: every 1 day
    public void A_dose_interval_in_hours_points_to_doses_per_day(string every, string? hint)
    {
        var result = ProtocolCompiler.Compile(TestProtocols.With($"intervention D \"d\" {{ dose 5 mg; {every} }}\n"));
        if (hint is null)
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Picares.Dsl.Compiler.Diagnostics.Severity.Error);
            Assert.Equal(1, result.Model!.Interventions[0].Regimens[0].EveryDays);
            return;
        }
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("PIC1003", d.Id);
        Assert.Contains(hint, d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_inverted_range_of_cycle_days_is_reported_with_its_days()
    {
        var (text, expected) = Markup.Parse(TestProtocols.With("intervention D \"d\" { dose 5 mg; every 21 days; cycle_days 1, {|PIC2009:14..8|} }\n"));
        var result = ProtocolCompiler.Compile(text);
        Assert.Equal(expected, result.Diagnostics.Select(d => (d.Id, d.Span)).ToList());
    }

    [Fact]
    public void Cycle_days_read_as_a_list_of_days_in_the_order_written()
    {
        var days = DayRanges.Of(1, 5, 8, 8, 15, 19);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 8, 15, 16, 17, 18, 19 }, days);
        Assert.Equal(11, days.Count);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 8, 15, 16, 17, 18, 19 }, Enumerable.Range(0, days.Count).Select(i => days[i]));
        Assert.True(days.Contains(17));
        Assert.False(days.Contains(6));
        Assert.Equal("1..5, 8, 15..19", days.ToString());
        Assert.Empty(DayRanges.Empty);
        Assert.Throws<System.ArgumentOutOfRangeException>(() => days[11]);
        Assert.Throws<System.ArgumentException>(() => DayRanges.Of(5, 1));
    }

    [Fact]
    public void A_long_range_of_days_is_kept_as_one_range()
    {
        var days = DayRanges.Of(1, 36500);
        Assert.Equal(36500, days.Count);
        Assert.Equal(36500, days[36499]);
        Assert.Single(days.Ranges);
    }

    [Fact]
    public void The_generated_model_states_the_days_and_the_doses_per_day()
    {
        using var generated = new GeneratedAssembly(TestProtocols.With(
            "intervention Cape \"Capecitabine\" { dose 1000 mg/m2; route oral; doses_per_day 2; every 21 days; cycle_days 1..14; cycles 8 }\n"));
        var interventions = generated.Type("TProtocol", "Interventions");
        var cape = (InterventionInfo)interventions.GetProperty("Cape")!.GetValue(null)!;
        var regimen = Assert.Single(cape.Regimens);
        Assert.Equal(2, regimen.DosesPerDay);
        Assert.Equal(Enumerable.Range(1, 14), regimen.CycleDays);
        Assert.Equal("1..14", regimen.CycleDays.ToString());
    }
}
