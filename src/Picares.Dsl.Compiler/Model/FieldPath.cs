namespace Picares.Dsl.Compiler.Model;

/// <summary>
/// The <c>Form.field</c> text by which the model refers to a form field: what criteria read
/// (<see cref="CriterionModel.Reads"/>), endpoint data, the population's birth-date field, stratification factors; and
/// the <c>@anchor</c> text by which what a criterion reads names an anchor's date.
/// </summary>
public static class FieldPath
{
    /// <summary><c>@anchor</c>: a read of an anchor's date.</summary>
    public static string OfAnchor(string anchor) => "@" + anchor;

    /// <summary>The anchor of an <c>@anchor</c> read, or null for a field's path.</summary>
    public static string? AnchorOf(string read) => read.StartsWith("@", System.StringComparison.Ordinal) ? read.Substring(1) : null;

    /// <summary><c>Form.field</c>.</summary>
    public static string Of(string form, string field) => form + "." + field;

    /// <summary>The form of a <c>Form.field</c> path (the whole text when it has no dot), without splitting off the field.</summary>
    public static string FormOf(string path)
    {
        var dot = path.IndexOf('.');
        return dot < 0 ? path : path.Substring(0, dot);
    }

    /// <summary>The form and field of a <c>Form.field</c> path (the whole text as the form when it has no dot).</summary>
    public static (string Form, string Field) Split(string path)
    {
        var dot = path.IndexOf('.');
        return dot < 0 ? (path, "") : (path.Substring(0, dot), path.Substring(dot + 1));
    }
}
