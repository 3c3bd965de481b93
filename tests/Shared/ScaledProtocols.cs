using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Picares.Dsl.Testing;

// Shared by the tests and the benchmarks (linked into both projects).

/// <summary>
/// Synthetic protocols built from PICARES.protocol, <c>scale</c> times its declarations in one file, that compile with
/// no diagnostic: the benchmarks' inputs at 10x and 100x, and the tests' large files.
/// </summary>
public static class ScaledProtocols
{
    // Declarations whose name is the first argument. Criteria have their own namespace in the binder.
    private static readonly Regex Declaration = new(
        @"^[ \t]*(?<kind>anchor|event|intervention|arm|codelist|form|criterion|visit|endpoint)[ \t]+(?<name>[A-Za-z_][A-Za-z0-9_]*)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Regex PopulationBlock = new(@"^population[ \t]*\{.*?^\}[ \t]*\r?\n", RegexOptions.Multiline | RegexOptions.Singleline);

    // The events that time-to-event endpoints derive from form data, which the binder knows by name (PIC2015): the copies
    // leave out their (top-level) declarations and do not rename them, so they are declared once and every copy refers to
    // them under the same name.
    private static readonly string[] EventsKnownByName = { "progression", "death" };

    private static readonly Regex EventKnownByNameDeclaration = new(
        @"^event[ \t]+(?:" + string.Join("|", EventsKnownByName) + @")\b[^\n]*\n", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    // Each copy brings its own arm, so the scaled study is a parallel design (PIC4009) that enrolls the original number
    // of subjects per arm (PIC4008).
    private static readonly Regex SingleGroupDesign = new(@"^([ \t]+design[ \t]+)single_group\b", RegexOptions.Multiline);
    private static readonly Regex Enrollment = new(@"^([ \t]+enrollment[ \t]+)(?<count>\d+)", RegexOptions.Multiline);

    // The population reads the birth date of the original form; the copies leave the field out, since nothing would read it (PIC4012).
    private static readonly Regex BirthDateReference = new(@"^[ \t]+birth_date[ \t]+(?<form>[A-Za-z_][A-Za-z0-9_]*)\.(?<field>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.Multiline);

    // "day -28..-1" or "day 3": study days of single visits, shifted per copy so windows never overlap (PIC3005).
    private static readonly Regex VisitDay = new(@"(?<=^[ \t]*day[ \t]+)(?<from>[+-]?\d+)(?:\.\.(?<to>[+-]?\d+))?", RegexOptions.Multiline);

    /// <summary>How many study days each copy's single-day visits move away from the previous copy's.</summary>
    private const int DayStride = 100;

    /// <summary>
    /// <paramref name="picares"/> (the text of PICARES.protocol) at <paramref name="scale"/>: scale 1 is the file itself;
    /// scale N keeps its single study and population and appends N-1 renamed copies of everything after the population block.
    /// </summary>
    public static string Build(string picares, int scale)
    {
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale));
        if (scale == 1) return picares;
        var population = PopulationBlock.Match(picares);
        if (!population.Success) throw new InvalidOperationException("PICARES.protocol has no population block to split at.");
        string head = picares.Substring(0, population.Index + population.Length);
        string body = EventKnownByNameDeclaration.Replace(picares.Substring(head.Length), "");
        body = WithoutBirthDateField(body, BirthDateReference.Match(population.Value));

        var criteria = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Declaration.Matches(body))
            (m.Groups["kind"].Value == "criterion" ? criteria : names).Add(m.Groups["name"].Value);
        names.ExceptWith(EventsKnownByName); // also matched by the 'event' statements inside endpoints
        if (criteria.Overlaps(names))
            throw new InvalidOperationException("A criterion id equals another declared name: " + string.Join(", ", criteria.Intersect(names)));

        // Every declared name and every reference to it, as a whole word; strings and comments are renamed
        // too, which changes nothing the compiler checks.
        var rename = new Regex(@"\b(?:" + string.Join("|", criteria.Concat(names).OrderByDescending(n => n.Length).Select(Regex.Escape)) + @")\b",
            RegexOptions.CultureInvariant);

        var sb = new StringBuilder(picares.Length * scale + 64 * scale);
        sb.Append(StudyOfArms(head, scale)); // the study and the population, once
        sb.Append(picares, head.Length, picares.Length - head.Length); // the original declarations
        for (int copy = 2; copy <= scale; copy++)
        {
            // Criterion ids keep their category letter first (PIC1015): I1 -> I1x2; other names get _x2.
            string renamed = rename.Replace(body, m => criteria.Contains(m.Value)
                ? m.Value + "x" + copy.ToString(CultureInfo.InvariantCulture)
                : m.Value + "_x" + copy.ToString(CultureInfo.InvariantCulture));
            int shift = (copy - 1) * DayStride;
            renamed = VisitDay.Replace(renamed, m =>
                Shift(m.Groups["from"].Value, shift) + (m.Groups["to"].Success ? ".." + Shift(m.Groups["to"].Value, shift) : ""));
            sb.Append("\n// ==== Synthetic copy ").Append(copy.ToString(CultureInfo.InvariantCulture)).Append(" of the PICARES declarations ====\n");
            sb.Append(renamed);
        }
        return sb.ToString();
    }

    private static string StudyOfArms(string head, int arms)
    {
        if (!SingleGroupDesign.IsMatch(head) || !Enrollment.IsMatch(head))
            throw new InvalidOperationException("PICARES.protocol's study no longer says 'design single_group' and 'enrollment N'.");
        head = SingleGroupDesign.Replace(head, "${1}parallel", 1);
        return Enrollment.Replace(head, m => m.Groups[1].Value +
            (int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture) * arms).ToString(CultureInfo.InvariantCulture), 1);
    }

    private static string WithoutBirthDateField(string body, Match birthDate)
    {
        if (!birthDate.Success) throw new InvalidOperationException("PICARES.protocol's population no longer reads a birth date.");
        var form = new Regex(@"^form[ \t]+" + Regex.Escape(birthDate.Groups["form"].Value) + @"\b.*?^\}", RegexOptions.Multiline | RegexOptions.Singleline).Match(body);
        var field = new Regex(@"^[ \t]+field[ \t]+" + Regex.Escape(birthDate.Groups["field"].Value) + @"\b[^\n]*\n", RegexOptions.Multiline).Match(form.Value);
        if (!form.Success || !field.Success) throw new InvalidOperationException("PICARES.protocol's birth date field is not a one-line field of its form.");
        return body.Remove(form.Index + field.Index, field.Length);
    }

    // Study days have no day 0: move negative days further back and positive days further on.
    private static string Shift(string day, int by)
    {
        int d = int.Parse(day, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int shifted = d < 0 ? d - by : d + by;
        return (day.StartsWith("+", StringComparison.Ordinal) ? "+" : "") + shifted.ToString(CultureInfo.InvariantCulture);
    }
}
