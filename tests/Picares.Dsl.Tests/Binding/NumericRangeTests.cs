using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Binding;

/// <summary>
/// The whole numbers of schedule, treatment and study statements have documented ranges (docs/language.md §3): a value at
/// a bound is accepted as written, one just past it is PIC1003 at the value with the range in the message, never cast
/// into something else, and no check downstream is misled by an overflowing sum.
/// </summary>
public class NumericRangeTests
{
    private const string Demographics = "form Demo { field born date }\nvisit Screening { day -14 from enrollment; collect Demo }\n";
    private const string TwoArms = "intervention D \"Drug\" { dose 1 mg }\narm A \"Drug\" { receives D; ratio 2 }\narm B \"Observation\" { type no_intervention }\n";

    [Theory]
    [InlineData("visit V { day 36500; collect Vitals }\n")]
    [InlineData("visit V { day -36500; collect Vitals }\n")]
    [InlineData("visit V { day -36500..36500; collect Vitals }\n")]
    [InlineData("visit V { every 36500 days; max 2; collect Vitals }\n")]
    [InlineData("visit V { every 5214 weeks; max 2; collect Vitals }\n")]
    [InlineData("visit V { at first_dose + 36500 days; collect Vitals }\n")]
    [InlineData("visit V { at first_dose - 36500 days; collect Vitals }\n")]
    [InlineData("visit V { day 1; window -36500..+36500 days; collect Vitals }\n")]
    [InlineData("visit V { every 1 days; max 36501; collect Vitals }\n")] // the last on day 36501: 36500 days after the first
    [InlineData("visit V { every 21 days; max 1739; collect Vitals }\n")]
    [InlineData("intervention D \"d\" { dose 1 mg; every 36500 days; cycle_days 1, 36500; cycles 10000 }\n")]
    [InlineData("intervention D \"d\" { dose 1 mg; cycle_days 366 }\n")]
    [InlineData("intervention D \"d\" { dose 1 mg; every 36500 days; cycle_days 1..36500; doses_per_day 24 }\n")]
    [InlineData("intervention D \"d\" { dose 1 mg }\narm A \"a\" { receives D; ratio 100 }\n")]
    [InlineData(Demographics + "population { age 0..150 years at enrollment; birth_date Demo.born }\n")]
    public void A_value_at_its_bound_is_accepted(string body)
    {
        var result = ProtocolCompiler.Compile(TestProtocols.With(body));
        Assert.True(result.Model is not null, string.Join("\n", result.Diagnostics));
        // Some visits collect the prelude's form of one record, Vitals, again: PIC4026, once, about Vitals, beside the point.
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Severity.Info && d.Id != "PIC4026");
        Assert.True(result.Diagnostics.Count(d => d.Id == "PIC4026") <= 1);
        Assert.All(result.Diagnostics.Where(d => d.Id == "PIC4026"), d => Assert.StartsWith("Form Vitals ", d.Message, System.StringComparison.Ordinal));
    }

    [Fact]
    public void Values_at_their_bounds_reach_the_model_unchanged()
    {
        var model = ProtocolCompiler.Compile(TestProtocols.WithStudy("enrollment 10000000",
            "visit Far { day -36500..36500; window -36500..+36500 days; collect Vitals }\nvisit After { at first_dose - 36500 days; collect Vitals }\n" +
            Demographics + "population { age 0..150 years at enrollment; birth_date Demo.born }\n")).Model!;
        var far = model.Visits.Single(v => v.Name == "Far");
        Assert.Equal((-36500, 36500, 36500, 36500), (far.Day!.Value, far.LastDay!.Value, far.WindowBefore, far.WindowAfter));
        Assert.Equal(-36500, model.Visits.Single(v => v.Name == "After").OffsetDays);
        Assert.Equal((0, 150), (model.Population.MinimumAge!.Value.Amount, model.Population.MaximumAge!.Value.Amount));
        Assert.Equal(10000000, model.Study.Enrollment);
    }

    [Theory]
    [InlineData("visit W { day {|PIC1003:2147483648|}; collect Vitals }\n", "from -36500 to 36500")]
    [InlineData("visit V { day {|PIC1003:36501|}; collect Vitals }\n", "from -36500 to 36500")]
    [InlineData("visit V { day {|PIC1003:-36501|}; collect Vitals }\n", "from -36500 to 36500")]
    [InlineData("visit V { day {|PIC1003:-36501|}..-1; collect Vitals }\n", "from -36500 to 36500")]
    [InlineData("visit V { day 1..{|PIC1003:36501|}; collect Vitals }\n", "from -36500 to 36500")]
    [InlineData("visit V { every {|PIC1003:36501 days|}; max 2; collect Vitals }\n", "1 to 36500 days")]
    [InlineData("visit V { every {|PIC1003:5215 weeks|}; max 2; collect Vitals }\n", "1 to 36500 days")]
    [InlineData("visit V { at first_dose + {|PIC1003:36501 days|}; collect Vitals }\n", "up to 36500 days")]
    [InlineData("visit V { at first_dose - {|PIC1003:36501 days|}; collect Vitals }\n", "up to 36500 days")]
    [InlineData("visit V { day 1; window {|PIC1003:-36501|}..+1 days; collect Vitals }\n", "from -36500 to +36500")]
    [InlineData("visit V { day 1; window -1..{|PIC1003:+36501 days|}; collect Vitals }\n", "from -36500 to +36500")]
    [InlineData("visit V { every 21 days; window {|PIC1003:-999999999999|}..+1 days; max 2; collect Vitals }\n", "from -36500 to +36500")]
    [InlineData("visit V { every 21 days; max {|PIC1003:100001|}; collect Vitals }\n", "from 1 to 100000")]
    // Every occurrence, the last included, falls within 36500 days of the anchor: 21 days x 1739 is past it.
    [InlineData("visit V { every 21 days; max {|PIC1003:1740|}; collect Vitals }\n", "at most 1739 occurrences of a visit every 21 days")]
    [InlineData("visit V { every 36500 days; max {|PIC1003:3|}; collect Vitals }\n", "at most 2 occurrences of a visit every 36500 days")]
    [InlineData("intervention D \"d\" { dose 1 mg; every {|PIC1003:36501 days|} }\n", "1 to 36500 days")]
    [InlineData("intervention D \"d\" { dose 1 mg; cycles {|PIC1003:10001|} }\n", "from 1 to 10000")]
    [InlineData("intervention D \"d\" { dose {|PIC1003:AUC -5|} }\n", "or 'AUC <n>'")] // read as 'AUC minus 5', not a dose
    [InlineData("intervention D \"d\" { dose AUC {|PIC1003:0|} }\n", "or 'AUC <n>'")] // a target exposure, like any dose, is more than nothing
    [InlineData("intervention D \"d\" { dose {|PIC1003:-5 mg|} }\n", "a positive amount")]
    [InlineData("intervention D \"d\" { dose 1 mg; cycle_days 1, {|PIC1003:367|} }\n", "366 without 'every'")]
    [InlineData("intervention D \"d\" { dose 1 mg; every 21 days; cycle_days {|PIC1003:22|} }\n", "from 1 to the cycle's length")]
    [InlineData("intervention D \"d\" { dose 1 mg; every 21 days; cycle_days 1..{|PIC1003:22|} }\n", "from 1 to the cycle's length")]
    [InlineData("intervention D \"d\" { dose 1 mg; every 21 days; cycle_days {|PIC1003:0|}..5 }\n", "from 1 to the cycle's length")]
    [InlineData("intervention D \"d\" { dose 1 mg; doses_per_day {|PIC1003:25|} }\n", "from 1 to 24")]
    [InlineData("intervention D \"d\" { dose 1 mg; doses_per_day {|PIC1003:0|} }\n", "from 1 to 24")]
    [InlineData("intervention D \"d\" { dose 1 mg }\narm A \"a\" { receives D; ratio {|PIC1003:101|} }\n", "from 1 to 100")]
    [InlineData(Demographics + "population { age 0..{|PIC1003:151 years|} at enrollment; birth_date Demo.born }\n", "up to 150 years")]
    [InlineData(Demographics + "population { age {|PIC1003:-1|}..75 years at enrollment; birth_date Demo.born }\n", "up to 150 years")]
    [InlineData(Demographics + "population { age 0..{|PIC1003:2147483647 years|} at enrollment; birth_date Demo.born }\n", "up to 150 years")]
    public void A_value_past_its_bound_is_reported_at_the_value_with_the_range(string body, string range)
    {
        var (text, expected) = Markup.Parse(TestProtocols.With(body));
        var result = ProtocolCompiler.Compile(text);
        Assert.Equal(expected, result.Diagnostics.Select(d => (d.Id, d.Span)).ToList());
        Assert.Contains(range, result.Diagnostics[0].Message, System.StringComparison.Ordinal);
        Assert.Null(result.Model);
    }

    [Theory]
    [InlineData("enrollment {|PIC1003:10000001|}")]
    [InlineData("enrollment {|PIC1003:2147483647|} estimated")]
    public void An_enrollment_past_its_bound_is_reported_at_the_number(string statement)
    {
        var (text, expected) = Markup.Parse(TestProtocols.WithStudy(statement, ""));
        var result = ProtocolCompiler.Compile(text);
        Assert.Equal(expected, result.Diagnostics.Select(d => (d.Id, d.Span)).ToList());
        Assert.Contains("from 1 to 10000000", result.Diagnostics[0].Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_as_wide_as_allowed_is_still_compared_with_the_interval_without_overflow()
    {
        var (text, expected) = Markup.Parse(TestProtocols.With("visit V { every 36500 days; window {|PIC3004:-36500..+36500 days|}; max 2; collect Vitals }\n"));
        var diagnostic = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics);
        Assert.Equal(expected.Single(), (diagnostic.Id, diagnostic.Span));
        Assert.Contains("spans 73001 days but the visit repeats every 36500 days", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_age_range_admits_subjects_rather_than_nobody()
    {
        // 2147483647 years once became a negative bound (PIC4004, "< -2147483648 years"); the widest range allowed admits everyone.
        var ids = ProtocolCompiler.Compile(TestProtocols.With(Demographics + "population { age 0..150 years at enrollment; birth_date Demo.born }\n" +
            "criterion I1 inclusion \"Adult\" { when Demo.born at_least 18 years before enrollment }\n")).Diagnostics.Select(d => d.Id);
        Assert.DoesNotContain("PIC4004", ids);
    }

    [Fact]
    public void An_enrollment_at_its_bound_that_does_not_split_in_the_ratio_suggests_only_counts_within_the_bound()
    {
        var diagnostics = ProtocolCompiler.Compile(TestProtocols.WithStudy("allocation randomized; design parallel; enrollment 10000000", TwoArms)).Diagnostics;
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "PIC4008");
        Assert.EndsWith("plan a multiple of 3, such as 9999999", diagnostic.Message, System.StringComparison.Ordinal);
        var below = Assert.Single(ProtocolCompiler.Compile(TestProtocols.WithStudy("allocation randomized; design parallel; enrollment 100", TwoArms)).Diagnostics, d => d.Id == "PIC4008");
        Assert.EndsWith("plan a multiple of 3, such as 99 or 102", below.Message, System.StringComparison.Ordinal);
    }
}
