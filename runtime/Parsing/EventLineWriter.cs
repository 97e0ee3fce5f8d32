using System.Buffers;
using System.Text.Json;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Datadog;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Sources;
using GrokFlow.Runtime.Syslog;

namespace GrokFlow.Runtime.Parsing;

/// <summary>
/// Writes one JSON event per line, exactly as the host ships it (<c>grokflow parse --format intake</c>): each line is
/// read as a syslog line with the given context (service, source, tags; the host stands for the sender's address)
/// and written by <see cref="SyslogEventWriter"/>, the host's own event writer. Reuses its buffers: no allocation per
/// line. Writes into a buffer writer, or through a buffer into a stream.
/// </summary>
public sealed class EventLineWriter : IEventBuffer, IDisposable
{
    private const int StreamFlushThreshold = 1 << 16;

    /// <summary>Where the writer writes: the caller's own lines, or ours (then copied to the target, or written to the stream).</summary>
    private readonly EventLineBuffer _lines;
    private readonly IBufferWriter<byte>? _copyTarget;
    private readonly Stream? _stream;
    private readonly SourceFields _fields;
    private readonly byte[] _host;
    private SyslogEventWriter? _events;
    private IGrokPipeline? _pipeline;
    private ParseContext? _context;

    /// <summary>Writes event lines into <paramref name="target"/>: straight into it when it is an <see cref="EventLineBuffer"/>.</summary>
    public EventLineWriter(IBufferWriter<byte> target, DatadogEventContext? eventContext = null)
        : this(target as EventLineBuffer ?? new EventLineBuffer(1024), eventContext)
    {
        if (!ReferenceEquals(target, _lines)) _copyTarget = target;
    }

    public EventLineWriter(Stream output, DatadogEventContext? eventContext = null) : this(new EventLineBuffer(StreamFlushThreshold * 2), eventContext)
    {
        _stream = output;
    }

    private EventLineWriter(EventLineBuffer lines, DatadogEventContext? eventContext)
    {
        _lines = lines;
        eventContext ??= DatadogEventContext.None;
        _fields = new SourceFields(new SourceOptions { Service = eventContext.Service, Source = eventContext.Source, Tags = [.. eventContext.Tags] });
        _host = eventContext.Host is null ? [] : System.Text.Encoding.UTF8.GetBytes(eventContext.Host);
        Writer = new Utf8JsonWriter(_lines, BatchBuilder.WriterOptions);
    }

    public Utf8JsonWriter Writer { get; }

    IBufferWriter<byte> IEventBuffer.Output => _lines;

    /// <summary>Writes <paramref name="line"/> (valid UTF-8) as one event parsed by <paramref name="pipeline"/>, then a newline.</summary>
    public GrokResult Write(ReadOnlySpan<byte> line, IGrokPipeline pipeline, ParseContext context)
    {
        if (!ReferenceEquals(pipeline, _pipeline) || !ReferenceEquals(context, _context))
        {
            _events = SyslogEventWriter.ForPipeline(_fields, pipeline, context);
            _pipeline = pipeline;
            _context = context;
        }
        var header = SyslogHeaderReader.Read(line);
        _events!.TryWrite(this, line, header, _host, line.Length, out _);
        if (_stream is not null && _lines.WrittenCount > StreamFlushThreshold) FlushStream();
        return _events.LastResult;
    }

    void IEventBuffer.BeginEvent() => Writer.Reset();

    void IEventBuffer.CancelEvent()
    {
        Writer.Reset();
        _lines.TakeBack();
    }

    bool IEventBuffer.EndEvent(out int size)
    {
        Writer.Flush();
        size = _lines.PendingCount;
        _lines.EndLine();
        if (_copyTarget is not null)
        {
            _copyTarget.Write(_lines.WrittenSpan);
            _lines.Clear();
        }
        return true;
    }

    private void FlushStream()
    {
        _stream!.Write(_lines.WrittenSpan);
        _lines.Clear();
    }

    public void Dispose()
    {
        if (_stream is not null)
        {
            FlushStream();
            _stream.Flush();
        }
        Writer.Dispose();
    }
}
