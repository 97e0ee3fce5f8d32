using System.Buffers;
using System.Text.Json;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Tests.DatadogPipelines;

/// <summary>
/// Grok parsers that remember what they wrote: every attribute any parser of the pipeline extracted from the current
/// event (root-level <c>json</c> and <c>keyvalue</c> extraction included), merged in the order the parsers ran, later
/// values replacing earlier ones as in the event. <see cref="Reset"/> starts a new event.
/// </summary>
public sealed class RecordingGrokParsers(IGrokParserSet parsers) : IGrokParserSet
{
    private readonly EventDocument _written = new();
    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>How many times a parser ran on the current event (its source was a string).</summary>
    public int Calls { get; private set; }

    /// <summary>What the parsers wrote on the current event, as one JSON object.</summary>
    public EventDocument Written => _written;

    public void Reset()
    {
        _written.Reset();
        Calls = 0;
    }

    private ParseContext? _own;

    public GrokResult ParseWith(int parserIndex, ReadOnlySpan<byte> text, Utf8JsonWriter writer, ParseContext context)
    {
        Calls++;
        // A context of its own: the step's context sends rules' attributes straight into the event document, and
        // the recording needs them as JSON (which it then passes on, and the step merges).
        context = _own ??= new ParseContext(context.Clock, context.StepBudget);
        _buffer.ResetWrittenCount();
        GrokResult result;
        using (var own = new Utf8JsonWriter(_buffer))
        {
            own.WriteStartObject();
            result = parsers.ParseWith(parserIndex, text, own, context);
            own.WriteEndObject();
        }
        if (!result.Matched) return result;
        _written.MergeObject(_buffer.WrittenSpan);
        using var extracted = JsonDocument.Parse(_buffer.WrittenMemory);
        foreach (var property in extracted.RootElement.EnumerateObject())
        {
            writer.WritePropertyName(property.Name);
            writer.WriteRawValue(property.Value.GetRawText(), skipInputValidation: true);
        }
        return result;
    }
}
