using System.Buffers;
using System.Text.Json;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Engine.Events;

/// <summary>
/// The one place an event becomes the JSON the intake receives; the host, <c>grokflow parse</c>, NetFlow and the
/// processors all write through it. Layout: the reserved fields first, each written once, in this order:
/// <c>message</c>, <c>ddsource</c>, <c>service</c>, <c>ddtags</c>, <c>hostname</c>, <c>status</c>; then the
/// attributes in the order they were added; then <c>timestamp</c> and <c>dd.trace_id</c> when a remapper set them.
/// <para>
/// Which value a reserved field takes (Datadog's reserved attributes: the official value, not an attribute of the same
/// name): <c>message</c> is the message the event was sent with unless a message remapper replaced it (a grok parser
/// extracting <c>message</c> changes only an attribute, which the intake cannot carry beside it); <c>service</c> is
/// the service it was sent with unless a service remapper set one; <c>status</c> is what a status remapper set, else
/// the <c>status</c> attribute (the source's, or one that replaced it); <c>ddsource</c> and <c>hostname</c> are the
/// attributes of those names; <c>ddtags</c> are the event's tags. An attribute of a reserved name is never written
/// beside its field.
/// </para>
/// Two ways in, same bytes out:
/// <list type="bullet">
/// <item><see cref="Load"/> the fields into an <see cref="EventDocument"/>, run pipelines on it, <see cref="Write"/> it.</item>
/// <item>Straight, for grok-only pipelines (no document, no allocation): <see cref="Begin"/> writes the fields, the
/// caller writes its source object and lets the pipelines write their attributes, and <see cref="TryEnd"/> closes the
/// event, unless a rule wrote a top-level attribute the event already had, or two pipelines both wrote attributes:
/// then the caller takes the event back and goes through the document, which merges them.</item>
/// </list>
/// </summary>
public static partial class EventWriter
{
    private static readonly JsonMemberName MessageMember = new(ReservedFields.EncodedMessage);
    private static readonly JsonMemberName SourceMember = new(ReservedFields.EncodedSource);
    private static readonly JsonMemberName ServiceMember = new(ReservedFields.EncodedService);
    private static readonly JsonMemberName TagsMember = new(ReservedFields.EncodedTags);
    private static readonly JsonMemberName HostnameMember = new(ReservedFields.EncodedHostname);
    private static readonly JsonMemberName StatusMember = new(ReservedFields.EncodedStatus);

    /// <summary>Opens the event and writes its reserved fields; attributes follow on <paramref name="writer"/>.</summary>
    public static void Begin(Utf8JsonWriter writer, scoped in EventFields fields, ParseContext context) =>
        BeginMembers(writer, fields, context).Flush();

    /// <summary>
    /// <see cref="Begin"/>, leaving the event's <c>{</c> and reserved fields pending in the returned run, so that the
    /// caller's members join them in one raw value; the caller flushes the run before anything else writes on
    /// <paramref name="writer"/>, or holds it (<see cref="JsonMemberRun.Hold"/>) for the rules' flat attributes to
    /// continue and <see cref="TryEnd"/> to close.
    /// </summary>
    public static JsonMemberRun BeginMembers(Utf8JsonWriter writer, scoped in EventFields fields, ParseContext context) =>
        BeginMembers(writer, null, fields, context);

    /// <summary>
    /// <see cref="BeginMembers(Utf8JsonWriter, in EventFields, ParseContext)"/> for a <paramref name="writer"/> that has
    /// written nothing since its reset and writes into <paramref name="output"/>: until something needs the writer, the
    /// event is written straight into <paramref name="output"/>, and <see cref="TryEnd"/> only commits it there (the
    /// writer never sees it).
    /// </summary>
    public static JsonMemberRun BeginMembers(Utf8JsonWriter writer, IBufferWriter<byte>? output, scoped in EventFields fields, ParseContext context)
    {
        context.Output.BeginEvent(fields.AttributesRoot);
        var members = JsonMemberRun.OpenObject(writer, output, context);
        members.String(MessageMember, fields.Message);
        if (!fields.Source.IsEmpty) members.String(SourceMember, fields.Source);
        if (!fields.Service.IsEmpty) members.String(ServiceMember, fields.Service);
        if (!fields.Tags.IsEmpty) members.String(TagsMember, fields.Tags);
        if (!fields.Hostname.IsEmpty) members.String(HostnameMember, fields.Hostname);
        if (!fields.Status.IsEmpty) members.String(StatusMember, fields.Status);
        return members;
    }

    /// <summary>
    /// Closes the event <see cref="Begin"/> opened. False (nothing written) when the rules wrote a top-level attribute
    /// the event already has or more than one pipeline wrote attributes: the caller must take the event back and write
    /// it through <see cref="Load"/> and <see cref="Write"/>.
    /// </summary>
    public static bool TryEnd(Utf8JsonWriter writer, ParseContext context)
    {
        var output = context.Output;
        if (output.RootCollision || output.RootWrites > 1)
        {
            output.DropHeldRun();
            return false;
        }
        JsonMemberRun.CloseObject(writer, context);
        return true;
    }

    /// <summary>
    /// Writes an event whose attributes arrive serialised as one JSON object (a NetFlow flow): <c>{</c>, the source's
    /// reserved fields, the object's members, <c>}</c>. False (nothing written) when <paramref name="attributes"/> is
    /// not an object.
    /// </summary>
    public static bool TryWrite(IBufferWriter<byte> output, EncodedFields fields, ReadOnlySpan<byte> attributes)
    {
        if (attributes.Length < 2 || attributes[0] != (byte)'{' || attributes[^1] != (byte)'}') return false;
        var members = attributes[1..^1];
        var reserved = fields.Members;
        var comma = reserved.Length > 0 && members.Length > 0 ? 1 : 0;
        var size = 2 + reserved.Length + comma + members.Length;
        var span = output.GetSpan(size);
        span[0] = (byte)'{';
        reserved.CopyTo(span[1..]);
        var at = 1 + reserved.Length;
        if (comma == 1) span[at++] = (byte)',';
        members.CopyTo(span[at..]);
        span[size - 1] = (byte)'}';
        output.Advance(size);
        return true;
    }

    private static readonly DocumentKey MessageKey = new(ReservedFields.Message.ToArray());
    private static readonly DocumentKey SourceKey = new(ReservedFields.Source.ToArray());
    private static readonly DocumentKey HostnameKey = new(ReservedFields.Hostname.ToArray());
    private static readonly DocumentKey StatusKey = new(ReservedFields.Status.ToArray());

    /// <summary>The <c>message</c> attribute of a document just reset, which is also the message the event was sent with (stored once).</summary>
    public static void LoadMessage(EventDocument document, ReadOnlySpan<byte> message)
    {
        var node = document.AddMember(EventDocument.Root, MessageKey);
        document.SetString(node, message);
        document.Official.SetSentMessage(document.Store(document.TextOf(node)));
    }

    /// <summary>
    /// Loads the event as it enters the pipelines: the attributes <c>message</c>, <c>ddsource</c>, <c>hostname</c>,
    /// <c>status</c>, the message and service it was sent with, and its tags. The source then adds its own attributes.
    /// </summary>
    public static void Load(EventDocument document, scoped in EventFields fields)
    {
        document.Reset();
        LoadMessage(document, fields.Message);
        if (!fields.Source.IsEmpty) document.SetString(document.AddMember(EventDocument.Root, SourceKey), fields.Source);
        if (!fields.Service.IsEmpty) document.Official.SetSentService(document.Store(fields.Service));
        if (!fields.Hostname.IsEmpty) document.SetString(document.AddMember(EventDocument.Root, HostnameKey), fields.Hostname);
        if (!fields.Status.IsEmpty) document.SetString(document.AddMember(EventDocument.Root, StatusKey), fields.Status);
        AddTags(document, fields.Tags);
    }

    /// <summary>Adds comma-separated tags (<c>ddtags</c>) to the event.</summary>
    public static void AddTags(EventDocument document, ReadOnlySpan<byte> tags)
    {
        while (!tags.IsEmpty)
        {
            var comma = tags.IndexOf((byte)',');
            var tag = comma < 0 ? tags : tags[..comma];
            if (!tag.IsEmpty) document.AddTag(tag);
            tags = comma < 0 ? default : tags[(comma + 1)..];
        }
    }

    /// <summary>Writes the event held by <paramref name="document"/> (see the class remarks for the layout).</summary>
    public static void Write(EventDocument document, Utf8JsonWriter writer, ParseContext context)
    {
        if (TryWriteRaw(document, writer, context)) return;
        writer.WriteStartObject();
        WriteMembers(document, writer, context, withMessage: true);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the event's fields and attributes as properties of the object open on <paramref name="writer"/>;
    /// without <c>message</c> when <paramref name="withMessage"/> is false (the caller wrote it).
    /// </summary>
    public static void WriteMembers(EventDocument document, Utf8JsonWriter writer, ParseContext context, bool withMessage)
    {
        if (TryWriteMembersRaw(document, writer, context, withMessage)) return;
        var official = document.Official;
        var leading = LeadingMembers.Of(document);
        if (withMessage) WriteField(document, writer, ReservedFields.EncodedMessage, official.Message, leading.Message);
        WriteField(document, writer, ReservedFields.EncodedSource, null, leading.Source);
        WriteField(document, writer, ReservedFields.EncodedService, official.Service, leading.Service);
        WriteTags(document, writer, context);
        WriteField(document, writer, ReservedFields.EncodedHostname, null, leading.Hostname);
        WriteField(document, writer, ReservedFields.EncodedStatus, official.Status, leading.Status);
        for (var member = document.FirstChild(EventDocument.Root); member != EventDocument.None; member = document.NextSibling(member))
        {
            if (!IsAttribute(document, member)) continue;
            writer.WritePropertyName(document.KeyOf(member));
            document.WriteValue(writer, member);
        }
        if (official.Date is { } date) writer.WriteNumber(ReservedFields.Timestamp, date);
        if (official.TraceId is { } traceId) writer.WriteString(ReservedFields.TraceId, document.Stored(traceId));
    }

    /// <summary>Whether a top-level member is written among the attributes (not a reserved field written before, nor one written after).</summary>
    private static bool IsAttribute(EventDocument document, int member)
    {
        var length = document.KeyLength(member);
        if (ReservedFields.LeadingOf(document.KeyWord(member), length) != LeadingField.None) return false;
        // The trailing names are longer than a word: bytes are read only for names of their lengths.
        return !(length == ReservedFields.Timestamp.Length && document.Official.Date is not null && document.KeyOf(member).SequenceEqual(ReservedFields.Timestamp))
            && !(length == ReservedFields.TraceId.Length && document.Official.TraceId is not null && document.KeyOf(member).SequenceEqual(ReservedFields.TraceId));
    }

    /// <summary>A reserved field: its official value when set, else the attribute of that name (the first one), if any.</summary>
    private static void WriteField(EventDocument document, Utf8JsonWriter writer, JsonEncodedText name, (int Start, int Length)? official, int member)
    {
        if (official is { } value)
        {
            writer.WritePropertyName(name);
            Output.JsonStrings.WriteValue(writer, document.Stored(value));
            return;
        }
        if (member == EventDocument.None) return;
        writer.WritePropertyName(name);
        document.WriteValue(writer, member);
    }

    private static void WriteTags(EventDocument document, Utf8JsonWriter writer, ParseContext context)
    {
        if (document.TagCount == 0) return;
        writer.WriteString(ReservedFields.Tags, JoinedTags(document, context));
    }

    /// <summary>The event's tags joined by commas, as <c>ddtags</c> carries them (in the context's scratch).</summary>
    private static ReadOnlySpan<byte> JoinedTags(EventDocument document, ParseContext context)
    {
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
        return joined[..length];
    }
}
