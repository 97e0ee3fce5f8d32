using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Tooling.Import;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.DatadogPipelines;

/// <summary>The outcome of one sample: whether a grok parser applied, and every difference found (empty: agreement).</summary>
public sealed record SampleOutcome(DatadogSample Sample, bool HasGrokParser, IReadOnlyList<(string Cause, string Detail)> Differences);

/// <summary>
/// Imports one corpus pipeline and runs every sample through the WHOLE imported pipeline, exactly as
/// <see cref="WholeOutputRunner"/> does (all processors, nested pipelines behind their filters, category queries), then
/// compares only the paths its grok parsers extract with Datadog's recorded result (<see cref="GrokLevelComparison"/>).
/// So a parser whose source an earlier processor wrote, or one inside a nested pipeline, runs on what Datadog's parser
/// saw. A sample counts as having a grok parser when one of the pipeline's runnable parsers (nested ones included)
/// finds its source attribute, in the event as sent or as processed. The compile check (<see cref="CompileErrors"/>)
/// is on the verbatim import, with the rules grokflow rejects commented out (<see cref="DroppedRules"/>).
/// </summary>
public sealed class GrokLevelRunner
{
    private readonly WholeOutputRunner _whole;
    private readonly List<string> _grokPaths = [];
    private readonly List<string> _parserSources = [];
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
        _whole = new WholeOutputRunner(pipelineCase);
        foreach (var (parser, _) in Definition.GrokParsers())
        {
            if (!RulesTextWriter.IsRunnable(parser)) continue;
            _parserSources.Add(string.IsNullOrWhiteSpace(parser.Source) ? "message" : parser.Source!.Trim());
            _grokPaths.AddRange(GrokExtractPaths.Of(parser.MatchRules + "\n" + parser.SupportRules));
        }
        var targets = new List<string>();
        var sources = new List<string>();
        CollectOtherProcessorPaths(Definition.Processors, targets, sources);
        _comparison = new GrokLevelComparison(_grokPaths, targets, sources);
    }

    public DatadogPipelineCase Case { get; }
    public DatadogPipeline Definition { get; }
    public string RulesText { get; }
    public IReadOnlyList<string> CompileErrors { get; }

    /// <summary>Whether the pipeline holds a runnable grok parser (nested ones included).</summary>
    public bool HasGrokParsers => _parserSources.Count > 0;

    /// <summary>The rules the import commented out because grokflow rejects them, with the reason.</summary>
    public IReadOnlyList<string> DroppedRules { get; }

    public SampleOutcome Run(DatadogSample sample)
    {
        if (!HasGrokParsers || _whole.ProcessedAttributes(sample) is not { } processed) return new SampleOutcome(sample, false, []);
        var input = WholeOutputRunner.InputOf(sample);
        var applied = _parserSources.Any(source => ValueAt(input, source) is not null || ValueAt(processed, source) is not null);
        if (!applied) return new SampleOutcome(sample, false, []);
        var extracted = new JsonObject();
        foreach (var path in _grokPaths.Distinct())
        {
            if (NodeAt(processed, path) is { } node) SetAt(extracted, path, node.DeepClone());
        }
        return new SampleOutcome(sample, true, _comparison.Differences(extracted, sample.Expected, input));
    }

    private static JsonNode? NodeAt(JsonObject attributes, string path)
    {
        if (attributes.TryGetPropertyValue(path, out var flat)) return flat;
        JsonNode? current = attributes;
        foreach (var segment in path.Split('.')) current = (current as JsonObject)?[segment];
        return current;
    }

    private static void SetAt(JsonObject root, string path, JsonNode value)
    {
        var segments = path.Split('.');
        var current = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (current[segments[i]] is not JsonObject next)
            {
                next = new JsonObject();
                current[segments[i]] = next;
            }
            current = next;
        }
        current[segments[^1]] = value;
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
