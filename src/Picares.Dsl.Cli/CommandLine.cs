using System;
using System.IO;
using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Emit;
using Picares.Dsl.Generator;

namespace Picares.Dsl.Cli;

/// <summary>
/// <c>picares check &lt;file.protocol&gt;...</c> prints diagnostics as compilers do and exits 1 on errors;
/// <c>picares emit &lt;file.protocol&gt; [namespace]</c> prints the generated C#. The namespace is checked as the
/// generator checks the <c>PicaresProtocolNamespace</c> property (C# identifiers separated by dots, a keyword part
/// escaped with <c>@</c>); anything else is refused before any C# is written.
/// </summary>
public static class CommandLine
{
    /// <summary>Runs the command <paramref name="args"/> names, writing to <paramref name="output"/> and <paramref name="errors"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length < 2 || (args[0] != "check" && args[0] != "emit"))
        {
            errors.WriteLine("usage: picares check <file.protocol>... | picares emit <file.protocol> [namespace]");
            return 2;
        }
        return args[0] == "emit" ? Emit(args, output, errors) : Check(args, output);
    }

    private static int Emit(string[] args, TextWriter output, TextWriter errors)
    {
        var ns = "Picares.Protocols";
        if (args.Length > 2)
        {
            if (NamespaceOption.ToCSharp(args[2].Trim(), out var problem) is not { } valid)
            {
                errors.WriteLine($"picares: '{args[2]}' is not a C# namespace: {problem}; give C# identifiers separated by dots, such as Company.Trials.Protocols");
                return 2;
            }
            ns = valid;
        }
        var result = ProtocolCompiler.Compile(File.ReadAllText(args[1]), args[1]);
        foreach (var d in result.Diagnostics) errors.WriteLine(d.Format(args[1]));
        if (result.Model is null) return 1;
        ProtocolEmitter.EmitText(result.Model, ns).WriteTo(output);
        return 0;
    }

    private static int Check(string[] args, TextWriter output)
    {
        int errors = 0;
        foreach (var path in args.Skip(1))
        {
            var result = ProtocolCompiler.Compile(File.ReadAllText(path), path);
            foreach (var d in result.Diagnostics)
            {
                output.WriteLine(d.Format(path));
                if (d.Severity == Severity.Error) errors++;
            }
        }
        output.WriteLine(errors == 0 ? "No errors." : $"{errors} error(s).");
        return errors == 0 ? 0 : 1;
    }
}
