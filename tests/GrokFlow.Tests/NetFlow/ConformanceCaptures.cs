using System.IO.Compression;
using System.Text.Json.Nodes;
using GrokFlow.Runtime.NetFlow;
using GrokFlow.Runtime.Pcap;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.NetFlow;

/// <summary>The captures of shared/conformance/netflow, and decoding them the way <c>grokflow decode</c> does.</summary>
internal static class ConformanceCaptures
{
    public static string Directory { get; } = Path.Combine(RepositoryPaths.Shared, "conformance", "netflow");

    public static (List<JsonObject> Events, NetFlowCounterSnapshot Counters) Decode(string capture, NetFlowCollectorOptions options)
    {
        var sink = new CollectingSink();
        using var collector = new NetFlowCollector(options);
        using var input = File.OpenRead(Path.Combine(Directory, capture + ".pcap"));
        foreach (var frame in CaptureReader.Read(input))
            if (UdpDatagramExtractor.TryExtract(frame, out var udp) && udp.DestinationPort == 9995)
                collector.Decode(udp.Payload.Span, udp.Source, frame.Timestamp, sink);
        return (sink.Events, collector.Counters);
    }

    public static List<JsonObject> TsharkReference(string capture) =>
        File.ReadLines(Path.Combine(Directory, "tshark-ref", capture + ".ref.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    public static List<JsonObject> FluentExpected(string name)
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(Directory, "fluent-expected", name + ".fluent.jsonl.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var records = new List<JsonObject>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) records.Add(JsonNode.Parse(line)!["record"]!.AsObject());
        return records;
    }

    internal sealed class CollectingSink : IFlowEventSink
    {
        public List<JsonObject> Events { get; } = new();

        public void Write(ReadOnlySpan<byte> flowEventJson) => Events.Add(JsonNode.Parse(flowEventJson)!.AsObject());
    }
}
