using System.Text.Json;

namespace GrokFlow.Engine.Processing;

/// <summary>Writes a processed event's attributes and its official values as JSON properties.</summary>
public static class OfficialValuesWriter
{
    /// <summary>
    /// Writes every top-level attribute of <paramref name="document"/> (but <c>message</c> when it still equals
    /// <paramref name="skipMessageIfUnchanged"/>, which the caller has written), then the official values a remapper
    /// set: <c>timestamp</c> (epoch milliseconds), <c>status</c>, <c>service</c>, <c>dd.trace_id</c>.
    /// </summary>
    public static void WriteAttributes(EventDocument document, Utf8JsonWriter writer, ReadOnlySpan<byte> skipMessageIfUnchanged)
    {
        for (var child = document.FirstChild(EventDocument.Root); child != EventDocument.None; child = document.NextSibling(child))
        {
            if (document.KeyOf(child).SequenceEqual("message"u8) && document.KindOf(child) == EventValueKind.String
                && document.TextOf(child).SequenceEqual(skipMessageIfUnchanged)) continue;
            writer.WritePropertyName(document.KeyOf(child));
            document.WriteValue(writer, child);
        }
        var official = document.Official;
        if (official.Date is { } date) writer.WriteNumber("timestamp"u8, date);
        if (official.Status is { } status) writer.WriteString("status"u8, document.Stored(status));
        if (official.Service is { } service) writer.WriteString("service"u8, document.Stored(service));
        if (official.TraceId is { } traceId) writer.WriteString("dd.trace_id"u8, document.Stored(traceId));
    }
}
