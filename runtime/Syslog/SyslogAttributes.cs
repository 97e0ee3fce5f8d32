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
    private static readonly JsonMemberName HostnameName = new("hostname");
    private static readonly JsonMemberName TimestampName = new("timestamp");
    private static readonly JsonMemberName AppNameName = new("appname");
    private static readonly JsonMemberName ProcIdName = new("procid");
    private static readonly JsonMemberName MsgIdName = new("msgid");
    private static readonly JsonMemberName SeverityName = new("severity");
    private static readonly JsonMemberName FacilityName = new("facility");

    private static readonly AttributePath Syslog = new("syslog");
    private static readonly AttributePath SyslogHostname = new("syslog.hostname");
    private static readonly AttributePath SyslogAppName = new("syslog.appname");
    private static readonly AttributePath SyslogProcId = new("syslog.procid");
    private static readonly AttributePath SyslogMsgId = new("syslog.msgid");
    private static readonly AttributePath SyslogTimestamp = new("syslog.timestamp");
    private static readonly AttributePath SyslogSeverity = new("syslog.severity");
    private static readonly AttributePath SyslogFacility = new("syslog.facility");

    /// <summary>Writes <c>"syslog": {...}</c> into the open event object; the header's members as one run.</summary>
    public static void Write(Utf8JsonWriter w, ReadOnlySpan<byte> line, in SyslogHeader header, ParseContext context)
    {
        w.WriteStartObject(SyslogName);
        var run = new JsonMemberRun(w, context);
        if (SyslogHeader.IsPresent(header.Hostname)) run.String(HostnameName, line[header.Hostname]);
        if (SyslogHeader.IsPresent(header.AppName)) run.String(AppNameName, line[header.AppName]);
        if (SyslogHeader.IsPresent(header.ProcId)) run.String(ProcIdName, line[header.ProcId]);
        if (SyslogHeader.IsPresent(header.MsgId)) run.String(MsgIdName, line[header.MsgId]);
        if (SyslogHeader.IsPresent(header.Timestamp)) run.String(TimestampName, line[header.Timestamp]);
        if (header.HasPriority)
        {
            run.Integer(SeverityName, header.Severity);
            run.Integer(FacilityName, header.Facility);
        }
        run.Flush();
        StructuredDataAttributes.Write(w, line[header.StructuredData]);
        w.WriteEndObject();
    }

    /// <summary>Loads the same attributes into the event document.</summary>
    public static void Load(EventDocument document, ReadOnlySpan<byte> line, in SyslogHeader header)
    {
        // An empty object when the header has nothing, as the JSON above is.
        document.SetObject(document.GetOrCreate(Syslog));
        if (SyslogHeader.IsPresent(header.Hostname)) SetString(document, SyslogHostname, line[header.Hostname]);
        if (SyslogHeader.IsPresent(header.AppName)) SetString(document, SyslogAppName, line[header.AppName]);
        if (SyslogHeader.IsPresent(header.ProcId)) SetString(document, SyslogProcId, line[header.ProcId]);
        if (SyslogHeader.IsPresent(header.MsgId)) SetString(document, SyslogMsgId, line[header.MsgId]);
        if (SyslogHeader.IsPresent(header.Timestamp)) SetString(document, SyslogTimestamp, line[header.Timestamp]);
        if (header.HasPriority)
        {
            document.SetInteger(document.GetOrCreate(SyslogSeverity), header.Severity);
            document.SetInteger(document.GetOrCreate(SyslogFacility), header.Facility);
        }
        StructuredDataAttributes.Load(document, line[header.StructuredData]);
    }

    private static void SetString(EventDocument document, AttributePath path, ReadOnlySpan<byte> value) =>
        document.SetString(document.GetOrCreate(path), value);
}
