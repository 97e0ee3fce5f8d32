using System.CommandLine;
using System.Diagnostics;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Datadog;
using GrokFlow.Runtime.GeoIp;
using GrokFlow.Runtime.Parsing;

namespace GrokFlow.Runtime.Cli;

/// <summary><c>grokflow parse</c>: runs a pipeline over lines and prints each event as JSON.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var pipelineOption = new Option<string>("--pipeline", "-p") { Description = "The pipeline id (the word after 'pipeline' in the .rules file).", Required = true };
        var rulesOption = new Option<FileInfo?>("--rules", "-r") { Description = "A .rules file to interpret instead of the pipelines compiled into grokflow." };
        var inputOption = new Option<FileInfo?>("--input", "-i") { Description = "Read lines from this file instead of standard input." };
        var geoIpOption = new Option<FileInfo?>("--geoip-database") { Description = "A MaxMind .mmdb database for geo-ip-parser steps; without one they are skipped." };
        var serviceOption = new Option<string?>("--service") { Description = "The service each line came with (filters on service: see it; a service remapper replaces it)." };
        var sourceOption = new Option<string?>("--source") { Description = "The source each line came with (ddsource; filters on source: see it)." };
        var hostOption = new Option<string?>("--host") { Description = "The host each line came from, as the host sees the sender's address: the hostname of lines whose syslog header names none." };
        var tagsOption = new Option<string[]>("--tags") { Description = "Tags each line came with, key:value, comma-separated or repeated.", AllowMultipleArgumentsPerToken = true };
        var formatOption = new Option<EventFormat>("--format") { Description = "intake: the JSON the host ships (default); datadog: the shape of Datadog's pipeline-test results (message, status, service, timestamp, tags, then the attributes under custom).", DefaultValueFactory = _ => EventFormat.Intake };
        var command = new Command("parse", "Parse log lines with a pipeline: one JSON event per line on stdout, a summary on stderr.")
        {
            pipelineOption, rulesOption, inputOption, geoIpOption, serviceOption, sourceOption, hostOption, tagsOption, formatOption,
        };
        command.SetAction(result => Run(result.GetValue(pipelineOption)!, result.GetValue(rulesOption), result.GetValue(inputOption), result.GetValue(geoIpOption),
            new DatadogEventContext(result.GetValue(serviceOption), result.GetValue(sourceOption), result.GetValue(hostOption), result.GetValue(tagsOption)),
            result.GetValue(formatOption)));
        return command;
    }

    private static int Run(string pipelineId, FileInfo? rulesFile, FileInfo? inputFile, FileInfo? geoIpDatabase, DatadogEventContext eventContext, EventFormat format)
    {
        if (geoIpDatabase is { Exists: false })
        {
            Console.Error.WriteLine($"grokflow: GeoIP database not found: {geoIpDatabase.FullName}");
            return 2;
        }
        GeoIpServices geoIp;
        try
        {
            geoIp = new GeoIpServices(geoIpDatabase?.FullName);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"grokflow: {e.Message}");
            return 2;
        }
        using var _ = geoIp;
        var pipelines = PipelineSource.Load(rulesFile, Console.Error, geoIp.Processing);
        if (pipelines is null) return 1;
        var pipeline = pipelines.FirstOrDefault(p => p.Id == pipelineId);
        if (pipeline is null)
        {
            Console.Error.WriteLine($"grokflow: no pipeline '{pipelineId}'. Available: {string.Join(", ", pipelines.Select(p => p.Id))}");
            return 2;
        }
        if (inputFile is { Exists: false })
        {
            Console.Error.WriteLine($"grokflow: input file not found: {inputFile.FullName}");
            return 2;
        }

        if (geoIp.MissingDatabaseNotice([pipeline.Id], "pass --geoip-database PATH (a MaxMind .mmdb file)") is { } notice)
            Console.Error.WriteLine($"grokflow: {notice}");

        using var input = inputFile is null ? Console.OpenStandardInput() : inputFile.OpenRead();
        using var output = Console.OpenStandardOutput();
        var clock = Stopwatch.StartNew();
        if (format != EventFormat.Intake)
        {
            // Datadog's shape: every step runs on the whole event, one line after another.
            var events = new ContextualLineParser(pipeline, eventContext, format, new ParseContext()).Run(input, output);
            Console.Error.WriteLine(events.Describe(pipeline.Id, clock.Elapsed));
            return 0;
        }
        // The intake's shape: the events the host would ship for these lines with this context.
        var parser = new ChunkedParser(pipeline, workers: Environment.ProcessorCount, eventContext: eventContext);
        var summary = parser.Run(input, output);
        Console.Error.WriteLine(summary.Describe(pipeline.Id, clock.Elapsed));
        return 0;
    }
}
