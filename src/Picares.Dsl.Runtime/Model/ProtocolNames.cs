using System;
using System.Collections.Generic;

namespace Picares.Dsl.Runtime.Model;

/// <summary>What a string names in a protocol, for <see cref="ProtocolNameAttribute"/> and <see cref="ProtocolNamesAttribute"/>.</summary>
public enum ProtocolNameKind
{
    /// <summary>A criterion id, such as <c>I6</c> (and <c>AGE</c>, the population's age criterion).</summary>
    Criterion,
    /// <summary>A visit name, such as <c>Cycle</c>.</summary>
    Visit,
    /// <summary>A visit occurrence as text: a visit name optionally followed by <c>#</c> and a number, such as <c>Cycle#2</c>.</summary>
    VisitOccurrence,
    /// <summary>An anchor name, such as <c>first_dose</c>.</summary>
    Anchor,
    /// <summary>An event name, such as <c>progression</c>.</summary>
    Event,
    /// <summary>A form name, such as <c>Vitals</c>.</summary>
    Form,
    /// <summary>A field name of a form, without the form, such as <c>weight</c>.</summary>
    Field,
    /// <summary>An input of a criterion: <c>Form.field</c> (such as <c>Vitals.weight</c>) or <c>@anchor</c> (such as <c>@consent</c>).</summary>
    Input,
}

/// <summary>
/// Marks a parameter or property whose string must be a name the protocol defines: the string itself, or, for a
/// dictionary, its keys, or, for a collection, its elements. The PIC5002 analyzer checks string constants that
/// reach it against the names of the protocols generated in, or referenced by, the compilation.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ProtocolNameAttribute : Attribute
{
    /// <summary>Marks a string (or the keys or elements of a collection) as a protocol name of the given kind.</summary>
    public ProtocolNameAttribute(ProtocolNameKind kind) => Kind = kind;

    /// <summary>What the string names.</summary>
    public ProtocolNameKind Kind { get; }
}

/// <summary>
/// The names a generated protocol defines, one attribute per kind; the generator writes them on the assembly so that
/// analyzers of consuming code learn the names without parsing the <c>.protocol</c> file again.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ProtocolNamesAttribute : Attribute
{
    /// <summary>The names of one kind defined by a protocol's generated class.</summary>
    public ProtocolNamesAttribute(Type protocol, ProtocolNameKind kind, params string[] names)
    {
        Protocol = protocol;
        Kind = kind;
        Names = names ?? Array.Empty<string>();
    }

    /// <summary>The generated protocol class.</summary>
    public Type Protocol { get; }

    /// <summary>What the names name. Fields are given as <c>Form.field</c>.</summary>
    public ProtocolNameKind Kind { get; }

    /// <summary>The names, in declaration order.</summary>
    public IReadOnlyList<string> Names { get; }
}
