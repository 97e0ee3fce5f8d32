using System.Text.Json.Nodes;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.DatadogPipelines;

/// <summary>
/// One sample of an integration pipeline: the raw log, how it was sent, the service its test sent it with (the input;
/// null when the test gave none), and Datadog's recorded output.
/// </summary>
public sealed record DatadogSample(int Index, string Sample, string Kind, JsonObject Expected, string? Service = null);

/// <summary>One line of shared/conformance/datadog-pipelines.jsonl: the whole line (the import input) and its samples.</summary>
public sealed record DatadogPipelineCase(string Integration, string Line, IReadOnlyList<DatadogSample> Samples)
{
    public override string ToString() => Integration;
}

/// <summary>The integration pipelines of the conformance corpus, loaded once.</summary>
public static class DatadogPipelineCorpus
{
    public static string FilePath { get; } = Path.Combine(RepositoryPaths.Shared, "conformance", "datadog-pipelines.jsonl");

    public static IReadOnlyList<DatadogPipelineCase> All { get; } = Load();

    private static List<DatadogPipelineCase> Load()
    {
        var cases = new List<DatadogPipelineCase>();
        foreach (var line in File.ReadLines(FilePath))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var o = JsonNode.Parse(line)!.AsObject();
            var samples = o["tests"]!.AsArray()
                .Select((t, i) => new DatadogSample(i, t!["sample"]!.GetValue<string>(), t["sample_kind"]!.GetValue<string>(), t["expected"]!.AsObject(),
                    t["service"]?.GetValue<string>()))
                .ToList();
            cases.Add(new DatadogPipelineCase(o["integration"]!.GetValue<string>(), line, samples));
        }
        return cases;
    }
}
