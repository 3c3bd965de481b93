using System;
using System.IO;
using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Emit;

// picares check <file.protocol>...   print diagnostics as compilers do; exit 1 on errors
// picares emit <file.protocol> [ns]  print the generated C#
if (args.Length < 2 || (args[0] != "check" && args[0] != "emit"))
{
    Console.Error.WriteLine("usage: picares check <file.protocol>... | picares emit <file.protocol> [namespace]");
    return 2;
}

if (args[0] == "emit")
{
    var result = ProtocolCompiler.Compile(File.ReadAllText(args[1]), args[1]);
    foreach (var d in result.Diagnostics) Console.Error.WriteLine(d.Format(args[1]));
    if (result.Model is null) return 1;
    ProtocolEmitter.EmitText(result.Model, args.Length > 2 ? args[2] : "Picares.Protocols").WriteTo(Console.Out);
    return 0;
}

int errors = 0;
foreach (var path in args.Skip(1))
{
    var result = ProtocolCompiler.Compile(File.ReadAllText(path), path);
    foreach (var d in result.Diagnostics)
    {
        Console.WriteLine(d.Format(path));
        if (d.Severity == Severity.Error) errors++;
    }
}
Console.WriteLine(errors == 0 ? "No errors." : $"{errors} error(s).");
return errors == 0 ? 0 : 1;
