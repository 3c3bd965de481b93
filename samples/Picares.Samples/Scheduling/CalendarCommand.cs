using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Picares.Dsl.Runtime.Scheduling;
using Picares.Samples.Protocols;
using Calendar = Ical.Net.Calendar;

namespace Picares.Samples.Scheduling;

/// <summary>
/// Prints one subject's PICARES calendar and checks actual visit dates against it:
/// <c>calendar [--first-dose DATE] [--progression DATE|none] [--end-of-treatment DATE|none] [--death DATE] [--horizon DATE]
/// [--actual Cycle#2=2026-01-27,Cycle#3=2026-02-20] [--ics FILE]</c>. Dates are yyyy-MM-dd.
/// </summary>
internal static class CalendarCommand
{
    public const string Usage =
        "usage: Picares.Samples calendar [--first-dose 2026-01-05] [--progression 2026-07-01|none] [--end-of-treatment DATE|none] " +
        "[--death DATE] [--horizon DATE] [--actual Cycle#2=2026-01-27,Cycle#3=2026-02-20] [--ics FILE]";

    private static readonly string[] Options = { "--first-dose", "--progression", "--end-of-treatment", "--death", "--horizon", "--actual", "--ics" };

    /// <summary>Runs the command; returns the process exit code (2 for bad arguments, 0 otherwise, late visits included).</summary>
    public static int Run(string[] args, TextWriter output)
    {
        Settings settings;
        try
        {
            settings = Settings.Parse(args);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var calendar = new ScheduleBuilder(PicaresProtocol.Info).Build(settings.Request);
        WriteCalendar(settings, calendar, output);
        WriteChecks(settings, calendar, output);

        if (settings.IcsFile is { } ics)
        {
            File.WriteAllText(ics, ToICalendar(calendar));
            output.WriteLine();
            output.WriteLine($"Wrote {calendar.Count} visits to {ics}");
        }
        return 0;
    }

    private static void WriteCalendar(Settings settings, IReadOnlyList<PlannedVisit> calendar, TextWriter output)
    {
        var known = string.Join(", ", settings.Request.Anchors.Select(a => $"{a.Key.Replace('_', ' ')} {Date(a.Value)}")
            .Concat(settings.Request.Events.Select(e => $"{e.Key} {Date(e.Value)}")));
        output.WriteLine($"PICARES calendar ({PicaresProtocol.SourceFile}): {known}; study day 1 is {PicaresProtocol.Info.Study.DayOneAnchor}");
        output.WriteLine();
        output.WriteLine($"{"Visit",-20} {"Day",5}  {"Due",-10}  {"Window",-22}  {"Actual",-10}  Label");
        foreach (var visit in calendar)
        {
            var actual = visit.ActualDate is { } a ? Date(a) : "";
            output.WriteLine($"{visit.Key,-20} {visit.StudyDay,5}  {Date(visit.NominalDate)}  {Date(visit.WindowStart)}..{Date(visit.WindowEnd)}  {actual,-10}  {visit.Label}");
        }
        output.WriteLine();
        output.WriteLine($"{calendar.Count} visits planned; unscheduled visits and visits on anchors not yet known are not listed.");
    }

    private static void WriteChecks(Settings settings, IReadOnlyList<PlannedVisit> calendar, TextWriter output)
    {
        if (settings.Actual.Count == 0) return;
        output.WriteLine();
        output.WriteLine("Actual visit dates:");
        foreach (var (key, date) in settings.Actual)
        {
            var visit = calendar.FirstOrDefault(v => v.Key == key);
            if (visit is null)
            {
                output.WriteLine($"  {key,-20} {Date(date)}  not in this calendar");
                continue;
            }
            var check = WindowCheck.Check(visit, date);
            var verdict = check.Status switch
            {
                WindowStatus.InWindow => "in window",
                WindowStatus.Early => $"EARLY by {Days(check.DaysOutside)}",
                _ => $"LATE by {Days(check.DaysOutside)}",
            };
            output.WriteLine($"  {key,-20} {Date(date)}  day {check.StudyDay,-5} {verdict,-16} (due {Date(visit.NominalDate)}, window {Date(visit.WindowStart)}..{Date(visit.WindowEnd)})");
        }
    }

    /// <summary>The calendar as iCalendar: one all-day event per planned visit, on its due date, with its window and forms.</summary>
    internal static string ToICalendar(IReadOnlyList<PlannedVisit> calendar)
    {
        var ics = new Calendar { ProductId = "-//PICARES.Dsl//Schedule//EN" };
        foreach (var visit in calendar)
        {
            var due = visit.NominalDate;
            ics.Events.Add(new CalendarEvent
            {
                Uid = $"{visit.Key}@picares.protocol",
                Summary = visit.Occurrence is { } k ? $"{visit.Label} {k}" : visit.Label,
                Description = $"{visit.Key}, study day {visit.StudyDay}; window {Date(visit.WindowStart)}..{Date(visit.WindowEnd)}; " +
                              $"forms: {string.Join(", ", visit.Collect)}" +
                              (visit.Activities.Count > 0 ? "; activities: " + string.Join("; ", visit.Activities) : ""),
                DtStart = new CalDateTime(due.Year, due.Month, due.Day),
                DtEnd = new CalDateTime(due.AddDays(1).Year, due.AddDays(1).Month, due.AddDays(1).Day),
            });
        }
        return new CalendarSerializer().SerializeToString(ics) ?? "";
    }

    private static string Date(DateTime date) => CalendarMarkdown.Date(date);

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    /// <summary>The command line, read.</summary>
    private sealed record Settings(ScheduleRequest Request, IReadOnlyList<(VisitOccurrence Key, DateTime Date)> Actual, string? IcsFile)
    {
        public static Settings Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];
                if (!arg.StartsWith("--", StringComparison.Ordinal)) continue; // the command word
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? arg : arg[..eq];
                if (!Options.Contains(name)) throw new FormatException($"Unknown option {name}.");
                string value;
                if (eq >= 0) value = arg[(eq + 1)..];
                else if (i + 1 < args.Length) value = args[++i];
                else throw new FormatException($"{name} needs a value.");
                // --actual may be given more than once: its lists add up. Any other option given twice is a mistake.
                if (name == "--actual" && values.TryGetValue(name, out var earlier)) value = earlier + "," + value;
                else if (values.ContainsKey(name)) throw new FormatException($"{name} is given twice.");
                values[name] = value;
            }

            if (values.TryGetValue("--first-dose", out var firstText) && string.Equals(firstText, "none", StringComparison.OrdinalIgnoreCase))
                throw new FormatException("--first-dose: the calendar is counted from the first dose; give a date, such as 2026-01-05.");
            var firstDose = ReadDate(values, "--first-dose") ?? new DateTime(2026, 1, 5);
            var progression = values.ContainsKey("--progression") ? ReadDate(values, "--progression") : new DateTime(2026, 7, 1);
            var endOfTreatment = values.ContainsKey("--end-of-treatment") ? ReadDate(values, "--end-of-treatment") : progression;
            var death = ReadDate(values, "--death");

            var anchors = new Dictionary<string, DateTime> { ["first_dose"] = firstDose };
            if (endOfTreatment is { } eot) anchors["end_of_treatment"] = eot;
            var events = new Dictionary<string, DateTime>();
            if (progression is { } p) events["progression"] = p;
            if (death is { } d) events["death"] = d;

            var actual = new List<(VisitOccurrence, DateTime)>();
            if (values.TryGetValue("--actual", out var list))
            {
                foreach (var item in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var parts = item.Split('=', 2);
                    if (parts.Length != 2) throw new FormatException($"--actual: '{item}' should read Visit#N=yyyy-MM-dd, such as Cycle#2=2026-01-27.");
                    actual.Add((VisitOccurrence.Parse(parts[0]), ParseDate("--actual " + parts[0], parts[1])));
                }
            }

            var request = new ScheduleRequest
            {
                Anchors = anchors,
                Events = events,
                ActualDates = actual.GroupBy(a => a.Item1).ToDictionary(g => g.Key, g => g.Last().Item2),
                Horizon = ReadDate(values, "--horizon"),
            };
            return new Settings(request, actual, values.GetValueOrDefault("--ics"));
        }

        private static DateTime? ReadDate(Dictionary<string, string> values, string name) =>
            values.TryGetValue(name, out var text) && !string.Equals(text, "none", StringComparison.OrdinalIgnoreCase) ? ParseDate(name, text) : null;

        private static DateTime ParseDate(string what, string text) =>
            DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new FormatException($"{what}: '{text}' is not a date; write yyyy-MM-dd, such as 2026-01-05.");
    }
}
