using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrokFlow.Runtime.Datadog;

/// <summary>
/// Compares an event written by <see cref="DatadogResultWriter"/> with a result Datadog recorded for the same log, as
/// Datadog's pipeline tests read them: every field and every attribute under <c>custom</c>, numbers by value (<c>3</c>
/// and <c>3.0</c> agree), tags as a set (<c>source:LOGS_SOURCE</c> stands for the source the log was sent with). Two
/// recorded values stand for what the test harness supplied: a <c>timestamp</c> absent or <c>1</c> is the intake time
/// (it agrees when no date remapper set a date), and a JSON log sent without a <c>message</c> is recorded with the
/// intake's rendering of the JSON as its message (it agrees when it reads back as the log, dotted keys nested).
/// </summary>
public static class DatadogResultComparison
{
    /// <summary>How the recordings write the source a log was sent with, in its tags.</summary>
    public const string SourcePlaceholder = "LOGS_SOURCE";

    /// <summary>Every difference as <c>path: Datadog X, got Y</c> (empty: the results agree).</summary>
    public static IReadOnlyList<string> Differences(JsonObject actual, JsonObject recorded, string? sentSource, JsonObject? jsonLog)
    {
        var differences = new List<string>();
        foreach (var key in actual.Select(p => p.Key).Union(recorded.Select(p => p.Key)).Where(k => k != "custom"))
        {
            var got = actual[key];
            var expected = recorded[key];
            switch (key)
            {
                case "tags":
                    var gotTags = Strings(got).ToHashSet();
                    var expectedTags = Strings(expected).Select(t => t == "source:" + SourcePlaceholder && sentSource is not null ? "source:" + sentSource : t).ToHashSet();
                    if (!gotTags.SetEquals(expectedTags))
                        differences.Add($"tags: Datadog [{string.Join(", ", expectedTags.Order())}], got [{string.Join(", ", gotTags.Order())}]");
                    continue;
                case "timestamp" when got is null && (expected is null || IsNumber(expected, 1)):
                    continue;
                case "message" when got is null && jsonLog is not null && IsRenderingOf(expected, jsonLog):
                    continue;
            }
            if (!SameValue(got, expected)) differences.Add($"{key}: Datadog {Json(expected)}, got {Json(got)}");
        }
        CompareObjects(actual["custom"] as JsonObject ?? [], recorded["custom"] as JsonObject ?? [], "custom.", differences);
        return differences;
    }

    private static void CompareObjects(JsonObject actual, JsonObject expected, string prefix, List<string> differences)
    {
        foreach (var (key, value) in actual)
        {
            var path = prefix + key;
            if (!expected.TryGetPropertyValue(key, out var recorded)) differences.Add($"{path}: Datadog has none, got {Json(value)}");
            else if (value is JsonObject a && recorded is JsonObject e) CompareObjects(a, e, path + ".", differences);
            else if (!SameValue(value, recorded)) differences.Add($"{path}: Datadog {Json(recorded)}, got {Json(value)}");
        }
        foreach (var (key, recorded) in expected)
        {
            if (!actual.ContainsKey(key)) differences.Add($"{prefix}{key}: Datadog {Json(recorded)}, got none");
        }
    }

    /// <summary>Whether two JSON values are the same, numbers compared by value and object members in any order.</summary>
    public static bool SameValue(JsonNode? a, JsonNode? b)
    {
        if (a is JsonValue va && b is JsonValue vb && va.GetValueKind() == JsonValueKind.Number && vb.GetValueKind() == JsonValueKind.Number)
            return va.GetValue<double>() == vb.GetValue<double>();
        if (a is JsonArray aa && b is JsonArray ab)
            return aa.Count == ab.Count && aa.Zip(ab).All(p => SameValue(p.First, p.Second));
        if (a is JsonObject oa && b is JsonObject ob)
            return oa.Count == ob.Count && oa.All(p => ob.TryGetPropertyValue(p.Key, out var other) && SameValue(p.Value, other));
        return JsonNode.DeepEquals(a, b);
    }

    /// <summary>The intake's rendering nests dotted keys: <c>{"a.b":1}</c> is rendered <c>{"a":{"b":1}}</c>.</summary>
    public static JsonNode? WithDottedKeysNested(JsonNode? node)
    {
        if (node is JsonArray array) return new JsonArray(array.Select(e => WithDottedKeysNested(e?.DeepClone())).ToArray());
        if (node is not JsonObject o) return node?.DeepClone();
        var nested = new JsonObject();
        foreach (var (key, value) in o)
        {
            var segments = key.Split('.');
            var parent = nested;
            foreach (var segment in segments[..^1])
            {
                if (parent[segment] is not JsonObject child) parent[segment] = child = new JsonObject();
                parent = child;
            }
            var converted = WithDottedKeysNested(value);
            if (parent[segments[^1]] is JsonObject existing && converted is JsonObject more)
            {
                foreach (var (k, v) in more.ToList()) existing[k] = v?.DeepClone();
            }
            else parent[segments[^1]] = converted;
        }
        return nested;
    }

    private static bool IsRenderingOf(JsonNode? recordedMessage, JsonObject jsonLog)
    {
        if (recordedMessage is not JsonValue v || !v.TryGetValue<string>(out var text)) return false;
        try
        {
            return JsonNode.Parse(text) is JsonObject rendered
                && SameValue(rendered, WithDottedKeysNested(DatadogEventInput.WithoutNullsOrEmptyContainers(jsonLog.DeepClone())));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n?.ToJsonString() ?? "null") : [];

    private static bool IsNumber(JsonNode node, double value) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.GetValue<double>() == value;

    private static string Json(JsonNode? node)
    {
        var text = node?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "none";
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
