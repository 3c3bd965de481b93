// picares check <file.protocol>...   print diagnostics as compilers do; exit 1 on errors
// picares emit <file.protocol> [ns]  print the generated C#
return Picares.Dsl.Cli.CommandLine.Run(args, System.Console.Out, System.Console.Error);
