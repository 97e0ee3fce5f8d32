using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using GrokFlow.Engine.Output;

namespace GrokFlow.Tests.Events;

/// <summary>
/// <see cref="JsonStrings"/> against its oracle, <see cref="Utf8JsonWriter.WriteStringValue(ReadOnlySpan{byte})"/> on
/// a writer with the relaxed encoder: byte-identical output for any valid UTF-8, and no write at all for invalid UTF-8.
/// </summary>
public sealed class JsonStringsTests
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Pieces that stress each branch: plain ASCII, every escaped ASCII byte, text outside ASCII the encoder keeps
    // (Japanese, accents) and escapes (no-break space, line separator, byte order mark, private use, an emoji).
    private static readonly string[] Pieces =
    [
        "plain text ", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\u0001", "\u001f", "\u007f", "<>&'+`", "山田のPC", "é",
        "\u00a0", "\u2028", "\u2029", "\ufeff", "\ue000", "\U0001F600", "\u00ad", "\u0300", "0123456789abcdef0123456789abcdef", "x",
    ];

    [Fact]
    public void AnyValidTextIsWrittenAsTheWriterWritesIt()
    {
        Gen.Int[0, Pieces.Length - 1].Array[0, 40].Sample(indexes =>
        {
            var text = Encoding.UTF8.GetBytes(string.Concat(indexes.Select(i => Pieces[i])));
            Assert.Equal(WithWriter(text), WithJsonStrings(text, out var wrote));
            Assert.True(wrote);
        }, iter: 5_000);
    }

    [Fact]
    public void RandomBytesAsTheDecoderRepairsThemAreWrittenAsTheWriterWritesThem()
    {
        // Binary or random input: U+FFFD, control characters and single ASCII bytes one after another.
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var text = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes));
            Assert.Equal(WithWriter(text), WithJsonStrings(text, out var wrote));
            Assert.True(wrote);
        }, iter: 20_000);
    }

    [Fact]
    public void EveryCharacterOfTheBasicPlaneIsWrittenAsTheWriterWritesIt()
    {
        for (var c = 0; c < 0x10000; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF) continue;
            var text = Encoding.UTF8.GetBytes("ab" + (char)c + "0123456789abcdefg" + (char)c);
            Assert.Equal(WithWriter(text), WithJsonStrings(text, out _));
            // Long enough for a pair of blocks, then one block, then a tail.
            var longer = Encoding.UTF8.GetBytes("ab" + (char)c + "0123456789abcdefghijklmnopqrstuvwxyz0123456789" + (char)c + "xyz");
            Assert.Equal(WithWriter(longer), WithJsonStrings(longer, out _));
        }
    }

    [Fact]
    public void EveryAsciiByteAtEveryPlaceOfAShortTextIsWrittenAsTheWriterWritesIt()
    {
        // Texts shorter than a vector are checked as overlapping words, and the tail of a longer one as its last
        // vector, which overlaps bytes already done: every length, place and byte.
        for (var length = 1; length <= 40; length++)
        for (var place = 0; place < length; place++)
        for (var b = 0; b < 0x80; b++)
        {
            var text = Enumerable.Repeat((byte)'a', length).ToArray();
            text[place] = (byte)b;
            Assert.Equal(WithWriter(text), WithJsonStrings(text, out _));
        }
    }

    [Fact]
    public void AnEscapeOrACharacterOutsideAsciiAtEveryPlaceOfALongerTextIsWrittenAsTheWriterWritesIt()
    {
        // Longer texts are copied a vector at a time and end with a word-sized tail: escapes and characters outside
        // ASCII at every place, alone and in pairs, cross both.
        string[] inserts = ["\"", "\n", "\u0001", "é", "山", "\u00a0", "\U0001F600"];
        for (var length = 14; length <= 40; length++)
        foreach (var first in inserts)
        foreach (var second in new[] { "", "\\", "ü", "日" })
        for (var place = 0; place <= length; place++)
        {
            var plain = new string('a', length);
            var text = Encoding.UTF8.GetBytes(plain[..place] + first + plain[place..] + second);
            Assert.Equal(WithWriter(text), WithJsonStrings(text, out _));
        }
    }

    [Fact]
    public void InvalidUtf8IsNotWritten()
    {
        Gen.Byte.Array[1, 60].Where(b => !System.Text.Unicode.Utf8.IsValid(b)).Sample(bytes =>
        {
            Assert.Equal("", WithJsonStrings(bytes, out var wrote));
            Assert.False(wrote);
        }, iter: 2_000);
    }

    [Fact]
    public void OtherEncodersAreLeftToTheWriter()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);
        Assert.False(JsonStrings.TryWriteValue(writer, "<a>"u8));
    }

    private static string WithWriter(byte[] text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(text);
            writer.WriteStringValue(text);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string WithJsonStrings(byte[] text, out bool wrote)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            writer.WriteStartArray();
            wrote = JsonStrings.TryWriteValue(writer, text);
            if (!wrote) return "";
            JsonStrings.WriteValue(writer, text);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
