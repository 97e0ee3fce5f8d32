using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFlow.Language.Compilation;
using GrokFlow.Tooling.Import;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Datadog;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.DatadogPipelines;

/// <summary>One sample run through a whole imported pipeline: every difference from Datadog's recorded output (empty: agreement).</summary>
public sealed record WholeOutputOutcome(DatadogSample Sample, IReadOnlyList<(string Cause, string Detail)> Differences);

/// <summary>
/// Imports one corpus pipeline exactly as <c>grokflow import</c> does (<see cref="RulesTextWriter.Write"/>), loads it
/// with the interpreter (or takes the generated pipeline of the same rules) and runs each sample through all its steps,
/// starting from the event as Datadog received it: <c>{"message": line}</c> for text and syslog samples, the JSON object
/// for JSON samples, with the tag <c>source:…</c> of the pipeline's own filter (<see cref="SourceOf"/>) and the service
/// the sample's test sent it with (<see cref="DatadogSample.Service"/>; none when the test gave none). Nothing of the
/// recorded output goes in. The pipeline's own filter is not applied (the recordings ran each sample through its
/// pipeline); nested filters and category queries go through <see cref="ProcessingServices.Default"/>. The clock is
/// Datadog's recording clock (<see cref="DatadogTestRunner.RecordingClock"/>, as <c>grokflow test</c> uses), which
/// dates without a year resolve against.
/// The message it was sent with is the log's message until a message remapper replaces it
/// (<see cref="OfficialValues.Message"/>). The comparison is <see cref="WholeOutputComparison"/>.
/// </summary>
public sealed class WholeOutputRunner
{
    /// <summary>The clock Datadog recorded the integration tests with.</summary>
    public static DateTimeOffset RecordingClock => DatadogTestRunner.RecordingClock;

    private readonly IGrokPipeline? _pipeline;
    private readonly WholeOutputComparison _comparison;
    private readonly string sentSource;

    /// <summary>A runner of the interpreted import of <paramref name="pipelineCase"/>, or of <paramref name="generated"/> when given (another build of the same import: generated, or interpreted from a rules file holding several pipelines).</summary>
    public WholeOutputRunner(DatadogPipelineCase pipelineCase, IGrokPipeline? generated = null)
    {
        Case = pipelineCase;
        var definition = DatadogPipelineReader.Read(pipelineCase.Line);
        RulesText = RulesTextWriter.Write(definition);
        var compiled = RulesCompiler.Compile(RulesText);
        if (generated is not null) _pipeline = generated;
        else if (!compiled.HasErrors && compiled.Pipelines.Length > 0)
        {
            var model = compiled.Pipelines[0];
            _pipeline = new ProcessingPipeline(model, InterpretedPipeline.Create(model), ProcessingServices.Default);
        }
        else
        {
            NotRunnable = compiled.HasErrors
                ? "the imported rules do not compile: " + string.Join("; ", compiled.Diagnostics.Where(d => d.Severity == GrokFlow.Language.Diagnostics.DiagnosticSeverity.Error).Select(d => d.Format(pipelineCase.Integration + ".rules")))
                : "the import wrote no pipeline";
        }
        sentSource = SourceOf(pipelineCase);
        _comparison = new WholeOutputComparison(sentSource, GeoIpTargets(JsonNode.Parse(pipelineCase.Line)!["processors_full"]!.AsArray()).ToList());
    }

    public DatadogPipelineCase Case { get; }
    public string RulesText { get; }

    /// <summary>Why the pipeline cannot run (null when it runs).</summary>
    public string? NotRunnable { get; }

    public WholeOutputOutcome Run(DatadogSample sample)
    {
        if (_pipeline is null) return new WholeOutputOutcome(sample, [("not runnable", NotRunnable ?? "")]);
        var (document, input) = Process(sample, _pipeline, sentSource);
        return new WholeOutputOutcome(sample, _comparison.Differences(document, sample, input));
    }

    /// <summary>The sample's event after all the pipeline's steps, as JSON attributes (null when it cannot run).</summary>
    public JsonObject? ProcessedAttributes(DatadogSample sample) =>
        _pipeline is null ? null : WholeOutputComparison.ReadAttributes(Process(sample, _pipeline, sentSource).Document);

    /// <summary>
    /// The grok outcome and the whole event (official values and attributes) after all the pipeline's steps, the sample
    /// sent as <see cref="Run"/> sends it: what two implementations of the same pipeline must agree on (null when it cannot run).
    /// </summary>
    public string? ProcessedEvent(DatadogSample sample)
    {
        if (_pipeline is null) return null;
        var context = new ParseContext(new FixedClock(RecordingClock));
        var (document, _) = Process(sample, _pipeline, sentSource, context, out var result);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) GrokFlow.Engine.Events.EventWriter.Write(document, writer, context);
        return $"{result.Status} {result.RuleName} {Encoding.UTF8.GetString(buffer.WrittenSpan)}";
    }

    private static (EventDocument Document, JsonObject Input) Process(DatadogSample sample, IGrokPipeline pipeline, string sentSource) =>
        Process(sample, pipeline, sentSource, new ParseContext(new FixedClock(RecordingClock)), out _);

    private static (EventDocument Document, JsonObject Input) Process(DatadogSample sample, IGrokPipeline pipeline, string sentSource, ParseContext context, out GrokResult result)
    {
        var document = context.Processing.Document;
        document.Reset();
        var input = InputOf(sample);
        document.MergeObject(Encoding.UTF8.GetBytes(input.ToJsonString()));
        document.AddTag(Encoding.UTF8.GetBytes("source:" + sentSource));
        if (input["message"] is JsonValue sent && sent.TryGetValue<string>(out var message))
            document.Official.SetSentMessage(document.Store(Encoding.UTF8.GetBytes(message)));
        if (sample.Service is { Length: > 0 } service) document.Official.SetSentService(document.Store(Encoding.UTF8.GetBytes(service)));
        result = pipeline.Process(document, context);
        return (document, input);
    }

    /// <summary>
    /// The source the samples were sent with: the one the pipeline's own filter names (<c>source:klaviyo</c>), which
    /// routed them to it in Datadog; the recordings write it as the placeholder <c>LOGS_SOURCE</c>. Kept as the
    /// placeholder when the filter names several.
    /// </summary>
    private static string SourceOf(DatadogPipelineCase pipelineCase)
    {
        var filter = (JsonNode.Parse(pipelineCase.Line)!["pipeline_filter"]?.GetValue<string>() ?? "").Trim();
        var match = System.Text.RegularExpressions.Regex.Match(filter, @"^source:([\w.\-]+)$");
        return match.Success ? match.Groups[1].Value : WholeOutputComparison.SourcePlaceholder;
    }

    /// <summary>The event as the intake made it from the sample.</summary>
    public static JsonObject InputOf(DatadogSample sample)
    {
        if (sample.Kind == "json")
        {
            try
            {
                if (JsonNode.Parse(sample.Sample) is JsonObject o) return (JsonObject)DatadogEventInput.WithoutNullsOrEmptyContainers(o)!;
            }
            catch (JsonException)
            {
                // Sent as JSON but not an object Datadog could parse: it arrives as a plain message.
            }
        }
        // Sent as is: the recorded messages keep a line break that ends the sample.
        return new JsonObject { ["message"] = sample.Sample };
    }

    /// <summary>The targets of the pipeline's geo-IP parsers (default <c>network.client.geoip</c>), nested ones too.</summary>
    private static IEnumerable<string> GeoIpTargets(JsonArray processors)
    {
        foreach (var processor in processors.OfType<JsonObject>())
        {
            var type = processor["type"]?.GetValue<string>();
            if (type == "geo-ip-parser")
                yield return processor["target"] is JsonValue target ? target.GetValue<string>() : "network.client.geoip";
            if (type == "pipeline" && processor["processors"] is JsonArray nested)
            {
                foreach (var path in GeoIpTargets(nested)) yield return path;
            }
        }
    }
}
