using System.Linq;
using Picares.Dsl.Tests.Infrastructure;
using Picares.Dsl.Testing;
using Xunit;

namespace Picares.Dsl.Tests.Emit;

/// <summary>
/// What each protocol generates, as reviewable snapshots: a change to a protocol or to the emitter shows up
/// as a diff of Snapshots/*.verified.cs.
/// </summary>
public class GeneratedSourceSnapshotTests
{
    [Fact]
    public void Picares_protocol_model()
    {
        var (result, _, diagnostics) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/protocols/PICARES.protocol", Repository.Picares));
        Assert.Empty(diagnostics);
        SnapshotApprover.Verify(result.Results.Single().GeneratedSources.Single().SourceText.ToString(), "cs");
    }
}
