using Picares.Dsl.Compiler.Collections;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Emit;
using Picares.Dsl.Compiler.Text;

namespace Picares.Dsl.Compiler.Binding;

/// <summary>
/// Names that differ in the protocol may become the same C# name (<c>first_dose</c> and <c>firstDose</c> are
/// both <c>FirstDose</c>). Within one scope the second is reported, so that a protocol that checks clean always
/// generates C# that compiles.
/// </summary>
internal sealed class CSharpNames
{
    private readonly BindingContext _context;
    // The first name of each C# name and its line, keyed by protocol name compared as the C# name it becomes, so that
    // no C# name is made unless two collide. Sharded, since the file's top-level scope holds all its declarations.
    private readonly ShardedDictionary<string, (string Name, int Line)> _seen;

    /// <param name="context">The binding context.</param>
    /// <param name="capacity">How many names the scope will hold at most, when known, so that its table is sized once.</param>
    public CSharpNames(BindingContext context, int capacity = 0)
    {
        _context = context;
        _seen = new ShardedDictionary<string, (string Name, int Line)>(capacity, CSharp.SameIdentifier);
    }

    /// <summary>How many C# names the scope holds.</summary>
    public int Count => _seen.Count;

    /// <summary>Starts a new scope with the same table (a form's fields after another form's).</summary>
    public void Clear() => _seen.Clear();

    /// <summary>Records a name; reports it when another name of this scope has the same C# name.</summary>
    public void Add(string name, TextSpan span) => Add(name, name, span);

    /// <summary>
    /// Records a C# name the generated code makes from a declaration (<paramref name="name"/>, compared like the
    /// declared ones), described in a collision's message as <paramref name="described"/>.
    /// </summary>
    public void Add(string name, string described, TextSpan span)
    {
        if (_seen.TryGetValue(name, out var first))
        {
            if (first.Name != described) _context.Report(DiagnosticDescriptors.CSharpNameCollision, span, described, first.Name, first.Line, CSharp.Identifier(name));
            return;
        }
        _seen.Add(name, (described, _context.LineOf(span)));
    }
}
