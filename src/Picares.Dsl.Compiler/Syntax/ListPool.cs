using System.Collections.Generic;

namespace Picares.Dsl.Compiler.Syntax;

/// <summary>
/// The lists a recursive parser fills while it reads a node's parts (arguments, a block's statements, list items) and
/// then copies into an array of the exact length for the tree: the lists are reused from node to node, one per level
/// of nesting in use, instead of made and grown for every node.
/// </summary>
internal sealed class ListPool<T>
{
    private readonly Stack<List<T>> _free = new();

    /// <summary>An empty list, to give back with <see cref="ToArrayAndReturn"/>.</summary>
    public List<T> Rent() => _free.Count > 0 ? _free.Pop() : new List<T>();

    /// <summary>The items of <paramref name="list"/> in an array of their number; the list is emptied and reused.</summary>
    public T[] ToArrayAndReturn(List<T> list)
    {
        var items = list.Count == 0 ? System.Array.Empty<T>() : list.ToArray();
        list.Clear();
        _free.Push(list);
        return items;
    }
}
