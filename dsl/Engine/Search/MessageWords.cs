namespace GrokFlow.Engine.Search;

/// <summary>Walks the words (see <see cref="Utf8Text.IsWordByte"/>) and the whitespace-separated tokens of a message.</summary>
internal static class MessageWords
{
    public static bool Next(ReadOnlySpan<byte> text, ref int index, out int start, out int length)
    {
        while (index < text.Length && !Utf8Text.IsWordByte(text[index])) index++;
        start = index;
        while (index < text.Length && Utf8Text.IsWordByte(text[index])) index++;
        length = index - start;
        return length > 0;
    }

    public static bool NextToken(ReadOnlySpan<byte> text, ref int index, out int start, out int length)
    {
        while (index < text.Length && IsSpace(text[index])) index++;
        start = index;
        while (index < text.Length && !IsSpace(text[index])) index++;
        length = index - start;
        return length > 0;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v';
}
