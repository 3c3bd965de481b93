using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Consistency;

/// <summary>
/// PIC4022: a form that two visits counted from one anchor collect on the same planned day: a repeating visit's occurrence
/// on a single visit's day (or within its days), or two repeating visits starting on one day.
/// </summary>
public class SameDayCollectionCheckTests
{
    private const string Study =
        "study S { title \"S\"; day_one first_dose }\nanchor first_dose \"First dose\"\nanchor eot \"End of treatment\" follows first_dose\n" +
        "form F { field x integer }\nform G { field y integer }\nendpoint E exploratory \"e\" { kind summary; data F.x, G.y }\n";

    // Each PIC4022: where it is reported (the text at its span) and its message.
    private static (string At, string Message)[] Check(string visits)
    {
        var text = Study + visits;
        return ProtocolCompiler.Compile(text).Diagnostics.Where(d => d.Id == "PIC4022")
            .Select(d => (text.Substring(d.Span.Start, d.Span.Length), d.Message)).ToArray();
    }

    [Fact]
    public void A_cycle_visit_counted_from_a_visits_day_plans_that_day_twice()
    {
        var (at, message) = Assert.Single(Check("visit C1D1 { day 1; collect F }\nvisit Cycle { every 21 days; window -3..+3 days; max 6; collect F }\n"));
        Assert.Equal("21 days", at);
        Assert.Equal("Occurrence 1 of visit Cycle (day 1 from first_dose) falls on the day of visit C1D1, and both collect F: a subject would fill F twice that day; " +
            "if Cycle is meant to start a cycle later, write 'every 21 days from first_dose + 21 days' and 'max 5'; otherwise collect F at only one of them", message);
        // Started a cycle later, or collecting another form, it plans nothing twice.
        Assert.Empty(Check("visit C1D1 { day 1; collect F }\nvisit Cycle { every 21 days from first_dose + 21 days; max 5; collect F }\n"));
        Assert.Empty(Check("visit C1D1 { day 1; collect F }\nvisit Cycle { every 21 days; max 6; collect G }\n"));
    }

    [Fact]
    public void A_later_occurrence_on_a_visits_day_is_found_up_to_the_last_occurrence()
    {
        // Day 169 is 1 + 6 × 28: occurrence 7 of a visit every 28 days.
        var (at, message) = Assert.Single(Check("visit Week24 { day 169; collect F }\nvisit Q4W { every 28 days; max 12; collect F }\n"));
        Assert.Equal("28 days", at);
        Assert.StartsWith("Occurrence 7 of visit Q4W (day 169 from first_dose) falls on the day of visit Week24, and both collect F", message, System.StringComparison.Ordinal);
        Assert.EndsWith("collect F at only one of them, or move Week24", message, System.StringComparison.Ordinal);
        // With six occurrences it ends on day 141; a day between two occurrences is not one of them.
        Assert.Empty(Check("visit Week24 { day 169; collect F }\nvisit Q4W { every 28 days; max 6; collect F }\n"));
        Assert.Empty(Check("visit Week24 { day 170; collect F }\nvisit Q4W { every 28 days; max 12; collect F }\n"));
        // Counted from each actual date, only the first occurrence has a planned day.
        Assert.Empty(Check("visit Week24 { day 169; collect F }\nvisit Q4W { every 28 days; anchoring actual; max 12; collect F }\n"));
    }

    [Fact]
    public void Days_ranges_other_anchors_and_at_visits()
    {
        // A run-in over days -14..-1 and weekly visits from day -7 (counted from a later anchor, they are not compared).
        Assert.Empty(Check("visit RunIn { day -14..-1; collect F }\nvisit Weekly { every 7 days from eot; max 4; collect F }\n"));
        // A visit on the end of treatment and a follow-up every 12 weeks from it.
        var (_, message) = Assert.Single(Check("visit Eot { at eot; collect G }\nvisit Fu { every 12 weeks from eot; max 3; collect G }\n"));
        Assert.Contains("Occurrence 1 of visit Fu (day 1 from eot) falls on the day of visit Eot", message, System.StringComparison.Ordinal);
        Assert.Contains("write 'every 84 days from eot + 84 days'", message, System.StringComparison.Ordinal);
        // A repeating visit's occurrence inside a visit's range of days.
        var (_, inside) = Assert.Single(Check("visit Window { day 20..30 from eot; collect G }\nvisit Fu { every 14 days from eot; max 3; collect G }\n"));
        Assert.Contains("Occurrence 3 of visit Fu (day 29 from eot) falls within the days of visit Window (20..30)", inside, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Two_repeating_visits_starting_on_one_day_with_a_form_in_common()
    {
        var found = Check("visit Q3W { every 21 days; max 6; collect F, G }\nvisit Weekly { every 7 days; max 4; collect G }\nvisit Other { every 7 days; max 4; collect F }\n");
        Assert.Equal(new[] { "Weekly", "Other" }, found.Select(f => f.Message.Split(' ')[4]));
        Assert.Contains("falls on the day of visit Q3W's first occurrence, and both collect G", found[0].Message, System.StringComparison.Ordinal);
        // A form a visit names twice is not a second visit.
        Assert.Empty(Check("visit Q3W { every 21 days; max 6; collect F, F }\n"));
    }
}
