using System.Runtime.CompilerServices;
using System.Text.Json;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Runtime.Syslog;

/// <summary>
/// The attributes a syslog header gives an event, under <c>syslog</c>: <c>hostname</c>, <c>appname</c>,
/// <c>procid</c>, <c>msgid</c>, <c>timestamp</c> (as sent), <c>severity</c> and <c>facility</c> (numbers), and the
/// structured data. Written straight into the event JSON, or loaded into the event document when it goes through
/// pipelines with processors; both in the same order, so both give the same bytes. Allocates nothing.
/// </summary>
internal static class SyslogAttributes
{
    private static readonly JsonEncodedText SyslogName = JsonEncodedText.Encode("syslog");
    private static readonly JsonMemberName SyslogMember = new(SyslogName);
    private static readonly JsonMemberName HostnameName = new("hostname");
    private static readonly JsonMemberName TimestampName = new("timestamp");
    private static readonly JsonMemberName AppNameName = new("appname");
    private static readonly JsonMemberName ProcIdName = new("procid");
    private static readonly JsonMemberName MsgIdName = new("msgid");
    private static readonly JsonMemberName SeverityName = new("severity");
    private static readonly JsonMemberName FacilityName = new("facility");

    /// <summary>
    /// Writes <c>"syslog": {...}</c> into the open event object. Without structured data the object joins the
    /// members pending in <paramref name="run"/> (one raw value for the event's fields and these); else, or when a
    /// value needs the writer, the run is flushed and the object goes through the writer, its members as one run.
    /// </summary>
    public static void Write(Utf8JsonWriter w, ref JsonMemberRun run, ReadOnlySpan<byte> line, in SyslogHeader header, ParseContext context)
    {
        if (line[header.StructuredData].IsEmpty && TryWriteInRun(ref run, line, header)) return;
        run.Flush();
        w.WriteStartObject(SyslogName);
        var members = new JsonMemberRun(w, context);
        if (SyslogHeader.IsPresent(header.Hostname)) members.String(HostnameName, line[header.Hostname]);
        if (SyslogHeader.IsPresent(header.AppName)) members.String(AppNameName, line[header.AppName]);
        if (SyslogHeader.IsPresent(header.ProcId)) members.String(ProcIdName, line[header.ProcId]);
        if (SyslogHeader.IsPresent(header.MsgId)) members.String(MsgIdName, line[header.MsgId]);
        if (SyslogHeader.IsPresent(header.Timestamp)) members.String(TimestampName, line[header.Timestamp]);
        if (header.HasPriority)
        {
            members.Integer(SeverityName, header.Severity);
            members.Integer(FacilityName, header.Facility);
        }
        members.Flush();
        StructuredDataAttributes.Write(w, line[header.StructuredData]);
        w.WriteEndObject();
    }

    /// <summary>The object without structured data inside the run; false, with the run as it was, when a value needs the writer.</summary>
    private static bool TryWriteInRun(ref JsonMemberRun run, ReadOnlySpan<byte> line, in SyslogHeader header)
    {
        var mark = run.Mark();
        if (!run.TryStartObject(SyslogMember)) return false;
        if (!TryString(ref run, HostnameName, line, header.Hostname)
            || !TryString(ref run, AppNameName, line, header.AppName)
            || !TryString(ref run, ProcIdName, line, header.ProcId)
            || !TryString(ref run, MsgIdName, line, header.MsgId)
            || !TryString(ref run, TimestampName, line, header.Timestamp))
        {
            run.Restore(mark);
            return false;
        }
        if (header.HasPriority)
        {
            run.Integer(SeverityName, header.Severity);
            run.Integer(FacilityName, header.Facility);
        }
        run.EndObject();
        return true;
    }

    /// <summary>The header field at <paramref name="range"/>, when present; false when it needs the writer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryString(ref JsonMemberRun run, JsonMemberName name, ReadOnlySpan<byte> line, Range range) =>
        !SyslogHeader.IsPresent(range) || run.TryString(name, line[range]);

    /// <summary>
    /// Loads the same attributes into the event document, which holds only the event's fields (<see
    /// cref="GrokFlow.Engine.Events.EventWriter.Load"/>): <c>syslog</c> and its members are new, so they are added
    /// without looking for them first.
    /// </summary>
    public static void Load(EventDocument document, ReadOnlySpan<byte> line, in SyslogHeader header)
    {
        // An empty object when the header has nothing, as the JSON above is.
        var syslog = document.AddMember(EventDocument.Root, SyslogName.EncodedUtf8Bytes);
        document.SetObject(syslog);
        if (SyslogHeader.IsPresent(header.Hostname)) document.SetString(Add(document, syslog, HostnameName), line[header.Hostname]);
        if (SyslogHeader.IsPresent(header.AppName)) document.SetString(Add(document, syslog, AppNameName), line[header.AppName]);
        if (SyslogHeader.IsPresent(header.ProcId)) document.SetString(Add(document, syslog, ProcIdName), line[header.ProcId]);
        if (SyslogHeader.IsPresent(header.MsgId)) document.SetString(Add(document, syslog, MsgIdName), line[header.MsgId]);
        if (SyslogHeader.IsPresent(header.Timestamp)) document.SetString(Add(document, syslog, TimestampName), line[header.Timestamp]);
        if (header.HasPriority)
        {
            document.SetInteger(Add(document, syslog, SeverityName), header.Severity);
            document.SetInteger(Add(document, syslog, FacilityName), header.Facility);
        }
        StructuredDataAttributes.Load(document, line[header.StructuredData]);
    }

    // The names are plain ASCII, so their JSON text is the key.
    private static int Add(EventDocument document, int syslog, JsonMemberName name) => document.AddMember(syslog, name.Name.EncodedUtf8Bytes);
}
