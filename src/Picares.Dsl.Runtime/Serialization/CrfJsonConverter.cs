using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Picares.Dsl.Runtime.Serialization;

/// <summary>
/// The base of the converters the PICARES.Dsl generator writes for each form, code list, case book and subject:
/// reflection-free code over <see cref="Utf8JsonReader"/> and <see cref="Utf8JsonWriter"/>. One reading routine
/// serves both <see cref="JsonSerializer"/> (strict: the first problem throws a <see cref="JsonException"/> naming
/// its JSON path) and <see cref="CrfJson.Read{T}(string, System.Text.Json.Serialization.Metadata.JsonTypeInfo{T})"/>
/// (every problem collected). Names in JSON are the protocol's names; the serializer options' naming policies do
/// not apply, since the protocol's names are the contract.
/// </summary>
/// <typeparam name="T">The type converted.</typeparam>
public abstract class CrfJsonConverter<T> : JsonConverter<T>
{
    /// <summary>Reads the value whose first token is the reader's current token; leaves the reader on the value's last token.</summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="context">The path and the problems so far.</param>
    public abstract T? ReadValue(ref Utf8JsonReader reader, CrfJsonReadContext context);

    /// <summary>Writes the value.</summary>
    /// <exception cref="JsonException">When a value cannot be written, such as an enum value that is not a code of its list.</exception>
    public abstract void WriteValue(Utf8JsonWriter writer, T value);

    /// <inheritdoc />
    public sealed override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadValue(ref reader, CrfJsonReadContext.Strict());

    /// <inheritdoc />
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => WriteValue(writer, value);
}

/// <summary>A list of generated models as a JSON array: repeating forms, subjects.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class CrfJsonListConverter<T> : CrfJsonConverter<List<T>> where T : class
{
    private readonly CrfJsonConverter<T> _item;
    private readonly string _what;

    /// <summary>A list converter over an item converter.</summary>
    /// <param name="item">The item converter.</param>
    /// <param name="what">What an item is, for messages: "form AdverseEvents", "subject".</param>
    public CrfJsonListConverter(CrfJsonConverter<T> item, string what)
    {
        _item = item ?? throw new ArgumentNullException(nameof(item));
        _what = what;
    }

    /// <inheritdoc />
    public override List<T>? ReadValue(ref Utf8JsonReader reader, CrfJsonReadContext context)
    {
        var list = new List<T>();
        return ReadInto(ref reader, context, list) ? list : null;
    }

    /// <summary>Reads an array into <paramref name="target"/>; null reads as no items. False when the value is not an array (reported).</summary>
    public bool ReadInto(ref Utf8JsonReader reader, CrfJsonReadContext context, List<T> target)
    {
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            context.Report(JsonProblemKind.WrongType, $"expected an array of {_what}, got {CrfJsonValues.Describe(ref reader)}");
            reader.Skip();
            return false;
        }
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            context.PushIndex(index++);
            if (reader.TokenType == JsonTokenType.Null)
                context.Report(JsonProblemKind.BadValue, $"an occurrence of {_what} cannot be null");
            else if (_item.ReadValue(ref reader, context) is { } item)
                target.Add(item);
            context.Pop();
        }
        return true;
    }

    /// <inheritdoc />
    public override void WriteValue(Utf8JsonWriter writer, List<T> value)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            if (item is null) throw new JsonException($"A list of {_what} holds a null item.");
            _item.WriteValue(writer, item);
        }
        writer.WriteEndArray();
    }
}
