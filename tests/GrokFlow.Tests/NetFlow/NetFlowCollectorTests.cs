using System.Diagnostics.Metrics;
using System.Net;
using GrokFlow.Runtime.NetFlow;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.NetFlow;

/// <summary>Template cache, held data, options data, sequence gaps and counters, on hand-built messages.</summary>
public sealed class NetFlowCollectorTests
{
    private static readonly (int, int)[] PortsAndBytes = [(7, 2), (11, 2), (1, 4)];

    private static byte[] Data(int templateId, params (int Src, int Dst, uint Bytes)[] records) =>
        ExportPacket.V9(sequence: 2).Set(templateId, s =>
        {
            foreach (var r in records) s.U16(r.Src).U16(r.Dst).U32(r.Bytes);
        }).ToArray();

    private static byte[] TemplateMessage(int templateId, params (int, int)[] fields) =>
        ExportPacket.V9(sequence: 1).Set(0, s => s.Template(templateId, fields)).ToArray();

    [Fact]
    public void DataBeforeItsTemplateIsHeldThenDecoded()
    {
        using var h = new CollectorHarness();
        h.Decode(Data(300, (1000, 53, 77)));
        Assert.Empty(h.Events);
        Assert.Equal(1, h.Counters.PendingSets);

        h.Decode(TemplateMessage(300, PortsAndBytes));

        var e = Assert.Single(h.Events);
        Assert.Equal((1000, 53, 77), ((int)e["l4_src_port"]!, (int)e["l4_dst_port"]!, (int)e["in_bytes"]!));
        Assert.Equal((0, 0), (h.Counters.PendingSets, (int)h.Counters.TotalDrops));
    }

    [Fact]
    public void HeldDataExpiresAsANoTemplateDrop()
    {
        using var h = new CollectorHarness(new NetFlowCollectorOptions { PendingDataMaxAge = TimeSpan.FromSeconds(5) });
        h.Decode(Data(300, (1, 2, 3)));
        h.Now += TimeSpan.FromSeconds(6);
        h.Decode(TemplateMessage(300, PortsAndBytes));
        h.Decode(Data(300, (4, 5, 6)));

        Assert.Equal(1, h.Dropped(NetFlowDropReason.NoTemplate));
        Assert.Equal(4, (int)Assert.Single(h.Events)["l4_src_port"]!);
    }

    [Fact]
    public void HoldBufferIsBoundedBySize()
    {
        using var h = new CollectorHarness(new NetFlowCollectorOptions { PendingDataMaxBytes = 20 });
        h.Decode(Data(300, (1, 2, 3)));
        h.Decode(Data(300, (4, 5, 6)));
        h.Decode(Data(300, (7, 8, 9), (10, 11, 12)));
        Assert.Equal(1, h.Counters.PendingSets);
        h.Decode(Data(300, (13, 14, 15), (16, 17, 18), (19, 20, 21)));
        h.Decode(TemplateMessage(300, PortsAndBytes));

        Assert.Equal(3, h.Dropped(NetFlowDropReason.NoTemplate));
        Assert.Equal([7, 10], h.Events.Select(e => (int)e["l4_src_port"]!));
    }

    [Fact]
    public void RedefinedTemplateReplacesTheOldOne()
    {
        using var h = new CollectorHarness();
        h.Decode(TemplateMessage(300, PortsAndBytes));
        h.Decode(TemplateMessage(300, (11, 2), (7, 2), (2, 4)));
        h.Decode(Data(300, (1000, 53, 77)));

        var e = Assert.Single(h.Events);
        Assert.Equal((53, 1000, 77), ((int)e["l4_src_port"]!, (int)e["l4_dst_port"]!, (int)e["in_pkts"]!));
        Assert.Equal(1, h.Counters.TemplatesCached);
    }

    [Fact]
    public void ResentTemplateIsLearnedOnceAndAChangedOneAgain()
    {
        // Exporters resend their templates every few datagrams: the same definition is recognised, not learned again;
        // a definition that differs after the same first field is learned anew.
        using var h = new CollectorHarness(new NetFlowCollectorOptions { PendingDataMaxAge = TimeSpan.Zero });
        for (var i = 0; i < 3; i++)
        {
            h.Decode(TemplateMessage(300, PortsAndBytes));
            h.Decode(Data(300, (i, 2, 3)));
        }
        Assert.Equal(1, h.Counters.TemplatesLearned);
        h.Decode(TemplateMessage(300, (7, 2), (11, 2), (2, 4)));
        h.Decode(Data(300, (9, 8, 77)));

        Assert.Equal(2, h.Counters.TemplatesLearned);
        Assert.Equal([0, 1, 2, 9], h.Events.Select(e => (int)e["l4_src_port"]!));
        Assert.Equal(77, (int)h.Events[^1]["in_pkts"]!);
        Assert.Equal(1, h.Counters.TemplatesCached);
    }

    [Fact]
    public void TemplateNotRefreshedWithinItsLifetimeIsNotUsed()
    {
        using var h = new CollectorHarness(new NetFlowCollectorOptions { TemplateLifetime = TimeSpan.FromMinutes(10), PendingDataMaxAge = TimeSpan.Zero });
        h.Decode(TemplateMessage(300, PortsAndBytes));
        h.Now += TimeSpan.FromMinutes(9);
        h.Decode(TemplateMessage(300, PortsAndBytes)); // refresh re-arms the lifetime
        h.Now += TimeSpan.FromMinutes(9);
        h.Decode(Data(300, (1, 2, 3)));
        h.Now += TimeSpan.FromMinutes(11);
        h.Decode(Data(300, (4, 5, 6)));

        Assert.Equal([1], h.Events.Select(e => (int)e["l4_src_port"]!));
        Assert.Equal(1, h.Dropped(NetFlowDropReason.NoTemplate));
        Assert.Equal(0, h.Counters.TemplatesCached);
    }

    [Fact]
    public void TemplatesAreKeptPerExporterAndSourceId()
    {
        using var h = new CollectorHarness(new NetFlowCollectorOptions { PendingDataMaxAge = TimeSpan.Zero });
        var other = new IPEndPoint(IPAddress.Parse("192.0.2.8"), 2055);
        h.Decode(TemplateMessage(300, PortsAndBytes));
        h.Decode(Data(300, (1, 2, 3)), other);
        h.Decode(ExportPacket.V9(sourceId: 9).Set(300, s => s.U16(1).U16(2).U32(3)).ToArray());
        h.Decode(Data(300, (4, 5, 6)));

        Assert.Equal([4], h.Events.Select(e => (int)e["l4_src_port"]!));
        Assert.Equal("192.0.2.7", (string)h.Events[0]["host"]!);
        Assert.Equal(2, h.Dropped(NetFlowDropReason.NoTemplate));
    }

    [Fact]
    public void TemplateFloodIsCappedPerExporter()
    {
        using var h = new CollectorHarness(new NetFlowCollectorOptions { MaxTemplatesPerExporter = 10 });
        h.Decode(ExportPacket.V9().Set(0, s =>
        {
            for (var id = 256; id < 306; id++) s.Template(id, PortsAndBytes);
        }).ToArray());
        h.Decode(TemplateMessage(400, PortsAndBytes), new IPEndPoint(IPAddress.Parse("192.0.2.8"), 2055));

        Assert.Equal(40, h.Dropped(NetFlowDropReason.TemplateLimit));
        Assert.Equal(11, h.Counters.TemplatesCached);
        h.Decode(TemplateMessage(256, (7, 2))); // a redefinition of a cached template is still accepted
        Assert.Equal(40, h.Dropped(NetFlowDropReason.TemplateLimit));
    }

    [Fact]
    public void SequenceGapsAreCountedNotDropped()
    {
        using var h = new CollectorHarness();
        h.Decode(TemplateMessage(300, PortsAndBytes));
        h.Decode(ExportPacket.V9(sequence: 2).Set(300, s => s.U16(1).U16(2).U32(3)).ToArray());
        h.Decode(ExportPacket.V9(sequence: 7).Set(300, s => s.U16(4).U16(5).U32(6)).ToArray());

        Assert.Equal(2, h.Events.Count);
        Assert.Equal(1, h.Counters.SequenceGaps);
        Assert.Equal(0, h.Counters.TotalDrops);
    }

    [Fact]
    public void V9SamplerOptionsAnnotateDataRecordsThatNameTheSampler()
    {
        using var h = new CollectorHarness(new NetFlowCollectorOptions { FluentStrict = true });
        h.Decode(ExportPacket.V9()
            .Set(1, s => s.U16(260).U16(4).U16(12).U16(1).U16(4).U16(48).U16(1).U16(49).U16(1).U16(50).U16(4))
            .Set(260, s => s.U32(0).U8(3).U8(2).U32(100).U16(0))
            .Set(0, s => s.Template(300, (48, 1), (7, 2)))
            .Set(300, s => s.U8(3).U16(443).U8(9).U16(80).U16(0))
            .ToArray());

        Assert.Equal(2, h.Events.Count); // the sampler row is not an event
        Assert.Equal((2, 100), ((int)h.Events[0]["sampling_algorithm"]!, (int)h.Events[0]["sampling_interval"]!));
        Assert.False(h.Events[1].ContainsKey("sampling_interval"));
    }

    [Fact]
    public void OptionsRecordsCanBeAppliedWithoutBeingShipped()
    {
        var ipfix = ExportPacket.Ipfix()
            .Set(3, s => s.U16(256).U16(2).U16(1).U16(143).U16(4).U16(160).U16(8))
            .Set(256, s => s.U32(1).U32(0x18B).U32(0xCFE5_6B28)) // systemInitTimeMilliseconds 1_700_000_000_808
            .Set(2, s => s.Template(257, (22, 4), (7, 2)))
            .Set(257, s => s.U32(1000).U16(443))
            .ToArray();
        using var shipping = new CollectorHarness();
        using var quiet = new CollectorHarness(new NetFlowCollectorOptions { ShipOptionsRecords = false });
        shipping.Decode(ipfix);
        quiet.Decode(ipfix);

        Assert.Equal("options", (string)shipping.Events[0]["record_type"]!);
        var flow = Assert.Single(quiet.Events);
        Assert.Equal("2023-11-14T22:13:21.808Z", (string)flow["first_switched"]!);
        Assert.Equal(1, quiet.Counters.OptionsRecords);
    }

    [Fact]
    public void IpfixWithdrawalForgetsTheTemplate()
    {
        using var h = new CollectorHarness(new NetFlowCollectorOptions { PendingDataMaxAge = TimeSpan.Zero });
        h.Decode(ExportPacket.Ipfix().Set(2, s => s.Template(300, (7, 2))).ToArray());
        Assert.Equal(1, h.Counters.TemplatesCached);
        h.Decode(ExportPacket.Ipfix().Set(2, s => s.U16(300).U16(0)).ToArray());
        h.Decode(ExportPacket.Ipfix().Set(300, s => s.U16(1)).ToArray());

        Assert.Equal(0, h.Counters.TemplatesCached);
        Assert.Empty(h.Events);
        Assert.Equal(1, h.Dropped(NetFlowDropReason.NoTemplate));
    }

    [Fact]
    public void CountersArePublishedThroughTheGrokFlowNetFlowMeter()
    {
        // Its own meter factory, so the instruments of collectors in tests running in parallel are not counted.
        using var meters = new TestMeterFactory();
        using var collector = new NetFlowCollector(meterFactory: meters);
        var sink = new ConformanceCaptures.CollectingSink();
        foreach (var datagram in new[] { TemplateMessage(300, PortsAndBytes), Data(300, (1, 2, 3), (4, 5, 6)), [0, 7, 0, 0] })
            collector.Decode(datagram, CollectorHarness.Exporter, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), sink);
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "GrokFlow.NetFlow" && meters.Created.Contains(instrument.Meter)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var reason = tags.ToArray().FirstOrDefault(t => t.Key == "reason").Value as string;
            seen[instrument.Name + (reason is null ? "" : "/" + reason)] = value;
        });
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Equal(2, seen["grokflow.netflow.flows"]);
        Assert.Equal(3, seen["grokflow.netflow.datagrams"]);
        Assert.Equal(1, seen["grokflow.netflow.drops/unsupported_version"]);
    }
}
