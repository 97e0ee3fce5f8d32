namespace GrokFlow.Engine.Values.Structured;

/// <summary>Percent-decoding (<c>%2F</c> is <c>/</c>); a <c>%</c> not followed by two hex digits stays as it is.</summary>
internal static class UriDecoding
{
    /// <summary>Decodes into <paramref name="destination"/> (at least as long as the source); returns the bytes written.</summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination, bool plusIsSpace)
    {
        var written = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            if (b == '%' && i + 2 < source.Length && Hex(source[i + 1]) is var high and >= 0 && Hex(source[i + 2]) is var low and >= 0)
            {
                destination[written++] = (byte)((high << 4) | low);
                i += 2;
            }
            else
            {
                destination[written++] = plusIsSpace && b == '+' ? (byte)' ' : b;
            }
        }
        return written;
    }

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
