using System.CommandLine;
using GrokFlow.Runtime.NetFlow;
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
        var command = new Command("decode", "Decode NetFlow v5/v9/IPFIX from a capture file into flow events, one JSON object per line.")
        {
            file, port, fluentStrict, noOptions, uptimeTimes,
        };
        command.SetAction(parse =>
        {
            var options = new NetFlowCollectorOptions
            {
                FluentStrict = parse.GetValue(fluentStrict),
                ShipOptionsRecords = !parse.GetValue(noOptions),
                SwitchedTimesFromUptime = parse.GetValue(uptimeTimes),
            };
            return Run(parse.GetValue(file)!, parse.GetValue(port), options);
        });
        return command;
    }

    private static int Run(FileInfo file, int? port, NetFlowCollectorOptions options)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"grokflow decode: {file.FullName}: no such file");
            return 2;
        }
        using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        var sink = new LineSink(stdout);
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
                collector.Decode(udp.Payload.Span, udp.Source, frame.Timestamp, sink);
            }
        }
        catch (CaptureFormatException e)
        {
            stdout.Flush();
            Console.Error.WriteLine($"grokflow decode: {file.Name}: {e.Message} (after {frames} frames)");
            PrintSummary(frames, datagrams, collector.Counters);
            return 1;
        }
        stdout.Flush();
        PrintSummary(frames, datagrams, collector.Counters);
        return 0;
    }

    private static void PrintSummary(long frames, long datagrams, NetFlowCounterSnapshot counters)
    {
        var drops = counters.Drops.Where(d => d.Value > 0).Select(d => $"{d.Key.Name()}={d.Value}").ToList();
        Console.Error.WriteLine($"packets: {frames}, udp datagrams: {datagrams}, flows: {counters.Flows}, options records: {counters.OptionsRecords}, " +
            $"templates: {counters.TemplatesLearned}, sequence gaps: {counters.SequenceGaps}, held for template: {counters.PendingSets}");
        Console.Error.WriteLine($"drops: {counters.TotalDrops}{(drops.Count > 0 ? " (" + string.Join(", ", drops) + ")" : "")}");
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
