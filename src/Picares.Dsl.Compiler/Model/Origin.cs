namespace Picares.Dsl.Compiler.Model;

/// <summary>Where a fact comes from: the source record (registry, protocol) or the author's assumption.</summary>
public enum Provenance
{
    /// <summary>Stated in the source record.</summary>
    Record,
    /// <summary>Assumed by the protocol author; the reason is given with <c>@assumed</c>.</summary>
    Assumed,
}

/// <summary>
/// The provenance of an element and the one-based line and column it is declared at. A value, held inline by the element
/// it describes: nearly every element of the model has one, and a large protocol's model would otherwise hold tens of
/// thousands of these objects for the collector to trace.
/// </summary>
public readonly record struct Origin(Provenance Provenance, string? Reason, int Line, int Column)
{
    /// <summary>True when the author assumed it.</summary>
    public bool IsAssumed => Provenance == Provenance.Assumed;
}

/// <summary>One assumption in the file: what was assumed, why, and where.</summary>
public sealed record AssumptionModel(string Subject, string Reason, int Line, int Column);
