using System;
using Picares.Samples;

// dotnet run --project samples/Picares.Samples -- [model]
var command = args.Length > 0 ? args[0] : "model";
switch (command)
{
    case "model":
        ProtocolOverview.Print();
        return 0;
    default:
        Console.Error.WriteLine("usage: Picares.Samples [model]");
        return 2;
}
