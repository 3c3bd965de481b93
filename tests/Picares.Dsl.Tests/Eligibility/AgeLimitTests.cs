using System;
using System.Linq;
using Picares.Dsl.Runtime.Eligibility;
using Picares.Dsl.Runtime.Model;
using Xunit;
using Adult = Picares.Protocols.AdultAgeProtocol;
using Child = Picares.Protocols.ChildAgeProtocol;
using Paediatric = Picares.Protocols.PaediatricAgeProtocol;

namespace Picares.Dsl.Tests.Eligibility;

/// <summary>
/// Age limits in completed days, weeks, months or years, and ranges with one limit (docs/language.md §5.4): the runtime's
/// counting against a brute-force count, and the screening code generated from Eligibility/PaediatricAge.protocol
/// (<c>6 months..17 years</c>) and Eligibility/AdultAge.protocol (<c>18 years or older</c>) at their boundaries.
/// </summary>
public class AgeLimitTests
{
    /// <summary>Completed months counted the slow way: step a month at a time, as AddMonths does.</summary>
    private static int MonthsBySteps(DateTime birth, DateTime on)
    {
        int months = 0;
        while (birth.AddMonths(months + 1) <= on) months++;
        return months;
    }

    [Fact]
    public void Completed_months_agree_with_stepping_month_by_month_on_every_day_around_month_ends_and_leap_days()
    {
        int pairs = 0;
        foreach (var birth in new[] { new DateTime(2023, 1, 31), new DateTime(2023, 1, 29), new DateTime(2024, 2, 29), new DateTime(2024, 3, 31), new DateTime(2023, 12, 15) })
            for (var on = birth; on <= birth.AddYears(2); on = on.AddDays(1))
            {
                Assert.True(MonthsBySteps(birth, on) == AgeLimit.Completed(birth, on, AgeUnit.Months), $"born {birth:yyyy-MM-dd}, on {on:yyyy-MM-dd}");
                pairs++;
            }
        Assert.True(pairs > 3000);
        // Born on 31 January: a month old on the last day of February.
        Assert.Equal(1, AgeLimit.Completed(new DateTime(2023, 1, 31), new DateTime(2023, 2, 28), AgeUnit.Months));
        Assert.Equal(0, AgeLimit.Completed(new DateTime(2023, 1, 31), new DateTime(2023, 2, 27), AgeUnit.Months));
    }

    [Fact]
    public void Completed_days_and_weeks_ignore_the_time_of_day()
    {
        var birth = new DateTime(2026, 1, 1, 23, 30, 0);
        Assert.Equal(27, AgeLimit.Completed(birth, new DateTime(2026, 1, 28, 1, 0, 0), AgeUnit.Days));
        Assert.Equal(28, AgeLimit.Completed(birth, new DateTime(2026, 1, 29), AgeUnit.Days));
        Assert.Equal(3, AgeLimit.Completed(birth, new DateTime(2026, 1, 28), AgeUnit.Weeks));
        Assert.Equal(4, AgeLimit.Completed(birth, new DateTime(2026, 1, 29), AgeUnit.Weeks));
        Assert.Null(AgeLimit.Completed(null, new DateTime(2026, 1, 29), AgeUnit.Days));
    }

    [Theory]
    [InlineData(6, AgeUnit.Months)]
    [InlineData(1, AgeUnit.Months)]
    [InlineData(28, AgeUnit.Days)]
    [InlineData(4, AgeUnit.Weeks)]
    [InlineData(2, AgeUnit.Years)]
    public void The_latest_birth_date_is_the_exact_boundary_of_the_completed_age(int amount, AgeUnit unit)
    {
        var limit = new AgeLimit(amount, unit);
        for (var on = new DateTime(2027, 12, 20); on <= new DateTime(2028, 4, 10); on = on.AddDays(1))
        {
            var latest = limit.LatestBirthDate(on)!.Value;
            Assert.True(AgeLimit.Completed(latest, on, unit) >= amount, $"{limit} on {on:yyyy-MM-dd}: born {latest:yyyy-MM-dd} is not old enough");
            Assert.True(AgeLimit.Completed(latest.AddDays(1), on, unit) < amount, $"{limit} on {on:yyyy-MM-dd}: born {latest.AddDays(1):yyyy-MM-dd} is old enough too");
        }
    }

    [Fact]
    public void A_limit_that_reaches_before_the_year_two_or_a_missing_date_leaves_the_age_unknown()
    {
        Assert.Null(new AgeLimit(6, AgeUnit.Months).LatestBirthDate(new DateTime(1, 3, 1)));
        Assert.Null(new AgeLimit(6, AgeUnit.Months).LatestBirthDate(null));
        Assert.Null(new AgeLimit(-1, AgeUnit.Days).LatestBirthDate(new DateTime(2026, 3, 1)));
    }

    [Theory]
    [InlineData(6, AgeUnit.Months, 17, AgeUnit.Years, "6 months to 17 years")]
    [InlineData(18, AgeUnit.Years, 75, AgeUnit.Years, "18 to 75 years")]
    [InlineData(1, AgeUnit.Days, 1, AgeUnit.Years, "1 day to 1 year")]
    public void A_range_reads_as_the_registry_writes_it(int min, AgeUnit minUnit, int max, AgeUnit maxUnit, string expected)
    {
        Assert.Equal(expected, AgeLimit.Describe(new AgeLimit(min, minUnit), new AgeLimit(max, maxUnit)));
        Assert.Equal("18 years or older", AgeLimit.Describe(new AgeLimit(18, AgeUnit.Years), null));
        Assert.Equal("17 years or younger", AgeLimit.Describe(null, new AgeLimit(17, AgeUnit.Years)));
        Assert.Null(AgeLimit.Describe(null, null));
    }

    private static CriterionOutcome PaediatricAge(DateTime? birth, DateTime? consent)
    {
        var input = new Paediatric.Screening.Input();
        input.Demographics.BirthDate = birth;
        return Paediatric.Screening.Evaluate(input, new Paediatric.Screening.Dates { Consent = consent }).Outcome("AGE");
    }

    [Theory]
    [InlineData("2025-09-01", CriterionOutcome.Met)]       // six months to the day
    [InlineData("2025-09-02", CriterionOutcome.NotMet)]    // a day short of six months
    [InlineData("2008-03-02", CriterionOutcome.Met)]       // the last day of 17 completed years
    [InlineData("2008-03-01", CriterionOutcome.NotMet)]    // the 18th birthday
    public void Six_months_to_17_years_admits_from_six_calendar_months_to_the_day_before_the_18th_birthday(string birth, CriterionOutcome expected) =>
        Assert.Equal(expected, PaediatricAge(DateTime.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), new DateTime(2026, 3, 1)));

    [Fact]
    public void Born_on_31_August_a_child_is_six_months_old_on_the_last_day_of_February()
    {
        Assert.Equal(CriterionOutcome.Met, PaediatricAge(new DateTime(2025, 8, 31), new DateTime(2026, 2, 28)));
        Assert.Equal(CriterionOutcome.NotMet, PaediatricAge(new DateTime(2025, 8, 31), new DateTime(2026, 2, 27)));
        Assert.Equal(CriterionOutcome.Unknown, PaediatricAge(null, new DateTime(2026, 2, 28)));
        Assert.Equal(CriterionOutcome.Unknown, PaediatricAge(new DateTime(2025, 8, 31), null));
    }

    [Fact]
    public void The_generated_model_states_each_limit_in_its_own_unit()
    {
        Assert.Equal(new AgeLimit(6, AgeUnit.Months), Paediatric.Population.MinimumAge);
        Assert.Equal(new AgeLimit(17, AgeUnit.Years), Paediatric.Population.MaximumAge);
        Assert.Equal("6 months to 17 years", Paediatric.Population.AgeRange);
        Assert.Equal("Age 6 months to 17 years (population)", Paediatric.Screening.AgeCriterion.Text);
        Assert.Equal(new AgeLimit(18, AgeUnit.Years), Adult.Population.MinimumAge);
        Assert.Null(Adult.Population.MaximumAge);
        Assert.Equal("18 years or older", Adult.Population.AgeRange);
    }

    [Theory]
    [InlineData("2008-03-01", CriterionOutcome.Met)]      // the 18th birthday
    [InlineData("2008-03-02", CriterionOutcome.NotMet)]   // the day before it
    [InlineData("1906-01-01", CriterionOutcome.Met)]      // no maximum
    public void Eighteen_or_older_admits_from_the_18th_birthday_with_no_upper_limit(string birth, CriterionOutcome expected)
    {
        var input = new Adult.Screening.Input();
        input.Demographics.BirthDate = DateTime.Parse(birth, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Adult.Screening.Evaluate(input, new Adult.Screening.Dates { Consent = new DateTime(2026, 3, 1) }).Outcome("AGE"));
    }

    [Fact]
    public void Eighteen_or_older_without_a_birth_date_is_pending_and_says_what_is_missing()
    {
        var result = Adult.Screening.Evaluate(new Adult.Screening.Input(), new Adult.Screening.Dates { Consent = new DateTime(2026, 3, 1) });
        Assert.Equal(CriterionOutcome.Unknown, result.Outcome("AGE"));
        Assert.Contains(result.Missing, m => m.Contains("birth", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("2008-03-02", CriterionOutcome.Met)]      // the last day of 17 completed years
    [InlineData("2008-03-01", CriterionOutcome.NotMet)]   // the 18th birthday
    [InlineData("2026-03-01", CriterionOutcome.Met)]      // born on the day of consent
    [InlineData("2026-03-02", CriterionOutcome.NotMet)]   // a birth date after consent is no age
    public void Seventeen_or_younger_admits_up_to_the_day_before_the_18th_birthday_and_no_later_birth_than_the_reference(string birth, CriterionOutcome expected)
    {
        var input = new Child.Screening.Input();
        input.Demographics.BirthDate = DateTime.Parse(birth, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Child.Screening.Evaluate(input, new Child.Screening.Dates { Consent = new DateTime(2026, 3, 1) }).Outcome("AGE"));
        Assert.Equal("completed age at consent: at most 17 years", Child.Screening.AgeCriterion.Condition);
    }

    [Fact]
    public void Before_birth_every_count_is_negative()
    {
        var birth = new DateTime(2026, 3, 15);
        var on = new DateTime(2026, 3, 10);
        Assert.Equal(new int?[] { -5, -1, -1, -1 },
            new[] { AgeUnit.Days, AgeUnit.Weeks, AgeUnit.Months, AgeUnit.Years }.Select(u => AgeLimit.Completed(birth, on, u)));
    }

    [Fact]
    public void Years_near_the_start_of_the_calendar_are_found_as_before()
    {
        Assert.Equal(new DateTime(2, 1, 1), Evaluate.LatestBirthDate(new DateTime(150, 1, 1), 148));
        Assert.Equal(new DateTime(2, 3, 1), Evaluate.LatestBirthDate(new DateTime(2026, 3, 1), 2024));
        Assert.Null(Evaluate.LatestBirthDate(new DateTime(2026, 3, 1), 2025));
    }
}
