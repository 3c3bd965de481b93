using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Picares.Dsl.Generator;
using Picares.Dsl.Tests.Diagnostics;
using Xunit;

namespace Picares.Dsl.Tests.Generator;

/// <summary>The same expectations through Microsoft.CodeAnalysis.Testing, with markup in the additional file.</summary>
public class MarkupHarnessTests
{
    [Theory]
    [InlineData("PIC1005")]
    [InlineData("PIC0002")]
    [InlineData("PIC3005")]
    [InlineData("PIC2002")]
    public async Task Generator_reported_diagnostics_match_markup_in_the_additional_file(string id)
    {
        var test = new CSharpSourceGeneratorTest<ProtocolGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        };
        test.TestState.AdditionalReferences.AddRange(Net100.References.All);
        test.TestState.AdditionalReferences.Add(typeof(Picares.Dsl.Runtime.Model.StudyInfo).Assembly);
        test.TestState.Sources.Add("namespace Consumer { public static class Placeholder { } }");
        test.TestState.AdditionalFiles.Add(("/0/case.protocol", DiagnosticCases.ById[id]));
        await test.RunAsync();
    }
}
