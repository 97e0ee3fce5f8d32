using System.Buffers.Binary;
using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.NetFlow;

/// <summary>
/// Writes one flow event as UTF-8 JSON into a reusable buffer: after warm-up it allocates nothing. Keys are written
/// pre-encoded (<c>,"name":</c>) by the element writers; this class formats values.
/// </summary>
public sealed class FlowJsonWriter
{
    private static readonly byte[] HexDigits = "0123456789abcdef"u8.ToArray();
    private byte[] _buffer = new byte[4096];
    private int _length;

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Raw(ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(Reserve(utf8.Length));
        _length += utf8.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Byte(byte b)
    {
        Reserve(1)[0] = b;
        _length++;
    }

    public void UInt64(ulong value)
    {
        Utf8Formatter.TryFormat(value, Reserve(20), out var written);
        _length += written;
    }

    public void Int64(long value)
    {
        Utf8Formatter.TryFormat(value, Reserve(20), out var written);
        _length += written;
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
        var span = Reserve(17);
        span[0] = (byte)'"';
        var at = 1;
        for (var i = 0; i < 4; i++)
        {
            if (i > 0) span[at++] = (byte)'.';
            Utf8Formatter.TryFormat(address[i], span.Slice(at), out var written);
            at += written;
        }
        span[at++] = (byte)'"';
        _length += at;
    }

    /// <summary>RFC 5952 text (longest zero run compressed, lowercase), IPv4-mapped addresses as ::ffff:a.b.c.d.</summary>
    public void Ipv6(ReadOnlySpan<byte> address)
    {
        Span<ushort> groups = stackalloc ushort[8];
        for (var i = 0; i < 8; i++) groups[i] = BinaryPrimitives.ReadUInt16BigEndian(address.Slice(i * 2));
        var span = Reserve(48);
        span[0] = (byte)'"';
        var at = 1;
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0 && groups[5] == 0xffff)
        {
            "::ffff:"u8.CopyTo(span.Slice(at));
            at += 7;
            for (var i = 12; i < 16; i++)
            {
                if (i > 12) span[at++] = (byte)'.';
                Utf8Formatter.TryFormat(address[i], span.Slice(at), out var w);
                at += w;
            }
            span[at++] = (byte)'"';
            _length += at;
            return;
        }
        int bestStart = -1, bestLength = 1, runStart = -1;
        for (var i = 0; i <= 8; i++)
        {
            if (i < 8 && groups[i] == 0)
            {
                if (runStart < 0) runStart = i;
            }
            else if (runStart >= 0)
            {
                if (i - runStart > bestLength) (bestStart, bestLength) = (runStart, i - runStart);
                runStart = -1;
            }
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
            Utf8Formatter.TryFormat(groups[i], span.Slice(at), out var written, new System.Buffers.StandardFormat('x'));
            at += written;
            if (i < 7) span[at++] = (byte)':';
        }
        span[at++] = (byte)'"';
        _length += at;
    }

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
        var secondOfDay = (int)(unixSeconds - days * 86400);
        CivilFromDays(days, out var year, out var month, out var day);
        var span = Reserve(40);
        span[0] = (byte)'"';
        var at = 1;
        if (year is < 0 or > 9999)
        {
            Utf8Formatter.TryFormat(year, span.Slice(at), out var w);
            at += w;
        }
        else at = Digits(span, at, year, 4);
        span[at++] = (byte)'-';
        at = Digits(span, at, month, 2);
        span[at++] = (byte)'-';
        at = Digits(span, at, day, 2);
        span[at++] = (byte)'T';
        at = Digits(span, at, secondOfDay / 3600, 2);
        span[at++] = (byte)':';
        at = Digits(span, at, secondOfDay / 60 % 60, 2);
        span[at++] = (byte)':';
        at = Digits(span, at, secondOfDay % 60, 2);
        if (fractionDigits > 0)
        {
            span[at++] = (byte)'.';
            at = Digits(span, at, fraction, fractionDigits);
        }
        span[at++] = (byte)'Z';
        span[at++] = (byte)'"';
        _length += at;
    }

    /// <summary>Milliseconds since the Unix epoch as a quoted ISO-8601 UTC time with milliseconds.</summary>
    public void UtcMilliseconds(long epochMilliseconds)
    {
        var seconds = FloorDiv(epochMilliseconds, 1000);
        UtcTime(seconds, epochMilliseconds - seconds * 1000, 3);
    }

    private static int Digits(Span<byte> span, int at, long value, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            span[at + i] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
        return at + count;
    }

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
