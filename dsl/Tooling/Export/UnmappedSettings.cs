using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFlow.Tooling.Import;

namespace GrokFlow.Tooling.Export;

/// <summary>
/// The Datadog settings the import kept as <c># not imported: "key": JSON</c> comments in a block (settings with no
/// .rules form, such as a nested pipeline's <c>ocsf</c> marker), read back so the export writes them as they were.
/// </summary>
public static class UnmappedSettings
{
    /// <summary>
    /// The settings kept in the block opened on <paramref name="headerLine"/> (1-based), before its closing <c>}</c>.
    /// Inner blocks are skipped, or end the search when <paramref name="stopAtInnerBlock"/> (a nested pipeline, whose
    /// kept settings come before its steps).
    /// </summary>
    public static IEnumerable<(string Key, JsonNode Value)> Of(int headerLine, IReadOnlyList<string> lines, bool stopAtInnerBlock)
    {
        var header = headerLine - 1;
        if (header < 0 || header >= lines.Count || !lines[header].TrimEnd().EndsWith('{')) yield break;
        for (var i = header + 1; i < lines.Count; i++)
        {
            var trimmed = lines[i].Trim(' ', '\t', '\r');
            if (trimmed == "}") yield break;
            if (trimmed.StartsWith(ProcessorBlockWriter.UnmappedMarker + "\"", StringComparison.Ordinal))
            {
                if (Parse(trimmed[ProcessorBlockWriter.UnmappedMarker.Length..]) is { } setting) yield return setting;
            }
            else if (!trimmed.StartsWith('#') && trimmed.EndsWith('{'))
            {
                if (stopAtInnerBlock) yield break;
                while (i + 1 < lines.Count && lines[i + 1].Trim(' ', '\t', '\r') != "}") i++;
                i++;
            }
        }
    }

    private static (string, JsonNode)? Parse(string member)
    {
        try
        {
            if (JsonNode.Parse("{" + member + "}") is JsonObject { Count: 1 } o && o.First() is { Value: not null } p) return (p.Key, p.Value.DeepClone());
        }
        catch (JsonException)
        {
            // An ordinary comment that happens to start like a kept setting: not one.
        }
        return null;
    }

    /// <summary>Adds the kept settings to <paramref name="json"/>; a key <c>a.b</c> goes into the object <c>a</c> (<c>operation</c>, <c>grok</c>).</summary>
    public static void AddTo(JsonObject json, IEnumerable<(string Key, JsonNode Value)> settings)
    {
        foreach (var (key, value) in settings)
        {
            var dot = key.IndexOf('.');
            if (dot > 0 && json[key[..dot]] is JsonObject inner) inner[key[(dot + 1)..]] = value;
            else json[key] = value;
        }
    }
}
