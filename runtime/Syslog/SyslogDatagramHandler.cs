using System.Text.Json;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Routing;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Sources;

namespace GrokFlow.Runtime.Syslog;

/// <summary>
/// Turns a syslog datagram (one or more newline-separated lines) into events: the raw line in <c>message</c>, the
/// source's ddsource/service/ddtags, the header's hostname/status and <c>syslog.*</c>, then the attributes of every
/// pipeline whose filter matches, in order. Lines no pipeline parses are shipped as they are. One per worker.
/// </summary>
internal sealed class SyslogDatagramHandler : IDatagramHandler
{
    private static readonly JsonEncodedText SyslogName = JsonEncodedText.Encode("syslog");
    private static readonly JsonEncodedText TimestampName = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText AppNameName = JsonEncodedText.Encode("appname");
    private static readonly JsonEncodedText ProcIdName = JsonEncodedText.Encode("procid");
    private static readonly JsonEncodedText MsgIdName = JsonEncodedText.Encode("msgid");
    private static readonly JsonEncodedText SeverityName = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText FacilityName = JsonEncodedText.Encode("facility");

    private readonly BatchBuilder _builder;
    private readonly SourceFields _fields;
    private readonly PipelineRoute[] _routes;
    private readonly PipelineCounters[] _counters;
    private readonly long[] _parsed, _unmatched;
    private readonly HostMetrics _metrics;
    private readonly ParseContext _context;
    private readonly Utf8Repair _repair = new();
    private readonly bool _anyProcessingRoute;
    private readonly IDocumentQuery[] _documentFilters;

    public SyslogDatagramHandler(BatchBuilder builder, SourceFields fields, IReadOnlyList<PipelineRoute> routes, HostMetrics metrics, TimeProvider clock)
    {
        _builder = builder;
        _fields = fields;
        _routes = [.. routes];
        _metrics = metrics;
        _counters = _routes.Select(r => metrics.Pipeline(r.Pipeline.Id)).ToArray();
        _parsed = new long[_routes.Length];
        _unmatched = new long[_routes.Length];
        _context = new ParseContext(clock);
        _anyProcessingRoute = _routes.Any(r => r.Pipeline.HasProcessors);
        _documentFilters = _routes.Select(r => DocumentQueries.Compile(r.Pipeline.Filter)).ToArray();
    }

    public int Handle(ReadOnlySpan<byte> datagram, SenderInfo sender, DateTimeOffset receivedAt)
    {
        var events = 0;
        foreach (var rawLine in new DatagramLines(datagram))
        {
            var line = _repair.Repair(rawLine);
            var header = SyslogHeaderReader.Read(line);
            AppendLine(line, header, sender);
            events++;
        }
        if (events == 0) _metrics.Drop(DropReason.Malformed);
        FlushCounters();
        return events;
    }

    private void AppendLine(ReadOnlySpan<byte> line, in SyslogHeader header, SenderInfo sender)
    {
        if (TryWrite(line, header, sender, line.Length, out var size)) return;
        // Too big for one event: cut the message (at a character boundary) by what it overshot, until it fits.
        var limit = line.Length;
        for (var round = 0; round < 8; round++)
        {
            limit = Utf8Boundary(line, Math.Max(0, limit - (size - _builder.MaxEventBytes) - 64 * (round + 1)));
            if (TryWrite(line, header, sender, limit, out size)) return;
        }
        _metrics.Drop(DropReason.Oversize);
    }

    private bool TryWrite(ReadOnlySpan<byte> line, in SyslogHeader header, SenderInfo sender, int messageLength, out int size)
    {
        var service = _fields.Service.Length > 0 ? _fields.Service : SyslogHeader.IsPresent(header.AppName) ? line[header.AppName] : [];
        var host = SyslogHeader.IsPresent(header.Hostname) ? line[header.Hostname] : sender.AddressUtf8;
        var status = header.HasPriority ? SyslogSeverity.StatusOf(header.Severity) : SyslogSeverity.DefaultStatus;
        var facts = new EventFacts(service, _fields.Source, host, status, line[..messageLength], _fields.Tags);
        _builder.BeginEvent();
        try
        {
            WriteEvent(line, messageLength, header, facts, applyPipelines: true);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or JsonException)
        {
            // A pipeline failed or left the writer in a bad state: ship the line without pipeline attributes rather than lose it.
            _builder.CancelEvent();
            _builder.BeginEvent();
            WriteEvent(line, messageLength, header, facts, applyPipelines: false);
        }
        return _builder.EndEvent(out size);
    }

    private void WriteEvent(ReadOnlySpan<byte> line, int messageLength, in SyslogHeader header, scoped in EventFacts facts, bool applyPipelines)
    {
        if (applyPipelines && AnyProcessingRouteApplies(facts))
        {
            WriteProcessedEvent(line, messageLength, header, facts);
            return;
        }
        var w = _builder.Writer;
        var message = line[..messageLength];
        w.WriteStartObject();
        w.WriteString(SourceFields.MessageName, message);
        if (!facts.Source.IsEmpty) w.WriteString(SourceFields.SourceName, facts.Source);
        if (!facts.Service.IsEmpty) w.WriteString(SourceFields.ServiceName, facts.Service);
        var tags = messageLength < line.Length ? _fields.TruncatedTagsUtf8 : _fields.TagsUtf8;
        if (tags.Length > 0) w.WriteString(SourceFields.TagsName, tags);
        w.WriteString(SourceFields.HostnameName, facts.Host);
        w.WriteString(SourceFields.StatusName, facts.Status);
        if (header.Format != SyslogFormat.None) WriteSyslogObject(w, line, header);
        if (applyPipelines) ApplyPipelines(w, message, facts);
        w.WriteEndObject();
    }

    private bool AnyProcessingRouteApplies(scoped in EventFacts facts)
    {
        if (!_anyProcessingRoute) return false;
        for (var i = 0; i < _routes.Length; i++)
        {
            if (_routes[i].Pipeline.HasProcessors && _routes[i].Applies(facts)) return true;
        }
        return false;
    }

    /// <summary>
    /// An event some pipeline with processors applies to: it is loaded into the event document, every pipeline whose
    /// filter matches the event as the previous pipelines left it runs on it in order, as in Datadog, and the result is
    /// written.
    /// </summary>
    private void WriteProcessedEvent(ReadOnlySpan<byte> line, int messageLength, in SyslogHeader header, scoped in EventFacts facts)
    {
        var document = _context.Processing.Document;
        SyslogEventDocument.Load(document, line, messageLength, header, facts.Source, facts.Service, facts.Host, facts.Status, _fields);
        for (var i = 0; i < _routes.Length; i++)
        {
            if (!_documentFilters[i].Matches(document)) continue;
            if (_routes[i].Pipeline.Process(document, _context).Matched) _parsed[i]++;
            else _unmatched[i]++;
        }
        ProcessedEventWriter.Write(document, _builder.Writer, _context);
    }

    private void ApplyPipelines(Utf8JsonWriter w, ReadOnlySpan<byte> message, scoped in EventFacts facts)
    {
        for (var i = 0; i < _routes.Length; i++)
        {
            if (!_routes[i].Applies(facts)) continue;
            if (_routes[i].Pipeline.Parse(message, w, _context).Matched) _parsed[i]++;
            else _unmatched[i]++;
        }
    }

    private static void WriteSyslogObject(Utf8JsonWriter w, ReadOnlySpan<byte> line, in SyslogHeader header)
    {
        w.WriteStartObject(SyslogName);
        if (SyslogHeader.IsPresent(header.Hostname)) w.WriteString(SourceFields.HostnameName, line[header.Hostname]);
        if (SyslogHeader.IsPresent(header.AppName)) w.WriteString(AppNameName, line[header.AppName]);
        if (SyslogHeader.IsPresent(header.ProcId)) w.WriteString(ProcIdName, line[header.ProcId]);
        if (SyslogHeader.IsPresent(header.MsgId)) w.WriteString(MsgIdName, line[header.MsgId]);
        if (SyslogHeader.IsPresent(header.Timestamp)) w.WriteString(TimestampName, line[header.Timestamp]);
        if (header.HasPriority)
        {
            w.WriteNumber(SeverityName, header.Severity);
            w.WriteNumber(FacilityName, header.Facility);
        }
        StructuredDataAttributes.Write(w, line[header.StructuredData]);
        w.WriteEndObject();
    }

    private void FlushCounters()
    {
        for (var i = 0; i < _counters.Length; i++)
        {
            if (_parsed[i] == 0 && _unmatched[i] == 0) continue;
            _counters[i].Add(_parsed[i], _unmatched[i]);
            _parsed[i] = _unmatched[i] = 0;
        }
    }

    private static int Utf8Boundary(ReadOnlySpan<byte> line, int length)
    {
        while (length > 0 && length < line.Length && (line[length] & 0xC0) == 0x80) length--;
        return length;
    }

    public void Dispose() => _repair.Dispose();
}
