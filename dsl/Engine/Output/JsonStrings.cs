using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GrokFlow.Engine.Output;

/// <summary>
/// Writes JSON string values on a <see cref="Utf8JsonWriter"/> whose encoder is
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> (every event writer's), giving the bytes the writer's own
/// <see cref="Utf8JsonWriter.WriteStringValue(ReadOnlySpan{byte})"/> gives, at the cost of one vectorised scan and a
/// copy: the writer asks its encoder about each string up to three times (find, escape, copy), and the encoder walks
/// non-ASCII text one character at a time through a slow path.
/// What is escaped, and how, comes from the encoder itself (read once into tables), so the bytes cannot drift from it.
/// Text the tables cannot settle (invalid UTF-8, a character the encoder escapes outside ASCII) is left to the writer.
/// </summary>
public static class JsonStrings
{
    /// <summary>Room on the stack for a value and its escapes; longer values use a pooled buffer.</summary>
    private const int StackRoom = 4096;

    /// <summary>Room for the usual short value (a name, a number, an address).</summary>
    private const int ShortRoom = 256;

    /// <summary>
    /// Writes <paramref name="utf8"/> as a string value, as <c>writer.WriteStringValue(utf8)</c> would. False, with
    /// nothing written, when the text is not valid UTF-8 (the caller repairs it) or the writer escapes differently.
    /// </summary>
    [SkipLocalsInit]
    public static bool TryWriteValue(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8)
    {
        if (!Escapes.Usable || !IsRelaxed(writer)) return false;
        var worst = (utf8.Length * Escapes.MaxGrowth) + 2;
        byte[]? rented = null;
        var room = worst <= ShortRoom ? stackalloc byte[ShortRoom]
            : worst <= StackRoom ? stackalloc byte[StackRoom]
            : (rented = ArrayPool<byte>.Shared.Rent(worst));
        var escaped = TryQuote(utf8, room, out var written);
        if (escaped) writer.WriteRawValue(room[..written], skipInputValidation: true);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return escaped || TryWriteThroughWriter(writer, utf8);
    }

    /// <summary>Writes <paramref name="utf8"/> (valid UTF-8 or not) as a string value, exactly as the writer would.</summary>
    public static void WriteValue(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8)
    {
        if (!TryWriteValue(writer, utf8)) writer.WriteStringValue(utf8);
    }

    /// <summary>Writes a property whose name is already encoded and whose value is UTF-8 text.</summary>
    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, ReadOnlySpan<byte> utf8)
    {
        writer.WritePropertyName(name);
        WriteValue(writer, utf8);
    }

    /// <summary>Text the tables could not settle but that is valid UTF-8: the writer escapes it itself.</summary>
    private static bool TryWriteThroughWriter(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8)) return false;
        writer.WriteStringValue(utf8);
        return true;
    }

    /// <summary>Longest escape of one byte: room for a value is this times its length, plus the quotes.</summary>
    internal const int MaxEscapeGrowth = Escapes.MaxGrowth;

    /// <summary>Whether <see cref="TryQuote"/> gives the bytes this writer would write.</summary>
    internal static bool CanQuote(Utf8JsonWriter writer) => Escapes.Usable && IsRelaxed(writer);

    private static bool IsRelaxed(Utf8JsonWriter writer)
    {
        var options = writer.Options;
        return !options.Indented && ReferenceEquals(options.Encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    }

    /// <summary>
    /// <c>"</c>, the text with the encoder's escapes, <c>"</c> into <paramref name="destination"/> (room for the worst
    /// case). False when a character outside ASCII is escaped by the encoder or the text is not valid UTF-8.
    /// </summary>
    internal static bool TryQuote(ReadOnlySpan<byte> text, Span<byte> destination, out int written)
    {
        destination[0] = (byte)'"';
        var at = 1;
        while (true)
        {
            var next = IndexOfAttention(text);
            if (next < 0)
            {
                text.CopyTo(destination[at..]);
                at += text.Length;
                break;
            }
            text[..next].CopyTo(destination[at..]);
            at += next;
            text = text[next..];
            while (!text.IsEmpty && text[0] >= 0x80)
            {
                if (Rune.DecodeFromUtf8(text, out var rune, out var length) != OperationStatus.Done || !Escapes.IsAllowed(rune))
                {
                    written = 0;
                    return false;
                }
                text[..length].CopyTo(destination[at..]);
                at += length;
                text = text[length..];
            }
            if (text.IsEmpty) break;
            if (text[0] < 0x80 && Escapes.Ascii[text[0]] is { } escape)
            {
                escape.CopyTo(destination[at..]);
                at += escape.Length;
                text = text[1..];
            }
        }
        destination[at++] = (byte)'"';
        written = at;
        return true;
    }

    /// <summary>What the relaxed encoder escapes, read from it once.</summary>
    private static class Escapes
    {
        /// <summary>The longest escape of one byte (<c>\u001F</c>).</summary>
        public const int MaxGrowth = 6;

        /// <summary>
        /// Whether the encoder escapes exactly the ASCII <see cref="IndexOfAttention"/> stops at (control characters,
        /// <c>"</c>, <c>\</c>, DEL); if a runtime ever escaped more, every string is left to the writer.
        /// </summary>
        public static readonly bool Usable;

        /// <summary>For each ASCII byte, its escape, or null when it is written as it is.</summary>
        public static readonly byte[]?[] Ascii = new byte[]?[128];

        /// <summary>One bit per character of the Basic Multilingual Plane outside ASCII: set when written as it is.</summary>
        private static readonly ulong[] AllowedBmp = new ulong[65536 / 64];

        static Escapes()
        {
            var encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            Usable = true;
            Span<byte> one = stackalloc byte[1];
            Span<byte> escaped = stackalloc byte[16];
            for (var b = 0; b < 128; b++)
            {
                if (encoder.WillEncode(b) != JsonStrings.NeedsAttention((byte)b)) Usable = false;
                if (!encoder.WillEncode(b)) continue;
                one[0] = (byte)b;
                encoder.EncodeUtf8(one, escaped, out _, out var length);
                if (length > MaxGrowth) Usable = false;
                else Ascii[b] = escaped[..length].ToArray();
            }
            for (var c = 0x80; c < 0x10000; c++)
            {
                if (c is >= 0xD800 and <= 0xDFFF || encoder.WillEncode(c)) continue;
                AllowedBmp[c >> 6] |= 1UL << (c & 63);
            }
        }

        public static bool IsAllowed(Rune rune) =>
            rune.Value < 0x10000 && (AllowedBmp[rune.Value >> 6] & (1UL << (rune.Value & 63))) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NeedsAttention(byte b) => b < 0x20 || b > 0x7E || b == (byte)'"' || b == (byte)'\\';

    /// <summary>
    /// The first byte that is not copied as it is: an escaped ASCII byte or any byte outside ASCII; -1 if none.
    /// Written with plain compares (SSE2), where SearchValues would need byte shuffles the portable build lacks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IndexOfAttention(ReadOnlySpan<byte> text)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<byte>.Count)
        {
            ref var start = ref MemoryMarshal.GetReference(text);
            var last = text.Length - Vector128<byte>.Count;
            while (true)
            {
                var mask = AttentionMask(Vector128.LoadUnsafe(ref start, (nuint)i));
                if (mask != 0) return i + BitOperations.TrailingZeroCount(mask);
                if (i == last) return -1;
                i = Math.Min(i + Vector128<byte>.Count, last);   // the last block may overlap the one before
            }
        }
        if (text.Length is >= sizeof(uint) and < 2 * sizeof(ulong) && !AnyAttention(text)) return -1;
        for (; i < text.Length; i++)
        {
            if (NeedsAttention(text[i])) return i;
        }
        return -1;
    }

    /// <summary>
    /// Whether a text of 4 to 15 bytes (a name, an address, a word: most values) has a byte that needs attention, read
    /// as two overlapping words rather than byte by byte; the byte loop then finds it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AnyAttention(ReadOnlySpan<byte> text)
    {
        ref var start = ref MemoryMarshal.GetReference(text);
        if (text.Length >= sizeof(ulong))
        {
            return AnyAttention(Unsafe.ReadUnaligned<ulong>(ref start))
                   || AnyAttention(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, text.Length - sizeof(ulong))));
        }
        var low = Unsafe.ReadUnaligned<uint>(ref start);
        var high = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, text.Length - sizeof(uint)));
        return AnyAttention(low | ((ulong)high << 32));
    }

    /// <summary>Whether any of eight bytes is outside ASCII, below 0x20, DEL, <c>"</c> or <c>\</c> (exact, borrows cannot make a false answer).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AnyAttention(ulong bytes)
    {
        const ulong ones = 0x0101010101010101UL, highs = 0x8080808080808080UL;
        var below = (bytes - (ones * 0x20)) & ~bytes & highs;
        return ((bytes & highs) | below | Zero(bytes ^ (ones * 0x7F)) | Zero(bytes ^ (ones * '"')) | Zero(bytes ^ (ones * '\\'))) != 0;

        static ulong Zero(ulong v) => (v - ones) & ~v & highs;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint AttentionMask(Vector128<byte> v)
    {
        // Read as signed bytes, everything at or above 0x80 is negative: one compare finds those and the controls
        // (SSE2 has no unsigned byte compare; two unsigned ones cost a bias and a compare each).
        var attention = Vector128.LessThan(v.AsSByte(), Vector128.Create((sbyte)0x20)).AsByte()
                        | Vector128.Equals(v, Vector128.Create((byte)0x7F))
                        | Vector128.Equals(v, Vector128.Create((byte)'"'))
                        | Vector128.Equals(v, Vector128.Create((byte)'\\'));
        return attention.ExtractMostSignificantBits();
    }
}
