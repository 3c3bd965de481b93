using System.IO;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.CommandLine;

/// <summary>The command-line tool: its namespace argument is checked as the generator checks PicaresProtocolNamespace.</summary>
public class CommandLineTests
{
    private static (int Exit, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int exit = Picares.Dsl.Cli.CommandLine.Run(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    private static string ProtocolFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"picares-cli-{System.Guid.NewGuid():N}.protocol");
        File.WriteAllText(path, TestProtocols.Prelude);
        return path;
    }

    [Theory]
    [InlineData("My-Ns", "'My-Ns' is not a C# identifier")]
    [InlineData("1Ns", "'1Ns' is not a C# identifier")]
    [InlineData("A..B", "it has an empty part")]
    [InlineData("Two words", "'Two words' is not a C# identifier")]
    public void An_invalid_namespace_is_refused_before_any_code_is_written(string ns, string problem)
    {
        var path = ProtocolFile();
        var (exit, output, errors) = Run("emit", path, ns);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains($"is not a C# namespace: {problem}; give C# identifiers separated by dots", errors, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Company.Trials", "namespace Company.Trials")]
    [InlineData("Company.event", "namespace Company.@event")] // a keyword part is escaped, as C# writes it
    public void A_valid_namespace_is_used_for_the_generated_code(string ns, string declared)
    {
        var (exit, output, errors) = Run("emit", ProtocolFile(), ns);
        Assert.True(exit == 0, errors);
        Assert.Contains(declared, output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Check_prints_each_diagnostic_as_compilers_do_and_fails_on_errors()
    {
        var path = ProtocolFile();
        File.AppendAllText(path, "visit V { day 5 from progression; collect Vitals }\n");
        var (exit, output, _) = Run("check", path);
        Assert.Equal(1, exit);
        Assert.Contains("error PIC1005: Unknown anchor 'progression'", output, System.StringComparison.Ordinal);
        Assert.EndsWith("1 error(s)." + System.Environment.NewLine, output, System.StringComparison.Ordinal);
    }
}
