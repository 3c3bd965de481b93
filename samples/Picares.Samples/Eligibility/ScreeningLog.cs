using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Picares.Dsl.Runtime.Eligibility;
using Screening = Picares.Samples.Protocols.PicaresProtocol.Screening;

namespace Picares.Samples.Eligibility;

/// <summary>Screens candidates and writes the log: a readable one, or JSON for machines.</summary>
internal static class ScreeningLog
{
    /// <summary>Screens every candidate of a JSON file; returns the process exit code.</summary>
    public static int Run(string path, bool json, TextWriter output)
    {
        List<Candidate> candidates;
        try
        {
            candidates = CandidateLoader.Load(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is JsonException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"{path}: cannot read candidates: {ex.Message}");
            return 2;
        }

        var screened = candidates.Select(c => (Candidate: c, Result: c.Input is null ? null : Screening.Evaluate(c.Input, c.Dates!))).ToList();
        if (json) WriteJson(screened, output);
        else WriteText(path, screened, output);
        return 0; // rejected records are part of the log; only an unreadable file fails the run
    }

    private static void WriteText(string path, List<(Candidate Candidate, EligibilityResult? Result)> screened, TextWriter output)
    {
        output.WriteLine($"PICARES screening log: {screened.Count} candidates from {Path.GetFileName(path)}, protocol {Picares.Samples.Protocols.PicaresProtocol.SourceFile}");
        output.WriteLine();
        foreach (var (candidate, result) in screened)
        {
            if (result is null)
            {
                output.WriteLine($"{candidate.Id,-8} REJECTED   the record cannot be screened:");
                foreach (var error in candidate.Errors) output.WriteLine($"           - {error}");
                output.WriteLine();
                continue;
            }
            output.WriteLine($"{candidate.Id,-8} {result.Verdict.ToString().ToUpperInvariant()}");
            foreach (var failing in result.Failing)
            {
                var values = string.Join(", ", failing.Values.Select(v => $"{v.Input} = {v.Value}"));
                output.WriteLine($"           {failing.Criterion.Id} {Describe(failing)} (line {failing.Criterion.Origin.Location.Line}): {Shorten(failing.Criterion.Text)}");
                if (values.Length > 0) output.WriteLine($"              values: {values}");
            }
            var missing = result.Missing.Where(m => !m.StartsWith("attestation of ", StringComparison.Ordinal)).ToList();
            if (missing.Count > 0) output.WriteLine($"           missing: {string.Join(", ", missing)}");
            var attestations = result.PendingAttestations.Select(c => $"{c.Criterion.Id} ({c.Criterion.AttestedBy})").ToList();
            if (attestations.Count > 0) output.WriteLine($"           attestations pending: {string.Join(", ", attestations)}");
            output.WriteLine();
        }
        var counts = screened.GroupBy(s => s.Result?.Verdict.ToString().ToLowerInvariant() ?? "rejected").ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine("Summary: " + string.Join(", ", new[] { "eligible", "ineligible", "pending", "rejected" }.Select(k => $"{counts.GetValueOrDefault(k)} {k}")));
    }

    private static string Describe(CriterionResult result) =>
        result.Criterion.Category == Picares.Dsl.Runtime.Model.CriterionCategory.Inclusion ? "inclusion not met" : "exclusion applies";

    private static string Shorten(string text) => text.Length <= 90 ? text : text.Substring(0, 87) + "...";

    private static void WriteJson(List<(Candidate Candidate, EligibilityResult? Result)> screened, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var (candidate, result) in screened)
            {
                writer.WriteStartObject();
                writer.WriteString("id", candidate.Id);
                writer.WriteString("verdict", result?.Verdict.ToString() ?? "Rejected");
                if (result is null)
                {
                    writer.WriteStartArray("errors");
                    foreach (var e in candidate.Errors) writer.WriteStringValue(e);
                    writer.WriteEndArray();
                }
                else
                {
                    writer.WriteStartArray("criteria");
                    foreach (var c in result.Criteria)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("id", c.Criterion.Id);
                        writer.WriteString("category", c.Criterion.Category.ToString());
                        writer.WriteString("outcome", c.Outcome.ToString());
                        writer.WriteNumber("line", c.Criterion.Origin.Location.Line);
                        writer.WriteStartObject("values");
                        foreach (var v in c.Values) writer.WriteString(v.Input, v.Value);
                        writer.WriteEndObject();
                        writer.WriteStartArray("missing");
                        foreach (var m in c.Missing) writer.WriteStringValue(m);
                        writer.WriteEndArray();
                        writer.WriteBoolean("awaitingAttestation", c.AwaitingAttestation);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
