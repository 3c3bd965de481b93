using System.Collections.Generic;

namespace Picares.Dsl.Runtime.Serialization;

/// <summary>What kind of problem a JSON document has for the generated CRF models.</summary>
public enum JsonProblemKind
{
    /// <summary>The text is not JSON (reading stops there).</summary>
    Syntax,
    /// <summary>A property that the form, the case book or the subject does not have.</summary>
    UnknownProperty,
    /// <summary>A property given twice in one object; the first value is kept.</summary>
    DuplicateProperty,
    /// <summary>A value of the wrong JSON type: a string for an integer, an array for a form.</summary>
    WrongType,
    /// <summary>A string that is not a code of the field's code list.</summary>
    UnknownCode,
    /// <summary>A quantity whose unit is unknown or measures something else than the field.</summary>
    BadUnit,
    /// <summary>A value of the right JSON type that the field cannot hold: a number out of range, an invalid date, a null occurrence.</summary>
    BadValue,
}

/// <summary>One problem of a JSON document, at its JSON path (<c>$.AdverseEvents[2].grade</c>, array indexes from 0).</summary>
/// <param name="Path">Where: the JSON path of the value or property.</param>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record JsonProblem(string Path, JsonProblemKind Kind, string Message)
{
    /// <summary>"$.AdverseEvents[2].grade: expected an integer, got a string".</summary>
    public override string ToString() => Path + ": " + Message;
}

/// <summary>
/// What <see cref="CrfJson.Read{T}(string, System.Text.Json.Serialization.Metadata.JsonTypeInfo{T})"/> made of a
/// document: the value with every readable datum, and every problem. A value that could not be read is left empty
/// (null) and reported; nothing is dropped silently.
/// </summary>
/// <typeparam name="T">The type read.</typeparam>
/// <param name="Value">The value read; default when the document has a syntax error or its root is of the wrong type.</param>
/// <param name="Problems">Every problem, in document order.</param>
public sealed record JsonReadResult<T>(T? Value, IReadOnlyList<JsonProblem> Problems)
{
    /// <summary>True when there is no problem.</summary>
    public bool IsValid => Problems.Count == 0;
}
