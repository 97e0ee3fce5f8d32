using GrokFlow.Runtime.NetFlow;

namespace GrokFlow.Tests.NetFlow;

/// <summary>IPFIX encodings: variable-length fields, the enterprise bit, reduced-size encoding, unaligned sets.</summary>
public sealed class IpfixEncodingTests
{
    [Fact]
    public void VariableLengthFieldsInOneAndThreeByteForms()
    {
        var longName = new string('x', 300);
        using var h = new CollectorHarness();
        h.Decode(ExportPacket.Ipfix()
            .Set(2, s => s.Template(300, (82, 65535), (7, 2)))
            .Set(300, s => s
                .U8(3).Bytes("eth"u8.ToArray()).U16(1)
                .U8(255).U16(4).Bytes("wlan"u8.ToArray()).U16(2)
                .U8(255).U16(300).Bytes(System.Text.Encoding.ASCII.GetBytes(longName)).U16(3)
                .U8(0).U16(4))
            .ToArray());

        Assert.Equal(["eth", "wlan", longName, null], h.Events.Select(e => (string?)e["if_name"]));
        Assert.Equal([1, 2, 3, 4], h.Events.Select(e => (int)e["l4_src_port"]!));
        Assert.Equal(0, h.Counters.TotalDrops);
    }

    [Fact]
    public void EnterpriseBitSelectsVendorElements()
    {
        var message = ExportPacket.Ipfix()
            .Set(2, s => s.U16(300).U16(3)
                .U16(0x8000 | 1).U16(8).U32(29305)
                .U16(0x8000 | 77).U16(2).U32(9999)
                .U16(1).U16(8))
            .Set(300, s => s.U32(0).U32(500).U16(0xBEEF).U32(0).U32(700))
            .ToArray();
        using var full = new CollectorHarness();
        using var strict = new CollectorHarness(new NetFlowCollectorOptions { FluentStrict = true });
        full.Decode(message);
        strict.Decode(message);

        var e = Assert.Single(full.Events);
        Assert.Equal((500, 0xBEEF, 700), ((int)e["reverseOctetDeltaCount"]!, (int)e["ie9999_77"]!, (int)e["in_bytes"]!));
        var s = Assert.Single(strict.Events);
        Assert.Equal(["version", "flow_seq_num", "flowset_id", "in_bytes", "host"], s.Select(p => p.Key));
    }

    [Fact]
    public void ReducedSizeEncodingIsSizedByTheTemplate()
    {
        using var h = new CollectorHarness();
        h.Decode(ExportPacket.Ipfix()
            .Set(2, s => s.Template(300, (1, 3), (2, 1), (152, 8)))
            .Set(300, s => s.U8(1).U16(2).U8(7).U32(0x18B).U32(0xCFE56B28))
            .ToArray());
        var e = Assert.Single(h.Events);
        Assert.Equal((65538, 7), ((int)e["in_bytes"]!, (int)e["in_pkts"]!));
        Assert.Equal("2023-11-14T22:13:20.808Z", (string)e["flowStartMilliseconds"]!);
    }

    [Fact]
    public void SetsNeedNotBeAlignedAndPaddingIsSkipped()
    {
        using var h = new CollectorHarness();
        h.Decode(ExportPacket.Ipfix()
            .Set(2, s => s.Template(300, (4, 1)))
            .Set(300, s => s.U8(6).U8(17).U8(1))
            .Set(2, s => s.Template(301, (7, 2), (11, 2)).U16(0))
            .Set(301, s => s.U16(1).U16(2).U8(0).U8(0).U8(0))
            .ToArray());
        Assert.Equal([6, 17, 1], h.Events.Take(3).Select(e => (int)e["protocol"]!));
        Assert.Equal(2, (int)h.Events[3]["l4_dst_port"]!);
        Assert.Equal(4, h.Events.Count);
        Assert.Equal(0, h.Counters.TotalDrops);
    }

    [Fact]
    public void NtpTimesAreDecodedAsNtp()
    {
        using var h = new CollectorHarness();
        // 2023-11-14T22:13:20.5Z: NTP seconds 1700000000 + 2208988800, fraction 2^31.
        h.Decode(ExportPacket.Ipfix()
            .Set(2, s => s.Template(300, (154, 8), (156, 8)))
            .Set(300, s => s.U32(3908988800).U32(0x8000_0000).U32(3908988800).U32(0x4000_0000))
            .ToArray());
        var e = Assert.Single(h.Events);
        Assert.Equal("2023-11-14T22:13:20.500000Z", (string)e["flowStartMicroseconds"]!);
        Assert.Equal("2023-11-14T22:13:20.250000000Z", (string)e["flowStartNanoseconds"]!);
    }
}
