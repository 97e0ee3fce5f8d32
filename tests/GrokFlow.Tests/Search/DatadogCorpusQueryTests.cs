using System.Text.Json.Nodes;
using GrokFlow.Engine.Search;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Search;

/// <summary>The search queries of Datadog's published integration pipelines (filters of pipelines, nested pipelines, categories, arrays).</summary>
public sealed class DatadogCorpusQueryTests
{
    private static readonly string CorpusPath = Path.Combine(RepositoryPaths.Shared, "conformance", "datadog-pipelines.jsonl");

    [Fact]
    public void EveryQueryOfTheIntegrationPipelinesParses()
    {
        var queries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(CorpusPath))
            if (line.Length > 0) CollectQueries(JsonNode.Parse(line), queries);
        Assert.True(queries.Count > 500, $"only {queries.Count} queries found in {CorpusPath}");

        var unreadable = queries
            .Select(q => SearchQueryParser.TryParse(q, out _, out var error) ? null : error.Message)
            .OfType<string>()
            .ToList();
        Assert.True(unreadable.Count == 0, string.Join("\n", unreadable));
    }

    private static void CollectQueries(JsonNode? node, ISet<string> queries)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "filter" && value is JsonObject filter && filter["query"] is JsonValue query && query.TryGetValue<string>(out var text))
                        queries.Add(text);
                    CollectQueries(value, queries);
                }
                break;
            case JsonArray array:
                foreach (var element in array) CollectQueries(element, queries);
                break;
        }
    }
}
