using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Picares.Dsl.Testing;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Picares.Dsl.Tests.Emit;

/// <summary>
/// Every name the generated C# declares (its classes, enums, properties, methods and fields), given to every kind of
/// protocol declaration in turn: each protocol either gets an error diagnostic or generates C# that compiles. A name
/// the generator uses for itself must never silently break the build.
/// </summary>
public class GeneratedNameSweepTests
{
    private readonly ITestOutputHelper _output;

    public GeneratedNameSweepTests(ITestOutputHelper output) => _output = output;

    // The kinds of declaration, each writing one declaration named {0}; two name a field and a code {0}, in a form or
    // code list named after {1}, a name no other declaration has; the endpoint reads a form of its own and the arm
    // receives an intervention of its own; a criterion is named {2}, the name with the category letter it needs. Nothing refers to another declaration of
    // the sweep, so any name can go anywhere.
    private static readonly string[] Kinds =
    {
        "anchor {0} \"a\"\n",
        "event {0} \"e\"\n",
        "codelist {0} \"c\" {{ code {1} \"c\" }}\n",
        "form {0} \"f\" {{ field {1} boolean }}\n",
        "visit {0} \"v\" {{ day 3; activity \"v\" }}\n",
        "intervention {0} \"i\" {{ type drug }}\n",
        "form {1}_form \"f\" {{ field {0} boolean; field when_x date }}\n",
        "codelist {1}_list \"c\" {{ code {0} \"c\" }}\n",
        "form {1}_data \"d\" {{ field value boolean }}\nendpoint {0} exploratory \"e\" {{ kind summary; data {1}_data.value }}\n",
        "criterion {2} inclusion \"c\" {{ attested_by investigator }}\n",
        "arm {0} \"a\" {{ type experimental; receives {1}_drug }}\nintervention {1}_drug \"d\" {{ type drug }}\n",
    };

    // Each group also has a criterion that reads the field of kind FieldKind and the anchor of kind AnchorKind, so that
    // their names reach the screening API too (its input classes and its anchor dates), and a visit that collects the
    // group's forms before day one.
    private const int AnchorKind = 0, FormKind = 3, FieldKind = 6, EndpointKind = 8;

    private const string Study = "study T { title \"t\"; day_one first_dose }\nanchor first_dose \"First dose\"\n";

    [Fact]
    public void Every_generated_name_as_every_kind_of_declaration_is_reported_or_compiles()
    {
        var names = GeneratedNames();
        Assert.True(names.Count > 60, $"only {names.Count} generated names found");
        // The last group is filled up from the first names, so that every name is swept (names.Count >= Kinds.Length keeps
        // the names of a group distinct).
        int groups = (names.Count + Kinds.Length - 1) / Kinds.Length, generated = 0, reported = 0;
        var broken = new List<string>();
        // Round r gives kind k of group g the name g * kinds + (k + r) % kinds: over the rounds every name is every kind.
        // Each group is its own protocol, so that one group's legitimate collision report hides nothing of another's.
        for (int round = 0; round < Kinds.Length; round++)
            for (int g = 0; g < groups; g++)
            {
                var protocol = new System.Text.StringBuilder(Study);
                string NameOf(int kind) => names[(g * Kinds.Length + (kind + round) % Kinds.Length) % names.Count];
                for (int k = 0; k < Kinds.Length; k++)
                    protocol.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, Kinds[k], NameOf(k), NameOf(k).ToLowerInvariant() + "_x", CriterionId(NameOf(k))));
                var (field, form) = (NameOf(FieldKind), NameOf(FieldKind).ToLowerInvariant() + "_x_form");
                protocol.Append($"criterion I{g} inclusion \"x\" {{ when {form}.{field} == true and {form}.when_x at_least 1 day before {NameOf(AnchorKind)} }}\n");
                protocol.Append($"visit sweep_screening \"s\" {{ day -7; collect {form}, {NameOf(FormKind)}, {NameOf(EndpointKind).ToLowerInvariant()}_x_data }}\n");
                var text = protocol.ToString();
                var (result, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/sweep.protocol", text));
                if (result.Results.Single().GeneratedSources.IsEmpty)
                {
                    // No code: the protocol has an error, and it must say so.
                    Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
                    _output.WriteLine($"round {round}, group {g}: reported {string.Join(", ", diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.GetMessage()))}");
                    reported++;
                    continue;
                }
                // Warnings too: the generated code must build with warnings as errors.
                var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
                if (errors.Count > 0) broken.Add($"{string.Join("\n", errors.Take(3))}\n{text}");
                generated++;
            }
        Assert.True(broken.Count == 0, $"{broken.Count} protocols check clean but their C# does not compile:\n\n{string.Join("\n\n", broken)}");
        // Reported protocols prove nothing about the generated code: nearly all must get as far as compiling.
        Assert.True(generated >= 10 * reported, $"{generated} protocols generated code, {reported} were reported");
    }

    // The names the generated C# declares, in PascalCase (as protocol names become), without the generator's private
    // __ names: all of a small protocol with every kind's, and those of PICARES (whose derived endpoints bring the
    // analysis API) that are the generator's own rather than made from a PICARES name; and the names the generated
    // types inherit (object's Equals, ToString, GetType, ..., Enum's HasFlag, the JSON context's Options, the result's
    // Verdict): sorted, so every run sweeps the same.
    // A criterion's id starts with its category's letter (PIC1015): names that do keep it, the others get an I.
    private static string CriterionId(string name) => name[0] is 'I' or 'E' ? name : "I" + name;

    private static List<string> GeneratedNames()
    {
        var sample = DeclaredNames(TestProtocols.With(
            "intervention Drug \"d\" { type drug }\narm A \"a\" { type experimental; receives Drug }\ncriterion I1 inclusion \"x\" { when Vitals.flag == true }\n"));
        var picares = Picares.Dsl.Compiler.ProtocolCompiler.Compile(Repository.Picares, "PICARES.protocol").Model!;
        var fromPicaresNames = picares.Anchors.Select(a => a.Name).Concat(picares.Events.Select(e => e.Name))
            .Concat(picares.CodeLists.Select(l => l.Name)).Concat(picares.Forms.Select(f => f.Name))
            .Concat(picares.Forms.SelectMany(f => f.Fields.Select(x => x.Name))).Concat(picares.Criteria.Select(c => c.Id))
            .Concat(picares.Visits.Select(v => v.Name)).Concat(picares.Endpoints.Select(e => e.Name))
            .Concat(picares.Interventions.Select(i => i.Name)).Concat(picares.Arms.Select(a => a.Name))
            .Concat(new[] { picares.Study.Name })
            .Select(Picares.Dsl.Compiler.Emit.CSharp.Identifier)
            .SelectMany(n => new[] { n, n + "Codes", n + "Input", n + "Protocol" }).ToHashSet();
        var inherited = InheritedNames(Repository.Picares);
        Assert.Contains("ToString", inherited);
        Assert.Contains("HasFlag", inherited);
        return sample.Union(DeclaredNames(Repository.Picares).Where(n => !fromPicaresNames.Contains(n))).Union(inherited)
            .Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> DeclaredNames(string protocol)
    {
        var (result, _, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/sample.protocol", protocol));
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var root = CSharpSyntaxTree.ParseText(result.Results.Single().GeneratedSources.Single().SourceText).GetRoot();
        return NamesDeclaredIn(root);
    }

    // The names of the members, other than private and internal ones, of every base type of every type the generated
    // C# declares (a destructor by its name, Finalize), found by Roslyn in the compilation with the generated code.
    private static IEnumerable<string> InheritedNames(string protocol)
    {
        var (_, output, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/sample.protocol", protocol));
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal)))
        {
            var model = output.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
                for (var type = model.GetDeclaredSymbol(declaration)?.BaseType; type is not null; type = type.BaseType)
                    foreach (var member in type.GetMembers())
                        if (member.DeclaredAccessibility is not (Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal)
                            && SyntaxFacts.IsValidIdentifier(member.Name))
                            names.Add(member.Name);
        }
        return names;
    }

    private static IEnumerable<string> NamesDeclaredIn(SyntaxNode root)
    {
        var names = root.DescendantNodes().Select(n => n switch
        {
            BaseTypeDeclarationSyntax t => t.Identifier.Text,
            PropertyDeclarationSyntax p => p.Identifier.Text,
            MethodDeclarationSyntax m => m.Identifier.Text,
            VariableDeclaratorSyntax v when v.Parent?.Parent is FieldDeclarationSyntax => v.Identifier.Text,
            _ => null,
        });
        return names.Where(n => n is { Length: > 0 } && !n.StartsWith("_", System.StringComparison.Ordinal) && char.IsUpper(n[0])).Select(n => n!);
    }
}
