using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace GrokFlow.Engine.Values;

/// <summary>
/// Datadog semantics of the numeric matchers and filters (grok-dialect spec §3, §5): <c>integer</c> gives a 64-bit
/// integer, <c>number</c> and <c>numberExt</c> give doubles, <c>integerExt</c> reads a double and truncates it. All
/// readers take the UTF-8 text the matcher captured, accept only ASCII digits and never allocate.
/// </summary>
public static class GrokNumbers
{
    private const NumberStyles FloatStyle =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary><c>integer</c>: <c>[+-]?[0-9]+</c> as a long. Overflow and anything else (<c>1.0</c>, spaces) fail.</summary>
    public static bool TryParseInteger(ReadOnlySpan<byte> utf8, out long value)
    {
        value = 0;
        var position = utf8.Length > 0 && utf8[0] is (byte)'+' or (byte)'-' ? 1 : 0;
        if (position == utf8.Length) return false;
        var negative = utf8[0] == '-';
        ulong magnitude = 0;
        for (; position < utf8.Length; position++)
        {
            var digit = (uint)(utf8[position] - '0');
            if (digit > 9) return false;
            if (magnitude > (ulong.MaxValue - digit) / 10) return false;
            magnitude = (magnitude * 10) + digit;
        }

        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1) return false;
            value = (long)(0 - magnitude);
            return true;
        }

        if (magnitude > long.MaxValue) return false;
        value = (long)magnitude;
        return true;
    }

    /// <summary>
    /// <c>number</c>: the decimal text <c>numberStr</c> matches (<c>12</c>, <c>-3</c>, <c>12.</c>, <c>.5</c>) as a double.
    /// No exponent (that is <see cref="TryParseNumberExt"/>); a value too large for a double fails.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> utf8, out double value) =>
        TryParseDouble(utf8, allowExponent: false, allowFraction: true, out value);

    /// <summary><c>numberExt</c>: like <see cref="TryParseNumber"/> with an optional exponent (<c>1.5e-3</c>).</summary>
    public static bool TryParseNumberExt(ReadOnlySpan<byte> utf8, out double value) =>
        TryParseDouble(utf8, allowExponent: true, allowFraction: true, out value);

    /// <summary>
    /// <c>integerExt</c>: <c>[+-]?[0-9]+([eE][+-]?[0-9]+)?</c> read as a double and truncated toward zero
    /// (<c>-1e+2</c> is -100, <c>15e-1</c> is 1). Results outside the long range fail.
    /// </summary>
    public static bool TryParseIntegerExt(ReadOnlySpan<byte> utf8, out long value)
    {
        value = 0;
        if (!TryParseDouble(utf8, allowExponent: true, allowFraction: false, out var number)) return false;
        var truncated = Math.Truncate(number);
        // 2^63 is exactly representable; anything at or above it does not fit a long.
        if (truncated is < -9.2233720368547758E18 or >= 9.2233720368547758E18) return false;
        value = (long)truncated;
        return true;
    }

    /// <summary>
    /// Writes a Datadog double the way Datadog prints it: always as a double, so integral values keep a fraction
    /// (<c>202000000.0</c>, <c>1.0E+21</c>) and others use the shortest text that reads back to the same value.
    /// Returns false and writes nothing for NaN and infinities, which JSON cannot hold: a failed conversion.
    /// </summary>
    public static bool WriteNumber(Utf8JsonWriter writer, double value)
    {
        Span<byte> text = stackalloc byte[40];
        if (!TryFormatNumber(value, text, out var length)) return false;
        writer.WriteRawValue(text[..length], skipInputValidation: true);
        return true;
    }

    /// <summary>Formats a double as <see cref="WriteNumber"/> writes it; false for NaN, infinities or a short buffer.</summary>
    public static bool TryFormatNumber(double value, Span<byte> destination, out int length)
    {
        length = 0;
        if (!double.IsFinite(value)) return false;
        if (IsSmallWhole(value))
        {
            // The shortest round-trip text of a whole number below 10^15 is its digits: the common case, without "R".
            if (!((long)value).TryFormat(destination, out var digits, default, CultureInfo.InvariantCulture) || digits + 2 > destination.Length) return false;
            destination[digits] = (byte)'.';
            destination[digits + 1] = (byte)'0';
            length = digits + 2;
            return true;
        }
        if (!value.TryFormat(destination, out var written, "R", CultureInfo.InvariantCulture)) return false;
        var exponent = destination[..written].IndexOf((byte)'E');
        var mantissaEnd = exponent < 0 ? written : exponent;
        if (destination[..mantissaEnd].IndexOf((byte)'.') < 0)
        {
            if (written + 2 > destination.Length) return false;
            destination[mantissaEnd..written].CopyTo(destination[(mantissaEnd + 2)..]);
            destination[mantissaEnd] = (byte)'.';
            destination[mantissaEnd + 1] = (byte)'0';
            written += 2;
        }

        length = written;
        return true;
    }

    /// <summary>
    /// What <see cref="TryFormatNumber"/> writes for the double <see cref="TryParseNumber"/> reads from a whole number's
    /// text (<c>[+-]?[0-9]+</c>, at most 15 digits past its leading zeros), copied from the digits instead: <c>30</c>
    /// gives <c>30.0</c>, <c>+007</c> <c>7.0</c>, <c>-0</c> <c>-0.0</c>. False, with the destination's bytes spoiled,
    /// for any other text or a short buffer: those take the parse-and-format way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryCopyWholeNumber(ReadOnlySpan<byte> utf8, Span<byte> destination, out int length)
    {
        if (utf8.Length + 2 <= destination.Length && TryCopyPlainWholeNumber(utf8, ref MemoryMarshal.GetReference(destination)))
        {
            length = utf8.Length + 2;
            return true;
        }
        return TryCopyAnyWholeNumber(utf8, destination, out length);
    }

    /// <summary>
    /// The usual whole number (a pid, a priority, a port): one to eight digits, the first not zero unless alone, copied
    /// as they are and followed by <c>.0</c>, checked and copied as two overlapping words in the caller. False, with the
    /// bytes at <paramref name="target"/> (room for the text and two more) spoiled, for any other text.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryCopyPlainWholeNumber(ReadOnlySpan<byte> text, ref byte target)
    {
        var length = text.Length;
        ref var source = ref MemoryMarshal.GetReference(text);
        if ((uint)(length - 1) >= sizeof(ulong) || (source == (byte)'0' && length > 1)) return false;
        if (length >= sizeof(uint))
        {
            var first = Unsafe.ReadUnaligned<uint>(ref source);
            var last = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, length - sizeof(uint)));
            if (!AreDigits(first) || !AreDigits(last)) return false;
            Unsafe.WriteUnaligned(ref target, first);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, length - sizeof(uint)), last);
        }
        else
        {
            for (var i = 0; i < length; i++)
            {
                var digit = Unsafe.Add(ref source, i);
                if ((uint)(digit - '0') > 9) return false;
                Unsafe.Add(ref target, i) = digit;
            }
        }
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, length), (ushort)('.' | ('0' << 8)));
        return true;
    }

    /// <summary>Whether the four bytes of <paramref name="word"/> are ASCII digits: each 0x30-0x39, so 0x30-0x3F even after adding 6.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AreDigits(uint word) =>
        (word & 0xF0F0F0F0) == 0x30303030 && ((word + 0x06060606) & 0xF0F0F0F0) == 0x30303030;

    /// <summary><see cref="TryCopyWholeNumber"/> for any whole number's text: signs, leading zeros, up to 15 digits.</summary>
    private static bool TryCopyAnyWholeNumber(ReadOnlySpan<byte> utf8, Span<byte> destination, out int length)
    {
        length = 0;
        ref var source = ref MemoryMarshal.GetReference(utf8);
        var end = utf8.Length;
        if (end == 0) return false;
        // The usual number (a port, a pid, a count) starts with a digit other than zero: no sign, no zeros to skip.
        var first = 0;
        var sign = 0;
        if ((uint)(source - '1') > 8)
        {
            if (source is (byte)'+' or (byte)'-')
            {
                sign = source == '-' ? 1 : 0;
                first = 1;
                if (end == 1) return false;
            }
            // All zeros: one zero, with its sign (the double is -0.0).
            while (first < end - 1 && Unsafe.Add(ref source, first) == (byte)'0') first++;
        }
        var count = end - first;
        if (count > 15 || sign + count + 2 > destination.Length) return false;
        // One pass over the few digits, checked as they are copied: the vectorised searches cost more in set-up than
        // such a text takes byte by byte.
        ref var target = ref MemoryMarshal.GetReference(destination);
        target = (byte)'-';   // the first digit goes over it when there is no sign
        var shift = sign - first;   // from a digit's place in the text to its place in the destination
        for (var i = first; i < end; i++)
        {
            var digit = Unsafe.Add(ref source, i);
            if ((uint)(digit - '0') > 9) return false;
            Unsafe.Add(ref target, i + shift) = digit;
        }
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, end + shift), (ushort)('.' | ('0' << 8)));
        length = sign + count + 2;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSmallWhole(double value) =>
        Math.Abs(value) < SmallWholeLimit && value == (long)value && BitConverter.DoubleToInt64Bits(value) != NegativeZeroBits;

    private const long NegativeZeroBits = long.MinValue;

    /// <summary>Below this, a whole double prints without an exponent and every integer is exact.</summary>
    private const double SmallWholeLimit = 1e15;

    private static bool TryParseDouble(ReadOnlySpan<byte> utf8, bool allowExponent, bool allowFraction, out double value)
    {
        if (TryParseSmallWhole(utf8, out value)) return true;
        value = 0;
        if (!IsDecimalText(utf8, allowExponent, allowFraction)) return false;
        return double.TryParse(utf8, FloatStyle, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>
    /// Plain digits with an optional sign, at most 15 of them: read as a long, which the double holds exactly (the common
    /// case, without the general parser). <c>-0</c> is left to it, for its sign.
    /// </summary>
    private static bool TryParseSmallWhole(ReadOnlySpan<byte> utf8, out double value)
    {
        value = 0;
        var digits = Unsigned(utf8, out var negative);
        if ((uint)(digits.Length - 1) >= 15) return false;
        long magnitude = 0;
        foreach (var b in digits)
        {
            var digit = (uint)(b - '0');
            if (digit > 9) return false;
            magnitude = (magnitude * 10) + digit;
        }
        if (negative && magnitude == 0) return false;
        value = negative ? -magnitude : magnitude;
        return true;
    }

    /// <summary>The text after its sign, if it has one (<c>+</c> or <c>-</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> Unsigned(ReadOnlySpan<byte> utf8, out bool negative)
    {
        negative = !utf8.IsEmpty && utf8[0] == '-';
        return !utf8.IsEmpty && utf8[0] is (byte)'+' or (byte)'-' ? utf8[1..] : utf8;
    }

    /// <summary>Checks <c>[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?</c> (fraction and exponent per flags).</summary>
    private static bool IsDecimalText(ReadOnlySpan<byte> utf8, bool allowExponent, bool allowFraction)
    {
        var position = utf8.Length > 0 && utf8[0] is (byte)'+' or (byte)'-' ? 1 : 0;
        var integerDigits = CountDigits(utf8, ref position);
        var fractionDigits = 0;
        if (allowFraction && position < utf8.Length && utf8[position] == '.')
        {
            position++;
            fractionDigits = CountDigits(utf8, ref position);
        }

        if (integerDigits == 0 && fractionDigits == 0) return false;
        if (allowExponent && position < utf8.Length && utf8[position] is (byte)'e' or (byte)'E')
        {
            position++;
            if (position < utf8.Length && utf8[position] is (byte)'+' or (byte)'-') position++;
            if (CountDigits(utf8, ref position) == 0) return false;
        }

        return position == utf8.Length;
    }

    private static int CountDigits(ReadOnlySpan<byte> utf8, ref int position)
    {
        var start = position;
        while (position < utf8.Length && Utf8Text.IsDigit(utf8[position])) position++;
        return position - start;
    }
}
