using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Collections;

namespace Picares.Dsl.Compiler.Model;

/// <summary>
/// A bound model's declarations by name, for the stages that look them up (the consistency checks and the emitter's
/// plans). Each table is built on its first use, in one pass over the model; a stage makes one <see cref="ModelTables"/>
/// and shares it, since a search of the model's lists for each lookup, or a table built for each part, makes a stage
/// quadratic in the protocol's size. The first declaration of a name wins (a model without errors has one of each).
/// </summary>
public sealed class ModelTables
{
    private readonly ProtocolModel _model;
    private ShardedDictionary<(string Form, string Field), FieldModel>? _fields;
    private Dictionary<string, CodeListModel>? _codeLists;
    private Dictionary<string, FormModel>? _forms;

    /// <summary>Tables of <paramref name="model"/>, none built yet.</summary>
    public ModelTables(ProtocolModel model) => _model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>Every field of the model by its form and its name: for lookups (its enumeration order follows hashes that differ from run to run).</summary>
    public IReadOnlyDictionary<(string Form, string Field), FieldModel> Fields => _fields ??= BuildFields(_model);

    /// <summary>Every code list of the model by name.</summary>
    public IReadOnlyDictionary<string, CodeListModel> CodeLists => _codeLists ??= BuildCodeLists(_model);

    /// <summary>Every form of the model by name.</summary>
    public IReadOnlyDictionary<string, FormModel> Forms => _forms ??= BuildForms(_model);

    // Sharded: a large protocol's fields would make one table on the large-object heap.
    private static ShardedDictionary<(string Form, string Field), FieldModel> BuildFields(ProtocolModel model)
    {
        var fields = new ShardedDictionary<(string Form, string Field), FieldModel>(model.Forms.Sum(f => f.Fields.Count));
        foreach (var form in model.Forms)
            foreach (var field in form.Fields)
                fields.TryAdd((form.Name, field.Name), field);
        return fields;
    }

    private static Dictionary<string, CodeListModel> BuildCodeLists(ProtocolModel model)
    {
        var lists = new Dictionary<string, CodeListModel>(model.CodeLists.Count, StringComparer.Ordinal);
        foreach (var list in model.CodeLists)
            if (!lists.ContainsKey(list.Name)) lists.Add(list.Name, list);
        return lists;
    }

    private static Dictionary<string, FormModel> BuildForms(ProtocolModel model)
    {
        var forms = new Dictionary<string, FormModel>(model.Forms.Count, StringComparer.Ordinal);
        foreach (var form in model.Forms)
            if (!forms.ContainsKey(form.Name)) forms.Add(form.Name, form);
        return forms;
    }
}
