using System.Text.Json.Nodes;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Conformance;

/// <summary>
/// One grok test vector of shared/conformance/grok/*.jsonl (schema: shared/spec/grok-dialect.md section 10): rules
/// tried in order, helpers, an input line and the expected attributes (or <c>"error"</c>).
/// </summary>
public sealed record GrokCase(
    string Name,
    string Kind,
    IReadOnlyList<string> Rules,
    bool PatternOnly,
    IReadOnlyList<(string Name, string Pattern)> Helpers,
    string? Input,
    JsonNode? Expected,
    JsonObject Raw)
{
    public bool ExpectsError => Expected is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && v.GetValue<string>() == "error";

    /// <summary>From the open peer implementation's suite (whose behaviour loses where it differs from Datadog's).</summary>
    public bool FromVrl => Name.StartsWith("vrl::", StringComparison.Ordinal) || Name.StartsWith("vector-", StringComparison.Ordinal);

    public bool TimeDependent => Raw["time_dependent"]?.GetValue<bool>() == true;

    public string? ExpectedRule => Raw["expected_rule"]?.GetValue<string>();

    /// <summary>Every rule and helper pattern, for checks that look at all the rule text.</summary>
    public IEnumerable<string> AllPatterns => RulePatterns.Select(r => r.Pattern).Concat(Helpers.Select(h => h.Pattern));

    /// <summary>The match rules as (name, pattern): named rules split at their first whitespace, others named ruleN.</summary>
    public IReadOnlyList<(string Name, string Pattern)> RulePatterns =>
        PatternOnly
            ? Rules.Select((pattern, i) => ($"rule{i}", pattern)).ToList()
            : Rules.Select(SplitNamed).ToList();

    private static (string, string) SplitNamed(string line)
    {
        var space = line.IndexOfAny([' ', '\t']);
        return space < 0 ? (line, "") : (line[..space], line[(space + 1)..].TrimStart(' ', '\t'));
    }

    public override string ToString() => Name;
}

/// <summary>The grok test vectors, loaded once from the shared folder.</summary>
public static class GrokCaseCorpus
{
    public static readonly string[] Files = ["datadog-doc-cases.jsonl", "vrl-cases.jsonl"];

    public static IReadOnlyList<GrokCase> All { get; } = Load();

    private static List<GrokCase> Load()
    {
        var cases = new List<GrokCase>();
        foreach (var file in Files)
        {
            var path = Path.Combine(RepositoryPaths.Shared, "conformance", "grok", file);
            foreach (var line in File.ReadLines(path))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var o = JsonNode.Parse(line)!.AsObject();
                cases.Add(new GrokCase(
                    o["name"]!.GetValue<string>(),
                    o["kind"]!.GetValue<string>(),
                    o["rules"]!.AsArray().Select(r => r!.GetValue<string>()).ToList(),
                    o["rules_format"]?.GetValue<string>() == "pattern-only",
                    (o["helpers"] as JsonObject ?? []).Select(h => (h.Key, h.Value!.GetValue<string>())).ToList(),
                    o["input"]?.GetValue<string>(),
                    o["expected"]?.DeepClone(),
                    o));
            }
        }
        return cases;
    }
}
