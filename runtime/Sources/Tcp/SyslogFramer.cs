using System.Buffers;

namespace GrokFlow.Runtime.Sources.Tcp;

/// <summary>What <see cref="SyslogFramer.TryRead"/> found.</summary>
internal enum FrameStatus
{
    /// <summary>A frame was cut off the buffer.</summary>
    Frame,
    /// <summary>The buffer holds no complete frame yet: read more.</summary>
    NeedMore,
    /// <summary>An octet-counted stream carried a length prefix that is not one: the stream cannot be followed.</summary>
    BadLengthPrefix,
}

/// <summary>
/// Cuts a TCP byte stream into syslog messages by RFC 6587: octet counting (<c>LEN SP MSG</c>) or a LF after each
/// message, chosen by the first frame of the connection (a leading digit followed by digits and a space means octet
/// counting). A frame longer than the limit is cut to it and the rest skipped as it arrives, so a connection never
/// holds more than the limit plus one read. One per connection.
/// </summary>
internal sealed class SyslogFramer(int maxFrameBytes)
{
    private const int MaxLengthDigits = 9;

    private enum Mode { Unknown, OctetCounting, LineFeed }

    private Mode _mode;
    private long _skip;
    private bool _discardLine;

    public string Framing => _mode switch
    {
        Mode.OctetCounting => "octet-counting",
        Mode.LineFeed => "lf",
        _ => "unknown",
    };

    /// <summary>
    /// Cuts the next frame off <paramref name="buffer"/>. The frame stays valid until the buffer's bytes are released;
    /// <paramref name="truncated"/> says it was longer than the limit.
    /// </summary>
    public FrameStatus TryRead(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out bool truncated)
    {
        frame = default;
        truncated = false;
        if (!SkipLeftovers(ref buffer)) return FrameStatus.NeedMore;
        SkipFrameSeparators(ref buffer);
        if (buffer.IsEmpty) return FrameStatus.NeedMore;
        if (_mode == Mode.Unknown && !IsDigit(buffer.FirstSpan[0])) _mode = Mode.LineFeed;
        if (_mode != Mode.LineFeed)
        {
            var prefix = ReadLengthPrefix(buffer, out var length, out var prefixLength);
            if (prefix == FrameStatus.Frame)
            {
                _mode = Mode.OctetCounting;
                return CutCounted(ref buffer, length, prefixLength, out frame, out truncated);
            }
            if (prefix == FrameStatus.NeedMore) return FrameStatus.NeedMore;
            if (_mode == Mode.OctetCounting) return FrameStatus.BadLengthPrefix;
            _mode = Mode.LineFeed;   // a first line that starts with a digit but has no length prefix (no PRI)
        }
        return CutLine(ref buffer, out frame, out truncated);
    }

    /// <summary>At the end of the stream: a last LF-framed message without its LF is still a message.</summary>
    public bool TryReadLast(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out bool truncated)
    {
        frame = default;
        truncated = false;
        if (_mode == Mode.OctetCounting || _discardLine || _skip > 0) return false;
        SkipFrameSeparators(ref buffer);
        if (buffer.IsEmpty) return false;
        truncated = buffer.Length > maxFrameBytes;
        frame = truncated ? buffer.Slice(0, maxFrameBytes) : buffer;
        buffer = buffer.Slice(buffer.End);
        return true;
    }

    /// <summary>True when an incomplete octet-counted frame was cut off by the end of the stream.</summary>
    public bool EndsInsideFrame(in ReadOnlySequence<byte> rest) => _mode == Mode.OctetCounting && (_skip > 0 || !rest.IsEmpty);

    private bool SkipLeftovers(ref ReadOnlySequence<byte> buffer)
    {
        if (_skip > 0)
        {
            var n = Math.Min(_skip, buffer.Length);
            buffer = buffer.Slice(n);
            _skip -= n;
            if (_skip > 0) return false;
        }
        if (_discardLine)
        {
            var lf = buffer.PositionOf((byte)'\n');
            if (lf is null)
            {
                buffer = buffer.Slice(buffer.End);
                return false;
            }
            buffer = buffer.Slice(buffer.GetPosition(1, lf.Value));
            _discardLine = false;
        }
        return true;
    }

    // Senders put LF, CR LF or NUL after octet-counted frames too; nothing between frames is a message.
    private static void SkipFrameSeparators(ref ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        reader.AdvancePastAny((byte)'\n', (byte)'\r', 0);
        buffer = buffer.Slice(reader.Position);
    }

    private static FrameStatus ReadLengthPrefix(in ReadOnlySequence<byte> buffer, out long length, out int prefixLength)
    {
        length = 0;
        prefixLength = 0;
        var reader = new SequenceReader<byte>(buffer);
        var digits = 0;
        while (reader.TryRead(out var b))
        {
            if (b == (byte)' ')
            {
                prefixLength = digits + 1;
                return digits > 0 && length > 0 ? FrameStatus.Frame : FrameStatus.BadLengthPrefix;
            }
            if (!IsDigit(b) || ++digits > MaxLengthDigits) return FrameStatus.BadLengthPrefix;
            length = length * 10 + (b - (byte)'0');
        }
        return FrameStatus.NeedMore;
    }

    private FrameStatus CutCounted(ref ReadOnlySequence<byte> buffer, long length, int prefixLength, out ReadOnlySequence<byte> frame, out bool truncated)
    {
        var kept = Math.Min(length, maxFrameBytes);
        frame = default;
        truncated = false;
        if (buffer.Length - prefixLength < kept) return FrameStatus.NeedMore;
        frame = buffer.Slice(prefixLength, kept);
        buffer = buffer.Slice(prefixLength + kept);
        truncated = kept < length;
        _skip = length - kept;
        return FrameStatus.Frame;
    }

    private FrameStatus CutLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out bool truncated)
    {
        var lf = buffer.PositionOf((byte)'\n');
        if (lf is { } end)
        {
            frame = buffer.Slice(0, end);
            buffer = buffer.Slice(buffer.GetPosition(1, end));
            truncated = frame.Length > maxFrameBytes;
            if (truncated) frame = frame.Slice(0, maxFrameBytes);
            return FrameStatus.Frame;
        }
        if (buffer.Length < maxFrameBytes)
        {
            frame = default;
            truncated = false;
            return FrameStatus.NeedMore;
        }
        frame = buffer.Slice(0, maxFrameBytes);
        buffer = buffer.Slice(maxFrameBytes);
        truncated = true;
        _discardLine = true;
        return FrameStatus.Frame;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}
