using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GrokFlow.Tests.ImportExport;

/// <summary>
/// Brings a Datadog pipeline definition, as an integration file (camelCase) or as the Logs Pipelines API (snake_case)
/// writes it, to one comparable form: API key names, null members dropped, Datadog's defaults filled in, the lookup
/// table as its non-blank lines, grok rules as their non-blank lines trimmed, without the white space Datadog ignores
/// around the colons of a token. Written independently of the import and export, so a mapping mistake made the same
/// way in both directions still shows.
/// </summary>
public static partial class DatadogDefinitionNormalizer
{
    private static readonly Dictionary<string, string> ApiNames = new(StringComparer.Ordinal)
    {
        ["enabled"] = "is_enabled",
        ["preserveSource"] = "preserve_source",
        ["overrideOnConflict"] = "override_on_conflict",
        ["sourceType"] = "source_type",
        ["targetType"] = "target_type",
        ["targetFormat"] = "target_format",
        ["replaceMissing"] = "is_replace_missing",
        ["lookupTable"] = "lookup_table",
        ["defaultLookup"] = "default_lookup",
        ["encoded"] = "is_encoded",
        ["normalizeEndingSlashes"] = "normalize_ending_slashes",
        ["combineVersionDetails"] = "combine_version_details",
        ["ipProcessingBehavior"] = "ip_processing_behavior",
        ["valueToExtract"] = "value_to_extract",
        ["supportRules"] = "support_rules",
        ["matchRules"] = "match_rules",
    };

    /// <summary>The top-level pipeline object from its parts.</summary>
    public static JsonObject Pipeline(string name, string filter, JsonArray processors) => Sorted(new JsonObject
    {
        ["name"] = name,
        ["is_enabled"] = true,
        ["filter"] = new JsonObject { ["query"] = filter },
        ["processors"] = Processors(processors),
    });

    /// <summary>A pipeline object as the export writes it (or the API returns it).</summary>
    public static JsonObject Pipeline(JsonObject api) => Pipeline(
        api["name"]!.GetValue<string>(),
        api["filter"]?["query"]?.GetValue<string>() ?? "",
        api["processors"]!.AsArray());

    private static JsonArray Processors(JsonArray processors) =>
        new(processors.Select(p => (JsonNode?)Processor(p!.AsObject())).ToArray());

    private static JsonObject Processor(JsonObject original)
    {
        var p = Renamed(original);
        var type = p["type"]!.GetValue<string>();
        Default(p, "is_enabled", true);
        Default(p, "name", "");
        switch (type)
        {
            case "pipeline":
                p["filter"] = new JsonObject { ["query"] = p["filter"]?["query"]?.GetValue<string>() ?? "" };
                p["processors"] = Processors(p["processors"]?.AsArray() ?? []);
                break;
            case "grok-parser":
                Default(p, "source", "message");
                Default(p, "samples", new JsonArray());
                var grok = Renamed(p["grok"]!.AsObject());
                p["grok"] = Sorted(new JsonObject
                {
                    ["support_rules"] = RuleLines(grok["support_rules"]?.GetValue<string>()),
                    ["match_rules"] = RuleLines(grok["match_rules"]?.GetValue<string>()),
                });
                break;
            case "attribute-remapper":
                Default(p, "source_type", "attribute");
                Default(p, "target_type", "attribute");
                Default(p, "preserve_source", false);
                Default(p, "override_on_conflict", false);
                break;
            case "arithmetic-processor":
            case "string-builder-processor":
                Default(p, "is_replace_missing", false);
                if (p["template"] is JsonValue template && template.GetValueKind() == JsonValueKind.Number)
                    p["template"] = template.ToJsonString();
                break;
            case "user-agent-parser":
                Default(p, "is_encoded", false);
                break;
            case "lookup-processor":
                if (p["lookup_table"] is JsonValue table && table.GetValueKind() == JsonValueKind.String)
                {
                    p["lookup_table"] = new JsonArray(table.GetValue<string>().Split('\n')
                        .Where(l => l.Trim().Length > 0).Select(l => (JsonNode?)l).ToArray());
                }
                break;
            case "array-processor":
                p["operation"] = Renamed(p["operation"]!.AsObject());
                break;
        }
        return Sorted(p);
    }

    private static JsonObject Renamed(JsonObject o)
    {
        var result = new JsonObject();
        foreach (var (key, value) in o)
        {
            if (value is null) continue;
            result[ApiNames.GetValueOrDefault(key, key)] = value.DeepClone();
        }
        return result;
    }

    private static void Default(JsonObject o, string key, JsonNode value)
    {
        if (o[key] is null) o[key] = value;
    }

    private static string RuleLines(string? text) => string.Join("\n", (text ?? "").Split('\n')
        .Select(l => l.Trim(' ', '\t', '\r')).Where(l => l.Length > 0).Select(OneSpaceAfterName).Select(WithoutSpaceAroundTokenColons));

    /// <summary>Datadog reads a rule as its name, white space, then the pattern: how much white space does not matter.</summary>
    private static string OneSpaceAfterName(string line) => line.StartsWith('#') ? line : NameSeparator().Replace(line, " ", 1);

    [GeneratedRegex("""[ \t]+""")]
    private static partial Regex NameSeparator();

    private static string WithoutSpaceAroundTokenColons(string line) =>
        Token().Replace(line, token => TokenPart().Replace(token.Value,
            part => part.Value.StartsWith('"') ? part.Value : SpaceAroundColon().Replace(part.Value, ":")));

    [GeneratedRegex("""%\{(?:[^}"]|"(?:[^"\\]|\\.)*")*\}""")]
    private static partial Regex Token();

    [GeneratedRegex("""("(?:[^"\\]|\\.)*")|[^"]+""")]
    private static partial Regex TokenPart();

    [GeneratedRegex(""" *: *""")]
    private static partial Regex SpaceAroundColon();

    private static JsonObject Sorted(JsonObject o)
    {
        var result = new JsonObject();
        foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
            result[key] = value is JsonObject child ? Sorted(child) : value?.DeepClone();
        return result;
    }

    /// <summary>Where two normalized definitions differ: one line per differing value, with its path.</summary>
    public static List<string> Differences(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var result = new List<string>();
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                    result.AddRange(Differences(e[key], a[key], $"{path}.{key}"));
                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++) result.AddRange(Differences(e[i], a[i], $"{path}[{i}]"));
                break;
            case (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.String && a.GetValueKind() == JsonValueKind.String
                                                 && e.GetValue<string>() != a.GetValue<string>():
                var (expectedText, exportedText) = (e.GetValue<string>(), a.GetValue<string>());
                var at = 0;
                while (at < expectedText.Length && at < exportedText.Length && expectedText[at] == exportedText[at]) at++;
                var from = Math.Max(0, at - 40);
                result.Add($"{path}: differs at character {at}: expected ...{Short(expectedText[from..])}, exported ...{Short(exportedText[from..])}");
                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                    result.Add($"{path}: expected {Short(expected)}, exported {Short(actual)}");
                break;
        }
        return result;
    }

    private static string Short(JsonNode? node) => Short(node?.ToJsonString() ?? "(absent)");

    private static string Short(string text) => text.Length > 160 ? text[..160] + "..." : text;
}
