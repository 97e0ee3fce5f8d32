using System.Collections.Immutable;
using System.Text.Json;

namespace GrokFlow.Tooling.Import;

/// <summary>
/// Reads a Datadog pipeline definition from JSON. Accepted shapes: the Logs Pipelines API object
/// (<c>{"name", "filter": {"query"}, "processors": [...]}</c>); an integration pipeline file converted to JSON
/// (<c>{"pipeline": {...}}</c>); and one line of the conformance corpus (<c>pipeline_name</c>, <c>pipeline_filter</c>,
/// <c>processors_full</c>). Grok rules are read from <c>support_rules</c>/<c>match_rules</c> (API) or
/// <c>supportRules</c>/<c>matchRules</c> (integration files).
/// </summary>
public static class DatadogPipelineReader
{
    public static DatadogPipeline Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new DatadogImportException($"not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new DatadogImportException("expected a JSON object holding a pipeline");
            if (root.TryGetProperty("processors_full", out var corpusProcessors))
            {
                return new DatadogPipeline(
                    StringOf(root, "pipeline_name") ?? StringOf(root, "pipeline_id") ?? "imported",
                    StringOf(root, "pipeline_filter") ?? "",
                    true,
                    ReadProcessors(corpusProcessors, "processors_full"));
            }
            if (root.TryGetProperty("pipeline", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object) root = wrapped;
            if (!root.TryGetProperty("processors", out var processors))
                throw new DatadogImportException("no 'processors' array: not a Datadog pipeline definition");
            return new DatadogPipeline(
                StringOf(root, "name") ?? "imported",
                FilterOf(root) ?? "",
                BoolOf(root, "is_enabled") ?? BoolOf(root, "enabled") ?? true,
                ReadProcessors(processors, "processors"));
        }
    }

    private static ImmutableArray<DatadogProcessor> ReadProcessors(JsonElement array, string where)
    {
        if (array.ValueKind != JsonValueKind.Array) throw new DatadogImportException($"'{where}' is not an array");
        var result = ImmutableArray.CreateBuilder<DatadogProcessor>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"{where}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object) throw new DatadogImportException($"{path} is not an object");
            var type = StringOf(item, "type") ?? throw new DatadogImportException($"{path} has no 'type'");
            var grok = item.TryGetProperty("grok", out var g) && g.ValueKind == JsonValueKind.Object ? g : default;
            var isGrok = type == DatadogProcessor.GrokParserType;
            if (isGrok && grok.ValueKind != JsonValueKind.Object) throw new DatadogImportException($"{path}: grok parser without 'grok' rules");
            result.Add(new DatadogProcessor(
                type,
                StringOf(item, "name") ?? "",
                BoolOf(item, "is_enabled") ?? BoolOf(item, "enabled") ?? true,
                StringOf(item, "source"),
                isGrok ? StringOf(grok, "support_rules") ?? StringOf(grok, "supportRules") ?? "" : null,
                isGrok ? StringOf(grok, "match_rules") ?? StringOf(grok, "matchRules") ?? "" : null,
                FilterOf(item),
                type == DatadogProcessor.PipelineType && item.TryGetProperty("processors", out var inner)
                    ? ReadProcessors(inner, path + ".processors")
                    : [],
                item.GetRawText(),
                SamplesOf(item)));
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<string> SamplesOf(JsonElement o) =>
        o.TryGetProperty("samples", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToImmutableArray()
            : [];

    private static string? FilterOf(JsonElement o) =>
        o.TryGetProperty("filter", out var f) && f.ValueKind == JsonValueKind.Object ? StringOf(f, "query") : null;

    private static string? StringOf(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool? BoolOf(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
}
