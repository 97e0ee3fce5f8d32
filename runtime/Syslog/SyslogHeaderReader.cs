using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GrokFlow.Engine.Values;

namespace GrokFlow.Runtime.Syslog;

/// <summary>
/// Recognises the RFC 3164 and RFC 5424 headers of one line. Never fails: anything unrecognised yields a header with
/// fewer fields (at worst <see cref="SyslogHeader.Empty"/>), and the raw line is shipped either way.
/// </summary>
internal static class SyslogHeaderReader
{
    private const int MaxPriority = 191;
    private const int MaxTagLength = 48;

    public static SyslogHeader Read(ReadOnlySpan<byte> line)
    {
        var position = 0;
        var priority = ReadPriority(line, ref position);
        return priority >= 0 && StartsWithVersion(line[position..])
            ? ReadRfc5424(line, priority, position)
            : ReadRfc3164(line, priority, position);
    }

    private static int ReadPriority(ReadOnlySpan<byte> line, ref int position)
    {
        if (line.Length < 3 || line[0] != (byte)'<') return -1;
        var value = 0;
        var i = 1;
        for (; i < line.Length && i <= 4 && IsDigit(line[i]); i++) value = value * 10 + (line[i] - '0');
        if (i == 1 || i > 4 || i >= line.Length || line[i] != (byte)'>' || value > MaxPriority) return -1;
        position = i + 1;
        return value;
    }

    private static SyslogHeader ReadRfc5424(ReadOnlySpan<byte> line, int priority, int position)
    {
        NextToken(line, ref position);
        var timestamp = NextToken(line, ref position);
        var hostname = NextToken(line, ref position);
        var appName = NextToken(line, ref position);
        var procId = NextToken(line, ref position);
        var msgId = NextToken(line, ref position);
        var sdStart = position;
        SkipStructuredData(line, ref position);
        var structuredData = sdStart < line.Length && line[sdStart] == (byte)'[' ? sdStart..position : default;
        if (position < line.Length && line[position] == (byte)' ') position++;
        return new SyslogHeader(SyslogFormat.Rfc5424, priority, Nil(line, timestamp), Nil(line, hostname), Nil(line, appName),
            Nil(line, procId), Nil(line, msgId), position..line.Length) { StructuredData = structuredData };
    }

    /// <summary>RFC 5424 VERSION: one to three digits, then a space (RFC 3164 timestamps start with a month or a year).</summary>
    private static bool StartsWithVersion(ReadOnlySpan<byte> rest)
    {
        var digits = 0;
        while (digits < rest.Length && digits < 4 && IsDigit(rest[digits])) digits++;
        return digits is >= 1 and <= 3 && digits < rest.Length && rest[digits] == (byte)' ';
    }

    private static SyslogHeader ReadRfc3164(ReadOnlySpan<byte> line, int priority, int position)
    {
        var timestamp = ReadBsdTimestamp(line, ref position);
        if (!SyslogHeader.IsPresent(timestamp))
            return priority < 0
                ? SyslogHeader.Empty(line.Length)
                : SyslogHeader.Empty(line.Length) with { Format = SyslogFormat.Rfc3164, Priority = priority, Message = position..line.Length };

        // The token after the timestamp is the hostname unless it looks like the tag (TAG: or TAG[PID]).
        Range hostname = default;
        var firstEnd = HostnameEnd(line, position);
        if (firstEnd > position)
        {
            hostname = position..firstEnd;
            position = firstEnd < line.Length ? firstEnd + 1 : firstEnd;
        }

        var tagStart = position;
        var tagEnd = tagStart;
        var tagLimit = Math.Min(line.Length, tagStart + MaxTagLength);
        while (tagEnd < tagLimit && IsTagByte(line[tagEnd])) tagEnd++;
        Range appName = default, procId = default;
        var cursor = tagEnd;
        if (cursor < line.Length && line[cursor] == (byte)'[')
        {
            var close = IndexOfEither(line[cursor..], (byte)']', (byte)']');
            if (close > 0)
            {
                procId = (cursor + 1)..(cursor + close);
                cursor += close + 1;
            }
        }
        if (tagEnd > tagStart && cursor < line.Length && line[cursor] == (byte)':')
        {
            appName = tagStart..tagEnd;
            cursor++;
            if (cursor < line.Length && line[cursor] == (byte)' ') cursor++;
            position = cursor;
        }
        else
        {
            procId = default;
        }
        return new SyslogHeader(SyslogFormat.Rfc3164, priority, timestamp, hostname, appName, procId, default, position..line.Length);
    }

    /// <summary>Reads <c>Mmm dd hh:mm:ss</c> (day space-padded or not) or an RFC 3339 timestamp, plus the space after it.</summary>
    private static Range ReadBsdTimestamp(ReadOnlySpan<byte> line, ref int position)
    {
        var rest = line[position..];
        if (rest.Length >= 4 && IsDigit(rest[0]) && IsDigit(rest[1]) && IsDigit(rest[2]) && IsDigit(rest[3]))
        {
            var start = position;
            var token = NextToken(line, ref position);
            return token.End.Value - start >= 10 && line[start + 4] == (byte)'-' ? token : Reset(ref position, start);
        }
        if (rest.Length < 15 || !IsMonthAndSpace(rest)) return default;
        var dayStart = rest[4] == (byte)' ' ? 5 : 4;
        var dayEnd = dayStart;
        while (dayEnd < rest.Length && dayEnd - dayStart < 2 && IsDigit(rest[dayEnd])) dayEnd++;
        if (dayEnd == dayStart || dayEnd + 9 > rest.Length || rest[dayEnd] != (byte)' ') return default;
        if (!IsClockTime(BinaryPrimitives.ReadUInt64LittleEndian(rest[(dayEnd + 1)..]))) return default;
        var end = position + dayEnd + 9;
        var range = position..end;
        position = end < line.Length && line[end] == (byte)' ' ? end + 1 : end;
        return range;
    }

    private static Range Reset(ref int position, int start)
    {
        position = start;
        return default;
    }

    /// <summary>
    /// The end of the space-delimited token at <paramref name="start"/> when it is a hostname, else
    /// <paramref name="start"/>: a token that is empty, ends with <c>:</c> or holds a <c>[</c> is the tag.
    /// </summary>
    private static int HostnameEnd(ReadOnlySpan<byte> line, int start)
    {
        var stop = IndexOfEither(line[start..], (byte)' ', (byte)'[');
        if (stop >= 0 && line[start + stop] == (byte)'[') return start;
        var end = stop < 0 ? line.Length : start + stop;
        return end > start && line[end - 1] != (byte)':' ? end : start;
    }

    private static void SkipStructuredData(ReadOnlySpan<byte> line, ref int position)
    {
        if (position >= line.Length) return;
        if (line[position] == (byte)'-')
        {
            position++;
            return;
        }
        while (position < line.Length && line[position] == (byte)'[')
        {
            var inQuotes = false;
            position++;
            for (; position < line.Length; position++)
            {
                var b = line[position];
                if (b == (byte)'\\') { position++; continue; }
                if (b == (byte)'"') inQuotes = !inQuotes;
                else if (b == (byte)']' && !inQuotes) { position++; break; }
            }
        }
    }

    /// <summary>The next space-delimited token; moves past it and one following space.</summary>
    private static Range NextToken(ReadOnlySpan<byte> line, ref int position)
    {
        var start = position;
        var length = line[start..].IndexOf((byte)' ');
        var end = length < 0 ? line.Length : start + length;
        position = end < line.Length ? end + 1 : end;
        return start..end;
    }

    private static Range Nil(ReadOnlySpan<byte> line, Range token) => line[token].SequenceEqual("-"u8) ? default : token;

    /// <summary><c>hh:mm:ss</c> (two digits, a colon, two digits, a colon, two digits): eight bytes read as one little-endian word.</summary>
    private static bool IsClockTime(ulong word)
    {
        const ulong clock = 0x3030_3A30_303A_3030;   // "00:00:00": '0' where a digit goes, ':' where a colon does
        const ulong digitBytes = 0xFFFF_00FF_FF00_FFFF;
        return DigitWord.TryRead(word, clock, digitBytes, ~digitBytes, out _);
    }

    /// <summary>
    /// The first <paramref name="a"/> or <paramref name="b"/> in <paramref name="text"/>, or -1: the first sixteen bytes
    /// (a host name, a process id) as one vector inline, past them the library's search.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IndexOfEither(ReadOnlySpan<byte> text, byte a, byte b)
    {
        if (!Vector128.IsHardwareAccelerated || text.Length < Vector128<byte>.Count) return text.IndexOfAny(a, b);
        var block = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(text));
        var found = (Vector128.Equals(block, Vector128.Create(a)) | Vector128.Equals(block, Vector128.Create(b))).ExtractMostSignificantBits();
        if (found != 0) return BitOperations.TrailingZeroCount(found);
        var later = text[Vector128<byte>.Count..].IndexOfAny(a, b);
        return later < 0 ? -1 : later + Vector128<byte>.Count;
    }

    /// <summary>A month's English abbreviation and a space, read as one little-endian word.</summary>
    private static bool IsMonthAndSpace(ReadOnlySpan<byte> rest) =>
        BinaryPrimitives.ReadUInt32LittleEndian(rest) is Jan or Feb or Mar or Apr or May or Jun or Jul or Aug or Sep or Oct or Nov or Dec;

    private const uint Jan = 'J' | 'a' << 8 | 'n' << 16 | ' ' << 24, Feb = 'F' | 'e' << 8 | 'b' << 16 | ' ' << 24;
    private const uint Mar = 'M' | 'a' << 8 | 'r' << 16 | ' ' << 24, Apr = 'A' | 'p' << 8 | 'r' << 16 | ' ' << 24;
    private const uint May = 'M' | 'a' << 8 | 'y' << 16 | ' ' << 24, Jun = 'J' | 'u' << 8 | 'n' << 16 | ' ' << 24;
    private const uint Jul = 'J' | 'u' << 8 | 'l' << 16 | ' ' << 24, Aug = 'A' | 'u' << 8 | 'g' << 16 | ' ' << 24;
    private const uint Sep = 'S' | 'e' << 8 | 'p' << 16 | ' ' << 24, Oct = 'O' | 'c' << 8 | 't' << 16 | ' ' << 24;
    private const uint Nov = 'N' | 'o' << 8 | 'v' << 16 | ' ' << 24, Dec = 'D' | 'e' << 8 | 'c' << 16 | ' ' << 24;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsTagByte(byte b) => (uint)(b - (byte)'!') <= '~' - '!' && b != (byte)'[' && b != (byte)':';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
