using System.IO;
using System.Linq;
using System.Text.Json;
using Picares.Samples.Eligibility;
using Xunit;

namespace Picares.Dsl.Tests.Eligibility;

/// <summary>The screening sample: bundled candidates, the log, JSON output, and malformed records.</summary>
public class ScreeningSampleTests
{
    private static string Bundled => Path.Combine(Infrastructure.Repository.Root, "samples", "Picares.Samples", "data", "candidates.json");

    [Fact]
    public void The_bundled_candidates_are_varied_and_each_gets_the_verdict_its_note_announces()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Bundled));
        var notes = document.RootElement.GetProperty("candidates").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("note").GetString()!);
        Assert.True(notes.Count >= 12);

        var output = new StringWriter();
        Assert.Equal(0, ScreeningLog.Run(Bundled, json: true, output));
        using var log = JsonDocument.Parse(output.ToString());
        var verdicts = log.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("verdict").GetString()!);
        Assert.Equal(notes.Keys.OrderBy(k => k), verdicts.Keys.OrderBy(k => k));
        foreach (var (id, note) in notes)
        {
            var expected = note.Split(':')[0] switch { "Malformed" => "Rejected", var v => v };
            Assert.True(expected == verdicts[id], $"{id}: expected {expected} ({note}), got {verdicts[id]}");
        }
        Assert.Equal(4, verdicts.Values.Distinct().Count()); // eligible, ineligible, pending and rejected all occur
    }

    [Fact]
    public void A_malformed_record_names_the_candidate_and_the_field_and_the_others_are_still_screened()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """
            [
              { "id": "A", "data": { "Vitals.weight": { "value": 70, "unit": "weeks" } } },
              { "id": "B", "data": { "Vitals.weight": { "value": 70, "unit": "kg" } } }
            ]
            """);
        try
        {
            var output = new StringWriter();
            ScreeningLog.Run(file, json: false, output);
            var text = output.ToString();
            Assert.Contains("A        REJECTED", text);
            Assert.Contains("Vitals.weight takes a mass", text);
            Assert.Contains("B        PENDING", text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_text_log_shows_failing_criteria_with_their_values_and_what_is_missing()
    {
        var output = new StringWriter();
        ScreeningLog.Run(Bundled, json: false, output);
        var text = output.ToString();
        Assert.Contains("I6 inclusion not met (line", text);
        Assert.Contains("Vitals.weight = 37.8 kg", text);
        Assert.Contains("missing: Baseline.pregnant_or_breastfeeding", text);
        Assert.Contains("attestations pending: I5 (investigator), I12 (investigator)", text);
        Assert.Contains("Summary: 4 eligible, 8 ineligible, 2 pending, 2 rejected", text);
    }
}
