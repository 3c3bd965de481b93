using System;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Compiler.Model;

/// <summary>The kinds of value an expression can have.</summary>
public enum TypeKind
{
    /// <summary>Already reported; suppresses follow-on errors.</summary>
    Error,
    /// <summary>Yes or no (three-valued at run time).</summary>
    Boolean,
    /// <summary>A dimensionless number.</summary>
    Number,
    /// <summary>A number with a unit of some dimension (durations included).</summary>
    Quantity,
    /// <summary>A calendar date.</summary>
    Date,
    /// <summary>A date and time.</summary>
    DateTime,
    /// <summary>Text.</summary>
    Text,
    /// <summary>A code of a code list.</summary>
    Code,
}

/// <summary>The type of a value: its kind, the dimension of a quantity, the code list of a code.</summary>
public sealed record ValueType(TypeKind Kind, Dimension Dimension = default, string? CodeList = null)
{
    /// <summary>The error type.</summary>
    public static ValueType Error { get; } = new(TypeKind.Error);
    /// <summary>Boolean.</summary>
    public static ValueType Boolean { get; } = new(TypeKind.Boolean);
    /// <summary>Dimensionless number.</summary>
    public static ValueType Number { get; } = new(TypeKind.Number);
    /// <summary>Date.</summary>
    public static ValueType Date { get; } = new(TypeKind.Date);
    /// <summary>Date and time.</summary>
    public static ValueType DateTime { get; } = new(TypeKind.DateTime);
    /// <summary>Text.</summary>
    public static ValueType Text { get; } = new(TypeKind.Text);

    /// <summary>
    /// A quantity of a dimension: for a dimension of the unit catalogue (every unit a protocol can write), one object for
    /// all, since quantity fields and literals are many and their dimensions few; another is made anew.
    /// </summary>
    public static ValueType QuantityOf(Dimension dimension) =>
        CatalogueQuantities.TryGetValue(dimension, out var type) ? type : new(TypeKind.Quantity, dimension);

    // Built once and only read after, so that threads compiling files at once share it safely.
    private static readonly System.Collections.Generic.Dictionary<Dimension, ValueType> CatalogueQuantities = MakeCatalogueQuantities();

    private static System.Collections.Generic.Dictionary<Dimension, ValueType> MakeCatalogueQuantities()
    {
        var types = new System.Collections.Generic.Dictionary<Dimension, ValueType>();
        foreach (var unit in UnitCatalog.All)
            if (!types.ContainsKey(unit.Dimension)) types.Add(unit.Dimension, new ValueType(TypeKind.Quantity, unit.Dimension));
        return types;
    }
    /// <summary>A code of a list.</summary>
    public static ValueType CodeOf(string codeList) => new(TypeKind.Code, default, codeList);

    /// <summary>A date or a date-time.</summary>
    public bool IsTemporal => Kind is TypeKind.Date or TypeKind.DateTime;
    /// <summary>A fixed or calendar duration.</summary>
    public bool IsDuration => Kind == TypeKind.Quantity && Dimension.IsDuration;

    /// <summary>How the type reads in a message: "a mass", "a date", "a code of Ecog".</summary>
    public override string ToString() => Kind switch
    {
        TypeKind.Quantity when Dimension == Runtime.Units.Dimension.Time => "a fixed duration",
        TypeKind.Quantity when Dimension == Runtime.Units.Dimension.Calendar => "a calendar duration",
        TypeKind.Quantity => $"a quantity of {Dimension}",
        TypeKind.Code => $"a code of {CodeList}",
        TypeKind.Number => "a number",
        TypeKind.Boolean => "a yes/no condition",
        TypeKind.Date => "a date",
        TypeKind.DateTime => "a date-time",
        TypeKind.Text => "text",
        _ => "an invalid value",
    };
}
