using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Runtime.Model;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Binding;

/// <summary>
/// The population's age range (docs/language.md §3.2, §5.4): limits in whole days, weeks, months or years, each in its
/// own unit (a unit on one limit alone applies to both), or one limit (<c>18 years or older</c>,
/// <c>17 years or younger</c>); what cannot be an age is PIC1003 at the limit to change, a range nobody's age is in PIC2009.
/// </summary>
public class AgeRangeTests
{
    private const string Demographics = "form Demo { field born date }\nvisit Screening { day -14 from enrollment; collect Demo }\n";

    private static string Population(string age) => TestProtocols.With(Demographics + $"population {{ age {age} at enrollment; birth_date Demo.born }}\n");

    [Theory]
    [InlineData("18..75 years", 18, AgeUnit.Years, 75, AgeUnit.Years)]
    [InlineData("0..17 years", 0, AgeUnit.Years, 17, AgeUnit.Years)]
    [InlineData("6 months..17 years", 6, AgeUnit.Months, 17, AgeUnit.Years)]
    [InlineData("28 days..17 years", 28, AgeUnit.Days, 17, AgeUnit.Years)]
    [InlineData("2..11 months", 2, AgeUnit.Months, 11, AgeUnit.Months)]
    [InlineData("6 wk..2 a", 6, AgeUnit.Weeks, 2, AgeUnit.Years)]
    [InlineData("12 months..1 year", 12, AgeUnit.Months, 1, AgeUnit.Years)]
    [InlineData("18 years..75", 18, AgeUnit.Years, 75, AgeUnit.Years)]
    [InlineData("1 month..28 days", 1, AgeUnit.Months, 28, AgeUnit.Days)]     // born 1 February, on 1 March: both
    [InlineData("61 days..1 month", 61, AgeUnit.Days, 1, AgeUnit.Months)]     // born 1 July, on 31 August: both
    public void A_range_keeps_each_limit_in_the_unit_it_is_written_in(string age, int min, AgeUnit minUnit, int max, AgeUnit maxUnit)
    {
        var result = ProtocolCompiler.Compile(Population(age));
        Assert.True(result.Model is not null, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Severity.Info);
        Assert.Equal(new AgeLimit(min, minUnit), result.Model!.Population.MinimumAge);
        Assert.Equal(new AgeLimit(max, maxUnit), result.Model.Population.MaximumAge);
    }

    [Theory]
    [InlineData("18 years or older", 18, null)]
    [InlineData("17 years or younger", null, 17)]
    public void One_limit_leaves_the_other_side_open(string age, int? min, int? max)
    {
        var result = ProtocolCompiler.Compile(Population(age));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Severity.Info);
        var model = result.Model!;
        Assert.Equal(min, model.Population.MinimumAge?.Amount);
        Assert.Equal(max, model.Population.MaximumAge?.Amount);
        Assert.True(model.Population.ChecksAge);
    }

    [Theory]
    [InlineData("{|PIC1003:0.5|}..17 years", "whole days, weeks, months or years")]          // half a year: write 6 months
    [InlineData("{|PIC1003:18 hours|}..17 years", "whole days, weeks, months or years")]
    [InlineData("{|PIC1003:18..75|}", "whole days, weeks, months or years")]                  // no unit at all
    [InlineData("{|PIC1003:18 years or more|}", "'18 years or older'")]
    [InlineData("{|PIC1003:18 years or older..75 years|}", "'18 years or older'")]
    [InlineData("{|PIC1003:1900 months|} or older", "up to 150 years")]
    public void What_cannot_be_an_age_limit_is_reported_at_it_with_the_accepted_forms(string age, string shape)
    {
        var (text, expected) = Markup.Parse(Population(age));
        var result = ProtocolCompiler.Compile(text);
        Assert.Equal(expected, result.Diagnostics.Select(d => (d.Id, d.Span)).ToList());
        Assert.Contains(shape, result.Diagnostics[0].Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{|PIC2009:2 years..12 months|}", "2 years..12 months")]
    [InlineData("{|PIC2009:76..75 years|}", "76 years..75 years")]
    public void A_range_no_age_is_in_is_reported_with_both_limits(string age, string named)
    {
        var (text, expected) = Markup.Parse(Population(age));
        var result = ProtocolCompiler.Compile(text);
        Assert.Equal(expected, result.Diagnostics.Select(d => (d.Id, d.Span)).ToList());
        Assert.Contains(named, result.Diagnostics[0].Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_without_a_birth_date_field_asks_for_one()
    {
        var result = ProtocolCompiler.Compile(TestProtocols.With(Demographics + "population { age 18 years or older at enrollment }\n"));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("birth_date", System.StringComparison.Ordinal));
    }
}
