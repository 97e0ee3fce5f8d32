using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Parsing;
using GrokFlow.Engine.Output;

namespace GrokFlow.Runtime.Datadog;

/// <summary>How <c>grokflow parse</c> prints an event.</summary>
public enum EventFormat
{
    /// <summary>The JSON the host ships to the intake.</summary>
    Intake,

    /// <summary>The shape of Datadog's pipeline-test results (<see cref="DatadogResultWriter"/>).</summary>
    Datadog,
}

/// <summary>
/// Parses lines one after another as events that came with a context (service, source, host, tags) and writes them
/// in <paramref name="format"/>, one JSON object per line: in the intake's shape through <see cref="EventLineWriter"/>
/// (the host's event writer); in Datadog's shape each line is loaded as the intake receives a text log
/// (<see cref="DatadogEventInput.LoadText"/>), run through every step of the pipeline and written by
/// <see cref="DatadogResultWriter"/>.
/// </summary>
public sealed class ContextualLineParser(IGrokPipeline pipeline, DatadogEventContext context, EventFormat format, ParseContext parseContext)
{
    public ParseSummary Run(Stream input, Stream output)
    {
        var summary = new ParseSummary();
        var repair = new Utf8Repair();
        var reader = new LineReader(input);
        if (format == EventFormat.Intake)
        {
            using var events = new EventLineWriter(output, context);
            while (reader.TryReadLine(out var line)) summary.Count(events.Write(repair.Repair(line), pipeline, parseContext));
            return summary;
        }
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var document = parseContext.Processing.Document;
        while (reader.TryReadLine(out var line))
        {
            DatadogEventInput.LoadText(document, repair.Repair(line), context, sourceAsTag: true);
            summary.Count(pipeline.Process(document, parseContext));
            DatadogResultWriter.Write(document, json, context);
            json.Flush();
            json.Reset();
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
            if (buffer.WrittenCount > 1 << 15)
            {
                output.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }
        output.Write(buffer.WrittenSpan);
        output.Flush();
        return summary;
    }
}
