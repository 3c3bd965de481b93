using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Picares.Dsl.Runtime.Eligibility;
using Picares.Dsl.Runtime.Model;
using Picares.Dsl.Runtime.Units;
using Picares.Samples.Protocols;
using Screening = Picares.Samples.Protocols.PicaresProtocol.Screening;

namespace Picares.Samples.Eligibility;

/// <summary>A candidate read from JSON: the typed input, or the errors that kept it from being built.</summary>
internal sealed record Candidate(string Id, Screening.Input? Input, Screening.Dates? Dates, IReadOnlyList<string> Errors);

/// <summary>
/// Reads candidates from JSON. Each datum is named as in the protocol (Form.field) and converted by the
/// field's type from the generated model: dates as ISO 8601, quantities as { "value": 62, "unit": "kg" },
/// codes as strings. A datum that does not fit is reported with the candidate and the field; the other
/// candidates are still read.
/// </summary>
internal static class CandidateLoader
{
    /// <summary>The fields the criteria read (and the birth date for the age range): the screening input's fields.</summary>
    private static readonly HashSet<string> Screened = new(PicaresProtocol.Criteria.All.SelectMany(c => c.Reads)
        .Concat(new[] { PicaresProtocol.Population.BirthDateField ?? "" }));

    private static readonly Dictionary<string, FieldInfo> Fields = PicaresProtocol.Forms.All
        .SelectMany(form => form.Fields.Select(field => (Key: form.Name + "." + field.Name, Field: field)))
        .ToDictionary(x => x.Key, x => x.Field);

    public static List<Candidate> Load(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("candidates", out var c) ? c : root;
        var candidates = new List<Candidate>();
        int index = 0;
        foreach (var element in list.EnumerateArray())
        {
            index++;
            candidates.Add(Read(element, index));
        }
        return candidates;
    }

    private static Candidate Read(JsonElement element, int index)
    {
        var id = element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : $"#{index}";
        var errors = new List<string>();
        var input = new Screening.Input();
        var dates = new Screening.Dates();

        if (element.TryGetProperty("dates", out var datesElement))
            foreach (var property in datesElement.EnumerateObject())
                Try(errors, "dates." + property.Name, () => dates.Set(property.Name, ReadDate(property.Value, "dates." + property.Name)));

        if (element.TryGetProperty("data", out var data))
            foreach (var property in data.EnumerateObject())
            {
                if (!Fields.TryGetValue(property.Name, out var field))
                {
                    errors.Add($"{property.Name}: no such field in the protocol");
                    continue;
                }
                if (!Screened.Contains(property.Name)) continue; // a protocol field no criterion reads: not needed to screen
                Try(errors, property.Name, () => input.Set(property.Name, Convert(property.Value, field, property.Name)));
            }

        if (element.TryGetProperty("attestations", out var attestations))
            foreach (var property in attestations.EnumerateObject())
                Try(errors, "attestations." + property.Name, () => input.Attestations.Set(property.Name, property.Value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Null => null,
                    _ => throw new InvalidInputException(property.Name, $"attestation {property.Name} takes true, false or null"),
                }));

        return errors.Count == 0 ? new Candidate(id, input, dates, errors) : new Candidate(id, null, null, errors);
    }

    private static void Try(List<string> errors, string field, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            errors.Add(ex is InvalidInputException invalid && invalid.Message.StartsWith(invalid.Field, StringComparison.Ordinal) ? invalid.Message : $"{field}: {ex.Message}");
        }
    }

    private static object? Convert(JsonElement value, FieldInfo field, string key)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        return field.DataType switch
        {
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw new FormatException($"{key} takes true or false"),
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i : throw new FormatException($"{key} takes a whole number"),
            "decimal" => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new FormatException($"{key} takes a number"),
            "date" or "datetime" => ReadDate(value, key),
            "quantity" => ReadQuantity(value, key),
            "code" => value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => throw new FormatException($"{key} takes a code"),
            },
            _ => value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"{key} takes text"),
        };
    }

    private static DateTime? ReadDate(JsonElement value, string key)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String &&
            DateTime.TryParseExact(value.GetString(), new[] { "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        throw new FormatException($"{key} takes a date as yyyy-MM-dd or yyyy-MM-ddTHH:mm, not {value.GetRawText()}");
    }

    private static Quantity ReadQuantity(JsonElement value, string key)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("value", out var number) || number.ValueKind != JsonValueKind.Number ||
            !value.TryGetProperty("unit", out var unit) || unit.ValueKind != JsonValueKind.String)
            throw new FormatException($"{key} takes {{ \"value\": <number>, \"unit\": \"<unit>\" }}, not {value.GetRawText()}");
        if (!UnitCatalog.TryFind(unit.GetString()!, out var u))
            throw new FormatException($"{key}: unknown unit '{unit.GetString()}'");
        return new Quantity(number.GetDouble(), u);
    }
}
