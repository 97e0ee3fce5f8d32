using System.Text.Json;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Engine.Events;

/// <summary>
/// <see cref="Write"/> as one raw value: the whole event built as JSON text in the document's buffer (the bytes
/// <see cref="WriteMembers"/> gives, from the same escape tables) instead of a writer call per name and value.
/// </summary>
public static partial class EventWriter
{
    private static readonly byte[] MessageName = QuotedName(ReservedFields.EncodedMessage);
    private static readonly byte[] SourceName = QuotedName(ReservedFields.EncodedSource);
    private static readonly byte[] ServiceName = QuotedName(ReservedFields.EncodedService);
    private static readonly byte[] TagsName = QuotedName(ReservedFields.EncodedTags);
    private static readonly byte[] HostnameName = QuotedName(ReservedFields.EncodedHostname);
    private static readonly byte[] StatusName = QuotedName(ReservedFields.EncodedStatus);
    private static readonly byte[] TimestampName = QuotedName(JsonEncodedText.Encode(ReservedFields.Timestamp));
    private static readonly byte[] TraceIdName = QuotedName(JsonEncodedText.Encode(ReservedFields.TraceId));

    /// <summary><c>"name":</c></summary>
    private static byte[] QuotedName(JsonEncodedText name) => [(byte)'"', .. name.EncodedUtf8Bytes, (byte)'"', (byte)':'];

    /// <summary>The event as one raw value; false, with nothing written, when some text needs the writer.</summary>
    private static bool TryWriteRaw(EventDocument document, Utf8JsonWriter writer, ParseContext context)
    {
        if (!JsonStrings.CanQuote(writer)) return false;
        var official = document.Official;
        var leading = LeadingMembers.Of(document);
        var length = 0;
        document.AppendRaw("{"u8, ref length);
        if (!TryAppendField(document, MessageName, official.Message, leading.Message, ref length)
            || !TryAppendField(document, SourceName, null, leading.Source, ref length)
            || !TryAppendField(document, ServiceName, official.Service, leading.Service, ref length)
            || (document.TagCount > 0 && !TryAppendString(document, TagsName, JoinedTags(document, context), ref length))
            || !TryAppendField(document, HostnameName, null, leading.Hostname, ref length)
            || !TryAppendField(document, StatusName, official.Status, leading.Status, ref length))
            return false;
        for (var member = document.FirstChild(EventDocument.Root); member != EventDocument.None; member = document.NextSibling(member))
        {
            if (IsAttribute(document, member) && !document.TryAppendMember(member, ref length, comma: length > 1)) return false;
        }
        if (official.Date is { } date)
        {
            AppendName(document, TimestampName, ref length);
            document.AppendInteger(date, ref length);
        }
        if (official.TraceId is { } traceId && !TryAppendString(document, TraceIdName, document.Stored(traceId), ref length)) return false;
        document.AppendRaw("}"u8, ref length);
        writer.WriteRawValue(document.Json(length), skipInputValidation: true);
        return true;
    }

    /// <summary>A reserved field as <see cref="WriteField"/> writes it.</summary>
    private static bool TryAppendField(EventDocument document, byte[] name, (int Start, int Length)? official, int member, ref int length)
    {
        if (official is { } value) return TryAppendString(document, name, document.Stored(value), ref length);
        if (member == EventDocument.None) return true;
        AppendName(document, name, ref length);
        return document.TryAppendJson(member, ref length);
    }

    private static bool TryAppendString(EventDocument document, byte[] name, ReadOnlySpan<byte> utf8, ref int length)
    {
        AppendName(document, name, ref length);
        return document.TryAppendString(utf8, ref length);
    }

    /// <summary><c>"name":</c>, after a comma unless it is the event's first member.</summary>
    private static void AppendName(EventDocument document, byte[] name, ref int length)
    {
        if (length > 1) document.AppendRaw(","u8, ref length);
        document.AppendRaw(name, ref length);
    }
}
