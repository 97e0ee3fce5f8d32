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

    private readonly IBufferWriter<byte> _target;
    private readonly ArrayBufferWriter<byte>? _streamBuffer;
    private readonly Stream? _stream;
    private readonly ArrayBufferWriter<byte> _event = new(1024);
    private readonly SourceFields _fields;
    private readonly byte[] _host;
    private SyslogEventWriter? _events;
    private IGrokPipeline? _pipeline;
    private ParseContext? _context;

    public EventLineWriter(IBufferWriter<byte> target, DatadogEventContext? eventContext = null)
    {
        _target = target;
        eventContext ??= DatadogEventContext.None;
        _fields = new SourceFields(new SourceOptions { Service = eventContext.Service, Source = eventContext.Source, Tags = [.. eventContext.Tags] });
        _host = eventContext.Host is null ? [] : System.Text.Encoding.UTF8.GetBytes(eventContext.Host);
        Writer = new Utf8JsonWriter(_event, BatchBuilder.WriterOptions);
    }

    public EventLineWriter(Stream output, DatadogEventContext? eventContext = null) : this(new ArrayBufferWriter<byte>(StreamFlushThreshold * 2), eventContext)
    {
        _stream = output;
        _streamBuffer = (ArrayBufferWriter<byte>)_target;
    }

    public Utf8JsonWriter Writer { get; }

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
        if (_streamBuffer is { WrittenCount: > StreamFlushThreshold }) FlushStream();
        return _events.LastResult;
    }

    void IEventBuffer.BeginEvent()
    {
        _event.ResetWrittenCount();
        Writer.Reset(_event);
    }

    void IEventBuffer.CancelEvent()
    {
        _event.ResetWrittenCount();
        Writer.Reset(_event);
    }

    bool IEventBuffer.EndEvent(out int size)
    {
        Writer.Flush();
        size = _event.WrittenCount;
        var span = _target.GetSpan(size + 1);
        _event.WrittenSpan.CopyTo(span);
        span[size] = (byte)'\n';
        _target.Advance(size + 1);
        return true;
    }

    private void FlushStream()
    {
        _stream!.Write(_streamBuffer!.WrittenSpan);
        _streamBuffer.ResetWrittenCount();
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
