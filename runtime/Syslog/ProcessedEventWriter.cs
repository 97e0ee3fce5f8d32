using System.Text.Json;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Runtime.Syslog;

/// <summary>
/// Writes an event the pipelines processed as the intake's JSON: every attribute (the <c>message</c>, <c>status</c>
/// and <c>service</c> attributes give way to the official values a remapper set), <c>timestamp</c> when a date remapper
/// set the official date, <c>dd.trace_id</c>, and the tags joined as <c>ddtags</c>.
/// </summary>
internal static class ProcessedEventWriter
{
    public static void Write(EventDocument document, Utf8JsonWriter writer, ParseContext context)
    {
        var official = document.Official;
        writer.WriteStartObject();
        for (var member = document.FirstChild(EventDocument.Root); member != EventDocument.None; member = document.NextSibling(member))
        {
            var key = document.KeyOf(member);
            if (official.Message is not null && key.SequenceEqual("message"u8)) continue;
            if (official.Status is not null && key.SequenceEqual("status"u8)) continue;
            if (official.Service is not null && key.SequenceEqual("service"u8)) continue;
            if (official.Date is not null && key.SequenceEqual("timestamp"u8)) continue;
            if (key.SequenceEqual("ddtags"u8)) continue;
            writer.WritePropertyName(key);
            document.WriteValue(writer, member);
        }
        if (official.Message is { } message) writer.WriteString("message"u8, document.Stored(message));
        if (official.Status is { } status) writer.WriteString("status"u8, document.Stored(status));
        if (official.Service is { } service) writer.WriteString("service"u8, document.Stored(service));
        if (official.Date is { } date) writer.WriteNumber("timestamp"u8, date);
        if (official.TraceId is { } traceId) writer.WriteString("dd.trace_id"u8, document.Stored(traceId));
        WriteTags(document, writer, context);
        writer.WriteEndObject();
    }

    private static void WriteTags(EventDocument document, Utf8JsonWriter writer, ParseContext context)
    {
        if (document.TagCount == 0) return;
        var size = 0;
        for (var i = 0; i < document.TagCount; i++) size += document.Tag(i).Length + 1;
        var joined = context.RentScratch(size).AsSpan();
        var length = 0;
        for (var i = 0; i < document.TagCount; i++)
        {
            var tag = document.Tag(i);
            if (length > 0) joined[length++] = (byte)',';
            tag.CopyTo(joined[length..]);
            length += tag.Length;
        }
        writer.WriteString("ddtags"u8, joined[..length]);
    }
}
