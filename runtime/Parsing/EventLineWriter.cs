using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Dsl.Runtime;

namespace GrokFlow.Runtime.Parsing;

/// <summary>
/// Writes one JSON event per line, as it would be shipped: <c>message</c> plus the attributes the pipeline extracted.
/// Reuses its JSON writer: no allocation per line.
/// </summary>
public sealed class EventLineWriter(IBufferWriter<byte> target) : IDisposable
{
    private readonly Utf8JsonWriter _json = new(target, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

    public GrokResult Write(ReadOnlySpan<byte> message, IGrokPipeline pipeline, ParseContext context)
    {
        _json.WriteStartObject();
        _json.WriteString("message"u8, message);
        var result = pipeline.Parse(message, _json, context);
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        target.GetSpan(1)[0] = (byte)'\n';
        target.Advance(1);
        return result;
    }

    public void Dispose() => _json.Dispose();
}
