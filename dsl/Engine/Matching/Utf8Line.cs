using System.Text;

namespace GrokFlow.Engine.Matching;

/// <summary>
/// A UTF-8 line decoded to a .NET string for <see cref="System.Text.RegularExpressions.Regex"/>, with the byte offset of
/// every char so that match positions map back to the UTF-8 input. Invalid bytes decode to U+FFFD and keep their own
/// byte positions.
/// </summary>
internal sealed class Utf8Line
{
    private readonly int[] _byteOffsets;

    private Utf8Line(string text, int[] byteOffsets)
    {
        Text = text;
        _byteOffsets = byteOffsets;
    }

    public string Text { get; }

    /// <summary>The UTF-8 byte offset of char index <paramref name="charIndex"/> (the length maps to the byte length).</summary>
    public int ByteOffset(int charIndex) => _byteOffsets[charIndex];

    public static Utf8Line Decode(ReadOnlySpan<byte> utf8)
    {
        var chars = new char[utf8.Length];
        var offsets = new int[utf8.Length + 1];
        var count = 0;
        var position = 0;
        Span<char> pair = stackalloc char[2];
        while (position < utf8.Length)
        {
            Rune.DecodeFromUtf8(utf8[position..], out var rune, out var consumed);
            var written = rune.EncodeToUtf16(pair);
            for (var i = 0; i < written; i++)
            {
                offsets[count] = position;
                chars[count++] = pair[i];
            }
            position += consumed;
        }
        offsets[count] = utf8.Length;
        return new Utf8Line(new string(chars, 0, count), offsets);
    }
}
