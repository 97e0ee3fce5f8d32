using System.Text.Json.Nodes;
using GrokFlow.Runtime.NetFlow;
using GrokFlow.Runtime.Pcap;
using GrokFlow.Tests.NetFlow;
using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host;

/// <summary>The NetFlow captures of shared/conformance/netflow replayed over UDP into the host: every flow arrives once.</summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class NetFlowReplayTests : IDisposable
{
    private readonly HostTestSettings _settings = new();

    [Theory]
    [InlineData("v5")]
    [InlineData("v5_sampled")]
    [InlineData("v9")]
    [InlineData("v9_ms")]
    [InlineData("v9_sampled")]
    [InlineData("ipfix")]
    [InlineData("ipfix_ms")]
    [InlineData("ipfix_bidir")]
    public async Task EveryFlowOfACaptureArrivesOnceWithTheSourceAttributes(string capture)
    {
        var (expected, _) = ConformanceCaptures.Decode(capture, new NetFlowCollectorOptions());
        Assert.NotEmpty(expected);
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress,
            ("Sources:1:Name", "netflow"), ("Sources:1:Type", "NetFlow"), ("Sources:1:Bind", "127.0.0.1"), ("Sources:1:Port", "0"),
            ("Sources:1:Source", "netflow"), ("Sources:1:Service", "edge-router"), ("Sources:1:Tags:0", "site:lab")));

        var datagrams = 0;
        using (var input = File.OpenRead(Path.Combine(ConformanceCaptures.Directory, capture + ".pcap")))
        {
            foreach (var frame in CaptureReader.Read(input))
            {
                if (!UdpDatagramExtractor.TryExtract(frame, out var udp) || udp.DestinationPort != 9995) continue;
                await host.SendAsync("netflow", udp.Payload.ToArray());
                datagrams++;
                if (datagrams % 50 == 0)
                    await host.WaitUntilAsync(() => host.Metrics.Datagrams >= datagrams, TimeSpan.FromSeconds(20), $"{datagrams} datagrams");
            }
        }

        await host.WaitUntilAsync(() => intake.AcceptedEventCount >= expected.Count, TimeSpan.FromSeconds(30), $"{expected.Count} flows at the intake");
        var arrived = intake.AcceptedEvents.Select(e => JsonNode.Parse(e.GetRawText())!.AsObject()).ToList();
        Assert.Equal(expected.Count, arrived.Count);
        Assert.All(intake.Accepted, r => Assert.Equal("gzip", r.Header("Content-Encoding")));
        foreach (var flow in arrived)
        {
            Assert.Equal("netflow", (string?)flow["ddsource"]);
            Assert.Equal("edge-router", (string?)flow["service"]);
            Assert.Equal("site:lab", (string?)flow["ddtags"]);
        }
        // The same flows, field for field, as decoding the capture directly (the exporter address aside: replayed from loopback).
        Assert.Equal(expected.Select(Comparable).Order(), arrived.Select(Comparable).Order());
    }

    private static string Comparable(JsonObject flow)
    {
        var copy = flow.DeepClone().AsObject();
        foreach (var key in new[] { "ddsource", "service", "ddtags", "host" }) copy.Remove(key);
        return copy.ToJsonString();
    }

    public void Dispose() => _settings.Dispose();
}
