using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Tooling.Import;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.DatadogPipelines;

/// <summary>The outcome of one sample: whether a grok parser applied, and every difference found (empty: agreement).</summary>
public sealed record SampleOutcome(DatadogSample Sample, bool HasGrokParser, IReadOnlyList<(string Cause, string Detail)> Differences);

/// <summary>
/// Imports one corpus pipeline and runs every sample through the WHOLE imported pipeline, exactly as
/// <see cref="WholeOutputRunner"/> does (all processors, nested pipelines behind their filters, category queries), then
/// compares every attribute its grok parsers wrote (<see cref="RecordingGrokParsers"/>: root-level <c>json</c> and
/// <c>keyvalue</c> extraction included) with Datadog's recorded result (<see cref="GrokLevelComparison"/>).
/// So a parser whose source an earlier processor wrote, or one inside a nested pipeline, runs on what Datadog's parser
/// saw. A sample counts as having a grok parser when one of the pipeline's runnable parsers (nested ones included)
/// ran on it, or finds its source attribute in the event as sent or as processed. The compile check (<see cref="CompileErrors"/>)
/// is on the verbatim import, with the rules grokflow rejects commented out (<see cref="DroppedRules"/>).
/// </summary>
public sealed class GrokLevelRunner
{
    private readonly WholeOutputRunner _whole;
    private readonly RecordingGrokParsers? _recorder;
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
        var imported = RulesCompiler.Compile(RulesTextWriter.Write(Definition));
        if (!imported.HasErrors && imported.Pipelines.Length > 0)
        {
            var model = imported.Pipelines[0];
            _recorder = new RecordingGrokParsers(InterpretedPipeline.Create(model));
            _whole = new WholeOutputRunner(pipelineCase, new ProcessingPipeline(model, _recorder, ProcessingServices.Default));
        }
        else _whole = new WholeOutputRunner(pipelineCase);
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
        if (!HasGrokParsers || _recorder is null) return new SampleOutcome(sample, false, []);
        _recorder.Reset();
        if (_whole.ProcessedAttributes(sample) is not { } processed) return new SampleOutcome(sample, false, []);
        var input = WholeOutputRunner.InputOf(sample);
        var applied = _recorder.Calls > 0
            || _parserSources.Any(source => ValueAt(input, source) is not null || ValueAt(processed, source) is not null);
        if (!applied) return new SampleOutcome(sample, false, []);
        var extracted = WholeOutputComparison.ReadAttributes(_recorder.Written);
        var recordedMessage = sample.Expected["message"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : "";
        var rendered = WholeOutputComparison.IsIntakeRendering(recordedMessage, sample, input);
        return new SampleOutcome(sample, true, _comparison.Differences(extracted, sample.Expected, input, recordedMessageIsIntakeRendering: rendered));
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
            var whole = JsonNode.Parse(processor.Raw)!.AsObject();
            // The array processor keeps its source and target in its operation.
            var raw = whole["operation"] as JsonObject ?? whole;
            if (raw["target"] is JsonValue target && target.GetValueKind() == JsonValueKind.String) targets.Add(target.GetValue<string>());
            else if (DefaultTarget(whole["type"]?.GetValue<string>()) is { } defaultTarget) targets.Add(defaultTarget);
            if (raw["source"] is JsonValue source && source.GetValueKind() == JsonValueKind.String) sources.Add(source.GetValue<string>());
            if (raw["sources"] is JsonArray list)
                sources.AddRange(list.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()));
        }
    }

    /// <summary>Where a parser processor writes when its definition names no target (Datadog's defaults).</summary>
    private static string? DefaultTarget(string? type) => type switch
    {
        "url-parser" => "http.url_details",
        "user-agent-parser" => "http.useragent_details",
        "geo-ip-parser" => "network.client.geoip",
        _ => null,
    };
}
