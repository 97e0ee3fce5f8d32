using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Tests.Events;

/// <summary>
/// <see cref="JsonMemberRun.String"/> against <see cref="Utf8JsonWriter.WriteString(JsonEncodedText, ReadOnlySpan{byte})"/>:
/// short and long values (with escapes, text outside ASCII and invalid UTF-8), short and long names, as the first
/// member, a later one, and the first and later members of an object the run opened.
/// </summary>
public sealed class JsonMemberRunStringTests
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Plain letters and digits, and each kind of byte that needs attention.</summary>
    private static readonly byte[][] Pieces =
    [
        "a"u8.ToArray(), "Z"u8.ToArray(), "0"u8.ToArray(), " "u8.ToArray(), "-"u8.ToArray(), "\""u8.ToArray(), "\\"u8.ToArray(),
        "\n"u8.ToArray(), [0x01], [0x7F], "é"u8.ToArray(), "日"u8.ToArray(), "😀"u8.ToArray(), "\u2028"u8.ToArray(), [0xFF], [0xC3],
    ];

    private static readonly string[] Names = ["n", "user", "source_ip", "a name of exactly twenty-eight", "a much longer member name than the padded copy takes", "quote\"d"];

    [Fact]
    public void StringMembersAreWrittenAsTheWriterWritesThem()
    {
        var plain = Gen.Int[0, 6].Select(i => Pieces[i]);
        var any = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]);
        var piece = Gen.Frequency((4, plain), (1, any));
        var value = piece.Array[0, 40].Select(parts => parts.SelectMany(p => p).ToArray());   // across the 15/16 and 32/33-byte shortcuts
        Gen.Select(Gen.OneOf(Names), value, Gen.Int[0, 3], Gen.Bool, (name, text, place, skip) => (name, text, place, skip)).Sample(c =>
        {
            var member = new JsonMemberName(c.name);
            if (c.place < 2)
            {
                // Outside an object the run opened, a value it cannot write itself goes through the writer.
                var viaRun = Capture(() => WithRun(c.place, c.skip, (ref JsonMemberRun run) => run.String(member, c.text)));
                Assert.Equal(Capture(() => WithWriter(c.place, w => w.WriteString(member.Name, c.text))), viaRun);
                return;
            }
            // Inside one, the caller must use TryString, which refuses exactly such values (invalid UTF-8: the writer
            // throws) and writes nothing.
            var written = false;
            var inObject = WithRun(c.place, c.skip, (ref JsonMemberRun run) => written = run.TryString(member, c.text));
            Assert.Equal(System.Text.Unicode.Utf8.IsValid(c.text), written);
            Assert.Equal(written ? WithWriter(c.place, w => w.WriteString(member.Name, c.text)) : WithWriter(c.place, _ => { }), inObject);
        }, iter: 20_000);
    }

    private delegate void RunAction(ref JsonMemberRun run);

    /// <summary>The output, or the type of the exception thrown (the writer refuses invalid UTF-8).</summary>
    private static string Capture(Func<string> write)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return e.GetType().Name;
        }
    }

    /// <summary>
    /// The member at <paramref name="place"/>: 0 first of the run, 1 after another member, 2 first in an object the run
    /// opened, 3 later in that object; on a writer that skips validation (<paramref name="skipValidation"/>), the run
    /// has its first member in it too.
    /// </summary>
    private static string WithRun(int place, bool skipValidation, RunAction write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed with { SkipValidation = skipValidation }))
        {
            writer.WriteStartObject();
            var run = new JsonMemberRun(writer, new ParseContext());
            if (place >= 1) run.Integer(new JsonMemberName("before"), 1);
            if (place >= 2) Assert.True(run.TryStartObject(new JsonMemberName("inner")));
            if (place == 3) run.Integer(new JsonMemberName("first"), 2);
            write(ref run);
            if (place >= 2) run.EndObject();
            run.Flush();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string WithWriter(int place, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            writer.WriteStartObject();
            if (place >= 1) writer.WriteNumber("before", 1);
            if (place >= 2) writer.WriteStartObject("inner");
            if (place == 3) writer.WriteNumber("first", 2);
            write(writer);
            if (place >= 2) writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
