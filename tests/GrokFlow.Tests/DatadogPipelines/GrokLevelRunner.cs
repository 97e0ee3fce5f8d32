using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFlow.Dsl.Diagnostics;
using GrokFlow.Dsl.Import;
using GrokFlow.Dsl.Interpretation;
using GrokFlow.Dsl.Runtime;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.DatadogPipelines;

/// <summary>The outcome of one sample: whether a grok parser applied, and every difference found (empty: agreement).</summary>
public sealed record SampleOutcome(DatadogSample Sample, bool HasGrokParser, IReadOnlyList<(string Cause, string Detail)> Differences);

/// <summary>
/// Imports one corpus pipeline, compiles each of its grok parsers with the interpreter, and runs every sample through
/// them in order, as Datadog does: each parser reads its source attribute from the event as the parsers before it left
/// it (the sample's line as <c>message</c> for text and syslog samples, the JSON object's attributes for JSON samples;
/// a parser that extracts <c>message</c> hands the rest of the line to the next), and the attributes of all parsers
/// are merged into one result, later parsers overwriting earlier ones. Nested pipeline filters are not evaluated yet. Dates without a year resolve against the sample's recorded timestamp (the clock of the
/// recording), or 2024-01-01 when none was recorded.
/// </summary>
public sealed class GrokLevelRunner
{
    private const long MaxEpochMilliseconds = 253402300799999;
    private static readonly DateTimeOffset DefaultClock = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<(DatadogProcessor Parser, InterpretedPipeline Pipeline)> _parsers = [];
    private readonly GrokLevelComparison _comparison;

    public GrokLevelRunner(DatadogPipelineCase pipelineCase)
    {
        Case = pipelineCase;
        Definition = DatadogPipelineReader.Read(pipelineCase.Line);
        var (rulesText, dropped) = CompilableRules.Repair(RulesTextWriter.WriteVerbatim(Definition));
        RulesText = rulesText;
        DroppedRules = dropped;
        var whole = RulesInterpreter.Load(RulesText);
        CompileErrors = whole.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Format(pipelineCase.Integration + ".rules")).ToList();
        var grokPaths = new List<string>();
        foreach (var (parser, _) in Definition.GrokParsers())
        {
            if (!RulesTextWriter.IsRunnable(parser)) continue;
            var loaded = RulesInterpreter.Load(RulesTextWriter.WriteSingleParser(pipelineCase.Integration, parser));
            if (loaded.HasErrors || loaded.Pipelines.Length == 0) continue;
            _parsers.Add((parser, loaded.Pipelines.Single()));
            grokPaths.AddRange(GrokExtractPaths.Of(parser.MatchRules + "\n" + parser.SupportRules));
        }
        var targets = new List<string>();
        var sources = new List<string>();
        CollectOtherProcessorPaths(Definition.Processors, targets, sources);
        _comparison = new GrokLevelComparison(grokPaths, targets, sources);
    }

    public DatadogPipelineCase Case { get; }
    public DatadogPipeline Definition { get; }
    public string RulesText { get; }
    public IReadOnlyList<string> CompileErrors { get; }

    /// <summary>Whether any grok parser of the pipeline compiled and so runs on the samples.</summary>
    public bool HasGrokParsers => _parsers.Count > 0;

    /// <summary>The rules the import commented out because grokflow rejects them, with the reason.</summary>
    public IReadOnlyList<string> DroppedRules { get; }

    public SampleOutcome Run(DatadogSample sample)
    {
        var attributes = AttributesOf(sample);
        var context = new ParseContext(new FixedClock(ClockOf(sample)));
        var actual = new JsonObject();
        var current = attributes.DeepClone().AsObject();
        var applied = false;
        foreach (var (parser, pipeline) in _parsers)
        {
            var source = string.IsNullOrWhiteSpace(parser.Source) ? "message" : parser.Source!.Trim();
            if (ValueAt(current, source) is not { } value) continue;
            applied = true;
            var (_, output) = GrokHarness.RunParser(pipeline, 0, value, context);
            Merge(actual, output);
            Merge(current, output);
        }
        return new SampleOutcome(sample, applied, applied ? _comparison.Differences(actual, sample.Expected, attributes) : []);
    }

    private static DateTimeOffset ClockOf(DatadogSample sample) =>
        sample.Expected["timestamp"] is JsonValue t && t.TryGetValue<long>(out var ms) && ms is > 0 and < MaxEpochMilliseconds
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DefaultClock;

    private static JsonObject AttributesOf(DatadogSample sample)
    {
        if (sample.Kind == "json")
        {
            try
            {
                if (JsonNode.Parse(sample.Sample) is JsonObject o) return o;
            }
            catch (JsonException)
            {
                // Sent as JSON but not an object Datadog could parse: it arrives as a plain message.
            }
        }
        // The intake strips the line break that ends a line; the recorded messages never end with one.
        return new JsonObject { ["message"] = sample.Sample.TrimEnd('\n', '\r') };
    }

    private static string? ValueAt(JsonObject attributes, string path)
    {
        var node = attributes[path];
        if (node is null)
        {
            JsonNode? current = attributes;
            foreach (var segment in path.Split('.')) current = (current as JsonObject)?[segment];
            node = current;
        }
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => node.ToJsonString(),
        };
    }

    private static void Merge(JsonObject into, JsonObject from)
    {
        foreach (var (key, value) in from.ToList())
        {
            if (value is JsonObject child && into[key] is JsonObject existing) Merge(existing, child);
            else into[key] = value?.DeepClone();
        }
    }

    private static void CollectOtherProcessorPaths(IEnumerable<DatadogProcessor> processors, List<string> targets, List<string> sources)
    {
        foreach (var processor in processors)
        {
            if (processor.IsPipeline) CollectOtherProcessorPaths(processor.Processors, targets, sources);
            if (processor.IsGrokParser || processor.IsPipeline) continue;
            var raw = JsonNode.Parse(processor.Raw)!.AsObject();
            if (raw["target"] is JsonValue target && target.GetValueKind() == JsonValueKind.String) targets.Add(target.GetValue<string>());
            if (raw["source"] is JsonValue source && source.GetValueKind() == JsonValueKind.String) sources.Add(source.GetValue<string>());
            if (raw["sources"] is JsonArray list)
                sources.AddRange(list.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()));
        }
    }
}
