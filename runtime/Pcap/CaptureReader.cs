using System.Buffers.Binary;

namespace GrokFlow.Runtime.Pcap;

/// <summary>
/// Reads frames from a classic libpcap file (either byte order, micro- or nanosecond timestamps) or a pcapng file
/// (section header, interface description, enhanced and simple packet blocks; other blocks skipped).
/// </summary>
public static class CaptureReader
{
    public static IEnumerable<CapturedFrame> Read(Stream stream)
    {
        Span<byte> magic = stackalloc byte[4];
        if (!TryFill(stream, magic)) throw new CaptureFormatException("file is shorter than a capture header");
        var value = BinaryPrimitives.ReadUInt32LittleEndian(magic);
        return value switch
        {
            0xA1B2C3D4 or 0xA1B23C4D or 0xD4C3B2A1 or 0x4D3CB2A1 => ReadClassic(stream, value),
            0x0A0D0D0A => ReadPcapNg(stream),
            _ => throw new CaptureFormatException($"not a pcap or pcapng file (magic 0x{value:X8})"),
        };
    }

    private static IEnumerable<CapturedFrame> ReadClassic(Stream stream, uint magic)
    {
        var bigEndian = magic is 0xD4C3B2A1 or 0x4D3CB2A1;
        var nanoseconds = magic is 0xA1B23C4D or 0x4D3CB2A1;
        var header = new byte[20];
        if (!TryFill(stream, header)) throw new CaptureFormatException("pcap file header is cut short");
        var linkType = (int)(U32(header.AsSpan(16), bigEndian) & 0x0FFFFFFF);
        var recordHeader = new byte[16];
        while (TryFill(stream, recordHeader))
        {
            var seconds = U32(recordHeader, bigEndian);
            var fraction = U32(recordHeader.AsSpan(4), bigEndian);
            var capturedLength = U32(recordHeader.AsSpan(8), bigEndian);
            if (capturedLength > 256 * 1024) throw new CaptureFormatException($"frame of {capturedLength} bytes: file is corrupt");
            var data = new byte[capturedLength];
            if (!TryFill(stream, data)) throw new CaptureFormatException("last frame is cut short");
            var ticks = nanoseconds ? fraction / 100 : fraction * 10L;
            yield return new CapturedFrame(DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(ticks), linkType, data);
        }
    }

    private static IEnumerable<CapturedFrame> ReadPcapNg(Stream stream)
    {
        var interfaces = new List<(int LinkType, long TicksPerUnit, long UnitsPerTick)>();
        var bigEndian = false;
        var first = true;
        var blockHeader = new byte[8];
        while (true)
        {
            if (first)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(blockHeader, 0x0A0D0D0A);
                if (!TryFill(stream, blockHeader.AsSpan(4))) yield break;
                first = false;
            }
            else if (!TryFill(stream, blockHeader)) yield break;
            var type = U32(blockHeader, bigEndian);
            if (type == 0x0A0D0D0A)
            {
                var bom = new byte[4];
                if (!TryFill(stream, bom)) throw new CaptureFormatException("pcapng section header is cut short");
                bigEndian = BinaryPrimitives.ReadUInt32BigEndian(bom) == 0x1A2B3C4D;
                var sectionLength = U32(blockHeader.AsSpan(4), bigEndian);
                if (sectionLength < 28 || sectionLength > 1 << 20) throw new CaptureFormatException("pcapng section header has a bad length");
                Skip(stream, sectionLength - 12);
                interfaces.Clear();
                continue;
            }
            var length = U32(blockHeader.AsSpan(4), bigEndian);
            if (length < 12 || length % 4 != 0 || length > 1 << 20) throw new CaptureFormatException($"pcapng block of length {length}: file is corrupt");
            var body = new byte[length - 8];
            if (!TryFill(stream, body)) throw new CaptureFormatException("pcapng block is cut short");
            var content = body.AsSpan(0, body.Length - 4);
            switch (type)
            {
                case 1 when content.Length >= 8:
                    interfaces.Add((U16(content, bigEndian), TimestampResolution(content.Slice(8), bigEndian), 0));
                    break;
                case 6 when content.Length >= 20:
                {
                    var interfaceId = (int)U32(content, bigEndian);
                    if (interfaceId >= interfaces.Count) throw new CaptureFormatException("pcapng packet names an undeclared interface");
                    var units = ((long)U32(content.Slice(4), bigEndian) << 32) | U32(content.Slice(8), bigEndian);
                    var captured = (int)Math.Min(U32(content.Slice(12), bigEndian), (uint)(content.Length - 20));
                    var unitsPerSecond = interfaces[interfaceId].TicksPerUnit;
                    var seconds = units / unitsPerSecond;
                    var ticks = (units % unitsPerSecond) * TimeSpan.TicksPerSecond / unitsPerSecond;
                    yield return new CapturedFrame(DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(ticks), interfaces[interfaceId].LinkType,
                        body.AsMemory(20, captured));
                    break;
                }
                case 3 when content.Length >= 4 && interfaces.Count > 0:
                {
                    var original = (int)Math.Min(U32(content, bigEndian), (uint)(content.Length - 4));
                    yield return new CapturedFrame(DateTimeOffset.UnixEpoch, interfaces[0].LinkType, body.AsMemory(4, original));
                    break;
                }
            }
        }
    }

    /// <summary>Timestamp units per second from the if_tsresol option (default microseconds).</summary>
    private static long TimestampResolution(ReadOnlySpan<byte> options, bool bigEndian)
    {
        while (options.Length >= 4)
        {
            var code = U16(options, bigEndian);
            var length = U16(options.Slice(2), bigEndian);
            if (code == 0 || options.Length < 4 + length) break;
            if (code == 9 && length >= 1)
            {
                var resolution = options[4];
                var exponent = resolution & 0x7F;
                if ((resolution & 0x80) != 0) return exponent < 63 ? 1L << exponent : 1_000_000;
                return exponent <= 18 ? (long)Math.Pow(10, exponent) : 1_000_000;
            }
            options = options.Slice(4 + ((length + 3) & ~3));
        }
        return 1_000_000;
    }

    private static uint U32(ReadOnlySpan<byte> b, bool bigEndian) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);

    private static ushort U16(ReadOnlySpan<byte> b, bool bigEndian) => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

    private static bool TryFill(Stream stream, Span<byte> buffer)
    {
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read == 0) return false;
        if (read < buffer.Length) throw new CaptureFormatException("capture is cut short");
        return true;
    }

    private static void Skip(Stream stream, long bytes)
    {
        var buffer = new byte[Math.Min(bytes, 4096)];
        while (bytes > 0)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(bytes, buffer.Length));
            if (read == 0) throw new CaptureFormatException("capture is cut short");
            bytes -= read;
        }
    }
}
