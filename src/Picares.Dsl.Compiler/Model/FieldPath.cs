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
    public static string? AnchorOf(string read) => IsAnchorRead(read) ? read.Substring(1) : null;

    /// <summary>Whether a read is an <c>@anchor</c> read (as <see cref="AnchorOf"/> is not null), asked without cutting out its name.</summary>
    public static bool IsAnchorRead(string read) => read.StartsWith("@", System.StringComparison.Ordinal);

    /// <summary><c>Form.field</c>.</summary>
    public static string Of(string form, string field) => form + "." + field;

    /// <summary>The form of a <c>Form.field</c> path (the whole text when it has no dot), without splitting off the field.</summary>
    public static string FormOf(string path)
    {
        var dot = path.IndexOf('.');
        return dot < 0 ? path : path.Substring(0, dot);
    }

    /// <summary>Whether the form of <paramref name="path"/> (as <see cref="FormOf"/>) is <paramref name="form"/>, found without cutting it out.</summary>
    public static bool HasForm(string path, string form)
    {
        var dot = path.IndexOf('.');
        int length = dot < 0 ? path.Length : dot;
        return form.Length == length && string.CompareOrdinal(form, 0, path, 0, length) == 0;
    }

    /// <summary>
    /// The sign of the ordinal comparison of <paramref name="path"/> with <c><paramref name="form"/>.<paramref name="field"/></c>
    /// (<see cref="Of"/>), without writing that path out.
    /// </summary>
    public static int CompareOrdinal(string path, string form, string field)
    {
        int i = 0;
        int order = ComparePart(path, ref i, form);
        if (order != 0) return order;
        if (i == path.Length) return -1;
        if (path[i] != '.') return path[i] < '.' ? -1 : 1;
        i++;
        order = ComparePart(path, ref i, field);
        if (order != 0) return order;
        return i == path.Length ? 0 : 1;
    }

    /// <summary>Compares <paramref name="path"/> from <paramref name="i"/> with <paramref name="part"/>, moving <paramref name="i"/> past it while they agree.</summary>
    private static int ComparePart(string path, ref int i, string part)
    {
        for (int j = 0; j < part.Length; j++, i++)
        {
            if (i == path.Length) return -1;
            if (path[i] != part[j]) return path[i] < part[j] ? -1 : 1;
        }
        return 0;
    }

    /// <summary>The form and field of a <c>Form.field</c> path (the whole text as the form when it has no dot).</summary>
    public static (string Form, string Field) Split(string path)
    {
        var dot = path.IndexOf('.');
        return dot < 0 ? (path, "") : (path.Substring(0, dot), path.Substring(dot + 1));
    }
}
