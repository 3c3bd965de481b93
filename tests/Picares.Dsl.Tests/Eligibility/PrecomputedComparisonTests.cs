using System;
using Picares.Dsl.Runtime.Eligibility;
using Picares.Dsl.Runtime.Units;
using Xunit;

namespace Picares.Dsl.Tests.Eligibility;

/// <summary>
/// The shortcuts generated screening code takes (boundaries computed once per reference date, constants converted
/// at compile time) give exactly what the general operations give, leap days and unit conversions included.
/// </summary>
public class PrecomputedComparisonTests
{
    [Fact]
    public void Age_range_by_birth_date_boundaries_agrees_with_completed_years_on_every_day_around_leap_years()
    {
        int checkedPairs = 0;
        for (var on = new DateTime(2027, 12, 20); on <= new DateTime(2029, 3, 10); on = on.AddDays(1))
        {
            var oldEnoughBy = Evaluate.LatestBirthDate(on, 18);
            var tooOldBy = Evaluate.LatestBirthDate(on, 76);
            foreach (var birthYear in new[] { 1951, 1952, 1953, 2008, 2009, 2010, 2011 })
                for (var birth = new DateTime(birthYear, 1, 1); birth.Year == birthYear; birth = birth.AddDays(birth.Month is 2 or 3 || birth.Month == on.Month ? 1 : 13))
                {
                    var years = Evaluate.CompletedYears(birth, on)!.Value;
                    var expected = years >= 18 && years <= 75 ? Truth.True : Truth.False;
                    Assert.True(expected == Evaluate.BornBetween(birth.AddHours(13), tooOldBy, oldEnoughBy), $"born {birth:yyyy-MM-dd}, on {on:yyyy-MM-dd}: {years} years");
                    checkedPairs++;
                }
        }
        Assert.True(checkedPairs > 10_000);
    }

    [Fact]
    public void A_missing_birth_date_or_reference_leaves_the_age_unknown()
    {
        Assert.Null(Evaluate.LatestBirthDate(null, 18));
        var by = Evaluate.LatestBirthDate(new DateTime(2026, 3, 2), 18);
        Assert.Equal(new DateTime(2008, 3, 2), by);
        Assert.Equal(Truth.Unknown, Evaluate.BornBetween(null, Evaluate.LatestBirthDate(new DateTime(2026, 3, 2), 76), by));
        Assert.Equal(Truth.Unknown, Evaluate.BornBetween(new DateTime(1980, 1, 1), null, by));
    }

    [Fact]
    public void Someone_born_on_29_February_comes_of_age_on_28_February_of_a_common_year()
    {
        Assert.Equal(new DateTime(2008, 2, 29), Evaluate.LatestBirthDate(new DateTime(2026, 2, 28), 18));
        Assert.Equal(new DateTime(2008, 2, 27), Evaluate.LatestBirthDate(new DateTime(2026, 2, 27), 18));
        Assert.Equal(new DateTime(2010, 2, 28), Evaluate.LatestBirthDate(new DateTime(2028, 2, 29), 18));
    }

    [Fact]
    public void Boundaries_that_no_date_can_hold_leave_the_comparison_unknown_instead_of_throwing()
    {
        var yearOne = new DateTime(1, 1, 10);
        Assert.Null(Evaluate.Boundary(yearOne, new Quantity(4, "wk"), before: true, dayPrecision: true));
        Assert.Null(Evaluate.Boundary(new DateTime(9999, 12, 1), new Quantity(2, "mo"), before: false, dayPrecision: true));
        Assert.Equal(Truth.Unknown, Evaluate.Temporal(new DateTime(2024, 1, 1), TemporalBound.AtLeast, new Quantity(4, "wk"), true, yearOne, true));
        Assert.Equal(Truth.Unknown, Evaluate.Temporal(null, TemporalBound.AtLeast, new Quantity(4, "wk"), true, yearOne, true));
        Assert.Null(Evaluate.LatestBirthDate(yearOne, 18));
        Assert.Null(Evaluate.LatestBirthDate(new DateTime(2026, 3, 2), -1));
    }

    [Theory]
    [InlineData(9999, 12, 31, 30, "d")] // the open-ended date many data systems write, moved forward
    [InlineData(9999, 12, 1, 2, "mo")]
    [InlineData(1, 1, 10, -4, "wk")]
    [InlineData(2026, 1, 1, 1e12, "a")] // more years than the calendar has, which overflowed AddMonths' count
    [InlineData(2026, 1, 1, 1e30, "d")] // more days than the calendar has, which overflowed the ticks
    public void Date_arithmetic_that_leaves_the_calendar_is_unknown_instead_of_throwing(int year, int month, int day, double amount, string unit)
    {
        Assert.Null(Evaluate.Add(new DateTime(year, month, day), new Quantity(amount, unit)));
        Assert.Null(Evaluate.Subtract(new DateTime(year, month, day), new Quantity(-amount, unit)));
        Assert.Equal(new DateTime(2026, 1, 31), Evaluate.Add(new DateTime(2026, 1, 1), new Quantity(30, "d"))); // and inside it, moved as before
        Assert.Equal(new DateTime(2026, 3, 1), Evaluate.Add(new DateTime(2026, 1, 1), new Quantity(2, "mo")));
    }

    [Fact]
    public void A_reference_date_whose_boundaries_cannot_be_held_makes_the_criteria_unknown_not_stale()
    {
        var input = Candidates.Eligible();
        input.PriorTherapy.LastChemotherapyDate = new DateTime(2024, 1, 1);
        var dates = Candidates.Dates();
        Assert.Equal(CriterionOutcome.Met, Picares.Protocols.PicaresProtocol.Screening.Evaluate(input, dates).Outcome("I9"));

        dates.FirstDose = new DateTime(1, 1, 10); // 4 weeks before it is no date at all

        var result = Picares.Protocols.PicaresProtocol.Screening.Evaluate(input, dates);
        Assert.Equal(CriterionOutcome.Unknown, result.Outcome("I9"));
        Assert.NotEqual(Verdict.Eligible, result.Verdict);
    }

    [Fact]
    public void Comparing_with_a_coherent_constant_agrees_with_comparing_quantities_in_any_unit()
    {
        var random = new Random(11);
        var pairs = new (string Input, string Constant)[] { ("lb", "kg"), ("g", "kg"), ("kg", "kg"), ("d", "wk"), ("h", "wk"), ("mo", "a"), ("g/d", "mg/d") };
        foreach (var (inputUnit, constantUnit) in pairs)
        {
            var unit = UnitCatalog.Get(constantUnit);
            for (int i = 0; i < 2_000; i++)
            {
                var constant = new Quantity(Math.Round(random.NextDouble() * 100, random.Next(4)), unit);
                // Values on, near and far from the constant, given in the input's unit.
                var exact = unit.ConvertTo(constant.Value, UnitCatalog.Get(inputUnit));
                var value = (i % 3) switch { 0 => exact, 1 => exact * (1 + (random.NextDouble() - 0.5) * 1e-6), _ => random.NextDouble() * 2 * exact };
                var input = new Quantity(value, inputUnit);
                Assert.Equal(Evaluate.Compare(input, constant), Evaluate.CompareCoherent(input, constant.Value * unit.Factor));
            }
        }
        Assert.Null(Evaluate.CompareCoherent(null, 40));
    }

    [Fact]
    public void Temporal_comparisons_against_a_precomputed_boundary_follow_the_calendar_and_the_bound()
    {
        var firstDose = new DateTime(2026, 3, 2, 9, 0, 0);
        var fourWeeks = new Quantity(4, "wk");
        var boundary = Evaluate.Boundary(firstDose, fourWeeks, before: true, dayPrecision: true);
        Assert.Equal(new DateTime(2026, 2, 2), boundary);
        Assert.Equal(Truth.True, Evaluate.TemporalToBoundary(new DateTime(2026, 2, 2), TemporalBound.AtLeast, boundary, true, firstDose, true));
        Assert.Equal(Truth.False, Evaluate.TemporalToBoundary(new DateTime(2026, 2, 2), TemporalBound.MoreThan, boundary, true, firstDose, true));
        Assert.Equal(Truth.False, Evaluate.TemporalToBoundary(new DateTime(2026, 3, 3), TemporalBound.Within, boundary, true, firstDose, true)); // after, not before
        Assert.Equal(Truth.Unknown, Evaluate.TemporalToBoundary(new DateTime(2026, 2, 2), TemporalBound.AtLeast, null, true, firstDose, true));
        var threeMonths = Evaluate.Boundary(new DateTime(2026, 5, 31), new Quantity(3, "mo"), before: true, dayPrecision: true);
        Assert.Equal(new DateTime(2026, 2, 28), threeMonths);
        Assert.Equal(
            Evaluate.Temporal(new DateTime(2026, 2, 27), TemporalBound.Within, new Quantity(3, "mo"), true, new DateTime(2026, 5, 31), true),
            Evaluate.TemporalToBoundary(new DateTime(2026, 2, 27), TemporalBound.Within, threeMonths, true, new DateTime(2026, 5, 31), true));
    }
}
