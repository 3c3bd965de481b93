using System;
using System.Collections.Generic;
using System.Globalization;
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

    /// <summary>A member name that differs from its enclosing type's.</summary>
    public static string Member(string name, string enclosingType) => CSharp.Member(name, enclosingType);

    /// <summary>A C# int literal, or <c>null</c> (Scriban hands over any number boxed).</summary>
    public static string CsInt(object? value) =>
        CSharp.Integer(value is null ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture));

    /// <summary>A C# bool literal, or <c>null</c>.</summary>
    public static string CsBool(object? value) => ModelValues.Boolean((bool?)value);

    /// <summary>A C# string array (the empty array for none).</summary>
    public static string CsStrings(IEnumerable<string> values) => ModelValues.Strings(values);

    /// <summary>A C# int array.</summary>
    public static string CsInts(IEnumerable<int> values) => ModelValues.Integers(values);

    /// <summary>Text for an XML documentation comment.</summary>
    public static string Xml(string? text) => CSharp.Xml(text);

    /// <summary>The generated call that builds an origin.</summary>
    public static string Origin(Origin origin) => ModelValues.Origin(origin);

    /// <summary>A dose as a runtime quantity, or <c>null</c>.</summary>
    public static string Dose(DoseModel? dose) => ModelValues.Dose(dose);

    /// <summary>A dose's cap as a runtime quantity, or <c>null</c>.</summary>
    public static string DoseCap(DoseModel? dose) => ModelValues.DoseCap(dose);

    /// <summary>An age limit as a runtime value, or <c>null</c> (Scriban hands the struct over boxed).</summary>
    public static string AgeLimit(object? value) => ModelValues.AgeLimit(value as Picares.Dsl.Runtime.Model.AgeLimit?);

    /// <summary>A regimen's cycle days as the runtime's ranges.</summary>
    public static string DayRanges(IEnumerable<DayRange> ranges) => ModelValues.DayRanges(ranges);
}
