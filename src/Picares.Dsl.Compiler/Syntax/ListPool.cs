using System.Collections.Generic;

namespace Picares.Dsl.Compiler.Syntax;

/// <summary>
/// The lists a recursive parser fills while it reads a node's parts (arguments, a block's statements, list items) and
/// then copies into the file's <see cref="SyntaxListStore{T}"/> for the tree: the lists are reused from node to node,
/// one per level of nesting in use, instead of made and grown for every node.
/// </summary>
internal sealed class ListPool<T> where T : class
{
    private readonly Stack<List<T>> _free = new();
    private readonly SyntaxListStore<T> _store = new();

    /// <summary>An empty list, to give back with <see cref="ToSyntaxListAndReturn"/>.</summary>
    public List<T> Rent() => _free.Count > 0 ? _free.Pop() : new List<T>();

    /// <summary>The items of <paramref name="list"/> as a list of the tree; the list is emptied and reused.</summary>
    public SyntaxList<T> ToSyntaxListAndReturn(List<T> list)
    {
        var items = _store.Add(list);
        list.Clear();
        _free.Push(list);
        return items;
    }

    /// <summary>Takes back a list whose items the tree does not keep; the list is emptied and reused.</summary>
    public void Return(List<T> list)
    {
        list.Clear();
        _free.Push(list);
    }

    /// <summary>One item as a list of the tree.</summary>
    public SyntaxList<T> One(T item) => _store.Add(item);
}
