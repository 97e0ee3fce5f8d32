using System.Buffers.Binary;
using GrokFlow.Runtime.Pcap;

namespace GrokFlow.Tests.NetFlow;

/// <summary>Classic pcap in both byte orders, pcapng, and the link types <c>grokflow decode</c> accepts.</summary>
public sealed class CaptureReaderTests
{
    private static List<CapturedFrame> Frames(byte[] file) => CaptureReader.Read(new MemoryStream(file)).ToList();

    private static List<CapturedFrame> V9Frames()
    {
        using var input = File.OpenRead(Path.Combine(ConformanceCaptures.Directory, "v9.pcap"));
        return CaptureReader.Read(input).ToList();
    }

    private static byte[] PcapNg(IEnumerable<CapturedFrame> frames, int linkType)
    {
        var s = new MemoryStream();
        void U32(uint v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); s.Write(b); }
        void U16(ushort v) { Span<byte> b = stackalloc byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, v); s.Write(b); }
        U32(0x0A0D0D0A); U32(28); U32(0x1A2B3C4D); U16(1); U16(0); U32(0xFFFFFFFF); U32(0xFFFFFFFF); U32(28);
        // Interface with if_tsresol = 9 (nanoseconds).
        U32(1); U32(32); U16((ushort)linkType); U16(0); U32(65535); U16(9); U16(1); U32(9); U16(0); U16(0); U32(32);
        U32(0xBAD); U32(16); s.Write(new byte[4]); U32(16); // an unknown block, skipped
        foreach (var f in frames)
        {
            var padded = (f.Data.Length + 3) & ~3;
            var nanos = (ulong)(f.Timestamp - DateTimeOffset.UnixEpoch).Ticks * 100;
            U32(6); U32((uint)(32 + padded)); U32(0); U32((uint)(nanos >> 32)); U32((uint)nanos); U32((uint)f.Data.Length); U32((uint)f.Data.Length);
            s.Write(f.Data.Span);
            s.Write(new byte[padded - f.Data.Length]);
            U32((uint)(32 + padded));
        }
        return s.ToArray();
    }

    [Fact]
    public void PcapNgYieldsTheSameFramesAsClassicPcap()
    {
        var classic = V9Frames();
        var ng = Frames(PcapNg(classic, 1));
        Assert.Equal(classic.Count, ng.Count);
        for (var i = 0; i < classic.Count; i++)
        {
            Assert.Equal(classic[i].Timestamp, ng[i].Timestamp);
            Assert.True(classic[i].Data.Span.SequenceEqual(ng[i].Data.Span));
        }
    }

    [Fact]
    public void BigEndianClassicPcapIsRead()
    {
        var file = new List<byte>();
        void U32(uint v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32BigEndian(b, v); file.AddRange(b); }
        U32(0xA1B2C3D4); file.AddRange(new byte[] { 0, 2, 0, 4 }); U32(0); U32(0); U32(65535); U32(101);
        U32(1_700_000_000); U32(250_000); U32(3); U32(3); file.AddRange(new byte[] { 1, 2, 3 });
        var frame = Assert.Single(Frames(file.ToArray()));
        Assert.Equal((101, 3), (frame.LinkType, frame.Data.Length));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250), frame.Timestamp);
    }

    [Fact]
    public void CutShortFileIsAFormatError()
    {
        using var input = File.OpenRead(Path.Combine(ConformanceCaptures.Directory, "v5.pcap"));
        var bytes = new byte[700];
        input.ReadExactly(bytes);
        Assert.Throws<CaptureFormatException>(() => Frames(bytes));
        Assert.Throws<CaptureFormatException>(() => Frames("not a capture"u8.ToArray()));
    }

    [Theory]
    [InlineData(0)]   // BSD loopback, host byte order family
    [InlineData(108)] // OpenBSD loopback
    [InlineData(101)] // raw IP
    [InlineData(113)] // Linux cooked
    [InlineData(1)]   // Ethernet with an 802.1Q tag
    public void UdpIsFoundBehindEveryLinkType(int linkType)
    {
        var ethernet = V9Frames()[0];
        var ip = ethernet.Data[14..];
        ReadOnlyMemory<byte> frame = linkType switch
        {
            0 or 108 => new byte[] { 2, 0, 0, 0 }.Concat(ip.ToArray()).ToArray(),
            101 => ip,
            113 => new byte[16].Concat(ip.ToArray()).ToArray(),
            _ => ethernet.Data[..12].ToArray().Concat(new byte[] { 0x81, 0x00, 0x00, 0x05, 0x08, 0x00 }).Concat(ip.ToArray()).ToArray(),
        };
        Assert.True(UdpDatagramExtractor.TryExtract(ethernet, out var expected));
        Assert.True(UdpDatagramExtractor.TryExtract(ethernet with { LinkType = linkType, Data = frame }, out var found));
        Assert.Equal((expected.Source, expected.DestinationPort), (found.Source, found.DestinationPort));
        Assert.True(expected.Payload.Span.SequenceEqual(found.Payload.Span));
    }

    [Fact]
    public void UdpOverIpv6IsFound()
    {
        var payload = new byte[] { 0, 9, 0, 0 };
        var frame = new byte[14 + 40 + 8 + payload.Length];
        frame[12] = 0x86; frame[13] = 0xDD;
        frame[14] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(18), (ushort)(8 + payload.Length));
        frame[20] = 17;
        frame[22 + 15] = 1; // source ::1
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(54), 4739);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(56), 2055);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(58), (ushort)(8 + payload.Length));
        payload.CopyTo(frame, 62);

        Assert.True(UdpDatagramExtractor.TryExtract(new CapturedFrame(DateTimeOffset.UnixEpoch, 1, frame), out var udp));
        Assert.Equal(("[::1]:4739", 2055), (udp.Source.ToString(), udp.DestinationPort));
        Assert.Equal(payload, udp.Payload.ToArray());
    }
}
