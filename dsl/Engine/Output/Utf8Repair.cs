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
        while (true)
        {
            var valid = ValidPrefixLength(source);
            if (valid > 0) source[..valid].CopyTo(destination[written..]);
            written += valid;
            if (valid == source.Length) return written;
            // The invalid sequence's maximal subpart (what the decoder consumed) becomes one U+FFFD.
            Rune.DecodeFromUtf8(source[valid..], out _, out var consumed);
            "\uFFFD"u8.CopyTo(destination[written..]);
            written += 3;
            source = source[(valid + consumed)..];
        }
    }

    /// <summary>
    /// The length of the valid UTF-8 that <paramref name="text"/> starts with: a run of two ASCII bytes or more found by
    /// one vectorised search, a single one stepped over (random or mixed text has many), other characters decoded.
    /// </summary>
    private static int ValidPrefixLength(ReadOnlySpan<byte> text)
    {
        var at = 0;
        while (at < text.Length)
        {
            if (text[at] < 0x80)
            {
                if (++at < text.Length && text[at] < 0x80)
                {
                    var nonAscii = text[at..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                    if (nonAscii < 0) return text.Length;
                    at += nonAscii;
                }
                continue;
            }
            if (Rune.DecodeFromUtf8(text[at..], out _, out var consumed) != OperationStatus.Done) return at;
            at += consumed;
        }
        return at;
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
