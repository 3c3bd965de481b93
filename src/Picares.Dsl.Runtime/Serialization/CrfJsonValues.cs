using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Runtime.Serialization;

/// <summary>Reads a code of a code list into its enum; generated code passes each list's <c>TryParse</c>.</summary>
/// <typeparam name="TEnum">The code list's enum.</typeparam>
public delegate bool CodeParser<TEnum>(string? code, out TEnum value);

/// <summary>
/// The reading and writing of single values that generated converters share. Every reader takes the reader on the
/// value's token, returns null for JSON null, and reports a value of the wrong JSON type (skipping it) instead of
/// guessing. Dates are ISO 8601 (<c>2026-01-05</c>, <c>2026-01-05T09:30:00</c>), quantities
/// <c>{ "value": 62, "unit": "kg" }</c>, codes the protocol's code text.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CrfJsonValues
{
    /// <summary>True on an object; false on null, or on another token (reported and skipped).</summary>
    public static bool BeginObject(ref Utf8JsonReader reader, CrfJsonReadContext context, string what)
    {
        if (reader.TokenType == JsonTokenType.StartObject) return true;
        if (reader.TokenType != JsonTokenType.Null)
        {
            context.Report(JsonProblemKind.WrongType, $"expected {what} (an object), got {Describe(ref reader)}");
            reader.Skip();
        }
        return false;
    }

    /// <summary>
    /// Moves to the next property of an object and onto its value, entering its path (the caller pops it); false at
    /// the object's end. A property given twice is reported and its second value skipped.
    /// </summary>
    public static bool NextProperty(ref Utf8JsonReader reader, CrfJsonReadContext context, HashSet<string> seen, out string name)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            name = reader.GetString() ?? "";
            reader.Read();
            context.PushProperty(name);
            if (seen.Add(name)) return true;
            context.Report(JsonProblemKind.DuplicateProperty, $"'{name}' is given more than once; the first value is kept");
            reader.Skip();
            context.Pop();
        }
        name = "";
        return false;
    }

    /// <summary>Reports a property the object does not have and skips its value.</summary>
    public static void Unknown(ref Utf8JsonReader reader, CrfJsonReadContext context, string name, string owner, string known)
    {
        context.Report(JsonProblemKind.UnknownProperty, $"'{name}' is not a property of {owner}; its properties are: {known}");
        reader.Skip();
    }

    /// <summary>A string.</summary>
    public static string? Text(ref Utf8JsonReader reader, CrfJsonReadContext context) =>
        Expect(ref reader, context, JsonTokenType.String, "a string") ? reader.GetString() : null;

    /// <summary>A whole number in the range of <see cref="int"/>.</summary>
    public static int? Integer(ref Utf8JsonReader reader, CrfJsonReadContext context)
    {
        if (!Expect(ref reader, context, JsonTokenType.Number, "an integer")) return null;
        if (reader.TryGetInt32(out var value)) return value;
        context.Report(JsonProblemKind.BadValue, $"{Raw(ref reader)} is not an integer from {int.MinValue} to {int.MaxValue}");
        return null;
    }

    /// <summary>A finite number.</summary>
    public static double? Decimal(ref Utf8JsonReader reader, CrfJsonReadContext context)
    {
        if (!Expect(ref reader, context, JsonTokenType.Number, "a number")) return null;
        if (reader.TryGetDouble(out var value) && !double.IsNaN(value) && !double.IsInfinity(value)) return value;
        context.Report(JsonProblemKind.BadValue, $"{Raw(ref reader)} is not a finite number");
        return null;
    }

    /// <summary>true or false.</summary>
    public static bool? Boolean(ref Utf8JsonReader reader, CrfJsonReadContext context)
    {
        if (reader.TokenType == JsonTokenType.True) return true;
        if (reader.TokenType == JsonTokenType.False) return false;
        Expect(ref reader, context, JsonTokenType.True, "true or false");
        return null;
    }

    /// <summary>An ISO 8601 date or date and time.</summary>
    public static DateTime? Date(ref Utf8JsonReader reader, CrfJsonReadContext context)
    {
        if (!Expect(ref reader, context, JsonTokenType.String, "an ISO 8601 date such as \"2026-01-05\"")) return null;
        if (reader.TryGetDateTime(out var value)) return value;
        context.Report(JsonProblemKind.BadValue, $"\"{reader.GetString()}\" is not an ISO 8601 date such as \"2026-01-05\" or \"2026-01-05T09:30:00\"");
        return null;
    }

    /// <summary>
    /// A quantity <c>{ "value": 62, "unit": "kg" }</c>. An unknown unit is reported and the quantity left empty; a unit
    /// that measures something else than <paramref name="fieldUnit"/> is reported and the quantity kept as given, so that
    /// the form's edit checks see it too.
    /// </summary>
    public static Quantity? Quantity(ref Utf8JsonReader reader, CrfJsonReadContext context, string fieldUnit)
    {
        if (!BeginObject(ref reader, context, $"a quantity such as {{ \"value\": 1, \"unit\": \"{fieldUnit}\" }}")) return null;
        double? value = null;
        string? unit = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(ref reader, context, seen, out var name))
        {
            switch (name)
            {
                case "value": value = Decimal(ref reader, context); break;
                case "unit": unit = Text(ref reader, context); break;
                default: Unknown(ref reader, context, name, "a quantity", "value, unit"); break;
            }
            context.Pop();
        }
        if (value is null || unit is null)
        {
            if (!seen.Contains("value") || !seen.Contains("unit"))
                context.Report(JsonProblemKind.BadValue, $"a quantity needs both \"value\" and \"unit\", such as {{ \"value\": 1, \"unit\": \"{fieldUnit}\" }}");
            return null;
        }
        context.PushProperty("unit");
        try
        {
            if (!UnitCatalog.TryFind(unit, out var found))
            {
                context.Report(JsonProblemKind.BadUnit, $"unknown unit '{unit}': units are case-sensitive, such as {fieldUnit}");
                return null;
            }
            var expected = UnitCatalog.Get(fieldUnit);
            if (!found.IsCompatibleWith(expected))
                context.Report(JsonProblemKind.BadUnit, $"'{unit}' measures {found.Dimension}, but this field takes a {expected.Dimension} such as {fieldUnit}");
            return new Quantity(value.Value, found);
        }
        finally
        {
            context.Pop();
        }
    }

    /// <summary>A code of a code list, as the protocol writes it.</summary>
    public static TEnum? Code<TEnum>(ref Utf8JsonReader reader, CrfJsonReadContext context, CodeParser<TEnum> parse, string codeList, string codes)
        where TEnum : struct
    {
        if (!Expect(ref reader, context, JsonTokenType.String, $"a code of code list {codeList} (a string: {codes})")) return null;
        var code = reader.GetString();
        if (parse(code, out var value)) return value;
        context.Report(JsonProblemKind.UnknownCode, $"'{code}' is not a code of code list {codeList}; its codes are: {codes}");
        return null;
    }

    /// <summary>One of some names the protocol declares, such as an arm's: an unknown one is reported with the names known.</summary>
    public static string? OneOf(ref Utf8JsonReader reader, CrfJsonReadContext context, string what, IReadOnlyList<string> names)
    {
        var known = names.Count == 0 ? "none is declared" : string.Join(", ", names);
        if (!Expect(ref reader, context, JsonTokenType.String, $"{what} (a string: {known})")) return null;
        var name = reader.GetString();
        foreach (var n in names)
            if (string.Equals(n, name, StringComparison.Ordinal)) return n;
        context.Report(JsonProblemKind.UnknownCode, names.Count == 0 ? $"'{name}' is not {what}: the protocol declares none" : $"'{name}' is not {what}; the protocol's are: {known}");
        return null;
    }

    /// <summary>Writes a string property unless null.</summary>
    public static void WriteText(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }

    /// <summary>Writes an integer property unless null.</summary>
    public static void WriteInteger(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } v) writer.WriteNumber(name, v);
    }

    /// <summary>Writes a number property unless null.</summary>
    /// <exception cref="JsonException">When the number is NaN or infinite, which JSON cannot hold.</exception>
    public static void WriteDecimal(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is not { } v) return;
        writer.WriteNumber(name, Finite(v, name));
    }

    /// <summary>Writes a boolean property unless null.</summary>
    public static void WriteBoolean(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is { } v) writer.WriteBoolean(name, v);
    }

    /// <summary>Writes a date property unless null: <c>2026-01-05</c>, with the time of day only when it has one.</summary>
    public static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, DateTime? value)
    {
        if (value is not { } v) return;
        if (v.TimeOfDay == TimeSpan.Zero && v.Kind != DateTimeKind.Utc) writer.WriteString(name, v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else writer.WriteString(name, v);
    }

    /// <summary>Writes a date-and-time property unless null, ISO 8601 as <see cref="Utf8JsonWriter"/> writes it.</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, JsonEncodedText name, DateTime? value)
    {
        if (value is { } v) writer.WriteString(name, v);
    }

    /// <summary>Writes a quantity property unless null: <c>{ "value": 62, "unit": "kg" }</c>, in the unit it was given.</summary>
    /// <exception cref="JsonException">When the quantity has no unit (a default value) or its number is not finite.</exception>
    public static void WriteQuantity(Utf8JsonWriter writer, JsonEncodedText name, Quantity? value)
    {
        if (value is not { } q) return;
        if (q.Unit is null) throw new JsonException($"The quantity of '{name}' has no unit.");
        writer.WriteStartObject(name);
        writer.WriteNumber("value", Finite(q.Value, name));
        writer.WriteString("unit", q.Unit.Symbol);
        writer.WriteEndObject();
    }

    /// <summary>Writes a code property unless the field is null; an enum value that is not a code of its list cannot be written.</summary>
    /// <exception cref="JsonException">When <paramref name="code"/> is null for a value.</exception>
    public static void WriteCode(Utf8JsonWriter writer, JsonEncodedText name, bool hasValue, string? code, string codeList, object? value)
    {
        if (!hasValue) return;
        writer.WriteString(name, code ?? throw new JsonException($"'{name}' holds {value}, which is not a code of code list {codeList}."));
    }

    /// <summary>The JSON type of the current token, in words, with a short excerpt of its text.</summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "a string (\"" + Shorten(reader.GetString() ?? "") + "\")",
        JsonTokenType.Number => "a number (" + Raw(ref reader) + ")",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => reader.TokenType.ToString(),
    };

    private static bool Expect(ref Utf8JsonReader reader, CrfJsonReadContext context, JsonTokenType type, string what)
    {
        if (reader.TokenType == type) return true;
        if (reader.TokenType == JsonTokenType.Null) return false;
        context.Report(JsonProblemKind.WrongType, $"expected {what}, got {Describe(ref reader)}");
        reader.Skip();
        return false;
    }

    private static double Finite(double value, JsonEncodedText name) =>
        double.IsNaN(value) || double.IsInfinity(value) ? throw new JsonException($"'{name}' is {value}, which JSON cannot hold.") : value;

    private static string Raw(ref Utf8JsonReader reader)
    {
        var bytes = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        return Shorten(Encoding.UTF8.GetString(bytes));
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
}
