using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GrokFlow.Engine.Processing;

/// <summary>Per-worker memory of the processing pipelines: the event document and the buffer grok steps write into.</summary>
public sealed class ProcessingScratch
{
    private readonly ArrayBufferWriter<byte> _grokOutput = new(4096);

    public ProcessingScratch() =>
        GrokWriter = new Utf8JsonWriter(_grokOutput, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

    public EventDocument Document { get; } = new();

    /// <summary>A writer over an empty buffer, for one grok step's output.</summary>
    public Utf8JsonWriter GrokWriter { get; }

    public Utf8JsonWriter StartGrokOutput()
    {
        _grokOutput.ResetWrittenCount();
        GrokWriter.Reset(_grokOutput);
        return GrokWriter;
    }

    public ReadOnlySpan<byte> GrokOutput
    {
        get
        {
            GrokWriter.Flush();
            return _grokOutput.WrittenSpan;
        }
    }

    /// <summary>
    /// Starts a grok parse whose attributes go into <paramref name="document"/>: rules write plain attributes straight
    /// into it; rules with structured filters write JSON on the returned writer, merged by <see cref="EndGrokInto"/>.
    /// </summary>
    public Utf8JsonWriter BeginGrokInto(EventDocument document, Pipelines.ParseContext context)
    {
        var writer = StartGrokOutput();
        writer.WriteStartObject();
        context.Output.Document = document;
        context.Output.DocumentObject = EventDocument.Root;
        return writer;
    }

    /// <summary>Ends what <see cref="BeginGrokInto"/> started, merging what was written as JSON when the parse matched.</summary>
    public void EndGrokInto(EventDocument document, Pipelines.ParseContext context, bool matched)
    {
        context.Output.Document = null;
        GrokWriter.WriteEndObject();
        var json = GrokOutput;
        if (!matched || json.Length <= 2) return;
        try
        {
            document.MergeObject(json);
        }
        catch (JsonException)
        {
            // Our own writer always produces one object; nothing to merge otherwise.
        }
    }

    /// <summary>Text buffer for processors that build values (string builder, arithmetic results).</summary>
    public ArrayBufferWriter<byte> Text { get; } = new(1024);
}
