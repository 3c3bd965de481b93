using System;
using Picares.Dsl.Runtime.Scheduling;
using Xunit;

namespace Picares.Dsl.Tests.Scheduling;

public class StudyDayTests
{
    private static readonly DateTime DayOne = new(2026, 1, 5);

    [Theory]
    [InlineData(1, "2026-01-05")]
    [InlineData(2, "2026-01-06")]
    [InlineData(-1, "2026-01-04")]
    [InlineData(-28, "2025-12-08")]
    [InlineData(22, "2026-01-26")]
    [InlineData(365, "2027-01-04")]
    public void Study_days_convert_both_ways_with_no_day_0(int day, string date)
    {
        var expected = DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, StudyDay.ToDate(DayOne, day));
        Assert.Equal(day, StudyDay.FromDate(DayOne, expected));
    }

    [Fact]
    public void Day_0_does_not_exist()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudyDay.ToDate(DayOne, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudyDay.Add(0, 1));
        for (var offset = -400; offset <= 400; offset++)
            Assert.NotEqual(0, StudyDay.FromDate(DayOne, DayOne.AddDays(offset)));
    }

    [Theory]
    [InlineData(-1, 1, 1)]
    [InlineData(1, -1, -1)]
    [InlineData(-3, 5, 3)]
    [InlineData(22, -3, 19)]
    [InlineData(2, -2, -1)]
    public void Adding_days_skips_day_0(int day, int days, int expected) => Assert.Equal(expected, StudyDay.Add(day, days));

    [Fact]
    public void The_time_of_day_is_ignored()
    {
        var morning = new DateTime(2026, 1, 5, 23, 59, 0);
        Assert.Equal(1, StudyDay.FromDate(morning, new DateTime(2026, 1, 5, 0, 1, 0)));
        Assert.Equal(2, StudyDay.FromDate(morning, new DateTime(2026, 1, 6, 0, 0, 1)));
        Assert.Equal(new DateTime(2026, 1, 6), StudyDay.ToDate(morning, 2));
    }

    [Theory]
    [InlineData("2026-01-31", 2, "2026-02-01")]  // month end
    [InlineData("2026-01-31", 30, "2026-03-01")] // over February in a common year
    [InlineData("2028-02-28", 2, "2028-02-29")]  // leap day
    [InlineData("2028-02-28", 3, "2028-03-01")]
    [InlineData("2028-02-29", 366, "2029-02-28")]
    [InlineData("2026-12-31", 2, "2027-01-01")]  // year end
    [InlineData("2027-01-01", -1, "2026-12-31")]
    [InlineData("2028-03-01", -1, "2028-02-29")]
    public void Study_days_cross_month_ends_leap_days_and_year_ends(string dayOne, int day, string date)
    {
        var one = DateTime.Parse(dayOne, System.Globalization.CultureInfo.InvariantCulture);
        var expected = DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, StudyDay.ToDate(one, day));
        Assert.Equal(day, StudyDay.FromDate(one, expected));
    }

    [Fact]
    public void Calendar_days_between_count_the_leap_day()
    {
        Assert.Equal(29, CalendarDays.Between(new DateTime(2028, 2, 1), new DateTime(2028, 3, 1)));
        Assert.Equal(28, CalendarDays.Between(new DateTime(2027, 2, 1), new DateTime(2027, 3, 1)));
        Assert.Equal(366, CalendarDays.Between(new DateTime(2028, 1, 1), new DateTime(2029, 1, 1)));
        Assert.Equal(-1, CalendarDays.Between(new DateTime(2027, 1, 1), new DateTime(2026, 12, 31, 23, 0, 0)));
    }
}
