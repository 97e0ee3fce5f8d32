using System.Text;
using System.Text.Json.Nodes;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Benchmarks.Integrations;

/// <summary>The recorded text samples of one integration pipeline of shared/conformance/datadog-pipelines.jsonl, as UTF-8 lines.</summary>
public static class IntegrationSamples
{
    public static byte[][] Of(string integration)
    {
        var path = Path.Combine(RepositoryPaths.Shared, "conformance", "datadog-pipelines.jsonl");
        foreach (var line in File.ReadLines(path))
        {
            var o = JsonNode.Parse(line)!.AsObject();
            if (o["integration"]!.GetValue<string>() != integration) continue;
            return o["tests"]!.AsArray()
                .Where(t => t!["sample_kind"]!.GetValue<string>() != "json")
                .Select(t => Encoding.UTF8.GetBytes(t!["sample"]!.GetValue<string>().TrimEnd('\n', '\r')))
                .ToArray();
        }
        throw new InvalidOperationException($"no integration '{integration}' in {path}");
    }
}
