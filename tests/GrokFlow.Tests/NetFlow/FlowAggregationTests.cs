using System.Text;
using System.Text.Json.Nodes;
using GrokFlow.Runtime.NetFlow;
using GrokFlow.Runtime.NetFlow.Aggregation;
using GrokFlow.Runtime.Pcap;

namespace GrokFlow.Tests.NetFlow;

/// <summary>
/// Edge aggregation: on every conformance capture the aggregated events carry exactly the byte, packet and flow sums
/// of the unaggregated events of their key (the oracle groups the plain decode independently); and the mechanics of
/// windows, port rollup, top-N, the key cap and field merging on hand-made events.
/// </summary>
public sealed class FlowAggregationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Captures => new(["v5", "v5_sampled", "v9", "v9_ms", "v9_sampled", "ipfix", "ipfix_ms", "ipfix_bidir"]);

    /// <summary>The reduction table of docs/netflow.md: flows, then events with the Datadog key, the Datadog key with top 20, the coarse key, the coarse key with top 20.</summary>
    public static TheoryData<string, int, int, int, int, int> DocumentedReductions => new()
    {
        { "v5", 419, 419, 21, 61, 21 },
        { "v5_sampled", 297, 297, 21, 60, 21 },
        { "v9", 606, 606, 21, 82, 21 },
        { "v9_ms", 606, 606, 21, 82, 21 },
        { "v9_sampled", 367, 367, 21, 71, 21 },
        { "ipfix", 606, 606, 21, 82, 21 },
        { "ipfix_ms", 606, 606, 21, 82, 21 },
        { "ipfix_bidir", 359, 331, 21, 43, 21 },
    };

    private static readonly string[] NdmKeyFields = ["host", "ipv4_src_addr|ipv6_src_addr", "ipv4_dst_addr|ipv6_dst_addr", "l4_src_port", "l4_dst_port", "protocol", "src_tos", "input_snmp"];

    [Theory]
    [MemberData(nameof(Captures))]
    public void SumsPerDatadogKeyEqualTheUnaggregatedSums(string capture)
    {
        var (plain, _) = ConformanceCaptures.Decode(capture, new NetFlowCollectorOptions());
        var (aggregated, counters) = DecodeAggregated(capture, new FlowAggregationOptions { Window = TimeSpan.FromSeconds(60) });
        var flows = plain.Where(IsFlow).ToList();
        var expected = flows.GroupBy(e => KeyOf(e, NdmKeyFields)).ToDictionary(g => g.Key, g => Sums(g));
        var events = aggregated.Where(e => e.ContainsKey("flow_count")).ToList();

        Assert.Equal(expected.Count, events.Count);
        foreach (var e in events)
        {
            var key = KeyOf(e, NdmKeyFields);
            Assert.True(expected.TryGetValue(key, out var sums), $"no plain flows for {key}");
            Assert.Equal(sums, (Number(e, "in_bytes"), Number(e, "in_pkts"), Number(e, "flow_count"), Number(e, "reverseOctetDeltaCount")));
        }
        Assert.Equal(plain.Count - flows.Count, aggregated.Count - events.Count);   // options records pass through
        Assert.Equal(flows.Count, counters.FlowsIn);
        output.WriteLine($"{capture}: {flows.Count} flows -> {events.Count} events ({(double)flows.Count / events.Count:0.0}x) with the Datadog key at 60 s");
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void DatadogKeyWithTopNKeepsEachKeptKeyAndTheTotalsExact(string capture)
    {
        var (plain, _) = ConformanceCaptures.Decode(capture, new NetFlowCollectorOptions());
        var (aggregated, _) = DecodeAggregated(capture, new FlowAggregationOptions { Window = TimeSpan.FromSeconds(60), TopN = 20 });
        var flows = plain.Where(IsFlow).ToList();
        var expected = flows.GroupBy(e => KeyOf(e, NdmKeyFields)).ToDictionary(g => g.Key, g => Sums(g));
        var events = aggregated.Where(e => e.ContainsKey("flow_count")).ToList();
        var kept = events.Where(e => !e.ContainsKey("aggregation_other")).ToList();

        Assert.Equal(Sums(flows), Sums(events, perFlow: false));
        Assert.Equal(20, kept.Count);
        foreach (var e in kept)
            Assert.Equal(expected[KeyOf(e, NdmKeyFields)], (Number(e, "in_bytes"), Number(e, "in_pkts"), Number(e, "flow_count"), Number(e, "reverseOctetDeltaCount")));
        var smallestKept = kept.Min(e => Number(e, "in_bytes"));
        var keptKeys = kept.Select(e => KeyOf(e, NdmKeyFields)).ToHashSet();
        Assert.All(expected.Where(k => !keptKeys.Contains(k.Key)), k => Assert.True(k.Value.Bytes <= smallestKept, $"{k.Key} has more bytes than a kept key"));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void CoarseKeyWithRollupAndTopNKeepsTotalsExact(string capture)
    {
        var (plain, _) = ConformanceCaptures.Decode(capture, new NetFlowCollectorOptions());
        var options = new FlowAggregationOptions
        {
            Window = TimeSpan.FromSeconds(60), Key = ["exporter", "protocol", "src_port", "dst_port", "in_if"], PortRollupThreshold = 3, TopN = 20,
        };
        var (aggregated, counters) = DecodeAggregated(capture, options);
        var flows = plain.Where(IsFlow).ToList();
        var events = aggregated.Where(e => e.ContainsKey("flow_count")).ToList();

        Assert.Equal(Sums(flows), Sums(events, perFlow: false));
        foreach (var protocol in flows.Select(f => Number(f, "protocol")).Distinct())
        {
            var inTopN = events.Where(e => !e.ContainsKey("aggregation_other") && Number(e, "protocol") == protocol);
            Assert.True(Sums(inTopN, perFlow: false).Bytes <= Sums(flows.Where(f => Number(f, "protocol") == protocol)).Bytes);
        }
        Assert.True(events.Count <= 21, $"{events.Count} events for top 20 and one remainder");
        Assert.True(counters.RolledUp > 0);
        output.WriteLine($"{capture}: {flows.Count} flows -> {events.Count} events ({(double)flows.Count / events.Count:0.0}x) keyed by exporter, protocol, ports (rolled up at 3), in_if, top 20");
    }

    [Theory]
    [MemberData(nameof(DocumentedReductions))]
    public void EventCountsAreTheDocumentedReductions(string capture, int flowCount, int datadogKey, int datadogKeyTop20, int coarseKey, int coarseKeyTop20)
    {
        var (plain, _) = ConformanceCaptures.Decode(capture, new NetFlowCollectorOptions());
        var coarse = new FlowAggregationOptions
        {
            Window = TimeSpan.FromSeconds(60), Key = ["exporter", "protocol", "src_port", "dst_port", "in_if"], PortRollupThreshold = 3,
        };
        int Events(FlowAggregationOptions options) => DecodeAggregated(capture, options).Events.Count(e => e.ContainsKey("flow_count"));

        Assert.Equal(flowCount, plain.Count(IsFlow));
        Assert.Equal(datadogKey, Events(new FlowAggregationOptions { Window = TimeSpan.FromSeconds(60) }));
        Assert.Equal(datadogKeyTop20, Events(new FlowAggregationOptions { Window = TimeSpan.FromSeconds(60), TopN = 20 }));
        Assert.Equal(coarseKey, Events(coarse));
        Assert.Equal(coarseKeyTop20, Events(coarse with { TopN = 20 }));
    }

    [Fact]
    public void MergesCountersTimesAndFlagsAndStatesTheWindow()
    {
        var (aggregator, sink) = Aggregator(new FlowAggregationOptions { Window = TimeSpan.FromSeconds(60) });
        aggregator.Advance(DateTimeOffset.FromUnixTimeSeconds(1_700_000_010));
        aggregator.Write(Flow(40000, 443, bytes: 100, packets: 2, flags: 2, start: "2023-11-14T22:13:25.000Z", end: "2023-11-14T22:13:26.000Z"));
        aggregator.Write(Flow(40000, 443, bytes: 50, packets: 1, flags: 16, start: "2023-11-14T22:13:21.500Z", end: "2023-11-14T22:13:24.000Z"));
        aggregator.Write(Flow(40001, 443, bytes: 7, packets: 1, flags: 1, start: "2023-11-14T22:13:30.000Z", end: "2023-11-14T22:13:31.000Z"));
        Assert.Empty(sink.Events);
        aggregator.Advance(DateTimeOffset.FromUnixTimeSeconds(1_700_000_039));   // 22:13:59: the window 22:13:00..22:14:00 is still open
        Assert.Empty(sink.Events);
        aggregator.Advance(DateTimeOffset.FromUnixTimeSeconds(1_700_000_040));   // 22:14:00: it closed

        Assert.Equal(2, sink.Events.Count);
        var merged = sink.Events.Single(e => Number(e, "l4_src_port") == 40000);
        Assert.Equal(2, Number(merged, "flow_count"));
        Assert.Equal(150, Number(merged, "in_bytes"));
        Assert.Equal(3, Number(merged, "in_pkts"));
        Assert.Equal(18, Number(merged, "tcp_flags"));
        Assert.Equal("2023-11-14T22:13:21.500Z", (string?)merged["first_switched"]);
        Assert.Equal("2023-11-14T22:13:26.000Z", (string?)merged["last_switched"]);
        Assert.Equal("2023-11-14T22:13:00.000Z", (string?)merged["aggregation_window_start"]);
        Assert.Equal("2023-11-14T22:14:00.000Z", (string?)merged["aggregation_window_end"]);
        Assert.Equal(60, Number(merged, "aggregation_window_seconds"));
        Assert.Equal("192.0.2.7", (string?)merged["host"]);
        Assert.Equal("10.0.0.1", (string?)merged["ipv4_src_addr"]);
    }

    [Fact]
    public void EphemeralPortsRollUpToAStar()
    {
        var (aggregator, sink) = Aggregator(new FlowAggregationOptions { Window = TimeSpan.FromSeconds(60), PortRollupThreshold = 3 });
        aggregator.Advance(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        for (var port = 50000; port < 50004; port++) aggregator.Write(Flow(port, 443, bytes: 10, packets: 1, flags: 0));
        aggregator.Write(Flow(50100, 22, bytes: 5, packets: 1, flags: 0));   // one client port to :22: nothing to roll up
        aggregator.Flush();

        Assert.Equal(2, sink.Events.Count);
        var rolled = sink.Events.Single(e => Number(e, "l4_dst_port") == 443);
        Assert.Equal("*", (string?)rolled["l4_src_port"]);
        Assert.Equal(4, Number(rolled, "flow_count"));
        Assert.Equal(40, Number(rolled, "in_bytes"));
        Assert.Equal(50100, Number(sink.Events.Single(e => Number(e, "l4_dst_port") == 22), "l4_src_port"));
        Assert.Equal(4, aggregator.Counters.RolledUp);
    }

    [Fact]
    public void TopNFoldsTheRestIntoOneEventPerExporter()
    {
        var (aggregator, sink) = Aggregator(new FlowAggregationOptions { Window = TimeSpan.FromSeconds(60), TopN = 2, PortRollupThreshold = 0 });
        aggregator.Advance(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        for (var i = 1; i <= 5; i++) aggregator.Write(Flow(40000 + i, 80, bytes: (ulong)(i * 100), packets: 1, flags: 0));
        aggregator.Flush();

        Assert.Equal(3, sink.Events.Count);
        Assert.Equal([500L, 400L], sink.Events.Where(e => !e.ContainsKey("aggregation_other")).Select(e => Number(e, "in_bytes")).Order().Reverse());
        var other = sink.Events.Single(e => e.ContainsKey("aggregation_other"));
        Assert.Equal(600, Number(other, "in_bytes"));
        Assert.Equal(3, Number(other, "flow_count"));
        Assert.Equal("192.0.2.7", (string?)other["host"]);
        Assert.False(other.ContainsKey("l4_src_port"));
    }

    [Fact]
    public void TheKeyCapFlushesEarlyAndIsCounted()
    {
        var (aggregator, sink) = Aggregator(new FlowAggregationOptions { Window = TimeSpan.FromSeconds(60), MaxOpenKeys = 100, PortRollupThreshold = 0 });
        aggregator.Advance(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        for (var i = 0; i < 1000; i++) aggregator.Write(Flow(1024 + i, 80, bytes: 1, packets: 1, flags: 0));
        Assert.True(aggregator.Counters.OpenKeys <= 100);
        aggregator.Flush();

        Assert.Equal(9, aggregator.Counters.EarlyFlushes);
        Assert.Equal(1000, sink.Events.Count);
        Assert.Equal(1000, sink.Events.Sum(e => Number(e, "in_bytes")));
        Assert.All(sink.Events, e => Assert.True((bool?)e["aggregation_partial"]));
    }

    [Fact]
    public void OptionsRecordsPassThrough()
    {
        var (aggregator, sink) = Aggregator(new FlowAggregationOptions { Window = TimeSpan.FromSeconds(60) });
        aggregator.Advance(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        aggregator.Write("{\"version\":9,\"sampling_interval\":10,\"record_type\":\"options\",\"host\":\"192.0.2.7\"}"u8);
        Assert.Single(sink.Events);
        Assert.Equal(1, aggregator.Counters.PassedThrough);
    }

    [Theory]
    [InlineData("60s", 60)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("90", 90)]
    [InlineData("500ms", 0.5)]
    public void DurationsParseAsUsersTypeThem(string text, double seconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Fact]
    public void NonsenseDurationsAreRefused() => Assert.False(DurationText.TryParse("soon", out _));

    private static (FlowAggregator, ConformanceCaptures.CollectingSink) Aggregator(FlowAggregationOptions options)
    {
        var sink = new ConformanceCaptures.CollectingSink();
        return (new FlowAggregator(options, sink), sink);
    }

    private static byte[] Flow(int sourcePort, int destinationPort, ulong bytes, ulong packets, int flags, string start = "2023-11-14T22:13:21.000Z", string end = "2023-11-14T22:13:22.000Z") =>
        Encoding.UTF8.GetBytes($"{{\"version\":9,\"ipv4_src_addr\":\"10.0.0.1\",\"ipv4_dst_addr\":\"10.0.0.2\",\"l4_src_port\":{sourcePort},\"l4_dst_port\":{destinationPort}," +
            $"\"protocol\":6,\"src_tos\":0,\"input_snmp\":3,\"in_bytes\":{bytes},\"in_pkts\":{packets},\"tcp_flags\":{flags}," +
            $"\"first_switched\":\"{start}\",\"last_switched\":\"{end}\",\"host\":\"192.0.2.7\"}}");

    internal static (List<JsonObject> Events, AggregationCounterSnapshot Counters) DecodeAggregated(string capture, FlowAggregationOptions options)
    {
        var sink = new ConformanceCaptures.CollectingSink();
        var aggregator = new FlowAggregator(options, sink);
        using var collector = new NetFlowCollector();
        using var input = File.OpenRead(Path.Combine(ConformanceCaptures.Directory, capture + ".pcap"));
        foreach (var frame in CaptureReader.Read(input))
        {
            if (!UdpDatagramExtractor.TryExtract(frame, out var udp) || udp.DestinationPort != 9995) continue;
            aggregator.Advance(frame.Timestamp);
            collector.Decode(udp.Payload.Span, udp.Source, frame.Timestamp, aggregator);
        }
        aggregator.Flush();
        return (sink.Events, aggregator.Counters);
    }

    private static bool IsFlow(JsonObject e) => !e.ContainsKey("record_type") && (e.ContainsKey("in_bytes") || e.ContainsKey("in_pkts"));

    private static string KeyOf(JsonObject e, string[] fields) =>
        string.Join("|", fields.Select(f => f.Split('|').Select(n => e[n]?.ToJsonString()).FirstOrDefault(v => v is not null) ?? "-"));

    private static (long Bytes, long Packets, long Flows, long ReverseBytes) Sums(IEnumerable<JsonObject> events, bool perFlow = true)
    {
        long bytes = 0, packets = 0, flows = 0, reverse = 0;
        foreach (var e in events)
        {
            bytes += Number(e, "in_bytes");
            packets += Number(e, "in_pkts");
            flows += perFlow ? 1 : Number(e, "flow_count");
            reverse += Number(e, "reverseOctetDeltaCount");
        }
        return (bytes, packets, flows, reverse);
    }

    private static long Number(JsonObject e, string name) => e[name] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
}
