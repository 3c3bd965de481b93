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
}
