using System.Collections.Generic;
using System.IO;
using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Emit;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Emit;

/// <summary>
/// The emitter renders with Scriban's auto-indentation off, which is faster and, since no value a template writes has a
/// line break except one written at the start of a line, must not change a byte: rendered both ways, PICARES, a protocol
/// of hostile text and every protocol of the consistency corpus give the same C#.
/// </summary>
public class AutoIndentTests
{
    private const string Hostile = "quote \\\" backslash \\\\ close */ open /* braces {{ }} {0} newline \\n tab \\t é 中文 😀 line\\u{2028}sep <tag> & amp";

    public static IEnumerable<object[]> Protocols()
    {
        yield return new object[] { "PICARES.protocol", File.ReadAllText(Path.Combine(Repository.Root, "protocols", "PICARES.protocol")) };
        yield return new object[] { "hostile.protocol",
            $"study class {{ title \"{Hostile}\"; day_one first_dose }}\n" +
            $"anchor first_dose \"{Hostile}\"\n" +
            $"codelist Codes {{ code a \"{Hostile}\"; code b \"x\" }}\n" +
            $"form Données \"{Hostile}\" {{ field int text \"{Hostile}\"; field c code Codes }}\n" +
            "visit Screening { day -7; collect Données }\n" +
            $"criterion I1 inclusion \"{Hostile}\" {{ when Données.int != \"{Hostile}\" and Données.c == a }}\n" +
            $"@assumed \"{Hostile}\"\ncriterion I2 inclusion \"x\" {{ attested_by investigator }}\n" +
            $"endpoint E exploratory \"{Hostile}\" {{ kind summary; data Données.int, Données.c; time_frame \"{Hostile}\" }}\n" };
        var corpus = Path.Combine(Repository.Root, "tests", "Picares.Dsl.Tests", "Consistency", "Corpus");
        foreach (var file in Directory.GetFiles(corpus, "*.protocol").OrderBy(f => f, System.StringComparer.Ordinal))
            yield return new object[] { Path.GetFileName(file), File.ReadAllText(file) };
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Rendering_with_auto_indentation_gives_the_same_text(string name, string text)
    {
        var model = ProtocolCompiler.Compile(text, name).Model;
        if (model is null) return; // a corpus file with an error has no C# to compare
        var without = ProtocolEmitter.EmitText(model, "Picares.Protocols").ToString();
        var with = ProtocolEmitter.EmitText(model, "Picares.Protocols", default, autoIndent: true).ToString();
        Assert.Equal(with, without);
        Assert.Equal(without, ProtocolEmitter.Emit(model, "Picares.Protocols")); // and the thread's own context is still the plain one
    }

    [Fact]
    public void Auto_indentation_changes_a_multi_line_value_written_after_indentation()
    {
        // What the comparison above would catch: Scriban re-indents the lines of such a value only with auto-indentation on.
        var template = Scriban.Template.Parse("    {{ x }}\n");
        var plain = new Scriban.TemplateContext { AutoIndent = false };
        var indented = new Scriban.TemplateContext { AutoIndent = true };
        var globals = new Scriban.Runtime.ScriptObject { ["x"] = "a\nb" };
        plain.PushGlobal(globals);
        indented.PushGlobal(globals);
        Assert.Equal(("    a\nb\n", "    a\n    b\n"), (template.Render(plain), template.Render(indented)));
    }
}
