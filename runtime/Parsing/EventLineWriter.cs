using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Runtime.Parsing;

/// <summary>
/// Writes one JSON event per line, as it would be shipped: <c>message</c> plus the attributes the pipeline extracted.
/// Reuses its JSON writer: no allocation per line. Writes into a buffer writer, or through a buffer into a stream.
/// </summary>
public sealed class EventLineWriter : IDisposable
{
    private const int StreamFlushThreshold = 1 << 16;

    private readonly IBufferWriter<byte> _target;
    private readonly ArrayBufferWriter<byte>? _streamBuffer;
    private readonly Stream? _stream;
    private readonly Utf8JsonWriter _json;

    public EventLineWriter(IBufferWriter<byte> target)
    {
        _target = target;
        _json = new Utf8JsonWriter(target, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    public EventLineWriter(Stream output) : this(new ArrayBufferWriter<byte>(StreamFlushThreshold * 2))
    {
        _stream = output;
        _streamBuffer = (ArrayBufferWriter<byte>)_target;
    }

    public GrokResult Write(ReadOnlySpan<byte> message, IGrokPipeline pipeline, ParseContext context)
    {
        _json.WriteStartObject();
        _json.WriteString("message"u8, message);
        var result = pipeline.Parse(message, _json, context);
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _target.GetSpan(1)[0] = (byte)'\n';
        _target.Advance(1);
        if (_streamBuffer is { WrittenCount: > StreamFlushThreshold }) FlushStream();
        return result;
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
        _json.Dispose();
    }
}
