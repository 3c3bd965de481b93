using System;
using System.IO;
using System.Linq;
using Picares.Samples;
using Picares.Samples.Eligibility;

// dotnet run --project samples/Picares.Samples -- [screen [candidates.json] [--json] | calendar ... | endpoints [subjects.json] [--json] | model]
var command = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "screen";
switch (command)
{
    case "model":
        ProtocolOverview.Print(Console.Out);
        return 0;
    case "screen":
        var file = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Skip(1).FirstOrDefault()
                   ?? Path.Combine(AppContext.BaseDirectory, "data", "candidates.json");
        return ScreeningLog.Run(file, args.Contains("--json"), Console.Out);
    case "calendar":
        return Picares.Samples.Scheduling.CalendarCommand.Run(args, Console.Out);
    case "endpoints":
        return Picares.Samples.Endpoints.EndpointsCommand.Run(args, Console.Out);
    default:
        Console.Error.WriteLine("usage: Picares.Samples [screen [candidates.json] [--json] | calendar [--first-dose DATE] [--progression DATE] [--actual Visit#n=DATE,...] [--ics FILE] | endpoints [subjects.json] [--json] | model]");
        return 2;
}
