using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Parsing;
using GrokFlow.Runtime.Syslog;
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
/// Parses lines one after another as events that came with a context (service, source, host, tags): each line is
/// loaded as the intake receives a text log (<see cref="DatadogEventInput.LoadText"/>), run through every step of the
/// pipeline, and written in <paramref name="format"/>, one JSON object per line.
/// </summary>
public sealed class ContextualLineParser(IGrokPipeline pipeline, DatadogEventContext context, EventFormat format, ParseContext parseContext)
{
    private static readonly AttributePath SourcePath = new("ddsource");
    private static readonly AttributePath HostnamePath = new("hostname");

    public ParseSummary Run(Stream input, Stream output)
    {
        var summary = new ParseSummary();
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var repair = new Utf8Repair();
        var reader = new LineReader(input);
        var document = parseContext.Processing.Document;
        while (reader.TryReadLine(out var line))
        {
            DatadogEventInput.LoadText(document, repair.Repair(line), context, sourceAsTag: format == EventFormat.Datadog);
            if (format == EventFormat.Intake) AddIntakeFields(document);
            summary.Count(pipeline.Process(document, parseContext));
            if (format == EventFormat.Datadog) DatadogResultWriter.Write(document, json, context);
            else ProcessedEventWriter.Write(document, json, parseContext);
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

    /// <summary>The intake JSON carries the source and host as the <c>ddsource</c> and <c>hostname</c> fields, as the host's sources write them.</summary>
    private void AddIntakeFields(EventDocument document)
    {
        if (context.Source is { } source) document.SetString(document.GetOrCreate(SourcePath), System.Text.Encoding.UTF8.GetBytes(source));
        if (context.Host is { } host) document.SetString(document.GetOrCreate(HostnamePath), System.Text.Encoding.UTF8.GetBytes(host));
    }
}
