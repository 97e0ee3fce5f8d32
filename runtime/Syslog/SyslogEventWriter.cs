using System.Text.Json;
using GrokFlow.Engine.Events;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Search;
using GrokFlow.Runtime.Routing;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Sources;

namespace GrokFlow.Runtime.Syslog;

/// <summary>
/// Writes one syslog line as the event the intake receives, through <see cref="EventWriter"/>: the raw line in
/// <c>message</c>, the source's ddsource/service/ddtags, the header's hostname (else the sender's) and status,
/// <c>syslog.*</c>, then the attributes of every pipeline that applies, in order. The host's syslog sources and
/// <c>grokflow parse</c> both write events with it, so they give the same bytes for the same line and context.
/// One per worker (it keeps the worker's <see cref="ParseContext"/>).
/// </summary>
internal sealed class SyslogEventWriter
{
    private static readonly byte[] SyslogRoot = "syslog"u8.ToArray();

    private readonly SourceFields _fields;
    private readonly IGrokPipeline[] _pipelines;
    private readonly SearchQuery[] _filters;
    private readonly IDocumentQuery[] _documentFilters;
    private readonly bool _anyProcessing;
    /// <summary>Whether every filter matches every event (<c>grokflow parse --pipeline</c>): no event need be judged.</summary>
    private readonly bool _filtersMatchAll;
    private readonly ParseContext _context;
    private readonly bool[] _fastMatched, _applies;

    /// <param name="routes">The pipelines with the filters that say which events each applies to.</param>
    public SyslogEventWriter(SourceFields fields, IReadOnlyList<PipelineRoute> routes, ParseContext context)
    {
        _fields = fields;
        _pipelines = routes.Select(r => r.Pipeline).ToArray();
        _filters = routes.Select(r => r.Filter).ToArray();
        _documentFilters = routes.Select(r => DocumentQueries.Compile(r.Pipeline.Filter)).ToArray();
        _anyProcessing = _pipelines.Any(p => p.HasProcessors);
        _filtersMatchAll = _filters.All(f => ReferenceEquals(f, SearchQuery.All));
        _context = context;
        Parsed = new long[_pipelines.Length];
        Unmatched = new long[_pipelines.Length];
        _fastMatched = new bool[_pipelines.Length];
        _applies = new bool[_pipelines.Length];
    }

    /// <summary>One pipeline applied to every line whatever its filter (what <c>grokflow parse --pipeline</c> runs).</summary>
    public static SyslogEventWriter ForPipeline(SourceFields fields, IGrokPipeline pipeline, ParseContext context)
    {
        var writer = new SyslogEventWriter(fields, [new PipelineRoute(pipeline, SearchQueryParser.Parse(""))], context);
        writer._documentFilters[0] = DocumentQueries.Compile("");
        return writer;
    }

    /// <summary>What the last pipeline applied to the last line gave (no match when none applied).</summary>
    public GrokResult LastResult { get; private set; }

    /// <summary>Lines each pipeline parsed, by route, since the caller last cleared them.</summary>
    public long[] Parsed { get; }

    /// <summary>Lines each pipeline applied to but did not parse, by route.</summary>
    public long[] Unmatched { get; }

    /// <summary>
    /// Writes the line (its message cut to <paramref name="messageLength"/> bytes, tagged <c>truncated:true</c> when
    /// cut) as one event. False when the buffer took it back as too big (<paramref name="size"/> says how big).
    /// <paramref name="senderHost"/> is the hostname of a line whose header names none.
    /// </summary>
    public bool TryWrite(IEventBuffer buffer, ReadOnlySpan<byte> line, in SyslogHeader header, ReadOnlySpan<byte> senderHost, int messageLength, out int size)
    {
        var service = _fields.Service.Length > 0 ? _fields.Service : SyslogHeader.IsPresent(header.AppName) ? line[header.AppName] : [];
        var host = SyslogHeader.IsPresent(header.Hostname) ? line[header.Hostname] : senderHost;
        var status = header.HasPriority ? SyslogSeverity.StatusOf(header.Severity) : SyslogSeverity.DefaultStatus;
        var tags = messageLength < line.Length ? _fields.TruncatedTagsUtf8 : _fields.TagsUtf8;
        var fields = new EventFields(line[..messageLength], _fields.Source, service, tags, host, status, SyslogRoot);
        LastResult = GrokResult.NoMatch;
        buffer.BeginEvent();
        try
        {
            WriteEvent(buffer, line, header, fields, applyPipelines: true);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or JsonException)
        {
            // A pipeline failed or left the writer in a bad state: ship the line without pipeline attributes rather than lose it.
            buffer.CancelEvent();
            buffer.BeginEvent();
            LastResult = GrokResult.NoMatch;
            WriteEvent(buffer, line, header, fields, applyPipelines: false);
        }
        return buffer.EndEvent(out size);
    }

    private void WriteEvent(IEventBuffer buffer, ReadOnlySpan<byte> line, in SyslogHeader header, scoped in EventFields fields, bool applyPipelines)
    {
        if (applyPipelines) MatchFilters(fields);
        if (applyPipelines && AnyProcessingApplies())
        {
            WriteThroughDocument(buffer.Writer, line, header, fields);
            return;
        }
        var w = buffer.Writer;
        // The rules' flat attributes join the event's run, and the event is written straight into the buffer.
        var holdRun = applyPipelines && AppliedRulesContinueRun();
        var members = EventWriter.BeginMembers(w, holdRun ? buffer.Output : null, fields, _context);
        if (header.Format != SyslogFormat.None) SyslogAttributes.Write(w, ref members, line, header, _context);
        if (holdRun) members.Hold();
        else members.Flush();
        if (applyPipelines) ApplyGrokPipelines(w, fields.Message);
        if (EventWriter.TryEnd(w, _context)) return;
        // The pipelines wrote an attribute the event already had: the document merges them.
        UndoFastCounts();
        buffer.CancelEvent();
        buffer.BeginEvent();
        WriteThroughDocument(buffer.Writer, line, header, fields);
    }

    /// <summary>Which pipelines' filters match the event as its source gave it: decided once per event.</summary>
    private void MatchFilters(scoped in EventFields fields)
    {
        if (_filtersMatchAll)
        {
            // Set once: nothing else writes them.
            if (_pipelines.Length > 0 && !_applies[0]) _applies.AsSpan().Fill(true);
            return;
        }
        MatchFiltersOnFacts(fields);
    }

    /// <summary>Apart, so that the usual caller's frame holds (and clears) no facts.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void MatchFiltersOnFacts(scoped in EventFields fields)
    {
        var facts = new EventFacts(fields.Service, fields.Source, fields.Hostname, fields.Status, fields.Message, _fields.Tags);
        for (var i = 0; i < _pipelines.Length; i++) _applies[i] = _filters[i].Matches(facts.ToSearchEvent());
    }

    /// <summary>
    /// Whether every pipeline that applies to the event writes through the output writer, so that the event's run can
    /// be held for their attributes. Only those that apply count: a host with a processing pipeline for other events
    /// (nginx beside qnap) still writes each qnap event straight.
    /// </summary>
    private bool AppliedRulesContinueRun()
    {
        for (var i = 0; i < _pipelines.Length; i++)
        {
            if (_applies[i] && !_pipelines[i].WritesThroughOutputWriter) return false;
        }
        return true;
    }

    private bool AnyProcessingApplies()
    {
        if (!_anyProcessing) return false;
        for (var i = 0; i < _pipelines.Length; i++)
        {
            if (_pipelines[i].HasProcessors && _applies[i]) return true;
        }
        return false;
    }

    private void ApplyGrokPipelines(Utf8JsonWriter w, ReadOnlySpan<byte> message)
    {
        for (var i = 0; i < _pipelines.Length; i++)
        {
            if (!_applies[i]) continue;
            LastResult = _pipelines[i].Parse(message, w, _context);
            _fastMatched[i] = LastResult.Matched;
            if (_fastMatched[i]) Parsed[i]++;
            else Unmatched[i]++;
        }
    }

    private void UndoFastCounts()
    {
        for (var i = 0; i < _pipelines.Length; i++)
        {
            if (!_applies[i]) continue;
            if (_fastMatched[i]) Parsed[i]--;
            else Unmatched[i]--;
        }
    }

    /// <summary>
    /// The event is loaded into the event document, every pipeline whose filter matches the event as the previous
    /// pipelines left it runs on it in order, as in Datadog, and the result is written.
    /// </summary>
    private void WriteThroughDocument(Utf8JsonWriter w, ReadOnlySpan<byte> line, in SyslogHeader header, scoped in EventFields fields)
    {
        var document = _context.Processing.Document;
        EventWriter.Load(document, fields);
        if (header.Format != SyslogFormat.None) SyslogAttributes.Load(document, line, header);
        for (var i = 0; i < _pipelines.Length; i++)
        {
            if (!_documentFilters[i].Matches(document)) continue;
            LastResult = _pipelines[i].Process(document, _context);
            if (LastResult.Matched) Parsed[i]++;
            else Unmatched[i]++;
        }
        EventWriter.Write(document, w, _context);
    }
}
