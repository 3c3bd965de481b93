using System;
using System.Linq;
using System.Text;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Diagnostics;

/// <summary>
/// A failure of the compiler core itself becomes PIC9999 at the start of the file, never an exception, and no model. No
/// input causes one (the mutation tests), so the tests make one through the compiler's seam after parsing.
/// </summary>
public class InternalErrorTests
{
    private static CompilationResult CompileFailing(string text) =>
        ProtocolCompiler.Compile(text, "failing.protocol", default, afterParse: _ => throw new InvalidOperationException("a bug"));

    [Fact]
    public void A_failure_of_the_compiler_is_PIC9999_at_the_start_of_the_file_with_no_model()
    {
        var result = CompileFailing(TestProtocols.Prelude);
        Assert.Null(result.Model);
        var internalError = Assert.Single(result.Diagnostics);
        Assert.Equal(("PIC9999", 0, 0), (internalError.Id, internalError.Span.Start, internalError.Span.Length));
        Assert.Contains("InvalidOperationException: a bug", internalError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_after_the_error_limit_is_still_reported()
    {
        var text = new StringBuilder();
        for (int i = 0; i <= DiagnosticBag.Limit; i++) text.Append("$\n"); // 201 stray characters: the limit is reached while parsing
        var result = CompileFailing(text.ToString());
        Assert.Contains(result.Diagnostics, d => d.Id == "PIC0009");
        Assert.Contains(result.Diagnostics, d => d.Id == "PIC9999");
    }

    [Fact]
    public void Cancellation_is_not_an_internal_error()
    {
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ProtocolCompiler.Compile(TestProtocols.Prelude, "cancelled.protocol", default, afterParse: _ => throw new OperationCanceledException()));
    }
}
