using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFlow.Language.Compilation;
using GrokFlow.Tooling.Import;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.DatadogPipelines;

/// <summary>One sample run through a whole imported pipeline: every difference from Datadog's recorded output (empty: agreement).</summary>
public sealed record WholeOutputOutcome(DatadogSample Sample, IReadOnlyList<(string Cause, string Detail)> Differences);

/// <summary>
/// Imports one corpus pipeline exactly as <c>grokflow import</c> does (<see cref="RulesTextWriter.Write"/>), loads it
/// with the interpreter and runs each sample through all its steps (<see cref="ProcessingPipeline.Process"/>), starting
/// from the event as Datadog received it: <c>{"message": line}</c> for text and syslog samples, the JSON object for
/// JSON samples, with the tag <c>source:…</c> of the pipeline's own filter (<see cref="SourceOf"/>). The pipeline's own filter is not applied
/// (the recordings ran each sample through its pipeline); nested filters and category queries go through
/// <see cref="ProcessingServices.Default"/>. Dates without a year resolve against the sample's recorded timestamp, or
/// 2024-01-01 when none (or the placeholder 1) was recorded; the message it was sent with is the log's message until a message remapper replaces it
/// (<see cref="OfficialValues.Message"/>); the service it was sent with is the recorded one
/// (<see cref="SentServiceOf"/>). The comparison is <see cref="WholeOutputComparison"/>.
/// </summary>
public sealed class WholeOutputRunner
{
    private const long MaxEpochMilliseconds = 253402300799999;
    private static readonly DateTimeOffset DefaultClock = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ProcessingPipeline? _pipeline;
    private readonly WholeOutputComparison _comparison;
    private readonly string sentSource;

    public WholeOutputRunner(DatadogPipelineCase pipelineCase)
    {
        Case = pipelineCase;
        var definition = DatadogPipelineReader.Read(pipelineCase.Line);
        RulesText = RulesTextWriter.Write(definition);
        var compiled = RulesCompiler.Compile(RulesText);
        if (!compiled.HasErrors && compiled.Pipelines.Length > 0)
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
        var (document, input) = Process(sample, _pipeline);
        return new WholeOutputOutcome(sample, _comparison.Differences(document, sample, input));
    }

    /// <summary>The sample's event after all the pipeline's steps, as JSON attributes (null when it cannot run).</summary>
    public JsonObject? ProcessedAttributes(DatadogSample sample) =>
        _pipeline is null ? null : WholeOutputComparison.ReadAttributes(Process(sample, _pipeline).Document);

    private (EventDocument Document, JsonObject Input) Process(DatadogSample sample, ProcessingPipeline pipeline)
    {
        var context = new ParseContext(new FixedClock(ClockOf(sample)));
        var document = context.Processing.Document;
        document.Reset();
        var input = InputOf(sample);
        document.MergeObject(Encoding.UTF8.GetBytes(input.ToJsonString()));
        document.AddTag(Encoding.UTF8.GetBytes("source:" + sentSource));
        if (input["message"] is JsonValue sent && sent.TryGetValue<string>(out var message))
            document.Official.SetSentMessage(document.Store(Encoding.UTF8.GetBytes(message)));
        if (SentServiceOf(sample) is { } service) document.Official.SetSentService(document.Store(Encoding.UTF8.GetBytes(service)));
        pipeline.Process(document, context);
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

    /// <summary>
    /// The service the sample was sent with. Datadog's test definitions give each sample the service it is sent with
    /// (the intake's <c>service</c> field, not an attribute: JSON samples holding a <c>service</c> attribute are
    /// recorded without an official service when nothing remaps it), and the extraction kept only the recorded result;
    /// nested pipelines filtered on <c>service:…</c> ran for samples with no such attribute, so the recorded service
    /// is the one sent. A service remapper replaces it, as in Datadog.
    /// </summary>
    private static string? SentServiceOf(DatadogSample sample) =>
        sample.Expected["service"] is JsonValue v && v.TryGetValue<string>(out var service) && service.Length > 0 ? service : null;

    private static DateTimeOffset ClockOf(DatadogSample sample) =>
        sample.Expected["timestamp"] is JsonValue t && t.TryGetValue<long>(out var ms) && ms is > 1 and < MaxEpochMilliseconds
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DefaultClock;

    /// <summary>The event as the intake made it from the sample.</summary>
    public static JsonObject InputOf(DatadogSample sample)
    {
        if (sample.Kind == "json")
        {
            try
            {
                if (JsonNode.Parse(sample.Sample) is JsonObject o) return (JsonObject)WithoutNullsOrEmptyArrays(o)!;
            }
            catch (JsonException)
            {
                // Sent as JSON but not an object Datadog could parse: it arrives as a plain message.
            }
        }
        // Sent as is: the recorded messages keep a line break that ends the sample.
        return new JsonObject { ["message"] = sample.Sample };
    }

    /// <summary>
    /// The intake drops members that are null or empty arrays from JSON logs: the recorded results never hold one,
    /// nor does the intake's rendering of the JSON as the message.
    /// </summary>
    public static JsonNode? WithoutNullsOrEmptyArrays(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            foreach (var key in o.Where(p => p.Value is null || p.Value is JsonArray { Count: 0 }).Select(p => p.Key).ToList()) o.Remove(key);
            foreach (var (_, value) in o) WithoutNullsOrEmptyArrays(value);
        }
        else if (node is JsonArray a)
        {
            foreach (var element in a) WithoutNullsOrEmptyArrays(element);
        }
        return node;
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
