using System;
using System.Globalization;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Runtime.Eligibility;

/// <summary>
/// An input a criterion read and the value it had. The value is kept as it was read and formatted (invariantly)
/// only when <see cref="Value"/> is asked for, so that evaluating does not pay for text nobody reads.
/// </summary>
public readonly struct ObservedValue : IEquatable<ObservedValue>
{
    private enum Kind : byte { Text, Number, Integer, Boolean, Date, Quantity }

    private readonly Kind _kind;
    private readonly double _number;
    private readonly DateTime _date;
    private readonly object? _reference; // the text, or the quantity's unit

    /// <summary>A text or code value.</summary>
    public ObservedValue(string input, string value) : this(input, Kind.Text, 0, default, value) { }
    /// <summary>A number.</summary>
    public ObservedValue(string input, double value) : this(input, Kind.Number, value, default, null) { }
    /// <summary>A whole number.</summary>
    public ObservedValue(string input, int value) : this(input, Kind.Integer, value, default, null) { }
    /// <summary>A yes/no value.</summary>
    public ObservedValue(string input, bool value) : this(input, Kind.Boolean, value ? 1 : 0, default, null) { }
    /// <summary>A date or date-time.</summary>
    public ObservedValue(string input, DateTime value) : this(input, Kind.Date, 0, value, null) { }
    /// <summary>A quantity, in the unit it was given in.</summary>
    public ObservedValue(string input, Quantity value) : this(input, Kind.Quantity, value.Value, default, value.Unit) { }

    private ObservedValue(string input, Kind kind, double number, DateTime date, object? reference)
    {
        Input = input;
        _kind = kind;
        _number = number;
        _date = date;
        _reference = reference;
    }

    /// <summary>The input, as Form.field or the anchor's name.</summary>
    public string Input { get; }

    /// <summary>The value as invariant text: "62 kg", "2026-03-02", "2026-03-02 09:00", "yes", "PR".</summary>
    public string Value => _kind switch
    {
        Kind.Text => (string?)_reference ?? "",
        Kind.Number => NumberText.Of(_number),
        Kind.Integer => ((long)_number).ToString(CultureInfo.InvariantCulture),
        Kind.Boolean => _number != 0 ? "yes" : "no",
        Kind.Date => _date.TimeOfDay == TimeSpan.Zero ? _date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : _date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => new Quantity(_number, (Unit)_reference!).ToString(),
    };

    /// <summary>Same input and same text.</summary>
    public bool Equals(ObservedValue other) => Input == other.Input && Value == other.Value;
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ObservedValue other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Input ?? "") ^ StringComparer.Ordinal.GetHashCode(Value);
    /// <summary>Equality.</summary>
    public static bool operator ==(ObservedValue left, ObservedValue right) => left.Equals(right);
    /// <summary>Inequality.</summary>
    public static bool operator !=(ObservedValue left, ObservedValue right) => !left.Equals(right);
    /// <summary>"Vitals.weight = 62 kg".</summary>
    public override string ToString() => Input + " = " + Value;
}
