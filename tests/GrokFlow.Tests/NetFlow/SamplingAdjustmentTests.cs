using System.Net;
using System.Text.Json.Nodes;
using GrokFlow.Runtime.NetFlow;

namespace GrokFlow.Tests.NetFlow;

/// <summary>
/// adjusted_bytes / adjusted_packets: the raw counters times the sampling rate the exporter states (v5 header, v9
/// options data) or the configured one. The oracle is tshark's reading: its counters and the interval of the header
/// or of the latest options record before the flow.
/// </summary>
public sealed class SamplingAdjustmentTests
{
    [Theory]
    [InlineData("v5_sampled")]
    [InlineData("v5")]
    [InlineData("v9_sampled")]
    [InlineData("v9")]
    public void AdjustedCountersAreTheReferenceCountersTimesTheStatedInterval(string capture)
    {
        var reference = ConformanceCaptures.TsharkReference(capture);
        var (events, _) = ConformanceCaptures.Decode(capture, new NetFlowCollectorOptions());
        Assert.Equal(reference.Count, events.Count);
        long interval = 0, sampledFlows = 0;
        for (var i = 0; i < reference.Count; i++)
        {
            var r = reference[i];
            if ((string?)r["record_type"] == "options")
            {
                interval = long.Parse((string)r["fields"]!["cflow.sampling_interval"]!);
                continue;
            }
            if ((int)r["version"]! == 5) interval = (long)r["sampling_interval"]!;
            var rate = Math.Max(1, interval);
            if (rate > 1) sampledFlows++;
            Assert.Equal((long)r["bytes"]! * rate, (long)events[i]["adjusted_bytes"]!);
            Assert.Equal((long)r["packets"]! * rate, (long)events[i]["adjusted_packets"]!);
            Assert.Equal((long)r["bytes"]!, (long)events[i]["in_bytes"]!);   // raw counters kept
        }
        Assert.Equal(capture.EndsWith("_sampled"), sampledFlows > 0);
    }

    [Fact]
    public void AConfiguredRateWinsOverTheExporters()
    {
        var options = new NetFlowCollectorOptions { SamplingRates = new Dictionary<IPAddress, ulong> { [IPAddress.Loopback] = 100 } };
        var reference = ConformanceCaptures.TsharkReference("v9_sampled");
        var (events, _) = ConformanceCaptures.Decode("v9_sampled", options);
        var flows = Enumerable.Range(0, reference.Count).Where(i => (string?)reference[i]["record_type"] == "data").ToList();
        Assert.NotEmpty(flows);
        Assert.All(flows, i => Assert.Equal((long)reference[i]["bytes"]! * 100, (long)events[i]["adjusted_bytes"]!));
    }

    [Fact]
    public void FluentStrictEventsStayAsFluentWritesThem()
    {
        var (events, _) = ConformanceCaptures.Decode("v5_sampled", new NetFlowCollectorOptions { FluentStrict = true });
        Assert.All(events, e => Assert.False(e.ContainsKey("adjusted_bytes")));
    }

    [Fact]
    public void IpfixPacketIntervalAndSpaceGiveTheRate()
    {
        using var h = new CollectorHarness();
        // Options template 300: scope meteringProcessId, samplingPacketInterval (305) = 2, samplingPacketSpace (306) = 18: 1 in 10.
        h.Decode(ExportPacket.Ipfix()
            .Set(3, s => s.U16(300).U16(3).U16(1).U16(143).U16(4).U16(305).U16(4).U16(306).U16(4))
            .Set(300, s => s.U32(1).U32(2).U32(18))
            .Set(2, s => s.Template(256, (1, 8), (2, 4)))
            .Set(256, s => s.U32(0).U32(1234).U32(7)).ToArray());
        var flow = h.Events.Single(e => !e.ContainsKey("record_type"));
        Assert.Equal(12340, (long)flow["adjusted_bytes"]!);
        Assert.Equal(70, (long)flow["adjusted_packets"]!);
    }

    [Fact]
    public void NoStatedRateMeansNoAdjustedCounters()
    {
        using var h = new CollectorHarness();
        h.Decode(ExportPacket.V9().Set(0, s => s.Template(256, (1, 4), (2, 4))).Set(256, s => s.U32(10).U32(1)).ToArray());
        Assert.False(h.Events.Single().ContainsKey("adjusted_bytes"));
    }
}
