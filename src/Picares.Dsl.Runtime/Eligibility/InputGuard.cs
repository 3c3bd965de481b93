using System;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Runtime.Eligibility;

/// <summary>Checks values as screening input is built, so that a wrong unit or code never reaches a comparison.</summary>
public static class InputGuard
{
    /// <summary>Accepts a quantity of the field's dimension, in any unit of it; rejects any other with a message naming the field.</summary>
    /// <exception cref="InvalidInputException">The unit measures something else.</exception>
    public static Quantity? Quantity(Quantity? value, string unit, string field, double? lower = null, double? upper = null)
    {
        if (value is not { } q) return null;
        var expected = UnitCatalog.Get(unit);
        if (q.Unit is null || !q.Unit.IsCompatibleWith(expected))
            throw new InvalidInputException(field, $"{field} takes a {expected.Dimension} such as {expected.Symbol}, but was given {q} ({q.Unit?.Dimension.ToString() ?? "no unit"})");
        if (double.IsNaN(q.Value) || double.IsInfinity(q.Value))
            throw new InvalidInputException(field, $"{field} was given {q.Value}, which is not a number");
        if (lower is not null || upper is not null)
            CheckLimits(q.ConvertTo(expected).Value, q.ToString(), field, lower, upper, " " + expected.Symbol);
        return q;
    }

    /// <summary>Accepts a number within the field's hard limits; rejects NaN, infinities and values outside them.</summary>
    /// <exception cref="InvalidInputException">Not a number, or outside the hard limits.</exception>
    public static double? Number(double? value, string field, double? lower = null, double? upper = null)
    {
        if (value is not { } v) return null;
        if (double.IsNaN(v) || double.IsInfinity(v))
            throw new InvalidInputException(field, $"{field} was given {v}, which is not a number");
        CheckLimits(v, NumberText.Of(v), field, lower, upper, "");
        return v;
    }

    /// <summary>Accepts a whole number within the field's hard limits.</summary>
    /// <exception cref="InvalidInputException">Outside the hard limits.</exception>
    public static int? Number(int? value, string field, double? lower = null, double? upper = null)
    {
        if (value is { } v) CheckLimits(v, v.ToString(System.Globalization.CultureInfo.InvariantCulture), field, lower, upper, "");
        return value;
    }

    private static void CheckLimits(double value, string shown, string field, double? lower, double? upper, string unit)
    {
        if (!Limits.Contains(value, lower, upper))
            throw new InvalidInputException(field, $"{field} is {shown}, outside its hard limits {Limits.Text(lower, upper)}{unit}");
    }

    /// <summary>An untyped value as the field's value type: null stays null; any other type is rejected naming the field.</summary>
    /// <exception cref="InvalidInputException">The value has another type.</exception>
    public static T? Value<T>(object? value, string field) where T : struct =>
        value is null ? null : value is T typed ? typed : throw new InvalidInputException(field, $"{field} takes a {typeof(T).Name} value, not {value.GetType().Name} '{value}'");

    /// <summary>An untyped value as the field's text or code.</summary>
    /// <exception cref="InvalidInputException">The value is not a string.</exception>
    public static string? Text(object? value, string field) =>
        value is null ? null : value as string ?? throw new InvalidInputException(field, $"{field} takes a text value, not {value.GetType().Name} '{value}'");

    /// <summary>
    /// The position of a code in its code list, or -1 for null (missing); throws for a code the list does not
    /// have. Generated screening code keeps the position beside the code, so that criteria compare codes as
    /// numbers.
    /// </summary>
    public static int CodeIndex(string? value, string[] codes, string field)
    {
        if (value is null) return -1;
        for (int i = 0; i < codes.Length; i++) if (string.Equals(codes[i], value, StringComparison.Ordinal)) return i;
        throw new InvalidInputException(field, $"{field} takes one of {string.Join(", ", codes)}, but was given '{value}'");
    }
}

/// <summary>A screening input value that does not fit its field.</summary>
public sealed class InvalidInputException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public InvalidInputException(string field, string message) : base(message) => Field = field;

    /// <summary>The field, as Form.field.</summary>
    public string Field { get; }
}
