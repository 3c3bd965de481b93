using System;
using System.Globalization;
using Picares.Dsl.Runtime.Model;

namespace Picares.Dsl.Runtime.Scheduling;

/// <summary>
/// One occurrence of a visit: its name and, for repeating visits, the one-based occurrence number
/// (null for a visit that happens once). Written <c>Cycle#2</c>, or just <c>Screening</c>.
/// </summary>
public readonly record struct VisitOccurrence(
    [ProtocolName(ProtocolNameKind.Visit)][property: ProtocolName(ProtocolNameKind.Visit)] string Visit,
    int? Occurrence)
{
    /// <inheritdoc />
    public override string ToString() => Occurrence is { } k ? $"{Visit}#{k.ToString(CultureInfo.InvariantCulture)}" : Visit;

    /// <summary>Reads <c>Cycle#2</c> or <c>Screening</c>.</summary>
    /// <exception cref="FormatException">When the text is not a visit name optionally followed by <c>#</c> and a positive number.</exception>
    public static VisitOccurrence Parse([ProtocolName(ProtocolNameKind.VisitOccurrence)] string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var hash = text.IndexOf('#');
        var name = (hash < 0 ? text : text.Substring(0, hash)).Trim();
        if (name.Length == 0) throw new FormatException($"'{text}' names no visit; write Visit or Visit#N, such as Cycle#2.");
        if (hash < 0) return new VisitOccurrence(name, null);
        if (!int.TryParse(text.Substring(hash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k < 1)
            throw new FormatException($"'{text}': the occurrence after '#' must be a positive whole number, such as Cycle#2.");
        return new VisitOccurrence(name, k);
    }
}
