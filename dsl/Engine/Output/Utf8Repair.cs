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

    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="destination"/> with U+FFFD for invalid sequences. Valid
    /// text goes in runs, each copied whole: runs of two ASCII bytes or more are found by one vectorised search, a
    /// single one is stepped over (random or mixed text has many), other characters are decoded.
    /// </summary>
    public static int Repair(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        var validFrom = 0;
        var at = 0;
        while (at < source.Length)
        {
            var b = source[at];
            if (b < 0x80)
            {
                if (++at < source.Length && source[at] < 0x80)
                {
                    var nonAscii = source[at..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                    at = nonAscii < 0 ? source.Length : at + nonAscii;
                }
                continue;
            }
            // A continuation byte, C0, C1 or F5-FF cannot start a sequence: alone, it is the maximal subpart.
            int consumed;
            if (b is < 0xC2 or > 0xF4) consumed = 1;
            else if (Rune.DecodeFromUtf8(source[at..], out _, out consumed) == OperationStatus.Done)
            {
                at += consumed;
                continue;
            }
            // The invalid sequence's maximal subpart (what the decoder consumed) becomes one U+FFFD. Between invalid
            // bytes of random or binary text the valid runs are short: a call to copy them costs more than the bytes.
            written = CopyRun(source[validFrom..at], destination, written);
            destination[written] = 0xEF;
            destination[written + 1] = 0xBF;
            destination[written + 2] = 0xBD;
            written += 3;
            at += consumed;
            validFrom = at;
        }
        source[validFrom..].CopyTo(destination[written..]);
        return written + source.Length - validFrom;
    }

    private static int CopyRun(ReadOnlySpan<byte> run, Span<byte> destination, int written)
    {
        if (run.Length > sizeof(ulong)) run.CopyTo(destination[written..]);
        else for (var k = 0; k < run.Length; k++) destination[written + k] = run[k];
        return written + run.Length;
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
