using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Model;

/// <summary>The model's tables answer a question the same way whichever of them was built first.</summary>
public class ModelTablesTests
{
    /// <summary>
    /// Two forms of one name (the binder keeps the first; a model built by hand may not): the second's own field belongs
    /// to no form that <see cref="ModelTables.Forms"/> knows, so no lookup finds it.
    /// </summary>
    private static ModelTables TwoFormsOfOneName(out FieldModel onlyInTheSecond)
    {
        var model = ProtocolCompiler.Compile(TestProtocols.Prelude).Model!;
        var vitals = model.Forms.Single(f => f.Name == "Vitals");
        onlyInTheSecond = vitals.Fields[0] with { Name = "second_only" };
        var second = vitals with { Fields = new[] { onlyInTheSecond }.ToEquatableArray() };
        return new ModelTables(model with { Forms = model.Forms.Concat(new[] { second }).ToEquatableArray() });
    }

    [Fact]
    public void A_field_is_found_in_the_first_form_of_its_name_whether_or_not_every_field_was_indexed_first()
    {
        var byForm = TwoFormsOfOneName(out _);
        Assert.Null(byForm.FieldOf("Vitals", "second_only"));
        Assert.NotNull(byForm.FieldOf("Vitals", "weight"));

        var allFirst = TwoFormsOfOneName(out _);
        Assert.False(allFirst.Fields.ContainsKey(("Vitals", "second_only")));
        Assert.Null(allFirst.FieldOf("Vitals", "second_only"));
        Assert.NotNull(allFirst.FieldOf("Vitals", "weight"));
    }

    /// <summary>
    /// A small form is searched and a large one indexed: either way a field written twice is found as its first, the one
    /// <see cref="ModelTables.Fields"/> has, and a field the form does not have is not found.
    /// </summary>
    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void A_field_of_a_small_or_large_form_is_the_first_of_its_name(int fields)
    {
        var model = ProtocolCompiler.Compile(TestProtocols.Prelude).Model!;
        var vitals = model.Forms.Single(f => f.Name == "Vitals");
        var written = Enumerable.Range(0, fields).Select(i => vitals.Fields[0] with { Name = "f" + i, Label = "first " + i })
            .Append(vitals.Fields[0] with { Name = "f0", Label = "again" }).ToEquatableArray();
        var tables = new ModelTables(model with { Forms = new[] { vitals with { Fields = written } }.ToEquatableArray() });
        for (int i = 0; i < fields; i++)
            Assert.Equal("first " + i, tables.FieldOf("Vitals", "f" + i)?.Label);
        Assert.Null(tables.FieldOf("Vitals", "weight"));
        foreach (var field in written.Take(fields)) Assert.Same(tables.Fields[("Vitals", field.Name)], tables.FieldOf("Vitals", field.Name));
    }
}
