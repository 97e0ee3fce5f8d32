using System.Buffers;
using System.Text;

namespace GrokFlow.Engine.Output;

/// <summary>
/// Makes text safe for <see cref="System.Text.Json.Utf8JsonWriter"/>, which throws on invalid UTF-8: each invalid
/// sequence becomes U+FFFD. Lines are meant to be valid UTF-8; this keeps one bad byte from failing a whole batch.
/// </summary>
internal static class Utf8Repair
{
    /// <summary>The most bytes <see cref="Repair"/> writes for <paramref name="sourceLength"/> bytes (each may become U+FFFD).</summary>
    public static int MaxByteCount(int sourceLength) => checked(sourceLength * 3);

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/> with U+FFFD for invalid sequences.</summary>
    public static int Repair(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        var position = 0;
        while (position < source.Length)
        {
            var status = Rune.DecodeFromUtf8(source[position..], out var rune, out var consumed);
            if (status == OperationStatus.Done)
                source.Slice(position, consumed).CopyTo(destination[written..]);
            else
                Rune.ReplacementChar.EncodeToUtf8(destination[written..]);
            written += status == OperationStatus.Done ? consumed : Rune.ReplacementChar.Utf8SequenceLength;
            position += consumed;
        }
        return written;
    }
}
