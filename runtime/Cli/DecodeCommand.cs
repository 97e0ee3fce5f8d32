using System.CommandLine;
using GrokFlow.Runtime.NetFlow;
using GrokFlow.Runtime.NetFlow.Aggregation;
using GrokFlow.Runtime.Pcap;

namespace GrokFlow.Runtime.Cli;

/// <summary>
/// <c>grokflow decode FILE.pcap [--port N]</c>: decodes the NetFlow/IPFIX datagrams of a capture with the collector
/// the host uses, prints one flow event per line on stdout and a summary on stderr.
/// </summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A classic pcap or pcapng capture (Ethernet, loopback, raw IP or Linux cooked link type)." };
        var port = new Option<int?>("--port") { Description = "Decode only UDP datagrams sent to this port (default: every UDP datagram)." };
        var fluentStrict = new Option<bool>("--fluent-strict") { Description = "Emit exactly what fluent-plugin-netflow emits: only the fields it knows, no options marker." };
        var noOptions = new Option<bool>("--no-options-records") { Description = "Apply options data (sampling, system init time) but do not print options records." };
        var uptimeTimes = new Option<bool>("--switched-times-from-uptime") { Description = "Print first/last_switched as raw uptime milliseconds (fluent's switched_times_from_uptime)." };
        var aggregate = new Option<string?>("--aggregate") { Description = "Aggregate flows over windows of this length (e.g. 60s, 5m), keyed as Datadog NDM keys them; windows follow capture time." };
        var aggregateKey = new Option<string?>("--aggregate-key") { Description = "Comma-separated aggregation key (exporter,src_addr,dst_addr,src_port,dst_port,protocol,tos,in_if,out_if,direction,ip_version or event field names)." };
        var topN = new Option<int>("--top-n") { Description = "Keep the N largest aggregates (by bytes) per window; fold the rest into one event per exporter." };
        var rollup = new Option<int>("--port-rollup-threshold") { Description = "Distinct peer ports after which they roll up to * (0 = off).", DefaultValueFactory = _ => 10 };
        var samplingRates = new Option<string[]>("--sampling-rate") { Description = "EXPORTER=N: the exporter samples 1 in N (wins over what it states); repeatable.", AllowMultipleArgumentsPerToken = false };
        var interfaceMap = new Option<FileInfo?>("--interface-map") { Description = "CSV of exporter,ifIndex,name,description naming interfaces (names learned from options data win)." };
        var templateCache = new Option<FileInfo?>("--template-cache") { Description = "Load v9/IPFIX templates from this file before decoding and save what was learned after." };
        var command = new Command("decode", "Decode NetFlow v5/v9/IPFIX from a capture file into flow events, one JSON object per line.")
        {
            file, port, fluentStrict, noOptions, uptimeTimes, aggregate, aggregateKey, topN, rollup, samplingRates, interfaceMap, templateCache,
        };
        command.SetAction(parse =>
        {
            var rates = new Dictionary<System.Net.IPAddress, ulong>();
            foreach (var rate in parse.GetValue(samplingRates) ?? [])
            {
                var parts = rate.Split('=', 2);
                if (parts.Length != 2 || !System.Net.IPAddress.TryParse(parts[0], out var exporter) || !ulong.TryParse(parts[1], out var interval) || interval < 1)
                {
                    Console.Error.WriteLine($"grokflow decode: --sampling-rate {rate}: expected EXPORTER=N (an IP address and an interval of at least 1)");
                    return 2;
                }
                rates[exporter] = interval;
            }
            InterfaceNameTable? interfaces = null;
            if (parse.GetValue(interfaceMap) is { } map)
            {
                try
                {
                    interfaces = InterfaceNameTable.Load(map.FullName);
                }
                catch (Exception e) when (e is FormatException or IOException)
                {
                    Console.Error.WriteLine($"grokflow decode: --interface-map {e.Message}");
                    return 2;
                }
            }
            using var store = parse.GetValue(templateCache) is { } cache ? new TemplateStore(cache.FullName, writeDelay: TimeSpan.FromDays(1)) : null;
            if (store is { WasCorrupt: true }) Console.Error.WriteLine($"grokflow decode: --template-cache {parse.GetValue(templateCache)!.Name} could not be read; moved aside, starting empty");
            var options = new NetFlowCollectorOptions
            {
                FluentStrict = parse.GetValue(fluentStrict),
                ShipOptionsRecords = !parse.GetValue(noOptions),
                SwitchedTimesFromUptime = parse.GetValue(uptimeTimes),
                SamplingRates = rates,
                Interfaces = interfaces,
                TemplateStore = store,
            };
            FlowAggregationOptions? aggregation = null;
            if (parse.GetValue(aggregate) is { } window)
            {
                if (!DurationText.TryParse(window, out var length))
                {
                    Console.Error.WriteLine($"grokflow decode: --aggregate {window}: not a duration (e.g. 60s, 5m, 1h)");
                    return 2;
                }
                aggregation = new FlowAggregationOptions
                {
                    Window = length,
                    Key = parse.GetValue(aggregateKey)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() ?? [],
                    TopN = parse.GetValue(topN),
                    PortRollupThreshold = parse.GetValue(rollup),
                };
                var problems = aggregation.Validate("--aggregate").ToList();
                if (problems.Count > 0)
                {
                    Console.Error.WriteLine("grokflow decode: " + string.Join(" ", problems));
                    return 2;
                }
            }
            return Run(parse.GetValue(file)!, parse.GetValue(port), options, aggregation);
        });
        return command;
    }

    private static int Run(FileInfo file, int? port, NetFlowCollectorOptions options, FlowAggregationOptions? aggregation)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"grokflow decode: {file.FullName}: no such file");
            return 2;
        }
        using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        var lines = new LineSink(stdout);
        var aggregator = aggregation is null ? null : new FlowAggregator(aggregation, lines);
        IFlowEventSink sink = aggregator is null ? lines : aggregator;
        using var collector = new NetFlowCollector(options);
        var frames = 0L;
        var datagrams = 0L;
        try
        {
            using var input = file.OpenRead();
            foreach (var frame in CaptureReader.Read(input))
            {
                frames++;
                if (!UdpDatagramExtractor.TryExtract(frame, out var udp) || (port is { } p && udp.DestinationPort != p)) continue;
                datagrams++;
                aggregator?.Advance(frame.Timestamp);
                collector.Decode(udp.Payload.Span, udp.Source, frame.Timestamp, sink);
            }
        }
        catch (CaptureFormatException e)
        {
            aggregator?.Flush();
            stdout.Flush();
            Console.Error.WriteLine($"grokflow decode: {file.Name}: {e.Message} (after {frames} frames)");
            PrintSummary(frames, datagrams, collector.Counters, aggregator);
            return 1;
        }
        aggregator?.Flush();
        stdout.Flush();
        PrintSummary(frames, datagrams, collector.Counters, aggregator);
        return 0;
    }

    private static void PrintSummary(long frames, long datagrams, NetFlowCounterSnapshot counters, FlowAggregator? aggregator)
    {
        var drops = counters.Drops.Where(d => d.Value > 0).Select(d => $"{d.Key.Name()}={d.Value}").ToList();
        Console.Error.WriteLine($"packets: {frames}, udp datagrams: {datagrams}, flows: {counters.Flows}, options records: {counters.OptionsRecords}, " +
            $"templates: {counters.TemplatesLearned} (restored from cache: {counters.TemplatesRestored}), sequence gaps: {counters.SequenceGaps}, held for template: {counters.PendingSets}");
        Console.Error.WriteLine($"drops: {counters.TotalDrops}{(drops.Count > 0 ? " (" + string.Join(", ", drops) + ")" : "")}");
        if (aggregator?.Counters is { } a)
            Console.Error.WriteLine($"aggregation: {a.FlowsIn} flows into {a.EventsOut} events ({(a.EventsOut == 0 ? 0 : (double)a.FlowsIn / a.EventsOut):0.0}x), " +
                $"passed through: {a.PassedThrough}, ports rolled up: {a.RolledUp}, folded into top-N remainder: {a.FoldedIntoOther}, early flushes: {a.EarlyFlushes}");
    }

    private sealed class LineSink(Stream output) : IFlowEventSink
    {
        public void Write(ReadOnlySpan<byte> flowEventJson)
        {
            output.Write(flowEventJson);
            output.WriteByte((byte)'\n');
        }
    }
}
