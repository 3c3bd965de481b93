using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// The C# expressions that rebuild a model's values in generated code: flags, arrays, origins, doses and field
/// limits. Names and string literals are <see cref="CSharp"/>'s; the plans call these, and the templates reach them
/// through <see cref="TemplateFunctions"/>.
/// </summary>
public static class ModelValues
{
    /// <summary>A C# bool literal, or <c>null</c>.</summary>
    public static string Boolean(bool? value) => value is null ? "null" : value.Value ? "true" : "false";

    /// <summary>A C# string array (the empty array for none).</summary>
    public static string Strings(IEnumerable<string> values)
    {
        var items = values.ToList();
        return items.Count == 0 ? "global::System.Array.Empty<string>()" : "new string[] { " + string.Join(", ", items.Select(CSharp.Literal)) + " }";
    }

    /// <summary>A C# int array.</summary>
    public static string Integers(IEnumerable<int> values) =>
        "new int[] { " + string.Concat(values.Select(i => i.ToString(CultureInfo.InvariantCulture) + ", ")) + "}";

    /// <summary>The generated call that builds an origin: recorded in the registry or assumed, with its place in the file.</summary>
    public static string Origin(Origin origin) =>
        origin.IsAssumed
            ? $"__Asm({CSharp.Literal(origin.Reason)}, {CSharp.Integer(origin.Line)}, {CSharp.Integer(origin.Column)})"
            : $"__Rec({CSharp.Integer(origin.Line)}, {CSharp.Integer(origin.Column)})";

    /// <summary>A dose as a runtime quantity, or <c>null</c>.</summary>
    public static string Dose(DoseModel? dose) =>
        dose is null ? "null" : $"new global::Picares.Dsl.Runtime.Units.Quantity({CSharp.Number(dose.Value)}, {CSharp.Literal(dose.Unit)})";

    /// <summary>A dose's cap as a runtime quantity, or <c>null</c>.</summary>
    public static string DoseCap(DoseModel? dose) => Dose(dose?.Maximum);

    /// <summary>A field limit as a runtime value, or <c>null</c>.</summary>
    public static string Limit(LimitModel? limit) =>
        limit is null ? "null" : $"new global::Picares.Dsl.Runtime.Model.FieldLimit({CSharp.NullableNumber(limit.Lower)}, {CSharp.NullableNumber(limit.Upper)}, {CSharp.Literal(limit.Unit)})";

    /// <summary>An age limit as a runtime value, or <c>null</c>.</summary>
    public static string AgeLimit(Picares.Dsl.Runtime.Model.AgeLimit? limit) =>
        limit is not { } l ? "null"
        : $"new global::Picares.Dsl.Runtime.Model.AgeLimit({CSharp.Integer(l.Amount)}, global::Picares.Dsl.Runtime.Model.AgeUnit.{l.Unit})";

    /// <summary>A regimen's cycle days as the runtime's ranges: <c>DayRanges.Of(1, 14)</c>, <c>DayRanges.Empty</c> for none.</summary>
    public static string DayRanges(IEnumerable<DayRange> ranges)
    {
        var bounds = string.Join(", ", ranges.Select(r => CSharp.Integer(r.First) + ", " + CSharp.Integer(r.Last)));
        return bounds.Length == 0 ? "global::Picares.Dsl.Runtime.Model.DayRanges.Empty" : $"global::Picares.Dsl.Runtime.Model.DayRanges.Of({bounds})";
    }
}
