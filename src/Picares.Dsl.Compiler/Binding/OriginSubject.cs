namespace Picares.Dsl.Compiler.Binding;

/// <summary>
/// What a statement is about, as the assumptions list and the block diagnostics name it ("form Vitals repeating",
/// "field Vitals.weight"): its parts are joined only when a message or an <c>@assumed</c> needs the text, so that the many
/// statements read without either cost no string.
/// </summary>
internal readonly struct OriginSubject
{
    private readonly string _kind;
    private readonly string? _container;
    private readonly string? _name;
    private readonly string? _detail;

    /// <param name="kind">What it is ("form", "criterion"), or the whole subject.</param>
    /// <param name="name">Its name, after the kind.</param>
    /// <param name="detail">The part of it meant, after the name ("condition", "repeating").</param>
    public OriginSubject(string kind, string? name = null, string? detail = null)
        : this(kind, null, name, detail)
    {
    }

    private OriginSubject(string kind, string? container, string? name, string? detail)
    {
        _kind = kind;
        _container = container;
        _name = name;
        _detail = detail;
    }

    /// <summary>A field, named with its form: "field Vitals.weight".</summary>
    public static OriginSubject Field(string form, string field) => new("field", form, field, null);

    public static implicit operator OriginSubject(string subject) => new(subject);

    /// <summary>This subject narrowed to one of its parts: "form Vitals" with "repeating".</summary>
    public OriginSubject With(string detail) => _detail is null ? new(_kind, _container, _name, detail) : new(ToString(), null, null, detail);

    public override string ToString()
    {
        var text = _kind;
        if (_name is not null) text = _container is null ? text + " " + _name : text + " " + _container + "." + _name;
        return _detail is null ? text : text + " " + _detail;
    }
}
