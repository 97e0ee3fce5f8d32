using System.Text.Json.Nodes;
using GrokFlow.Tooling.Import;
using GrokFlow.Language.Syntax;

namespace GrokFlow.Tooling.Export;

/// <summary>
/// Writes a .rules pipeline as the Logs Pipelines API object Datadog accepts:
/// <c>{"name", "is_enabled", "filter": {"query"}, "processors": [...]}</c>, each processor with <c>type</c>,
/// <c>name</c>, <c>is_enabled</c> and its settings in snake_case (see <see cref="GrokFlow.Language.Model.Processors.ProcessorDescriptor"/>). It reads the
/// syntax tree, so grok rules are exported as written; the file is expected to have passed the checker. What the import
/// kept as comments (rules grokflow rejects, settings with no .rules form) is exported back as it was.
/// </summary>
public static class PipelineJsonExporter
{
    public static JsonObject Export(PipelineSyntax pipeline, string rulesText)
    {
        var lines = rulesText.Replace("\r\n", "\n").Split('\n');
        return new JsonObject
        {
            ["name"] = pipeline.Title ?? pipeline.Id,
            ["is_enabled"] = true,
            ["filter"] = new JsonObject { ["query"] = pipeline.Filter ?? "" },
            ["processors"] = Steps(pipeline.Steps, lines),
        };
    }

    private static JsonArray Steps(IEnumerable<StepSyntax> steps, IReadOnlyList<string> lines) =>
        new(steps.Select(step => (JsonNode?)Step(step, lines)).ToArray());

    private static JsonObject Step(StepSyntax step, IReadOnlyList<string> lines) => step switch
    {
        GrokParserSyntax grok => GrokParser(grok, lines),
        NestedPipelineSyntax nested => NestedPipeline(nested, lines),
        ProcessorSyntax processor => WithUnmapped(ProcessorJsonWriter.Write(processor), processor.Span.Line, lines, stopAtInnerBlock: false),
        _ => throw new InvalidOperationException($"a step of an unknown kind: {step.GetType().Name}"),
    };

    private static JsonObject GrokParser(GrokParserSyntax grok, IReadOnlyList<string> lines)
    {
        var (match, support) = GrokRuleText.Of(grok, lines);
        var json = ProcessorJsonWriter.Header("grok-parser", grok.Name, grok.Enabled);
        json["source"] = grok.SourceAttribute;
        json["samples"] = new JsonArray((grok.Samples.IsDefault ? [] : grok.Samples).Select(s => (JsonNode?)s).ToArray());
        json["grok"] = new JsonObject { ["support_rules"] = support, ["match_rules"] = match };
        return WithUnmapped(json, grok.Span.Line, lines, stopAtInnerBlock: false);
    }

    private static JsonObject NestedPipeline(NestedPipelineSyntax nested, IReadOnlyList<string> lines)
    {
        var json = ProcessorJsonWriter.Header("pipeline", nested.Name, nested.Enabled);
        json["filter"] = new JsonObject { ["query"] = nested.Filter ?? "" };
        json["processors"] = Steps(nested.Steps, lines);
        return WithUnmapped(json, nested.Span.Line, lines, stopAtInnerBlock: true);
    }

    private static JsonObject WithUnmapped(JsonObject json, int headerLine, IReadOnlyList<string> lines, bool stopAtInnerBlock)
    {
        UnmappedSettings.AddTo(json, UnmappedSettings.Of(headerLine, lines, stopAtInnerBlock));
        return json;
    }
}
