using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Values;

namespace GrokFlow.Tests.Events;

/// <summary>
/// The number shortcuts of <see cref="JsonMemberRun"/> against the writer: <see cref="JsonMemberRun.Integer"/> as
/// <see cref="Utf8JsonWriter.WriteNumber(string, long)"/> writes it, and <see cref="JsonMemberRun.TryWholeNumber"/> as
/// the parsed double is written (<see cref="GrokNumbers.TryParseNumber"/>, then <see cref="GrokNumbers.WriteNumber"/>).
/// </summary>
public sealed class JsonMemberRunNumberTests
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonMemberName First = new("first");
    private static readonly JsonMemberName Value = new("value");
    private static readonly string[] Signs = ["", "+", "-", "--", " "];
    private static readonly string[] Tails = ["", ".5", "e3", "x", " "];

    [Fact]
    public void IntegersNearAndFarFromTheShortcutAreWrittenAsTheWriterWritesThem()
    {
        long[] edges = [long.MinValue, long.MaxValue, -101, -100, -99, -10, -9, -1, 0, 1, 9, 10, 11, 99, 100, 101, 999, 1000];
        // Each digit count's first and last values: the digits are counted from the bit length, then corrected.
        var powersOfTen = Enumerable.Range(0, 19).Select(k => (long)Math.Pow(10, k)).ToArray();
        var digitCountEdges = powersOfTen.SelectMany(p => new[] { p - 1, p, p + 1, 2 * p - 1, 2 * p });
        foreach (var value in edges.Concat(digitCountEdges).Concat(Enumerable.Range(-300, 600).Select(i => (long)i)))
            Assert.Equal(WithWriter(w => w.WriteNumber("value", value)), WithRun((ref JsonMemberRun run) => run.Integer(Value, value)));
        Gen.Long.Sample(value =>
            Assert.Equal(WithWriter(w => w.WriteNumber("value", value)), WithRun((ref JsonMemberRun run) => run.Integer(Value, value))),
            iter: 2_000);
    }

    [Fact]
    public void AWholeNumberIsWrittenAsItsParsedDoubleAndAnyOtherTextIsLeftAlone()
    {
        var digits = Gen.Char["0123456789"].Array[0, 20].Select(c => new string(c));
        var texts = Gen.Select(Gen.OneOf(Signs), digits, Gen.OneOf(Tails), (sign, body, tail) => sign + body + tail);
        texts.Sample(text =>
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            var copied = false;
            var viaRun = WithRun((ref JsonMemberRun run) => copied = run.TryWholeNumber(Value, utf8));
            Assert.Equal(IsShortWholeNumber(text), copied);
            if (!copied)
            {
                Assert.Equal(WithRun((ref JsonMemberRun _) => { }), viaRun);
                return;
            }
            Assert.True(GrokNumbers.TryParseNumber(utf8, out var parsed), text);
            Assert.Equal(WithWriter(w =>
            {
                w.WritePropertyName("value");
                GrokNumbers.WriteNumber(w, parsed);
            }), viaRun);
        }, iter: 20_000);
    }

    /// <summary>A sign, then digits of which at most 15 follow the leading zeros: what the shortcut takes.</summary>
    private static bool IsShortWholeNumber(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, "^[+-]?0*[0-9]{1,15}$");

    private delegate void RunAction(ref JsonMemberRun run);

    /// <summary>An object with a first member then the value, written as one run.</summary>
    private static string WithRun(RunAction write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            writer.WriteStartObject();
            var run = new JsonMemberRun(writer, new ParseContext());
            run.Integer(First, 1);
            write(ref run);
            run.Flush();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string WithWriter(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            writer.WriteStartObject();
            writer.WriteNumber("first", 1);
            write(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
