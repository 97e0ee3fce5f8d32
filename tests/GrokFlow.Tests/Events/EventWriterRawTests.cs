using System.Text.Json;
using GrokFlow.Engine.Events;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Processing;
using GrokFlow.Tests.TestSupport;
using static GrokFlow.Tests.TestSupport.DocumentByWriterCalls;

namespace GrokFlow.Tests.Events;

/// <summary>
/// <see cref="EventWriter.Write"/> and <see cref="EventWriter.WriteMembers"/>, which build the event as one raw JSON
/// text, against their oracle: the layout of <see cref="EventWriter"/>'s remarks written by the writer's own calls for
/// every name and value. Random events whose fields, official values, tags and attributes (some named like the
/// reserved fields, or like them but for a zero byte) hold quotes, control characters, non-ASCII text and invalid UTF-8.
/// </summary>
public sealed class EventWriterRawTests
{
    private static readonly byte[][] Texts =
    [
        "plain"u8.ToArray(), "q\"uote"u8.ToArray(), "ctl\u0001\t\n"u8.ToArray(), "caf\u00e9 \u4e2d \ud83d\ude00"u8.ToArray(),
        "\u2028"u8.ToArray(), "<tag>&'+"u8.ToArray(), [0xC3, 0x28], [],
        "a fairly long piece of text, longer than one vector of sixteen bytes"u8.ToArray(),
    ];

    private static readonly byte[][] Names =
    [
        "message"u8.ToArray(), "ddsource"u8.ToArray(), "service"u8.ToArray(), "ddtags"u8.ToArray(), "hostname"u8.ToArray(),
        "status"u8.ToArray(), "timestamp"u8.ToArray(), "dd.trace_id"u8.ToArray(), "message\0"u8.ToArray(), "status\0"u8.ToArray(),
        "http"u8.ToArray(), "status_code"u8.ToArray(), "n\u00e4me"u8.ToArray(), "q\"uote"u8.ToArray(),
    ];

    private static readonly string[] Leading = ["message", "ddsource", "service", "hostname", "status"];

    [Fact]
    public void An_event_is_written_as_the_writer_writes_its_layout_call_by_call()
    {
        var random = new Random(20261207);
        var document = new EventDocument();
        var context = new ParseContext();
        for (var i = 0; i < 3000; i++)
        {
            Fill(document, random);
            Assert.Equal(
                Outcome(w => { w.WriteStartObject(); WriteByCalls(document, w, withMessage: true); w.WriteEndObject(); }),
                Outcome(w => EventWriter.Write(document, w, context)));
            Assert.Equal(
                Outcome(w => { w.WriteStartObject(); w.WriteString("sent"u8, "x"u8); WriteByCalls(document, w, withMessage: false); w.WriteEndObject(); }),
                Outcome(w => { w.WriteStartObject(); w.WriteString("sent"u8, "x"u8); EventWriter.WriteMembers(document, w, context, withMessage: false); w.WriteEndObject(); }));
        }
    }

    private static void Fill(EventDocument document, Random random)
    {
        var fields = new EventFields(Text(random), Maybe(random), Maybe(random), random.Next(3) == 0 ? "env:test,b"u8.ToArray() : default,
            Maybe(random), Maybe(random));
        EventWriter.Load(document, fields);
        if (random.Next(4) == 0) document.Official.Message = null;
        var official = document.Official;
        if (random.Next(3) == 0) official.Status = document.Store(Text(random));
        if (random.Next(4) == 0) official.Service = document.Store(Text(random));
        if (random.Next(3) == 0) official.Date = random.NextInt64(-5, 2_000_000_000_000);
        if (random.Next(4) == 0) official.TraceId = document.Store(Text(random));
        for (var n = random.Next(0, 6); n > 0; n--)
        {
            var member = document.AddMember(EventDocument.Root, Names[random.Next(Names.Length)]);
            switch (random.Next(4))
            {
                case 0: document.SetInteger(member, random.Next()); break;
                case 1:
                    document.SetObject(member);
                    document.SetString(document.AddMember(member, Names[random.Next(Names.Length)]), Text(random));
                    break;
                default: document.SetString(member, Text(random)); break;
            }
        }
    }

    private static byte[] Maybe(Random random) => random.Next(2) == 0 ? [] : Text(random);

    private static byte[] Text(Random random)
    {
        var text = Texts[random.Next(Texts.Length)];
        // Mostly valid text: invalid bytes one time in four only.
        return System.Text.Unicode.Utf8.IsValid(text) || random.Next(4) == 0 ? text : "plain"u8.ToArray();
    }

    /// <summary>The oracle: the layout of <see cref="EventWriter"/>'s remarks, every name and value through its own writer call.</summary>
    private static void WriteByCalls(EventDocument document, Utf8JsonWriter writer, bool withMessage)
    {
        var official = document.Official;
        if (withMessage) WriteField(document, writer, "message", official.Message);
        WriteField(document, writer, "ddsource", null);
        WriteField(document, writer, "service", official.Service);
        if (document.TagCount > 0)
            writer.WriteString("ddtags", string.Join(",", Enumerable.Range(0, document.TagCount).Select(i => System.Text.Encoding.UTF8.GetString(document.Tag(i)))));
        WriteField(document, writer, "hostname", null);
        WriteField(document, writer, "status", official.Status);
        for (var member = document.FirstChild(EventDocument.Root); member != EventDocument.None; member = document.NextSibling(member))
        {
            var name = document.KeyOf(member).ToArray();
            if (Leading.Any(n => name.SequenceEqual(System.Text.Encoding.UTF8.GetBytes(n))) || name.SequenceEqual("ddtags"u8.ToArray())) continue;
            if (official.Date is not null && name.SequenceEqual("timestamp"u8.ToArray())) continue;
            if (official.TraceId is not null && name.SequenceEqual("dd.trace_id"u8.ToArray())) continue;
            writer.WritePropertyName(name);
            DocumentByWriterCalls.WriteValue(document, writer, member);
        }
        if (official.Date is { } date) writer.WriteNumber("timestamp", date);
        if (official.TraceId is { } traceId) writer.WriteString("dd.trace_id"u8, document.Stored(traceId));
    }

    /// <summary>A field: its official value when set, else the first attribute of its name, if any.</summary>
    private static void WriteField(EventDocument document, Utf8JsonWriter writer, string name, (int Start, int Length)? official)
    {
        if (official is { } value)
        {
            writer.WriteString(name, document.Stored(value));
            return;
        }
        var member = document.Find(EventDocument.Root, System.Text.Encoding.UTF8.GetBytes(name));
        if (member == EventDocument.None) return;
        writer.WritePropertyName(name);
        DocumentByWriterCalls.WriteValue(document, writer, member);
    }
}
