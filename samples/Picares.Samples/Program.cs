using System;
using System.IO;
using System.Linq;
using Picares.Samples;
using Picares.Samples.Eligibility;

// dotnet run --project samples/Picares.Samples -- [screen [candidates.json] [--json] | model]
var command = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "screen";
switch (command)
{
    case "model":
        ProtocolOverview.Print();
        return 0;
    case "screen":
        var file = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Skip(1).FirstOrDefault()
                   ?? Path.Combine(AppContext.BaseDirectory, "data", "candidates.json");
        return ScreeningLog.Run(file, args.Contains("--json"), Console.Out);
    default:
        Console.Error.WriteLine("usage: Picares.Samples [screen [candidates.json] [--json] | model]");
        return 2;
}
