using System.Buffers.Binary;
using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

using GrokFlow.Engine.Output;

namespace GrokFlow.Engine.NetFlow;

/// <summary>
/// Writes one flow event as UTF-8 JSON into a reusable buffer: after warm-up it allocates nothing. Keys are written
/// pre-encoded (<c>,"name":</c>) by the element writers; this class formats values. Numbers, addresses and times
/// are formatted by hand from digit tables (every flow has a dozen of them), and the date part of the
/// days last written is kept, since the times of an export fall on a few days.
/// </summary>
public sealed class FlowJsonWriter
{
    private static readonly byte[] HexDigits = "0123456789abcdef"u8.ToArray();
    private byte[] _buffer = new byte[4096];
    private int _length;

    /// <summary>
    /// <c>"YYYY-MM-DDT</c> of recently written days (11 bytes for years 0..9999, at most 22), direct-mapped by the day
    /// (since 1970-01-01) modulo <see cref="DaySlots"/>: a flow's start and end, and the flows of one export, fall on
    /// a few days (an exporter's 2^32 ms uptime spans 50), so the date is formatted once per day, not per time.
    /// </summary>
    private const int DaySlots = 64, DaySlotBytes = 32;
    private readonly long[] _slotDays = NoDays();
    private readonly byte[] _slotLengths = new byte[DaySlots];
    private readonly byte[] _dayTexts = new byte[DaySlots * DaySlotBytes];

    private static long[] NoDays()
    {
        var days = new long[DaySlots];
        Array.Fill(days, long.MinValue);
        return days;
    }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public int Length => _length;

    public void Reset() => _length = 0;

    /// <summary>Drops what was written after <paramref name="length"/> (a record that turned out malformed).</summary>
    public void Truncate(int length) => _length = length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int bytes)
    {
        if (_buffer.Length - _length < bytes) Grow(bytes);
        return _buffer.AsSpan(_length);
    }

    private void Grow(int bytes) => Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes + 256));

    /// <summary>
    /// The first free byte, with room for <paramref name="bytes"/> after it: the formatters below write through it
    /// unchecked (each writes at most what it reserved), which keeps a dozen bounds checks out of every value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref byte Cursor(int bytes)
    {
        if (_buffer.Length - _length < bytes) Grow(bytes);
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), _length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Raw(ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(Reserve(utf8.Length));
        _length += utf8.Length;
    }

    /// <summary>
    /// Writes the first <paramref name="length"/> bytes of a key padded with zeros to a multiple of 16 bytes: whole
    /// 16-byte blocks are copied (no length-dependent copy), and what lies past the key is overwritten next.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Key(byte[] paddedKey, int length)
    {
        ref var to = ref Cursor(paddedKey.Length);
        ref var from = ref MemoryMarshal.GetArrayDataReference(paddedKey);
        for (var i = 0; i < paddedKey.Length; i += 16)
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, i), Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.Add(ref from, i)));
        _length += length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Byte(byte b)
    {
        Reserve(1)[0] = b;
        _length++;
    }

    /// <summary>A decimal number; one digit (flags, protocols, zero counters) is written inline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void UInt64(ulong value)
    {
        var buffer = _buffer;
        var length = _length;
        if (value < 10 && (uint)length < (uint)buffer.Length)
        {
            buffer[length] = (byte)('0' + value);
            _length = length + 1;
            return;
        }
        Number(value);
    }

    private void Number(ulong value) => _length += DecimalDigits.Write(value, ref Cursor(20));

    public void Int64(long value)
    {
        if (value >= 0)
        {
            UInt64((ulong)value);
            return;
        }
        Byte((byte)'-');
        UInt64(unchecked(0UL - (ulong)value));
    }


    public void Double(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            Raw("null"u8);
            return;
        }
        Utf8Formatter.TryFormat(value, Reserve(32), out var written);
        _length += written;
    }

    public void Boolean(bool value) => Raw(value ? "true"u8 : "false"u8);

    public void Ipv4(ReadOnlySpan<byte> address)
    {
        if (address.Length < 4) throw new ArgumentException("An IPv4 address has 4 bytes.", nameof(address));
        ref var to = ref Cursor(20);
        to = (byte)'"';
        var at = OctetAt(ref to, 1, address[0]);
        Unsafe.Add(ref to, at) = (byte)'.';
        at = OctetAt(ref to, at + 1, address[1]);
        Unsafe.Add(ref to, at) = (byte)'.';
        at = OctetAt(ref to, at + 1, address[2]);
        Unsafe.Add(ref to, at) = (byte)'.';
        at = OctetAt(ref to, at + 1, address[3]);
        Unsafe.Add(ref to, at) = (byte)'"';
        _length += at + 1;
    }

    /// <summary><see cref="Octet"/> through a cursor (room for 4 bytes at <paramref name="at"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int OctetAt(ref byte to, int at, byte octet)
    {
        var entry = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(OctetTexts), octet);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, at), BitConverter.IsLittleEndian ? entry : BinaryPrimitives.ReverseEndianness(entry));
        return at + (int)(entry >> 24);
    }

    /// <summary>
    /// Writes an octet's decimal text at <paramref name="at"/> with one 4-byte store of its table entry (the text, then
    /// its length in the last byte; the caller has room for 4 bytes); returns the position after the text.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Octet(Span<byte> span, int at, byte octet)
    {
        var entry = OctetTexts[octet];
        MemoryMarshal.Write(span.Slice(at, 4), BitConverter.IsLittleEndian ? entry : BinaryPrimitives.ReverseEndianness(entry));
        return at + (int)(entry >> 24);
    }

    /// <summary>0..255 as text: up to 3 ASCII digits in the low bytes (little-endian order), the length in the high byte.</summary>
    private static readonly uint[] OctetTexts = BuildOctetTexts();

    private static uint[] BuildOctetTexts()
    {
        var texts = new uint[256];
        for (var i = 0; i < 256; i++)
        {
            var text = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            uint entry = (uint)text.Length << 24;
            for (var j = 0; j < text.Length; j++) entry |= (uint)text[j] << (8 * j);
            texts[i] = entry;
        }
        return texts;
    }

    /// <summary>RFC 5952 text (longest zero run compressed, lowercase), IPv4-mapped addresses as ::ffff:a.b.c.d.</summary>
    public void Ipv6(ReadOnlySpan<byte> address)
    {
        address = address.Slice(0, 16);
        var span = Reserve(48);
        span[0] = (byte)'"';
        var at = 1;
        var head = BinaryPrimitives.ReadUInt64BigEndian(address);
        if (head == 0 && BinaryPrimitives.ReadUInt32BigEndian(address.Slice(8)) == 0xffff)
        {
            "::ffff:"u8.CopyTo(span.Slice(at));
            at += 7;
            for (var i = 12; i < 16; i++)
            {
                if (i > 12) span[at++] = (byte)'.';
                at = Octet(span, at, address[i]);
            }
            span[at++] = (byte)'"';
            _length += at;
            return;
        }
        // Bit i set: group i is zero. The longest run of at least two zero groups (the first of equal runs) is "::".
        var zeros = 0;
        for (var i = 0; i < 8; i++)
            if ((address[2 * i] | address[2 * i + 1]) == 0) zeros |= 1 << i;
        int bestStart = -1, bestLength = 1;
        for (var run = zeros; run != 0;)
        {
            var start = BitOperations.TrailingZeroCount(run);
            var length = BitOperations.TrailingZeroCount(~(run >> start));
            if (length > bestLength) (bestStart, bestLength) = (start, length);
            run &= ~(((1 << length) - 1) << start);
        }
        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                span[at++] = (byte)':';
                if (i == 0) span[at++] = (byte)':';
                i += bestLength - 1;
                continue;
            }
            at = HexGroup(span, at, address[2 * i], address[2 * i + 1]);
            if (i < 7) span[at++] = (byte)':';
        }
        span[at++] = (byte)'"';
        _length += at;
    }

    /// <summary>A 16-bit group (<paramref name="high"/>, <paramref name="low"/> byte) in lowercase hex without leading zeros.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HexGroup(Span<byte> span, int at, byte high, byte low)
    {
        if (high != 0)
        {
            if (high >= 0x10) at = HexPair(span, at, high);
            else span[at++] = HexDigits[high];
            return HexPair(span, at, low);
        }
        if (low >= 0x10) return HexPair(span, at, low);
        span[at] = HexDigits[low];
        return at + 1;
    }

    /// <summary>A byte as two lowercase hex digits, with one 2-byte store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HexPair(Span<byte> span, int at, int octet)
    {
        MemoryMarshal.Write(span.Slice(at, 2), MemoryMarshal.Read<ushort>(HexPairs.Slice(octet * 2, 2)));
        return at + 2;
    }

    /// <summary>"00" to "ff".</summary>
    private static ReadOnlySpan<byte> HexPairs =>
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"u8;

    public void Mac(ReadOnlySpan<byte> address)
    {
        var span = Reserve(address.Length * 3 + 2);
        span[0] = (byte)'"';
        var at = 1;
        for (var i = 0; i < address.Length; i++)
        {
            if (i > 0) span[at++] = (byte)':';
            span[at++] = HexDigits[address[i] >> 4];
            span[at++] = HexDigits[address[i] & 0xF];
        }
        span[at++] = (byte)'"';
        _length += at;
    }

    /// <summary>Octets as a quoted lowercase hex string.</summary>
    public void Hex(ReadOnlySpan<byte> octets)
    {
        var span = Reserve(octets.Length * 2 + 2);
        span[0] = (byte)'"';
        var at = 1;
        foreach (var b in octets)
        {
            span[at++] = HexDigits[b >> 4];
            span[at++] = HexDigits[b & 0xF];
        }
        span[at++] = (byte)'"';
        _length += at;
    }

    /// <summary>
    /// A quoted JSON string from wire bytes: trailing NULs trimmed (fixed-width fields are NUL padded), control
    /// characters, quotes and backslashes escaped, bytes that are not valid UTF-8 written as their Latin-1 character.
    /// </summary>
    public void String(ReadOnlySpan<byte> text)
    {
        var end = text.Length;
        while (end > 0 && text[end - 1] == 0) end--;
        text = text.Slice(0, end);
        var span = Reserve(text.Length * 6 + 2);
        span[0] = (byte)'"';
        var at = 1;
        var validUtf8 = System.Text.Unicode.Utf8.IsValid(text);
        foreach (var b in text)
        {
            if (b < 0x20 || b == '"' || b == '\\')
            {
                span[at++] = (byte)'\\';
                switch (b)
                {
                    case (byte)'"': span[at++] = (byte)'"'; break;
                    case (byte)'\\': span[at++] = (byte)'\\'; break;
                    case (byte)'\n': span[at++] = (byte)'n'; break;
                    case (byte)'\r': span[at++] = (byte)'r'; break;
                    case (byte)'\t': span[at++] = (byte)'t'; break;
                    default:
                        "u00"u8.CopyTo(span.Slice(at));
                        at += 3;
                        span[at++] = HexDigits[b >> 4];
                        span[at++] = HexDigits[b & 0xF];
                        break;
                }
            }
            else if (b < 0x80 || validUtf8)
            {
                span[at++] = b;
            }
            else
            {
                // Latin-1 U+0080..U+00FF as two UTF-8 bytes.
                span[at++] = (byte)(0xC0 | (b >> 6));
                span[at++] = (byte)(0x80 | (b & 0x3F));
            }
        }
        span[at++] = (byte)'"';
        _length += at;
    }

    /// <summary>A quoted UTC time, ISO-8601 with <paramref name="fractionDigits"/> (0, 3, 6 or 9) and Z.</summary>
    public void UtcTime(long unixSeconds, long fraction, int fractionDigits)
    {
        var days = FloorDiv(unixSeconds, 86400);
        var secondOfDay = (uint)(unixSeconds - days * 86400);
        var slot = (int)(days & (DaySlots - 1));
        if (_slotDays[slot] != days) CacheDay(days, slot);
        ref var to = ref Cursor(64);
        ref var day = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_dayTexts), slot * DaySlotBytes);
        Unsafe.WriteUnaligned(ref to, Unsafe.ReadUnaligned<Vector128<byte>>(ref day));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, 16), Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.Add(ref day, 16)));
        int at = _slotLengths[slot];
        var hours = secondOfDay / 3600;
        var minutesAndSeconds = secondOfDay - hours * 3600;
        var minutes = minutesAndSeconds / 60;
        DecimalDigits.WritePair(hours, ref Unsafe.Add(ref to, at));
        Unsafe.Add(ref to, at + 2) = (byte)':';
        DecimalDigits.WritePair(minutes, ref Unsafe.Add(ref to, at + 3));
        Unsafe.Add(ref to, at + 5) = (byte)':';
        DecimalDigits.WritePair(minutesAndSeconds - minutes * 60, ref Unsafe.Add(ref to, at + 6));
        at += 8;
        if (fractionDigits == 3)
        {
            var millis = (uint)fraction % 1000;
            var hundreds = millis / 100;
            Unsafe.Add(ref to, at) = (byte)'.';
            Unsafe.Add(ref to, at + 1) = (byte)('0' + hundreds);
            DecimalDigits.WritePair(millis - hundreds * 100, ref Unsafe.Add(ref to, at + 2));
            at += 4;
        }
        else if (fractionDigits > 0)
        {
            Unsafe.Add(ref to, at++) = (byte)'.';
            DecimalDigits.WritePadded(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref to, at), fractionDigits), (ulong)fraction);
            at += fractionDigits;
        }
        Unsafe.Add(ref to, at) = (byte)'Z';
        Unsafe.Add(ref to, at + 1) = (byte)'"';
        _length += at + 2;
    }

    /// <summary>Formats <c>"YYYY-MM-DDT</c> of <paramref name="days"/> for the times that follow on the same day.</summary>
    private void CacheDay(long days, int slot)
    {
        CivilFromDays(days, out var year, out var month, out var day);
        var span = _dayTexts.AsSpan(slot * DaySlotBytes, DaySlotBytes);
        span[0] = (byte)'"';
        var at = 1;
        if (year is < 0 or > 9999)
        {
            // Years past 9999 or before 0 (at most 13 characters, from times near the ends of a long).
            Utf8Formatter.TryFormat(year, span.Slice(at), out var w);
            at += w;
        }
        else
        {
            DecimalDigits.WritePadded(span.Slice(at, 4), (ulong)year);
            at += 4;
        }
        span[at++] = (byte)'-';
        DecimalDigits.WritePair((uint)month, ref span[at]);
        at += 2;
        span[at++] = (byte)'-';
        DecimalDigits.WritePair((uint)day, ref span[at]);
        at += 2;
        span[at++] = (byte)'T';
        _slotLengths[slot] = (byte)at;
        _slotDays[slot] = days;
    }

    /// <summary>Milliseconds since the Unix epoch as a quoted ISO-8601 UTC time with milliseconds.</summary>
    public void UtcMilliseconds(long epochMilliseconds)
    {
        var seconds = FloorDiv(epochMilliseconds, 1000);
        UtcTime(seconds, epochMilliseconds - seconds * 1000, 3);
    }

    // Inlined so that the constant divisors become multiplications: called apart, each time paid two 64-bit idivs.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    /// <summary>Howard Hinnant's days-from-civil inverse: proleptic Gregorian date of a day count from 1970-01-01.</summary>
    private static void CivilFromDays(long z, out long year, out int month, out int day)
    {
        z += 719468;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var doe = z - era * 146097;
        var yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        var doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        var mp = (5 * doy + 2) / 153;
        day = (int)(doy - (153 * mp + 2) / 5 + 1);
        month = (int)(mp < 10 ? mp + 3 : mp - 9);
        year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    }
}
