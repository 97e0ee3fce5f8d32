using System.Buffers.Binary;
using System.Net;

namespace GrokFlow.Runtime.Pcap;

/// <summary>A UDP datagram found in a captured frame.</summary>
public readonly record struct UdpDatagram(IPEndPoint Source, int DestinationPort, ReadOnlyMemory<byte> Payload);

/// <summary>
/// Finds the UDP datagram in a frame of link type Ethernet (1, with 802.1Q tags), BSD loopback (0 and 108), raw IP
/// (101, 12, 14, 228, 229) or Linux cooked capture (113, 276), over IPv4 or IPv6. Fragments after the first are skipped.
/// </summary>
public static class UdpDatagramExtractor
{
    public static bool TryExtract(CapturedFrame frame, out UdpDatagram datagram)
    {
        datagram = default;
        var data = frame.Data;
        var span = data.Span;
        int offset;
        switch (frame.LinkType)
        {
            case 1:
            {
                if (span.Length < 14) return false;
                offset = 12;
                var etherType = BinaryPrimitives.ReadUInt16BigEndian(span.Slice(offset));
                while (etherType is 0x8100 or 0x88A8 && span.Length >= offset + 6)
                {
                    offset += 4;
                    etherType = BinaryPrimitives.ReadUInt16BigEndian(span.Slice(offset));
                }
                if (etherType is not (0x0800 or 0x86DD)) return false;
                offset += 2;
                break;
            }
            case 0 or 108:
                offset = 4;
                break;
            case 101 or 12 or 14 or 228 or 229:
                offset = 0;
                break;
            case 113:
                offset = 16;
                break;
            case 276:
                offset = 20;
                break;
            default:
                return false;
        }
        if (span.Length <= offset) return false;
        return (span[offset] >> 4) switch
        {
            4 => TryIpv4(data, offset, out datagram),
            6 => TryIpv6(data, offset, out datagram),
            _ => false,
        };
    }

    private static bool TryIpv4(ReadOnlyMemory<byte> data, int offset, out UdpDatagram datagram)
    {
        datagram = default;
        var span = data.Span.Slice(offset);
        if (span.Length < 20) return false;
        var headerLength = (span[0] & 0xF) * 4;
        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(span.Slice(2));
        var fragmentOffset = BinaryPrimitives.ReadUInt16BigEndian(span.Slice(6)) & 0x1FFF;
        if (span[9] != 17 || fragmentOffset != 0 || headerLength < 20 || span.Length < headerLength + 8) return false;
        var end = Math.Min(span.Length, totalLength >= headerLength + 8 ? totalLength : span.Length);
        var source = new IPAddress(span.Slice(12, 4));
        return TryUdp(data, offset + headerLength, offset + end, source, out datagram);
    }

    private static bool TryIpv6(ReadOnlyMemory<byte> data, int offset, out UdpDatagram datagram)
    {
        datagram = default;
        var span = data.Span.Slice(offset);
        if (span.Length < 40) return false;
        var end = Math.Min(span.Length, 40 + BinaryPrimitives.ReadUInt16BigEndian(span.Slice(4)));
        var next = span[6];
        var at = 40;
        // Hop-by-hop, routing and destination options headers; a fragment header is followed only if it is the first fragment.
        while (next is 0 or 43 or 60 or 44)
        {
            if (span.Length < at + 8) return false;
            if (next == 44 && (BinaryPrimitives.ReadUInt16BigEndian(span.Slice(at + 2)) & 0xFFF8) != 0) return false;
            var length = next == 44 ? 8 : (span[at + 1] + 1) * 8;
            next = span[at];
            at += length;
        }
        if (next != 17) return false;
        var source = new IPAddress(span.Slice(8, 16));
        return TryUdp(data, offset + at, offset + end, source, out datagram);
    }

    private static bool TryUdp(ReadOnlyMemory<byte> data, int offset, int end, IPAddress source, out UdpDatagram datagram)
    {
        datagram = default;
        var span = data.Span;
        if (end - offset < 8) return false;
        var sourcePort = BinaryPrimitives.ReadUInt16BigEndian(span.Slice(offset));
        var destinationPort = BinaryPrimitives.ReadUInt16BigEndian(span.Slice(offset + 2));
        var udpLength = BinaryPrimitives.ReadUInt16BigEndian(span.Slice(offset + 4));
        var payloadEnd = udpLength >= 8 ? Math.Min(end, offset + udpLength) : end;
        datagram = new UdpDatagram(new IPEndPoint(source, sourcePort), destinationPort, data.Slice(offset + 8, payloadEnd - offset - 8));
        return true;
    }
}
