using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// The functions the templates call, by their snake_case names (<c>CsString</c> is <c>cs_string</c>). They are
/// imported as methods, not as delegates: Scriban calls an imported delegate through <c>DynamicInvoke</c>, which
/// made reflection objects and dynamic methods on every call and cost more than the rendering itself.
/// </summary>
public static class TemplateFunctions
{
    /// <summary>A C# string literal, or <c>null</c>.</summary>
    public static string CsString(string? value) => CSharp.Literal(value);

    /// <summary>A C# identifier.</summary>
    public static string CsName(string name) => CSharp.Identifier(name);

    /// <summary>A member name that differs from its enclosing type's.</summary>
    public static string Member(string name, string enclosingType) => CSharp.Member(name, enclosingType);

    /// <summary>A C# int literal, or <c>null</c>.</summary>
    public static string CsInt(object? value) =>
        value is null ? "null" : Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    /// <summary>A C# bool literal, or <c>null</c>.</summary>
    public static string CsBool(object? value) => value is null ? "null" : (bool)value ? "true" : "false";

    /// <summary>A C# string array (the empty array for none).</summary>
    public static string CsStrings(IEnumerable<string> values)
    {
        var items = values.ToList();
        return items.Count == 0 ? "global::System.Array.Empty<string>()" : "new string[] { " + string.Join(", ", items.Select(CSharp.Literal)) + " }";
    }

    /// <summary>A C# int array.</summary>
    public static string CsInts(IEnumerable<int> values) =>
        "new int[] { " + string.Concat(values.Select(i => i.ToString(CultureInfo.InvariantCulture) + ", ")) + "}";

    /// <summary>Text for an XML documentation comment.</summary>
    public static string Xml(string? text) => CSharp.Xml(text);

    /// <summary>The generated call that builds an origin: recorded in the registry or assumed, with its place in the file.</summary>
    public static string Origin(Origin origin) =>
        origin.IsAssumed
            ? $"__Asm({CSharp.Literal(origin.Reason)}, {origin.Line.ToString(CultureInfo.InvariantCulture)}, {origin.Column.ToString(CultureInfo.InvariantCulture)})"
            : $"__Rec({origin.Line.ToString(CultureInfo.InvariantCulture)}, {origin.Column.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>A dose as a runtime quantity, or <c>null</c>.</summary>
    public static string Dose(DoseModel? dose) =>
        dose is null ? "null" : $"new global::Picares.Dsl.Runtime.Units.Quantity({CSharp.Number(dose.Value)}, {CSharp.Literal(dose.Unit)})";

    /// <summary>A field limit as a runtime value, or <c>null</c>.</summary>
    public static string Limit(LimitModel? limit) =>
        limit is null ? "null" : $"new global::Picares.Dsl.Runtime.Model.FieldLimit({CSharp.NullableNumber(limit.Lower)}, {CSharp.NullableNumber(limit.Upper)}, {CSharp.Literal(limit.Unit)})";
}
