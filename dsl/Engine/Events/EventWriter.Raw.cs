using System.Text.Json;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Engine.Events;

/// <summary>
/// <see cref="Write"/> and <see cref="WriteMembers"/> as one raw value: the event's members built as JSON text in the
/// document's buffer (the bytes the writer calls give, from the same escape tables) instead of a writer call per name
/// and value. Inside an object the writer takes raw text only as a value: the first member's name goes through the
/// writer and the raw value holds its value and every later <c>,"name":value</c>.
/// </summary>
public static partial class EventWriter
{
    private static readonly byte[] MessageName = QuotedName(ReservedFields.EncodedMessage);
    private static readonly byte[] SourceName = QuotedName(ReservedFields.EncodedSource);
    private static readonly byte[] ServiceName = QuotedName(ReservedFields.EncodedService);
    private static readonly byte[] TagsName = QuotedName(ReservedFields.EncodedTags);
    private static readonly byte[] HostnameName = QuotedName(ReservedFields.EncodedHostname);
    private static readonly byte[] StatusName = QuotedName(ReservedFields.EncodedStatus);
    private static readonly byte[] TimestampName = QuotedName(ReservedFields.EncodedTimestamp);
    private static readonly byte[] TraceIdName = QuotedName(ReservedFields.EncodedTraceId);

    /// <summary><c>"name":</c></summary>
    private static byte[] QuotedName(JsonEncodedText name) => [(byte)'"', .. name.EncodedUtf8Bytes, (byte)'"', (byte)':'];

    /// <summary>The whole event as one raw value; false, with nothing written, when some text needs the writer.</summary>
    private static bool TryWriteRaw(EventDocument document, Utf8JsonWriter writer, ParseContext context)
    {
        if (!JsonStrings.CanQuote(writer)) return false;
        var members = new RawMembers(document);
        if (!members.TryAppendEvent(context, withMessage: true)) return false;
        var length = members.Length;
        document.AppendRaw("}"u8, ref length);
        writer.WriteRawValue(document.Json(length), skipInputValidation: true);
        return true;
    }

    /// <summary><see cref="WriteMembers"/> as the first member's name and one raw value, as above; false, with nothing written, as above.</summary>
    private static bool TryWriteMembersRaw(EventDocument document, Utf8JsonWriter writer, ParseContext context, bool withMessage)
    {
        if (!JsonStrings.CanQuote(writer)) return false;
        var members = new RawMembers(document);
        if (!members.TryAppendEvent(context, withMessage)) return false;
        if (members.FirstValue == 0) return true;
        if (members.FirstAttribute != EventDocument.None) writer.WritePropertyName(document.KeyOf(members.FirstAttribute));
        else writer.WritePropertyName(members.FirstField);
        writer.WriteRawValue(document.Json(members.Length)[members.FirstValue..], skipInputValidation: true);
        return true;
    }

    /// <summary>
    /// The event's members as JSON text after a <c>{</c> in the document's buffer, in the layout of the class remarks,
    /// noting where the first member's value starts and what its name is.
    /// </summary>
    private ref struct RawMembers(EventDocument document)
    {
        private readonly EventDocument _document = document;

        /// <summary>The text's length, its <c>{</c> included.</summary>
        public int Length = 0;

        /// <summary>Where the first member's value starts; 0 while there is none.</summary>
        public int FirstValue = 0;

        /// <summary>The first member's name when it is a reserved field.</summary>
        public JsonEncodedText FirstField = default;

        /// <summary>The first member when it is an attribute, else <see cref="EventDocument.None"/>.</summary>
        public int FirstAttribute = EventDocument.None;

        public bool TryAppendEvent(ParseContext context, bool withMessage)
        {
            var document = _document;
            var official = document.Official;
            var leading = LeadingMembers.Of(document);
            document.AppendRaw("{"u8, ref Length);
            if ((withMessage && !TryAppendField(MessageName, ReservedFields.EncodedMessage, official.Message, leading.Message))
                || !TryAppendField(SourceName, ReservedFields.EncodedSource, null, leading.Source)
                || !TryAppendField(ServiceName, ReservedFields.EncodedService, official.Service, leading.Service)
                || (document.TagCount > 0 && !TryAppendString(TagsName, ReservedFields.EncodedTags, JoinedTags(document, context)))
                || !TryAppendField(HostnameName, ReservedFields.EncodedHostname, null, leading.Hostname)
                || !TryAppendField(StatusName, ReservedFields.EncodedStatus, official.Status, leading.Status))
                return false;
            for (var member = document.FirstChild(EventDocument.Root); member != EventDocument.None; member = document.NextSibling(member))
            {
                if (!IsAttribute(document, member)) continue;
                var first = FirstValue == 0;
                if (!document.TryAppendMember(member, ref Length, comma: !first, out var valueStart)) return false;
                if (first)
                {
                    FirstAttribute = member;
                    FirstValue = valueStart;
                }
            }
            if (official.Date is { } date)
            {
                AppendName(TimestampName, ReservedFields.EncodedTimestamp);
                document.AppendInteger(date, ref Length);
            }
            return official.TraceId is not { } traceId || TryAppendString(TraceIdName, ReservedFields.EncodedTraceId, document.Stored(traceId));
        }

        /// <summary>A reserved field as <see cref="WriteField"/> writes it.</summary>
        private bool TryAppendField(byte[] quotedName, JsonEncodedText name, (int Start, int Length)? official, int member)
        {
            if (official is { } value) return TryAppendString(quotedName, name, _document.Stored(value));
            if (member == EventDocument.None) return true;
            AppendName(quotedName, name);
            return _document.TryAppendJson(member, ref Length);
        }

        private bool TryAppendString(byte[] quotedName, JsonEncodedText name, ReadOnlySpan<byte> utf8)
        {
            AppendName(quotedName, name);
            return _document.TryAppendString(utf8, ref Length);
        }

        /// <summary><c>"name":</c>, after a comma unless it is the first member.</summary>
        private void AppendName(byte[] quotedName, JsonEncodedText name)
        {
            if (FirstValue != 0) _document.AppendRaw(","u8, ref Length);
            _document.AppendRaw(quotedName, ref Length);
            if (FirstValue == 0)
            {
                FirstValue = Length;
                FirstField = name;
            }
        }
    }
}
