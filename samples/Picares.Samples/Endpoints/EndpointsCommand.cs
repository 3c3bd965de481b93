using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Picares.Dsl.Runtime.Endpoints;
using Picares.Dsl.Runtime.Serialization;
using Picares.Samples.Protocols;
using Crf = Picares.Samples.Protocols.PicaresProtocol.Crf;

namespace Picares.Samples.Endpoints;

/// <summary>
/// <c>endpoints [subjects.json] [--json]</c>: reads the subjects with the generated JSON API (every problem reported
/// with its JSON path), validates each case book, derives every endpoint per subject and prints the summary: adverse
/// events by worst CTCAE grade, the objective response rate with its exact interval, PFS and OS Kaplan-Meier medians.
/// Exit code 0, or 1 when the file has problems (what could be read is still analysed), 2 for bad arguments.
/// </summary>
internal static class EndpointsCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Skip(1).ToList();
        var unknown = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--json").ToList();
        if (files.Count > 1 || unknown.Count > 0)
        {
            output.WriteLine("usage: Picares.Samples endpoints [subjects.json] [--json]");
            return 2;
        }
        var file = files.FirstOrDefault() ?? Path.Combine(AppContext.BaseDirectory, "data", "subjects.json");
        if (!File.Exists(file))
        {
            output.WriteLine($"{file}: no such file");
            return 2;
        }

        var read = CrfJson.Read(File.ReadAllBytes(file), Crf.Json.Default.Subjects);
        var subjects = read.Value ?? new List<Crf.Subject>();
        var results = PicaresProtocol.Analysis.Run(subjects);
        if (args.Contains("--json")) WriteJson(output, file, read.Problems, results);
        else Print(output, file, read.Problems, results);
        return read.IsValid ? 0 : 1;
    }

    private static void Print(TextWriter o, string file, IReadOnlyList<JsonProblem> problems, PicaresProtocol.Analysis.Results results)
    {
        o.WriteLine($"{results.Subjects.Count} subjects from {Path.GetFileName(file)}");
        foreach (var problem in problems) o.WriteLine($"  JSON {problem.Kind}: {problem}");
        o.WriteLine();

        foreach (var s in results.Subjects)
        {
            var subject = s.Subject;
            o.WriteLine($"{subject.Id}  first dose {Date(subject.Anchors.FirstDose)}");
            var findings = subject.Forms.Validate();
            o.WriteLine(findings.Count == 0 ? "  CRF        no findings" : $"  CRF        {findings.Count} finding(s)");
            foreach (var f in findings)
                o.WriteLine($"             {f.Severity} {f.Form}{(f.Occurrence is { } n ? "#" + n : "")} {f.Field} ({f.Rule}, line {f.Line}): {f.Message}");

            var safety = s.Safety;
            o.WriteLine(safety.IsAnalysed
                ? $"  Safety     worst grade {safety.WorstGrade?.ToString(CultureInfo.InvariantCulture) ?? "-"}: {string.Join(", ", safety.Terms.Select(t => $"{t.Term} {t.WorstGrade}"))}"
                : "  Safety     not analysed");
            var orr = s.ORR;
            o.WriteLine(orr.Result is { } bor
                ? $"  ORR        best {bor.Best}{(bor.BestResponseDate is { } d ? " on " + Date(d) : bor.HasPostBaselineAssessment ? "" : " (no post-baseline assessment)")}" +
                  $"{(bor.ConfirmationDate is { } c ? ", confirmed on " + Date(c) : "")}{(orr.IsResponder ? ", responder" : "")}; from {Refs(orr.Used)}"
                : $"  ORR        not analysed: {orr.NotAnalysedReason}");
            o.WriteLine("  PFS        " + TimeToEvent(s.PFS));
            o.WriteLine("  OS         " + TimeToEvent(s.OS));
            var notUsed = s.Safety.NotUsed.Concat(s.ORR.NotUsed).Concat(s.PFS.NotUsed).Concat(s.OS.NotUsed)
                .GroupBy(u => u.ToString()).Select(g => g.Key).ToList();
            foreach (var u in notUsed) o.WriteLine($"  not used   {u}");
            o.WriteLine();
        }

        var confidence = (results.ConfidenceLevel * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
        var safetySummary = results.Safety;
        o.WriteLine($"Safety: subjects by worst CTCAE grade (N = {safetySummary.Analysed}; {confidence} CI)");
        var width = Math.Max(20, safetySummary.Terms.Select(t => t.Term.Length).DefaultIfEmpty(0).Max() + 2);
        o.WriteLine("  " + "term".PadRight(width) + " G1  G2  G3  G4  G5   any grade                      grade 3 or worse");
        foreach (var row in new[] { safetySummary.AnyEvent }.Concat(safetySummary.Terms))
            o.WriteLine("  " + row.Term.PadRight(width) + string.Concat(row.ByWorstGrade.Select(n => n.ToString(CultureInfo.InvariantCulture).PadLeft(3) + " "))
                        + "  " + Proportion(row.AnyGrade).PadRight(31) + Proportion(row.Grade3OrWorse));
        o.WriteLine();

        var orrSummary = results.ORR;
        o.WriteLine($"ORR: {Proportion(orrSummary.Rate)} ({confidence} CI, Clopper-Pearson); best overall response: " +
                    string.Join(", ", orrSummary.BestResponses.Select(p => $"{p.Key} {p.Value}")) + $"; evaluable {orrSummary.Evaluable}");
        o.WriteLine("PFS: " + Survival(results.PFS, confidence));
        o.WriteLine("OS:  " + Survival(results.OS, confidence));
    }

    private static string TimeToEvent(SubjectTimeToEvent t) => t.Observation is not { } obs
        ? "not analysed: " + t.Basis
        : (obs.Event ? $"{t.Event} on day {Days(obs.TimeInDays)} ({Date(t.Date)})" : $"censored on day {Days(obs.TimeInDays)} ({Date(t.Date)})") + "; " + t.Basis;

    private static string Survival(TimeToEventSummary s, string confidence)
    {
        var curve = s.Curve;
        var median = curve.Median is { } m ? $"median {Days(m)} days ({confidence} CI {Days(curve.MedianLower)} to {Days(curve.MedianUpper)})" : "median not reached";
        return $"{s.Analysed} analysed, {s.Events} events, {s.Censored} censored; {median}";
    }

    private static string Proportion(ProportionEstimate p) => p.Proportion is not { } value
        ? $"{p.Count}/{p.N}"
        : $"{p.Count}/{p.N} {Percent(value)} ({Percent(p.Lower!.Value)} to {Percent(p.Upper!.Value)})";

    private static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
    private static string Days(double? days) => days is { } d ? d.ToString("0", CultureInfo.InvariantCulture) : "NE";
    private static string Date(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";
    private static string Refs(IEnumerable<EndpointRecord> records) => records.Any() ? string.Join(", ", records.Select(r => r.Reference)) : "no assessment";

    private static void WriteJson(TextWriter o, string file, IReadOnlyList<JsonProblem> problems, PicaresProtocol.Analysis.Results results)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("file", Path.GetFileName(file));
            w.WriteStartArray("problems");
            foreach (var p in problems)
            {
                w.WriteStartObject();
                w.WriteString("path", p.Path);
                w.WriteString("kind", p.Kind.ToString());
                w.WriteString("message", p.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("subjects");
            foreach (var s in results.Subjects)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Subject.Id);
                w.WriteNumber("findings", s.Subject.Forms.Validate().Count);
                if (s.Safety.WorstGrade is { } g) w.WriteNumber("worstGrade", g); else w.WriteNull("worstGrade");
                if (s.ORR.Result is { } bor) w.WriteString("bestOverallResponse", bor.Best.ToString()); else w.WriteNull("bestOverallResponse");
                if (s.ORR.Result?.ConfirmationDate is { } confirmed) w.WriteString("confirmedOn", Date(confirmed)); else w.WriteNull("confirmedOn");
                w.WriteBoolean("responder", s.ORR.IsResponder);
                foreach (var (name, t) in new[] { ("pfs", s.PFS), ("os", s.OS) })
                {
                    w.WriteStartObject(name);
                    if (t.Observation is { } obs)
                    {
                        w.WriteNumber("days", obs.TimeInDays);
                        w.WriteBoolean("event", obs.Event);
                    }
                    w.WriteString("basis", t.Basis);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("confidenceLevel", results.ConfidenceLevel);
            w.WriteStartObject("safety");
            foreach (var row in new[] { results.Safety.AnyEvent }.Concat(results.Safety.Terms))
            {
                w.WriteStartArray(row.Term);
                foreach (var n in row.ByWorstGrade) w.WriteNumberValue(n);
                w.WriteEndArray();
            }
            w.WriteEndObject();
            WriteProportion(w, "orr", results.ORR.Rate);
            foreach (var (name, t) in new[] { ("pfs", results.PFS), ("os", results.OS) })
            {
                w.WriteStartObject(name);
                w.WriteNumber("events", t.Events);
                w.WriteNumber("censored", t.Censored);
                WriteNumber(w, "median", t.Curve.Median);
                WriteNumber(w, "medianLower", t.Curve.MedianLower);
                WriteNumber(w, "medianUpper", t.Curve.MedianUpper);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        o.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteProportion(Utf8JsonWriter w, string name, ProportionEstimate p)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", p.Count);
        w.WriteNumber("n", p.N);
        WriteNumber(w, "proportion", p.Proportion);
        WriteNumber(w, "lower", p.Lower);
        WriteNumber(w, "upper", p.Upper);
        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
