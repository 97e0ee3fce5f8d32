using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
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
        var worst = QuotedRoom(utf8.Length);
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

    /// <summary>Whether <see cref="TryQuote"/> gives the bytes this writer would write.</summary>
    internal static bool CanQuote(Utf8JsonWriter writer) => Escapes.Usable && IsRelaxed(writer);

    private static bool IsRelaxed(Utf8JsonWriter writer)
    {
        var options = writer.Options;
        return !options.Indented && ReferenceEquals(options.Encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    }

    /// <summary>Room <see cref="TryQuote"/> needs for a text of <paramref name="length"/> bytes: the worst case and a vector of slack.</summary>
    internal static int QuotedRoom(int length) => (length * Escapes.MaxGrowth) + 2 + Vector128<byte>.Count;

    /// <summary>
    /// <c>"</c>, the text with the encoder's escapes, <c>"</c> into <paramref name="destination"/> (at least
    /// <see cref="QuotedRoom"/> bytes). False when the text is not valid UTF-8. One pass: each block of 16 bytes is stored as it is while it is checked, and the output goes on
    /// from the first byte that needs attention; shorter texts and tails are checked as one
    /// vector of overlapping words and copied a word at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryQuote(ReadOnlySpan<byte> text, Span<byte> destination, out int written)
    {
        if (destination.Length < QuotedRoom(text.Length)) ThrowTooLittleRoom();
        return TryQuoteInRoom(text, ref MemoryMarshal.GetReference(destination), out written);
    }

    /// <summary><see cref="TryQuote"/> at <paramref name="destination"/>, whose <see cref="QuotedRoom"/> the caller made sure of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryQuoteInRoom(ReadOnlySpan<byte> text, ref byte destination, out int written)
    {
        // The usual value, 1 to 32 bytes that need no escape (a name, a number, an address, a host): done here, in the
        // caller, without the call and set-up of the general scan.
        if ((uint)(text.Length - 1) < ShortLongest && TryQuoteShort(text, ref destination))
        {
            written = text.Length + 2;
            return true;
        }
        return TryQuoteScanning(text, ref destination, out written);
    }

    /// <summary>The longest text <see cref="TryQuoteShort"/> takes.</summary>
    internal const int ShortLongest = 2 * 16;   // two vectors

    /// <summary>
    /// <c>"</c>, the text, <c>"</c> at <paramref name="destination"/> when the text (1 to 32 bytes) needs no escape;
    /// false otherwise, with the bytes there spoiled. Sixteen or more bytes are checked and copied as two overlapping
    /// vectors, four or more as one vector of two overlapping words (copied as those words).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryQuoteShort(ReadOnlySpan<byte> text, ref byte destination)
    {
        ref var source = ref MemoryMarshal.GetReference(text);
        var length = text.Length;
        if (length >= Vector128<byte>.Count)
        {
            var first = Vector128.LoadUnsafe(ref source);
            var last = Vector128.LoadUnsafe(ref source, (nuint)(length - Vector128<byte>.Count));
            if ((AttentionBytes(first) | AttentionBytes(last)) != Vector128<byte>.Zero) return false;
            first.StoreUnsafe(ref destination, 1);
            last.StoreUnsafe(ref destination, (nuint)(length + 1 - Vector128<byte>.Count));
        }
        else if (length >= sizeof(uint))
        {
            if (!TryCopyWords(ref source, 0, length, ref destination, 1)) return false;
        }
        else
        {
            for (var k = 0; k < length; k++)
            {
                var b = Unsafe.Add(ref source, k);
                if (NeedsAttention(b)) return false;
                Unsafe.Add(ref destination, k + 1) = b;
            }
        }
        destination = (byte)'"';
        Unsafe.Add(ref destination, length + 1) = (byte)'"';
        return true;
    }

    [DoesNotReturn]
    private static void ThrowTooLittleRoom() => throw new ArgumentException("Too little room for the quoted text.", "destination");

    /// <summary><see cref="TryQuote"/> for any text, in room already checked (<see cref="QuotedRoom"/>).</summary>
    internal static bool TryQuoteScanning(ReadOnlySpan<byte> text, ref byte target, out int written)
    {
        ref var source = ref MemoryMarshal.GetReference(text);
        var length = text.Length;
        target = (byte)'"';
        var at = 1;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            while (i <= length - Vector128<byte>.Count)
            {
                var block = Vector128.LoadUnsafe(ref source, (nuint)i);
                block.StoreUnsafe(ref target, (nuint)at);   // the room has a vector of slack past the worst case
                var mask = AttentionMask(block);
                if (mask == 0)
                {
                    i += Vector128<byte>.Count;
                    at += Vector128<byte>.Count;
                    continue;
                }
                var clean = BitOperations.TrailingZeroCount(mask);
                i += clean;
                at += clean;
                var done = Attention(ref source, length, i, ref target, at);
                if (done < 0) return Fail(out written);
                i += Read(done);
                at += Written(done);
            }
            // Fewer than 16 bytes left of a longer text: checked as the text's last 16 bytes (which overlap bytes
            // already done), copied as words.
            var left = length - i;
            if (left > 0 && length >= Vector128<byte>.Count
                && AttentionMask(Vector128.LoadUnsafe(ref source, (nuint)(length - Vector128<byte>.Count))) >> (Vector128<byte>.Count - left) == 0)
            {
                CopyShort(ref source, i, left, ref target, at);
                at += left;
                i = length;
            }
        }
        while (i < length)
        {
            if (TryCopyWords(ref source, i, length - i, ref target, at))
            {
                at += length - i;
                break;
            }
            var b = Unsafe.Add(ref source, i);
            if (!NeedsAttention(b))
            {
                Unsafe.Add(ref target, at++) = b;
                i++;
            }
            else
            {
                var done = Attention(ref source, length, i, ref target, at);
                if (done < 0) return Fail(out written);
                i += Read(done);
                at += Written(done);
            }
        }
        Unsafe.Add(ref target, at++) = (byte)'"';
        written = at;
        return true;

        static bool Fail(out int written)
        {
            written = 0;
            return false;
        }
    }

    /// <summary>
    /// The last 4 to 15 bytes of a text (from <paramref name="i"/>) when none needs attention: read as two overlapping
    /// words, checked together as one vector, and copied to <paramref name="at"/>. False when they are fewer or one
    /// needs attention: the caller goes byte by byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryCopyWords(ref byte source, int i, int remaining, ref byte target, int at)
    {
        if (remaining >= sizeof(ulong))
        {
            if (remaining >= 2 * sizeof(ulong)) return false;
            var first = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, i));
            var last = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, i + remaining - sizeof(ulong)));
            if (AttentionMask(Vector128.Create(first, last).AsByte()) != 0) return false;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, at), first);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, at + remaining - sizeof(ulong)), last);
        }
        else if (remaining >= sizeof(uint))
        {
            var first = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, i));
            var last = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, i + remaining - sizeof(uint)));
            // Only the low eight lanes hold text.
            if ((AttentionMask(Vector128.CreateScalarUnsafe(first | ((ulong)last << 32)).AsByte()) & 0xFF) != 0) return false;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, at), first);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, at + remaining - sizeof(uint)), last);
        }
        else
        {
            return false;
        }
        return true;
    }

    /// <summary>Copies 1 to 15 bytes from <paramref name="i"/> to <paramref name="at"/> as two overlapping words (or bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyShort(ref byte source, int i, int count, ref byte target, int at)
    {
        ref var from = ref Unsafe.Add(ref source, i);
        ref var to = ref Unsafe.Add(ref target, at);
        if (count >= sizeof(ulong))
        {
            Unsafe.WriteUnaligned(ref to, Unsafe.ReadUnaligned<ulong>(ref from));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, count - sizeof(ulong)), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref from, count - sizeof(ulong))));
        }
        else if (count >= sizeof(uint))
        {
            Unsafe.WriteUnaligned(ref to, Unsafe.ReadUnaligned<uint>(ref from));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, count - sizeof(uint)), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref from, count - sizeof(uint))));
        }
        else
        {
            for (var k = 0; k < count; k++) Unsafe.Add(ref to, k) = Unsafe.Add(ref from, k);
        }
    }

    /// <summary>
    /// Writes the byte at <paramref name="i"/>, which needs attention, at <paramref name="at"/>, and what follows it
    /// while bytes that need attention keep coming (random or binary text has one every byte or two): ASCII escapes,
    /// the characters outside ASCII as they are while the encoder keeps them, and a clean ASCII byte between them.
    /// It stops before two clean ASCII bytes (the caller's vector scan takes those) and before a character the encoder
    /// escapes (beyond the Basic Multilingual Plane, or not allowed), unless that is the first, which is then written
    /// as the encoder escapes it. Returns the bytes read and written (<see cref="Read"/>, <see cref="Written"/>); -1
    /// when the UTF-8 there is invalid. Positions go in and out by value, so that the caller's stay in registers.
    /// </summary>
    private static long Attention(ref byte source, int length, int i, ref byte target, int at)
    {
        // The tables read once: each read of a class with a static constructor checks that it ran.
        ref var escapeWords = ref MemoryMarshal.GetArrayDataReference(Escapes.AsciiWord);
        ref var escapeLengths = ref MemoryMarshal.GetArrayDataReference(Escapes.AsciiLength);
        var allowed = Escapes.AllowedBmp;
        var read = 0;
        var wrote = 0;
        do
        {
            var b = Unsafe.Add(ref source, i + read);
            if (b < 0x80)
            {
                if (NeedsAttention(b))
                {
                    // b is below 0x80, the tables' length.
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, at + wrote), Unsafe.Add(ref escapeWords, b));   // up to 8 bytes: within the slack
                    wrote += Unsafe.Add(ref escapeLengths, b);
                }
                else
                {
                    if (i + read + 1 < length && !NeedsAttention(Unsafe.Add(ref source, i + read + 1))) break;
                    Unsafe.Add(ref target, at + wrote) = b;
                    wrote++;
                }
                read++;
                continue;
            }
            // Two- and three-byte sequences (the Basic Multilingual Plane).
            var sequence = Utf8Bmp(ref source, length, i + read, out var character);
            if (sequence < 0 || !IsAllowed(allowed, character))
            {
                if (read > 0) break;
                return EscapeOne(ref source, length, i, ref target, at);
            }
            // Two or three bytes, copied as two overlapping pairs.
            ref var from = ref Unsafe.Add(ref source, i + read);
            ref var to = ref Unsafe.Add(ref target, at + wrote);
            Unsafe.WriteUnaligned(ref to, Unsafe.ReadUnaligned<ushort>(ref from));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, sequence - 2), Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref from, sequence - 2)));
            read += sequence;
            wrote += sequence;
        }
        while (i + read < length);
        return Done(read, wrote);
    }

    /// <summary>
    /// The character outside ASCII at <paramref name="i"/>, escaped by the encoder itself (a four-byte one becomes its
    /// surrogate pair, <c>\uD83D\uDE00</c>): what the writer does with it. -1 when the UTF-8 there is invalid.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long EscapeOne(ref byte source, int length, int i, ref byte target, int at)
    {
        // The encoder would write invalid UTF-8 as an escaped U+FFFD, where the writer refuses it: checked first.
        var character = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref source, i), length - i);
        if (Rune.DecodeFromUtf8(character, out _, out var sequence) != OperationStatus.Done) return -1;
        // The room has the worst case (six bytes out per byte in) and a vector of slack: an escaped character's 12 fit.
        var status = JavaScriptEncoder.UnsafeRelaxedJsonEscaping.EncodeUtf8(character[..sequence],
            MemoryMarshal.CreateSpan(ref Unsafe.Add(ref target, at), 2 * Escapes.MaxGrowth), out var read, out var written);
        return status == OperationStatus.Done && read == sequence ? Done(read, written) : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Done(int read, int written) => ((long)read << 32) | (uint)written;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Read(long done) => (int)(done >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Written(long done) => (int)done;

    /// <summary>The length (2 or 3) of the valid UTF-8 sequence of a character above ASCII in the Basic Multilingual Plane at <paramref name="i"/>; else -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Utf8Bmp(ref byte source, int length, int i, out int character)
    {
        character = 0;
        var b = Unsafe.Add(ref source, i);
        if (b is >= 0xC2 and <= 0xDF)
        {
            if (i + 1 >= length) return -1;
            var c1 = Unsafe.Add(ref source, i + 1);
            character = ((b & 0x1F) << 6) | (c1 & 0x3F);
            return (c1 & 0xC0) == 0x80 ? 2 : -1;
        }
        if (b is >= 0xE0 and <= 0xEF)
        {
            if (i + 2 >= length) return -1;
            var c1 = Unsafe.Add(ref source, i + 1);
            var c2 = Unsafe.Add(ref source, i + 2);
            if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return -1;
            character = ((b & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F);
            return character < 0x800 || character is >= 0xD800 and <= 0xDFFF ? -1 : 3;
        }
        return -1;
    }

    /// <summary>What the relaxed encoder escapes, read from it once.</summary>
    private static class Escapes
    {
        /// <summary>The longest escape of one byte (<c>\u001F</c>).</summary>
        public const int MaxGrowth = 6;

        /// <summary>
        /// Whether the encoder escapes exactly the ASCII <see cref="NeedsAttention"/> names (control characters,
        /// <c>"</c>, <c>\</c>, DEL); if a runtime ever escaped more, every string is left to the writer.
        /// </summary>
        public static readonly bool Usable;

        /// <summary>For each ASCII byte the encoder escapes, its escape as the bytes of a word (little-endian), and its length.</summary>
        public static readonly ulong[] AsciiWord = new ulong[128];

        public static readonly byte[] AsciiLength = new byte[128];

        /// <summary>One bit per character of the Basic Multilingual Plane outside ASCII: set when written as it is.</summary>
        public static readonly ulong[] AllowedBmp = new ulong[65536 / 64];

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
                else
                {
                    escaped[length..].Clear();
                    AsciiWord[b] = BinaryPrimitives.ReadUInt64LittleEndian(escaped);
                    AsciiLength[b] = (byte)length;
                }
            }
            for (var c = 0x80; c < 0x10000; c++)
            {
                if (c is >= 0xD800 and <= 0xDFFF || encoder.WillEncode(c)) continue;
                AllowedBmp[c >> 6] |= 1UL << (c & 63);
            }
        }
    }

    /// <summary>
    /// Whether a character of the Basic Multilingual Plane outside ASCII is written as it is, by <see
    /// cref="Escapes.AllowedBmp"/> (passed in, read once by the caller); unchecked, as a character of the plane is below
    /// 0x10000. Outside <see cref="Escapes"/>, whose static constructor each of its methods would check for.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAllowed(ulong[] allowedBmp, int character) =>
        (Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(allowedBmp), (nint)((uint)character >> 6)) & (1UL << (character & 63))) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NeedsAttention(byte b) => b < 0x20 || b > 0x7E || b == (byte)'"' || b == (byte)'\\';

    /// <summary>A bit for each byte of <paramref name="v"/> that needs attention (see <see cref="NeedsAttention"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint AttentionMask(Vector128<byte> v) => AttentionBytes(v).ExtractMostSignificantBits();

    /// <summary>All ones in each byte of <paramref name="v"/> that needs attention (see <see cref="NeedsAttention"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> AttentionBytes(Vector128<byte> v) =>
        // Read as signed bytes, everything at or above 0x80 is negative: one compare finds those and the controls
        // (SSE2 has no unsigned byte compare; two unsigned ones cost a bias and a compare each).
        Vector128.LessThan(v.AsSByte(), Vector128.Create((sbyte)0x20)).AsByte()
        | Vector128.Equals(v, Vector128.Create((byte)0x7F))
        | Vector128.Equals(v, Vector128.Create((byte)'"'))
        | Vector128.Equals(v, Vector128.Create((byte)'\\'));
}
