using GrokFlow.Engine.Output;

namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// Numbers inside structured text (<c>keyvalue</c> values, <c>csv</c> fields): the whole text must be a decimal
/// number with an optional exponent. Integral values that fit a long are integers, others doubles. A leading zero
/// followed by a digit, with an 8 or 9 after it (<c>08</c>, <c>004018281E114</c>), is not a number, as in the peer
/// implementation and Datadog's results. Digits alone
/// that do not fit a long stay text: Datadog keeps <c>sessionKey=11481992789033467723</c> as a string.
/// </summary>
internal static class LooseNumbers
{
    public static OutputValue TryParse(ReadOnlySpan<byte> text)
    {
        if (text.Length == 0 || !GrokNumbers.TryParseNumberExt(text, out var number) || !double.IsFinite(number)) return OutputValue.None;
        if (IsPlainInteger(text) && !GrokNumbers.TryParseInteger(text, out _)) return OutputValue.None;
        // A leading zero makes the digits octal: an 8 or 9 anywhere after it is not a number, an exponent or not
        // (Datadog keeps sonicwall's serial number sn=004018281E114 as text).
        if (text.Length > 1 && text[0] == '0' && char.IsAsciiDigit((char)text[1]) && text.IndexOfAny((byte)'8', (byte)'9') >= 0) return OutputValue.None;
        if (number != Math.Floor(number) || number is < -9.2233720368547758E18 or >= 9.2233720368547758E18) return OutputValue.FromDouble(number);
        if (text[0] == '0' && text.IndexOfAny((byte)'8', (byte)'9') >= 0) return OutputValue.None;
        return GrokNumbers.TryParseInteger(text, out var exact) ? OutputValue.FromInteger(exact) : OutputValue.FromInteger((long)number);
    }

    private static bool IsPlainInteger(ReadOnlySpan<byte> text)
    {
        var digits = text[0] is (byte)'+' or (byte)'-' ? text[1..] : text;
        return digits.Length > 0 && digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
    }
}
