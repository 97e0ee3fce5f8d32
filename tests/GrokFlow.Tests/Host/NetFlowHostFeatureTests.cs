using System.Text.Json.Nodes;
using GrokFlow.Runtime.NetFlow;
using GrokFlow.Runtime.Pcap;
using GrokFlow.Tests.NetFlow;
using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host;

/// <summary>The NetFlow section in the running host: aggregation windows written on stop, templates kept across a restart.</summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class NetFlowHostFeatureTests : IDisposable
{
    private readonly HostTestSettings _settings = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("grokflow-netflow-host-").FullName;

    [Fact]
    public async Task AggregatedEventsCarryTheExactTotalsAndTheHostWritesTheOpenWindowOnStop()
    {
        var (plain, _) = ConformanceCaptures.Decode("v9", new NetFlowCollectorOptions());
        var flows = plain.Where(e => !e.ContainsKey("record_type")).ToList();
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await StartAsync(intake, ("NetFlow:Aggregation:Window", "01:00:00"), ("NetFlow:Aggregation:Key:0", "exporter"),
            ("NetFlow:Aggregation:Key:1", "protocol"), ("NetFlow:Aggregation:Key:2", "src_port"), ("NetFlow:Aggregation:Key:3", "dst_port"),
            ("NetFlow:Aggregation:PortRollupThreshold", "3"));
        await ReplayAsync(host, Datagrams("v9"));
        await host.StopAsync();

        var arrived = intake.AcceptedEvents.Select(e => JsonNode.Parse(e.GetRawText())!.AsObject()).ToList();
        var aggregated = arrived.Where(e => e.ContainsKey("flow_count")).ToList();
        Assert.Equal(flows.Sum(f => (long)f["in_bytes"]!), aggregated.Sum(e => (long)e["in_bytes"]!));
        Assert.Equal(flows.Sum(f => (long)f["in_pkts"]!), aggregated.Sum(e => (long)e["in_pkts"]!));
        Assert.Equal(flows.Count, aggregated.Sum(e => (long)e["flow_count"]!));
        Assert.True(aggregated.Count < flows.Count / 3, $"{aggregated.Count} aggregated events for {flows.Count} flows");
        Assert.All(aggregated, e => Assert.Equal("netflow", (string?)e["ddsource"]));
    }

    // v9 here: an IPFIX stream is also keyed by the exporter's source port (RFC 7011 transport session), and the test
    // client's port changes between the two hosts. TemplateStoreTests covers IPFIX with the same exporter endpoint.
    [Fact]
    public async Task AfterARestartDataOnlyDatagramsDecodeAtOnce()
    {
        var cache = Path.Combine(_directory, "templates.json");
        var (expected, _) = ConformanceCaptures.Decode("v9", new NetFlowCollectorOptions());
        await using (var intake = await TestIntakeServer.StartAsync())
        await using (var first = await StartAsync(intake, ("NetFlow:TemplateCache", cache)))
        {
            await ReplayAsync(first, Datagrams("v9"));
            await first.StopAsync();   // SIGTERM: the cache is written
        }
        Assert.True(File.Exists(cache));

        await using var again = await TestIntakeServer.StartAsync();
        await using var restarted = await StartAsync(again, ("NetFlow:TemplateCache", cache));
        await ReplayAsync(restarted, Datagrams("v9").Select(TemplateStoreTests.WithoutTemplateSets));
        await restarted.StopAsync();

        var arrived = again.AcceptedEvents.Select(e => JsonNode.Parse(e.GetRawText())!.AsObject()).ToList();
        Assert.Equal(expected.Count, arrived.Count);
        Assert.Equal(expected.Where(e => !e.ContainsKey("record_type")).Sum(e => (long)e["in_bytes"]!),
            arrived.Where(e => !e.ContainsKey("record_type")).Sum(e => (long)e["in_bytes"]!));
    }

    private Task<RunningHost> StartAsync(TestIntakeServer intake, params (string Key, string? Value)[] netflow) =>
        RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress,
            [("Sources:1:Name", "netflow"), ("Sources:1:Type", "NetFlow"), ("Sources:1:Bind", "127.0.0.1"), ("Sources:1:Port", "0"),
             ("Sources:1:Source", "netflow"), .. netflow]));

    private static List<byte[]> Datagrams(string capture)
    {
        using var input = File.OpenRead(Path.Combine(ConformanceCaptures.Directory, capture + ".pcap"));
        return CaptureReader.Read(input).Select(f => UdpDatagramExtractor.TryExtract(f, out var udp) && udp.DestinationPort == 9995 ? udp.Payload.ToArray() : null)
            .OfType<byte[]>().ToList();
    }

    private static async Task ReplayAsync(RunningHost host, IEnumerable<byte[]> datagrams)
    {
        var sent = 0;
        var start = host.Metrics.Datagrams;
        foreach (var datagram in datagrams)
        {
            await host.SendAsync("netflow", datagram);
            if (++sent % 50 == 0)
                await TestIntakeServer.WaitUntilAsync(() => host.Metrics.Datagrams - start >= sent, TimeSpan.FromSeconds(20), $"{sent} datagrams");
        }
        await TestIntakeServer.WaitUntilAsync(() => host.Metrics.Datagrams - start >= sent, TimeSpan.FromSeconds(20), $"{sent} datagrams");
    }

    public void Dispose()
    {
        _settings.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
