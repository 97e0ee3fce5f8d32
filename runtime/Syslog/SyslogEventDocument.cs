using GrokFlow.Engine.Processing;
using GrokFlow.Runtime.Sources;

namespace GrokFlow.Runtime.Syslog;

/// <summary>
/// Loads a syslog line into an <see cref="EventDocument"/> as the event enters the pipelines: <c>message</c>,
/// <c>ddsource</c>, <c>service</c>, <c>hostname</c>, <c>status</c>, <c>syslog.*</c> and the source's tags, the same
/// fields the direct path writes. Allocates nothing.
/// </summary>
internal static class SyslogEventDocument
{
    private static readonly AttributePath Message = new("message");
    private static readonly AttributePath Source = new("ddsource");
    private static readonly AttributePath Service = new("service");
    private static readonly AttributePath Hostname = new("hostname");
    private static readonly AttributePath Status = new("status");
    private static readonly AttributePath SyslogHostname = new("syslog.hostname");
    private static readonly AttributePath SyslogAppName = new("syslog.appname");
    private static readonly AttributePath SyslogProcId = new("syslog.procid");
    private static readonly AttributePath SyslogMsgId = new("syslog.msgid");
    private static readonly AttributePath SyslogTimestamp = new("syslog.timestamp");
    private static readonly AttributePath SyslogSeverity = new("syslog.severity");
    private static readonly AttributePath SyslogFacility = new("syslog.facility");

    public static void Load(
        EventDocument document, ReadOnlySpan<byte> line, int messageLength, in SyslogHeader header,
        ReadOnlySpan<byte> source, ReadOnlySpan<byte> service, ReadOnlySpan<byte> host, ReadOnlySpan<byte> status, SourceFields fields)
    {
        document.Reset();
        SetString(document, Message, line[..messageLength]);
        if (!source.IsEmpty) SetString(document, Source, source);
        if (!service.IsEmpty) SetString(document, Service, service);
        SetString(document, Hostname, host);
        SetString(document, Status, status);
        if (header.Format != SyslogFormat.None)
        {
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
        for (var i = 0; i < fields.Tags.TagCount; i++) document.AddTag(fields.Tags.Tag(i));
        if (messageLength < line.Length) document.AddTag("truncated:true"u8);
    }

    private static void SetString(EventDocument document, AttributePath path, ReadOnlySpan<byte> value) =>
        document.SetString(document.GetOrCreate(path), value);
}
