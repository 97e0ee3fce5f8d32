using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Dsl.Runtime;

namespace GrokFlow.Runtime.Parsing;

/// <summary>
/// Writes one JSON event per line, as it would be shipped: <c>message</c> plus the attributes the pipeline extracted.
/// Buffers output and reuses its JSON writer: no allocation per line.
/// </summary>
public sealed class EventLineWriter : IDisposable
{
    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _json;

    public EventLineWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    public GrokResult Write(ReadOnlySpan<byte> message, IGrokPipeline pipeline, ParseContext context)
    {
        _json.WriteStartObject();
        _json.WriteString("message"u8, message);
        var result = pipeline.Parse(message, _json, context);
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _buffer.Write("\n"u8);
        if (_buffer.WrittenCount > (1 << 16) - 8192) FlushBuffer();
        return result;
    }

    private void FlushBuffer()
    {
        _output.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }

    public void Dispose()
    {
        FlushBuffer();
        _output.Flush();
        _json.Dispose();
    }
}
