using System.Text.Json.Nodes;

namespace GrokFlow.Tests.Values;

/// <summary>
/// Finds the shared reference material (<c>shared/</c>, the sibling of the checkout that holds Rules.sln) and reads the
/// grok conformance rows. Shared test helper; it may move out of Values/ once other tests need it.
/// </summary>
public static class ConformanceCorpus
{
    public static string SharedDirectory { get; } = FindSharedDirectory();

    public static string GrokDirectory => Path.Combine(SharedDirectory, "conformance", "grok");

    /// <summary>All rows of a grok corpus file (<c>datadog-doc-cases.jsonl</c> or <c>vrl-cases.jsonl</c>).</summary>
    public static IReadOnlyList<JsonObject> ReadGrokRows(string fileName) =>
        File.ReadLines(Path.Combine(GrokDirectory, fileName))
            .Where(line => line.Length > 0)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .ToList();

    private static string FindSharedDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Rules.sln")))
            directory = directory.Parent;
        if (directory is not null)
        {
            var sibling = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared"));
            if (Directory.Exists(sibling)) return sibling;
        }

        const string fallback = "/work/shared";
        if (Directory.Exists(fallback)) return fallback;
        throw new DirectoryNotFoundException(
            $"shared reference material not found beside the checkout (from {AppContext.BaseDirectory}) nor at {fallback}");
    }
}
