using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Consistency;
using Picares.Dsl.Compiler.Model;
using Xunit;

namespace Picares.Dsl.Tests.Consistency;

/// <summary>
/// PathsRead finds a field by its form and name without writing its path: FieldPath.CompareOrdinal must order a path
/// against them exactly as the ordinal order of the path written out, and PathsRead so find the same fields as a set of
/// the paths.
/// </summary>
public class PathsReadTests
{
    // Names that share prefixes and differ by characters on either side of '.' in ordinal order ('-' below it, '_' and
    // letters above), so that a comparison that stopped at the dot, or at the shorter name, would be caught.
    private static readonly string[] Names = { "A", "AB", "A_", "A0", "B", "a", "ab", "Vitals", "Vitals2", "x-y", "" };

    [Fact]
    public void A_path_compares_with_a_form_and_field_as_the_written_path_does()
    {
        var paths = Names.SelectMany(f => Names.Select(g => FieldPath.Of(f, g))).Concat(Names).ToList();
        foreach (var path in paths)
            foreach (var form in Names)
                foreach (var field in Names)
                    Assert.Equal(Math.Sign(string.CompareOrdinal(path, FieldPath.Of(form, field))), Math.Sign(FieldPath.CompareOrdinal(path, form, field)));
    }

    [Fact]
    public void A_path_has_a_form_as_the_form_cut_out_of_it_is_that_form()
    {
        var paths = Names.SelectMany(f => Names.Select(g => FieldPath.Of(f, g))).Concat(Names).ToList();
        foreach (var path in paths)
            foreach (var form in Names)
                Assert.Equal(FieldPath.FormOf(path) == form, FieldPath.HasForm(path, form));
    }

    [Fact]
    public void It_finds_the_fields_a_set_of_the_paths_finds()
    {
        var random = new Random(7);
        for (int round = 0; round < 200; round++)
        {
            var paths = Enumerable.Range(0, random.Next(12))
                .Select(_ => random.Next(5) == 0 ? Names[random.Next(Names.Length)] : FieldPath.Of(Names[random.Next(Names.Length)], Names[random.Next(Names.Length)]))
                .ToArray();
            var set = new HashSet<string>(paths, StringComparer.Ordinal);
            var read = new PathsRead(paths.ToArray());
            foreach (var form in Names)
                foreach (var field in Names)
                    Assert.Equal(set.Contains(FieldPath.Of(form, field)), read.Contains(form, field));
        }
    }
}
