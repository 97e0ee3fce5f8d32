using GrokFlow.Runtime.NetFlow;

namespace GrokFlow.Tests.NetFlow;

/// <summary>Malformed input is a counted drop with a reason, and the next good packet still decodes.</summary>
public sealed class MalformedInputTests
{
    private static readonly byte[] GoodTemplate = ExportPacket.V9(sequence: 1).Set(0, s => s.Template(300, (7, 2), (1, 4))).ToArray();
    private static readonly byte[] GoodData = ExportPacket.V9(sequence: 2).Set(300, s => s.U16(443).U32(1500)).ToArray();

    private static void AssertDropThenRecovery(byte[] bad, NetFlowDropReason reason, NetFlowCollectorOptions? options = null)
    {
        using var h = new CollectorHarness(options ?? new NetFlowCollectorOptions { PendingDataMaxAge = TimeSpan.Zero });
        h.Decode(GoodTemplate);
        h.Decode(bad);
        Assert.True(h.Dropped(reason) >= 1, $"expected a {reason} drop; drops: {string.Join(", ", h.Counters.Drops.Where(d => d.Value > 0))}");
        Assert.Equal(0, h.Dropped(NetFlowDropReason.DecoderFault));
        var before = h.Events.Count;
        h.Decode(GoodData);
        Assert.Equal(before + 1, h.Events.Count);
        Assert.Equal(1500, (int)h.Events[^1]["in_bytes"]!);
    }

    [Fact]
    public void EmptyAndOneByteDatagrams() => AssertDropThenRecovery([9], NetFlowDropReason.TruncatedHeader);

    [Fact]
    public void TruncatedV9Header() => AssertDropThenRecovery(GoodData[..12], NetFlowDropReason.TruncatedHeader);

    [Fact]
    public void TruncatedV5Header() => AssertDropThenRecovery([0, 5, 0, 1, 0, 0], NetFlowDropReason.TruncatedHeader);

    [Fact]
    public void UnknownVersion() => AssertDropThenRecovery([0, 7, .. new byte[40]], NetFlowDropReason.UnsupportedVersion);

    [Fact]
    public void DisabledVersion()
    {
        var ipfix = ExportPacket.Ipfix().Set(2, s => s.Template(300, (7, 2))).ToArray();
        AssertDropThenRecovery(ipfix, NetFlowDropReason.VersionDisabled, new NetFlowCollectorOptions { EnabledVersions = new HashSet<int> { 5, 9 } });
    }

    [Fact]
    public void V5CountLargerThanTheDatagram()
    {
        var v5 = new byte[24 + 48];
        v5[1] = 5;
        v5[3] = 2;
        AssertDropThenRecovery(v5, NetFlowDropReason.BadCount);
    }

    [Fact]
    public void V5CountOfZero() => AssertDropThenRecovery([0, 5, .. new byte[70]], NetFlowDropReason.BadCount);

    [Fact]
    public void IpfixLengthBeyondTheDatagram()
    {
        var ipfix = ExportPacket.Ipfix().Set(2, s => s.Template(300, (7, 2))).ToArray();
        ipfix[3] += 10;
        AssertDropThenRecovery(ipfix, NetFlowDropReason.BadMessageLength);
    }

    [Fact]
    public void SetLengthBelowItsHeader()
    {
        var bad = ExportPacket.V9().U16(300).U16(2).U32(0).ToArray();
        AssertDropThenRecovery(bad, NetFlowDropReason.BadSetLength);
    }

    [Fact]
    public void SetLengthRunningPastTheMessage()
    {
        var bad = ExportPacket.V9().U16(300).U16(400).U16(443).U32(1).ToArray();
        AssertDropThenRecovery(bad, NetFlowDropReason.BadSetLength);
    }

    [Fact]
    public void TemplateCutShort()
    {
        var bad = ExportPacket.V9().Set(0, s => s.U16(301).U16(5).U16(7).U16(2)).ToArray();
        AssertDropThenRecovery(bad, NetFlowDropReason.MalformedTemplate);
    }

    [Fact]
    public void TemplateWithReservedId()
    {
        var bad = ExportPacket.V9().Set(0, s => s.Template(12, (7, 2))).ToArray();
        AssertDropThenRecovery(bad, NetFlowDropReason.MalformedTemplate);
    }

    [Fact]
    public void TemplateOfOnlyZeroLengthFields()
    {
        var bad = ExportPacket.V9().Set(0, s => s.Template(301, (7, 0), (8, 0))).ToArray();
        AssertDropThenRecovery(bad, NetFlowDropReason.MalformedTemplate);
    }

    [Fact]
    public void V9OptionsTemplateWithLengthsNotMultiplesOfFour()
    {
        var bad = ExportPacket.V9().Set(1, s => s.U16(302).U16(3).U16(4).U16(1).U16(0).U16(34).U16(4)).ToArray();
        AssertDropThenRecovery(bad, NetFlowDropReason.MalformedTemplate);
    }

    [Fact]
    public void IpfixOptionsTemplateWithoutScope()
    {
        var bad = ExportPacket.Ipfix().Set(3, s => s.U16(302).U16(1).U16(0).U16(34).U16(4)).ToArray();
        AssertDropThenRecovery(bad, NetFlowDropReason.MalformedTemplate);
    }

    [Fact]
    public void DataForAnUnknownTemplate()
    {
        var bad = ExportPacket.V9(sequence: 2).Set(999, s => s.U16(1).U32(2)).ToArray();
        AssertDropThenRecovery(bad, NetFlowDropReason.NoTemplate);
    }

    [Fact]
    public void ReservedSetId()
    {
        var bad = ExportPacket.V9(sequence: 2).Set(77, s => s.U32(0)).ToArray();
        AssertDropThenRecovery(bad, NetFlowDropReason.ReservedSetId);
    }

    [Fact]
    public void ZeroLengthFieldsAreSkipped()
    {
        using var h = new CollectorHarness();
        h.Decode(ExportPacket.V9()
            .Set(1, s => s.U16(260).U16(4).U16(4).U16(1).U16(0).U16(34).U16(4))
            .Set(260, s => s.U32(10))
            .ToArray());
        var e = Assert.Single(h.Events);
        Assert.False(e.ContainsKey("system"));
        Assert.Equal(10, (int)e["sampling_interval"]!);
    }

    [Fact]
    public void SamplerRowWithEmptySamplerFieldsDefinesNoSampler()
    {
        // Regression: the sampler fields are read only when non-empty, so a row of zero-length ones has no values.
        using var h = new CollectorHarness();
        h.Decode(ExportPacket.V9()
            .Set(1, s => s.U16(260).U16(4).U16(12).U16(1).U16(4).U16(48).U16(0).U16(49).U16(0).U16(50).U16(0))
            .Set(260, s => s.U32(0))
            .Set(0, s => s.Template(300, (48, 1), (7, 2)))
            .Set(300, s => s.U8(3).U16(443).U8(0))
            .ToArray());

        Assert.Equal(0, h.Dropped(NetFlowDropReason.DecoderFault));
        var flow = Assert.Single(h.Events);
        Assert.False(flow.ContainsKey("sampling_interval"));
    }

    [Fact]
    public void TruncatedConformanceDatagramsAreCountedAndTheNextStillDecodes()
    {
        foreach (var capture in new[] { "v5", "v9", "ipfix", "ipfix_bidir" })
        {
            var datagrams = Datagrams(capture);
            using var h = new CollectorHarness();
            for (var i = 0; i < datagrams.Count; i++)
            {
                var d = datagrams[i];
                foreach (var cut in new[] { 1, 3, 17, 23, d.Length / 3, d.Length / 2, d.Length - 1 })
                    if (cut > 0 && cut < d.Length) h.Decode(d[..cut]);
                var before = h.Counters.Flows + h.Counters.OptionsRecords;
                h.Decode(d);
                Assert.True(h.Counters.Flows + h.Counters.OptionsRecords > before, $"{capture} datagram {i} decoded nothing after its truncated copies");
            }
            Assert.Equal(0, h.Dropped(NetFlowDropReason.DecoderFault));
            Assert.True(h.Counters.TotalDrops > 0);
        }
    }

    [Fact]
    public void IpfixVariableLengthRunningPastTheSet()
    {
        using var h = new CollectorHarness();
        h.Decode(ExportPacket.Ipfix()
            .Set(2, s => s.Template(300, (82, 65535)))
            .Set(300, s => s.U8(2).Bytes((byte)'a', (byte)'b').U8(255).U16(200).Bytes(1, 2, 3))
            .ToArray());
        Assert.Equal("ab", (string)Assert.Single(h.Events)["if_name"]!);
        Assert.Equal(1, h.Dropped(NetFlowDropReason.BadRecord));
    }

    internal static List<byte[]> Datagrams(string capture)
    {
        using var input = File.OpenRead(Path.Combine(ConformanceCaptures.Directory, capture + ".pcap"));
        return GrokFlow.Runtime.Pcap.CaptureReader.Read(input)
            .Select(f => GrokFlow.Runtime.Pcap.UdpDatagramExtractor.TryExtract(f, out var u) ? u.Payload.ToArray() : null)
            .Where(d => d is not null).Select(d => d!).ToList();
    }
}
