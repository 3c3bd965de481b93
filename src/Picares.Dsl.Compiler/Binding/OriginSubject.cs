namespace Picares.Dsl.Compiler.Binding;

/// <summary>
/// What an assumption is about, as the assumptions list names it ("form Vitals repeating"): an owner and an optional
/// detail, joined only when a statement does carry an <c>@assumed</c>, so that the many statements without one cost
/// no string.
/// </summary>
internal readonly struct OriginSubject
{
    private readonly string _owner;
    private readonly string? _detail;

    public OriginSubject(string owner, string? detail = null)
    {
        _owner = owner;
        _detail = detail;
    }

    public static implicit operator OriginSubject(string subject) => new(subject);

    public override string ToString() => _detail is null ? _owner : _owner + " " + _detail;
}
