using System.Text.Json;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Runtime.Datadog;

/// <summary>
/// Writes a processed event in the shape of Datadog's pipeline-test results (the <c>result</c> of an integration's
/// <c>*_tests.yaml</c>): the reserved fields at the top — <c>message</c> (the log's message), <c>status</c>,
/// <c>service</c>, <c>timestamp</c> (epoch milliseconds) and <c>trace_id</c> when set, <c>tags</c>, <c>host</c> when
/// the event came with one — and every attribute under <c>custom</c>, the <c>message</c> attribute but when it is the
/// log's message. A reserved value no remapper set and the event did not come with is left out.
/// </summary>
public static class DatadogResultWriter
{
    private static readonly AttributePath MessagePath = new("message");

    public static void Write(EventDocument document, Utf8JsonWriter writer, DatadogEventContext context)
    {
        var official = document.Official;
        var messageNode = document.Find(MessagePath);
        var messageIsText = messageNode != EventDocument.None && document.KindOf(messageNode) == EventValueKind.String;
        var messageAttribute = messageIsText ? document.TextOf(messageNode) : default;
        writer.WriteStartObject();
        if (official.Message is { } message) writer.WriteString("message"u8, document.Stored(message));
        else if (messageIsText) writer.WriteString("message"u8, messageAttribute);
        if (official.Status is { } status) writer.WriteString("status"u8, document.Stored(status));
        if (official.Service is { } service) writer.WriteString("service"u8, document.Stored(service));
        if (official.Date is { } date) writer.WriteNumber("timestamp"u8, date);
        if (official.TraceId is { } traceId) writer.WriteString("trace_id"u8, document.Stored(traceId));
        writer.WriteStartArray("tags"u8);
        for (var i = 0; i < document.TagCount; i++) writer.WriteStringValue(document.Tag(i));
        writer.WriteEndArray();
        if (context.Host is { } host) writer.WriteString("host"u8, host);
        writer.WriteStartObject("custom"u8);
        for (var member = document.FirstChild(EventDocument.Root); member != EventDocument.None; member = document.NextSibling(member))
        {
            if (member == messageNode && messageIsText && IsTheLogsMessage(document, messageAttribute)) continue;
            writer.WritePropertyName(document.KeyOf(member));
            document.WriteValue(writer, member);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Whether the <c>message</c> attribute is the log's message (then it is not an attribute of its own).</summary>
    private static bool IsTheLogsMessage(EventDocument document, ReadOnlySpan<byte> attribute) =>
        document.Official.Message is not { } message || document.Stored(message).SequenceEqual(attribute);
}
