using System.CommandLine;
using GrokFlow.Runtime.Cli;

var root = new RootCommand("grokflow: Datadog Grok pipelines and NetFlow layouts compiled at build time, shipped from the edge.");
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);

// `dotnet run --project runtime` with no arguments runs the host, as users expect of a collector.
if (args.Length == 0 && root.Subcommands.Any(c => c.Name == "run"))
    args = ["run"];
// The host handles SIGTERM/Ctrl+C itself (flush, then spool); System.CommandLine's 2 s termination timeout would cut that short.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
