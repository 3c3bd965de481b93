using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Picares.Dsl.Runtime.Serialization;

/// <summary>
/// Reads generated CRF models from JSON and reports every problem with its JSON path, instead of throwing at the
/// first one as <see cref="JsonSerializer"/> does:
/// <code>
/// var result = CrfJson.Read(json, PicaresProtocol.Crf.Json.Default.CaseBook);
/// foreach (var p in result.Problems) Console.WriteLine(p);   // $.AdverseEvents[2].grade: expected an integer, got a string ("3")
/// </code>
/// </summary>
public static class CrfJson
{
    /// <summary>Reads <paramref name="json"/> as a <typeparamref name="T"/>, collecting every problem.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="typeInfo">A type info of a generated <c>Crf.Json</c> context, such as <c>Crf.Json.Default.CaseBook</c>.</param>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="typeInfo"/> is not one of a generated CRF context.</exception>
    public static JsonReadResult<T> Read<T>(string json, JsonTypeInfo<T> typeInfo)
    {
        if (json is null) throw new ArgumentNullException(nameof(json));
        return Read(Encoding.UTF8.GetBytes(json), typeInfo);
    }

    /// <summary>Reads UTF-8 <paramref name="utf8Json"/> as a <typeparamref name="T"/>, collecting every problem.</summary>
    /// <param name="utf8Json">The JSON text, UTF-8.</param>
    /// <param name="typeInfo">A type info of a generated <c>Crf.Json</c> context, such as <c>Crf.Json.Default.CaseBook</c>.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="typeInfo"/> is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="typeInfo"/> is not one of a generated CRF context.</exception>
    public static JsonReadResult<T> Read<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo)
    {
        if (typeInfo is null) throw new ArgumentNullException(nameof(typeInfo));
        if (typeInfo.Converter is not CrfJsonConverter<T> converter)
            throw new ArgumentException($"{typeof(T).Name} is not read by a generated CRF converter; pass a type info of a generated Crf.Json context.", nameof(typeInfo));

        var context = CrfJsonReadContext.Collecting();
        T? value = default;
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read())
                context.Add(new JsonProblem("$", JsonProblemKind.Syntax, "the document is empty"));
            else if (reader.TokenType == JsonTokenType.Null)
                context.Add(new JsonProblem("$", JsonProblemKind.WrongType, $"expected {typeof(T).Name}, got null"));
            else
            {
                value = converter.ReadValue(ref reader, context);
                reader.Read(); // throws on anything after the value
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            value = default;
            context.Add(new JsonProblem(context.Path, JsonProblemKind.Syntax, "not valid JSON: " + ex.Message));
        }
        return new JsonReadResult<T>(value, context.Problems);
    }
}
