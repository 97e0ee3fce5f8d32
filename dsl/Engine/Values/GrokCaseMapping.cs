using System.Buffers;
using System.Text;

namespace GrokFlow.Engine.Values;

/// <summary>
/// The <c>lowercase</c> and <c>uppercase</c> filters on UTF-8: each character is mapped with the invariant culture's
/// simple case mapping (ASCII takes a fast path). Bytes that are not valid UTF-8 are copied unchanged.
/// A mapped character can take more bytes than the original (U+023A 'Ⱥ', two bytes, lowercases to U+2C65, three),
/// so the destination must hold <see cref="MaxByteCount"/> bytes.
/// </summary>
public static class GrokCaseMapping
{
    /// <summary>The destination size that always suffices for a source of <paramref name="sourceLength"/> bytes.</summary>
    public static int MaxByteCount(int sourceLength) => checked(sourceLength + ((sourceLength + 1) / 2));

    /// <summary>Writes the lowercase form into <paramref name="destination"/> and returns its length.</summary>
    public static int ToLower(ReadOnlySpan<byte> source, Span<byte> destination) => Map(source, destination, upper: false);

    /// <summary>Writes the uppercase form into <paramref name="destination"/> and returns its length.</summary>
    public static int ToUpper(ReadOnlySpan<byte> source, Span<byte> destination) => Map(source, destination, upper: true);

    private static int Map(ReadOnlySpan<byte> source, Span<byte> destination, bool upper)
    {
        if (destination.Length < MaxByteCount(source.Length))
            throw new ArgumentException($"destination must hold MaxByteCount({source.Length}) bytes", nameof(destination));

        var written = 0;
        var position = 0;
        while (position < source.Length)
        {
            var b = source[position];
            if (b < 0x80)
            {
                destination[written++] = upper ? (byte)(b is >= (byte)'a' and <= (byte)'z' ? b - 0x20 : b)
                    : (byte)(b is >= (byte)'A' and <= (byte)'Z' ? b + 0x20 : b);
                position++;
                continue;
            }

            if (Rune.DecodeFromUtf8(source[position..], out var rune, out var consumed) != OperationStatus.Done)
            {
                source.Slice(position, consumed).CopyTo(destination[written..]);
                written += consumed;
                position += consumed;
                continue;
            }

            var mapped = upper ? Rune.ToUpperInvariant(rune) : Rune.ToLowerInvariant(rune);
            written += mapped.EncodeToUtf8(destination[written..]);
            position += consumed;
        }

        return written;
    }
}
