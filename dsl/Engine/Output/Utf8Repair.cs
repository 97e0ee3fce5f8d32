using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace GrokFlow.Engine.Output;

/// <summary>
/// The one UTF-8 repair: each invalid sequence becomes U+FFFD, as <see cref="System.Text.Json.Utf8JsonWriter"/> needs
/// (it throws on invalid UTF-8). The host and <c>grokflow parse</c> repair each line with an instance (valid lines,
/// nearly all, pass through untouched; repaired ones go to a buffer the instance reuses, one instance per worker);
/// the output writers repair attribute text with the static <see cref="Repair(ReadOnlySpan{byte}, Span{byte})"/>.
/// </summary>
public sealed class Utf8Repair
{
    private byte[] _buffer = new byte[1024];

    /// <summary>The most bytes <see cref="Repair(ReadOnlySpan{byte}, Span{byte})"/> writes for <paramref name="sourceLength"/> bytes.</summary>
    public static int MaxByteCount(int sourceLength) => checked(sourceLength * 3);

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/> with U+FFFD for invalid sequences.</summary>
    public static int Repair(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        var position = 0;
        while (position < source.Length)
        {
            var status = Rune.DecodeFromUtf8(source[position..], out _, out var consumed);
            if (status == OperationStatus.Done)
                source.Slice(position, consumed).CopyTo(destination[written..]);
            else
                Rune.ReplacementChar.EncodeToUtf8(destination[written..]);
            written += status == OperationStatus.Done ? consumed : Rune.ReplacementChar.Utf8SequenceLength;
            position += consumed;
        }
        return written;
    }

    /// <summary>The line itself when valid, else a repaired copy valid until the next call.</summary>
    public ReadOnlySpan<byte> Repair(ReadOnlySpan<byte> line)
    {
        if (Utf8.IsValid(line)) return line;
        var needed = MaxByteCount(line.Length);
        if (_buffer.Length < needed) _buffer = new byte[Math.Max(needed, _buffer.Length * 2)];
        return _buffer.AsSpan(0, Repair(line, _buffer));
    }
}
