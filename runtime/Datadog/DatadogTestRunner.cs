using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Runtime.Datadog;

/// <summary>The outcome of one test: the event grokflow made (Datadog's result shape) and every difference from the recorded result.</summary>
public sealed record DatadogTestOutcome(DatadogTest Test, JsonObject Actual, IReadOnlyList<string> Differences)
{
    public bool Passed => Differences.Count == 0;
}

/// <summary>
/// Runs Datadog integration tests offline: each sample is sent as the intake would receive it
/// (<see cref="DatadogEventInput.LoadSample"/>) with its test's service and the source the pipeline's filter names
/// (<c>source:nginx</c>), through every step of the pipeline (its own filter is not applied: the tests run each
/// sample through it), on a fixed clock, and compared with the recorded result (<see cref="DatadogResultComparison"/>).
/// </summary>
public sealed class DatadogTestRunner(IGrokPipeline pipeline, DateTimeOffset clock)
{
    /// <summary>
    /// The clock Datadog recorded its integration tests with: 1971-01-01T00:00:00Z, the instant 1970 ends. Every recorded
    /// date the value gave no year or no day fits it: <c>Jan 3</c> to <c>Jul 2</c> in 1971, <c>Jul 12</c> to
    /// <c>Dec 21</c> in 1970 (the year nearest the clock's day), times of day after noon on 1970-12-31.
    /// </summary>
    public static readonly DateTimeOffset RecordingClock = new(1971, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The source the pipeline's filter names (<c>source:x</c> alone), which routed the samples to it.</summary>
    public string? Source { get; } = SourceOf(pipeline.Filter);

    public DatadogTestOutcome Run(DatadogTest test)
    {
        var context = new ParseContext(new FixedTimeProvider(clock));
        var document = context.Processing.Document;
        var eventContext = new DatadogEventContext(test.Service, Source);
        var jsonLog = test.Sample as JsonObject ?? DatadogEventInput.AsJsonObject(test.SampleText);
        if (jsonLog is not null) DatadogEventInput.LoadJson(document, jsonLog, eventContext);
        else DatadogEventInput.LoadText(document, System.Text.Encoding.UTF8.GetBytes(test.SampleText), eventContext);
        pipeline.Process(document, context);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            DatadogResultWriter.Write(document, writer, DatadogEventContext.None);
        }
        var actual = JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
        return new DatadogTestOutcome(test, actual, DatadogResultComparison.Differences(actual, test.Result, Source, jsonLog));
    }

    private static string? SourceOf(string filter)
    {
        var match = System.Text.RegularExpressions.Regex.Match(filter.Trim(), @"^source:([\w.\-]+)$");
        return match.Success ? match.Groups[1].Value : null;
    }
}
