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
    private readonly IReadOnlyList<FormModel> _formList;
    private readonly IReadOnlyList<CodeListModel> _codeListList;
    private ShardedDictionary<(string Form, string Field), FieldModel>? _fields;
    private Dictionary<string, CodeListModel>? _codeLists;
    private Dictionary<string, FormModel>? _forms;
    private Dictionary<string, Dictionary<string, int>>? _codePositions;
    private Dictionary<string, Dictionary<string, FieldModel>>? _fieldsByForm;
    private Dictionary<string, List<FieldModel>>? _dateFields;

    /// <summary>Tables of <paramref name="model"/>, none built yet.</summary>
    public ModelTables(ProtocolModel model)
        : this((model ?? throw new ArgumentNullException(nameof(model))).Forms, model.CodeLists)
    {
    }

    /// <summary>Tables of some forms and code lists, none built yet: for the binder, before the model exists.</summary>
    internal ModelTables(IReadOnlyList<FormModel> forms, IReadOnlyList<CodeListModel> codeLists)
    {
        _formList = forms;
        _codeListList = codeLists;
    }

    /// <summary>
    /// Every field of the model by its form and its name: for lookups (its enumeration order follows hashes that differ from
    /// run to run). The fields of the first form of each name, as in <see cref="Forms"/>, so that it and <see cref="FieldOf"/>
    /// give one answer whichever is asked first.
    /// </summary>
    public IReadOnlyDictionary<(string Form, string Field), FieldModel> Fields => _fields ??= BuildFields(_formList, Forms);

    /// <summary>
    /// The field <paramref name="field"/> of the form <paramref name="form"/>, or null: the same answer as <see cref="Fields"/>,
    /// from the forms asked about alone, each large one indexed once (the binder's endpoints read a few forms of many).
    /// </summary>
    public FieldModel? FieldOf(string form, string field)
    {
        if (!Forms.TryGetValue(form, out var declared)) return null;
        // A small form is searched: most forms have a few fields and are asked about a few times, and a table of their own
        // cost more than the searches.
        if (declared.Fields.Count <= SearchedFields)
        {
            foreach (var f in declared.Fields)
                if (f.Name == field) return f;
            return null;
        }
        _fieldsByForm ??= new Dictionary<string, Dictionary<string, FieldModel>>(StringComparer.Ordinal);
        if (!_fieldsByForm.TryGetValue(form, out var fields))
        {
            fields = new Dictionary<string, FieldModel>(declared.Fields.Count, StringComparer.Ordinal);
            foreach (var f in declared.Fields)
                if (!fields.ContainsKey(f.Name)) fields.Add(f.Name, f);
            _fieldsByForm.Add(form, fields);
        }
        return fields.TryGetValue(field, out var found) ? found : null;
    }

    // The most fields a form has for FieldOf to search it rather than index it.
    private const int SearchedFields = 16;

    /// <summary>
    /// The date and date-time fields of the form <paramref name="form"/>, in order (none for an unknown form): found once per
    /// form, since every endpoint whose data do not list the date of their form's records looks for the form's own.
    /// </summary>
    public IReadOnlyList<FieldModel> DateFieldsOf(string form)
    {
        _dateFields ??= new Dictionary<string, List<FieldModel>>(StringComparer.Ordinal);
        if (_dateFields.TryGetValue(form, out var dates)) return dates;
        dates = new List<FieldModel>();
        if (Forms.TryGetValue(form, out var declared))
            foreach (var field in declared.Fields)
                if (field.DataType is "date" or "datetime") dates.Add(field);
        _dateFields.Add(form, dates);
        return dates;
    }

    /// <summary>Every code list of the model by name.</summary>
    public IReadOnlyDictionary<string, CodeListModel> CodeLists => _codeLists ??= BuildCodeLists(_codeListList);

    /// <summary>
    /// The codes of the code list <paramref name="list"/> by their position in it (the first of a code written twice), or
    /// null when there is no such list: worked out once per list, since a condition may test a field against many codes of
    /// a long list.
    /// </summary>
    public IReadOnlyDictionary<string, int>? CodePositions(string list)
    {
        _codePositions ??= new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        if (_codePositions.TryGetValue(list, out var positions)) return positions;
        if (!CodeLists.TryGetValue(list, out var found)) return null;
        positions = new Dictionary<string, int>(found.Codes.Count, StringComparer.Ordinal);
        for (int i = 0; i < found.Codes.Count; i++)
            if (!positions.ContainsKey(found.Codes[i].Code)) positions.Add(found.Codes[i].Code, i);
        _codePositions.Add(list, positions);
        return positions;
    }

    /// <summary>Every form of the model by name.</summary>
    public IReadOnlyDictionary<string, FormModel> Forms => _forms ??= BuildForms(_formList);

    // Sharded: a large protocol's fields would make one table on the large-object heap.
    private static ShardedDictionary<(string Form, string Field), FieldModel> BuildFields(IReadOnlyList<FormModel> forms, IReadOnlyDictionary<string, FormModel> firstByName)
    {
        var fields = new ShardedDictionary<(string Form, string Field), FieldModel>(forms.Sum(f => f.Fields.Count));
        foreach (var form in forms)
            if (ReferenceEquals(firstByName[form.Name], form)) // a later form of the same name is not the one Forms and FieldOf find
                foreach (var field in form.Fields)
                    fields.TryAdd((form.Name, field.Name), field);
        return fields;
    }

    private static Dictionary<string, CodeListModel> BuildCodeLists(IReadOnlyList<CodeListModel> codeLists)
    {
        var lists = new Dictionary<string, CodeListModel>(codeLists.Count, StringComparer.Ordinal);
        foreach (var list in codeLists)
            if (!lists.ContainsKey(list.Name)) lists.Add(list.Name, list);
        return lists;
    }

    private static Dictionary<string, FormModel> BuildForms(IReadOnlyList<FormModel> formList)
    {
        var forms = new Dictionary<string, FormModel>(formList.Count, StringComparer.Ordinal);
        foreach (var form in formList)
            if (!forms.ContainsKey(form.Name)) forms.Add(form.Name, form);
        return forms;
    }
}
