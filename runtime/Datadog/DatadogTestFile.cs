using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrokFlow.Runtime.Datadog;

/// <summary>One test of a Datadog integration test file: the log, the service it is sent with, Datadog's recorded result.</summary>
public sealed record DatadogTest(int Index, JsonNode Sample, string? Service, JsonObject Result)
{
    /// <summary>The log as text (a JSON log as its JSON).</summary>
    public string SampleText => Sample is JsonValue v && v.TryGetValue<string>(out var text) ? text : Sample.ToJsonString();
}

/// <summary>
/// Reads Datadog integration test files: <c>*_tests.yaml</c> (or the same as JSON), <c>{"tests": [{"sample",
/// "service", "result"}]}</c>; or lines of the conformance corpus (<c>datadog-pipelines.jsonl</c>, whose tests hold
/// <c>sample</c>, <c>service</c> and the recorded <c>expected</c>), of which the line for <paramref name="pipelineId"/>
/// is taken (its <c>pipeline_id</c> or <c>integration</c>), or the only line.
/// </summary>
public static class DatadogTestFile
{
    public static IReadOnlyList<DatadogTest> Read(string path, string text, string pipelineId)
    {
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)) return FromCorpus(text, pipelineId);
        var json = text.TrimStart().StartsWith('{') ? text : Cli.YamlToJson.Convert(text);
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("the test file is not an object with 'tests'");
        return Tests(root, "result");
    }

    private static IReadOnlyList<DatadogTest> FromCorpus(string text, string pipelineId)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => JsonNode.Parse(l) as JsonObject ?? throw new FormatException("a corpus line is not a JSON object")).ToList();
        var line = lines.Count == 1 ? lines[0]
            : lines.FirstOrDefault(l => Is(l["pipeline_id"], pipelineId) || Is(l["integration"], pipelineId))
              ?? throw new FormatException($"no line of the corpus is for pipeline '{pipelineId}' (its pipeline_id or integration)");
        return Tests(line, "expected");
    }

    private static IReadOnlyList<DatadogTest> Tests(JsonObject root, string resultKey)
    {
        if (root["tests"] is not JsonArray tests) throw new FormatException("the test file has no 'tests' list");
        return tests.Select((t, i) =>
        {
            if (t is not JsonObject test || test["sample"] is not { } sample) throw new FormatException($"test {i + 1} has no 'sample'");
            if (test[resultKey] is not JsonObject result) throw new FormatException($"test {i + 1} has no '{resultKey}' object");
            var service = test["service"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            return new DatadogTest(i + 1, sample.DeepClone(), service, (JsonObject)result.DeepClone());
        }).ToList();
    }

    private static bool Is(JsonNode? node, string value) => node is JsonValue v && v.TryGetValue<string>(out var s) && s == value;
}
