using System;
using System.IO;
using Picares.Samples.Scheduling;
using Xunit;

namespace Picares.Dsl.Tests.Scheduling;

public class CalendarCommandTests
{
    [Fact]
    public void Prints_the_calendar_and_checks_actual_dates()
    {
        var output = new StringWriter();
        var code = CalendarCommand.Run(new[] { "calendar", "--actual", "Cycle#2=2026-01-27,Cycle#3=2026-02-20,Cycle#12=2026-08-01" }, output);
        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.Contains("Cycle#9                169  2026-06-22  2026-06-19..2026-06-25", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cycle#10 ", text, StringComparison.Ordinal);
        Assert.Matches(@"Cycle#2 +2026-01-27  day 23 +in window", text);
        Assert.Matches(@"Cycle#3 +2026-02-20  day 47 +LATE by 1 day", text);
        Assert.Contains("Cycle#12", text, StringComparison.Ordinal);
        Assert.Contains("not in this calendar", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_an_icalendar_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"picares-{Guid.NewGuid():N}.ics");
        try
        {
            Assert.Equal(0, CalendarCommand.Run(new[] { "calendar", "--ics", file }, new StringWriter()));
            var ics = File.ReadAllText(file);
            Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
            Assert.Contains("SUMMARY:Treatment cycle 2", ics, StringComparison.Ordinal);
            Assert.Contains("DTSTART;VALUE=DATE:20260126", ics, StringComparison.Ordinal);
            Assert.Equal(35, ics.Split("BEGIN:VEVENT").Length - 1); // the planned visits, tumor assessments from week 6
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Bad_arguments_exit_with_2()
    {
        Assert.Equal(2, CalendarCommand.Run(new[] { "calendar", "--first-dose", "05/01/2026" }, new StringWriter()));
        Assert.Equal(2, CalendarCommand.Run(new[] { "calendar", "--actual", "Cycle#x=2026-01-27" }, new StringWriter()));
        Assert.Equal(2, CalendarCommand.Run(new[] { "calendar", "--bogus" }, new StringWriter()));
        Assert.Equal(2, CalendarCommand.Run(new[] { "calendar", "--first-dose", "none" }, new StringWriter()));
        Assert.Equal(2, CalendarCommand.Run(new[] { "calendar", "--horizon", "2027-01-01", "--horizon", "2028-01-01" }, new StringWriter()));
    }

    [Fact]
    public void Repeated_actual_options_add_up()
    {
        var output = new StringWriter();
        Assert.Equal(0, CalendarCommand.Run(new[] { "calendar", "--actual", "Cycle#2=2026-01-27", "--actual", "Cycle#3=2026-02-20" }, output));
        Assert.Matches(@"Cycle#2 +2026-01-27  day 23 +in window", output.ToString());
        Assert.Matches(@"Cycle#3 +2026-02-20  day 47 +LATE by 1 day", output.ToString());
    }
}
