using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrokFlow.Tests.DatadogPipelines;

/// <summary>
/// Compares what the grok parsers extracted from a sample with Datadog's recorded result, on the paths the grok rules
/// can produce (later processors add, rename and overwrite attributes, so whole-object equality says nothing about grok).
/// The rule, with E = the recorded <c>custom</c> attributes plus the recorded top-level <c>message</c> when a grok rule
/// names <c>message</c> (an extracted message Datadog made the log's message; not when it is the intake's rendering of
/// a JSON sample sent without one, which no grok parser wrote), A = every
/// attribute our grok parsers wrote, and "touched" = the paths any other processor of the pipeline reads or writes
/// (its <c>source</c>, <c>sources</c> and <c>target</c>; the array processor's, in its <c>operation</c>):
/// <list type="number">
/// <item>value: a leaf of A that is also in E must hold the same value (numbers compared by value), unless another
/// processor writes that path (its <c>target</c>) and so may have changed it;</item>
/// <item>extra: a leaf of A that is not in E must be one another processor reads (and may have moved away);</item>
/// <item>missing: a leaf of E at or under a path the grok rules name must be in A, unless another processor writes it
/// or the sample itself carried it (a JSON attribute, or the message).</item>
/// </list>
/// A path is at or under another when equal to it or below it (<c>a.b</c> is under <c>a</c>); every path is under the
/// root (the empty path), where <c>%{data::json}</c> and <c>%{data::keyvalue}</c> extract.
/// </summary>
public sealed class GrokLevelComparison(IReadOnlyCollection<string> grokPaths, IReadOnlyCollection<string> processorTargets, IReadOnlyCollection<string> processorSources)
{
    public IReadOnlyList<(string Cause, string Detail)> Differences(JsonObject actual, JsonObject expectedWhole, JsonObject input,
        bool recordedMessageIsIntakeRendering = false)
    {
        var inputPaths = Leaves(input).Select(l => l.Path).ToHashSet();
        var expected = (expectedWhole["custom"] as JsonObject)?.DeepClone().AsObject() ?? [];
        if (expectedWhole["message"] is JsonValue message && !expected.ContainsKey("message") && grokPaths.Contains("message")
            && !recordedMessageIsIntakeRendering)
            expected["message"] = message.DeepClone();
        var expectedLeaves = Leaves(expected).ToDictionary(l => l.Path, l => l.Value);
        var actualLeaves = Leaves(actual).ToDictionary(l => l.Path, l => l.Value);
        var differences = new List<(string, string)>();
        foreach (var (path, value) in actualLeaves)
        {
            if (expectedLeaves.TryGetValue(path, out var recorded))
            {
                if (!SameValue(value, recorded) && !IsAtOrUnder(path, processorTargets))
                    differences.Add(("value", $"{path}: got {Json(value)}, Datadog {Json(recorded)}"));
            }
            else if (!IsAtOrUnder(path, processorSources) && !IsAtOrUnder(path, processorTargets))
            {
                differences.Add(("extra", $"{path}: got {Json(value)}, not in Datadog's result"));
            }
        }
        foreach (var (path, recorded) in expectedLeaves)
        {
            if (actualLeaves.ContainsKey(path) || inputPaths.Contains(path) || !IsAtOrUnder(path, grokPaths) || IsAtOrUnder(path, processorTargets)) continue;
            differences.Add(("missing", $"{path}: Datadog {Json(recorded)}, not extracted"));
        }
        return differences;
    }

    private static bool IsAtOrUnder(string path, IEnumerable<string> roots) =>
        roots.Any(r => r.Length == 0 || path == r || path.StartsWith(r + ".", StringComparison.Ordinal));

    private static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonObject o, string prefix = "")
    {
        foreach (var (key, value) in o)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            if (value is JsonObject child && child.Count > 0)
            {
                foreach (var leaf in Leaves(child, path)) yield return leaf;
            }
            else yield return (path, value);
        }
    }

    private static bool SameValue(JsonNode? a, JsonNode? b)
    {
        if (a is JsonValue va && b is JsonValue vb
            && va.GetValueKind() == JsonValueKind.Number && vb.GetValueKind() == JsonValueKind.Number)
        {
            return va.GetValue<double>() == vb.GetValue<double>();
        }
        if (a is JsonArray aa && b is JsonArray ab)
            return aa.Count == ab.Count && aa.Zip(ab).All(p => SameValue(p.First, p.Second));
        return JsonNode.DeepEquals(a, b);
    }

    private static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";
}
