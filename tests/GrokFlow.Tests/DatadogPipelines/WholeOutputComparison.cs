using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFlow.Engine.Processing;
using GrokFlow.Runtime.Datadog;

namespace GrokFlow.Tests.DatadogPipelines;

/// <summary>
/// Compares a processed event with Datadog's recorded output, part by part:
/// <list type="bullet">
/// <item><c>custom</c>: the event's attributes but <c>message</c> when it is the log's message, as a whole (numbers compared by value:
/// <c>3</c> and <c>3.0</c> agree), except under the targets of geo-IP parsers: grokflow has no geo-IP database here.</item>
/// <item><c>message</c>: the log's message (<see cref="OfficialValues.Message"/>: the one sent unless a message
/// remapper replaced it; the <c>message</c> attribute when not recorded). A JSON sample without one is recorded with the intake's own
/// rendering of the JSON as its message (pretty-printed, keys reordered, dotted keys nested): then the recorded message
/// must read back as the sample's object (less its null members, empty arrays and empty objects, which the intake drops).</item>
/// <item><c>status</c>, <c>service</c>, trace id: the official values the remappers set, absent when none did.</item>
/// <item><c>timestamp</c>: when a date remapper set the official date, it must equal the recorded timestamp. When none
/// did, the recording holds the intake time (absent, or the placeholder 1): any such value agrees.</item>
/// <item><c>tags</c>: the event's tags as a set (the recordings write the source sent as <c>source:LOGS_SOURCE</c>).</item>
/// </list>
/// </summary>
public sealed class WholeOutputComparison(string sentSource, IReadOnlyCollection<string> excludedPaths)
{
    /// <summary>How the recordings write the sample's source in its tags.</summary>
    public const string SourcePlaceholder = "LOGS_SOURCE";

    public IReadOnlyList<(string Cause, string Detail)> Differences(EventDocument document, DatadogSample sample, JsonObject input)
    {
        var expected = sample.Expected;
        var actual = ReadAttributes(document);
        var differences = new List<(string, string)>();

        // The log's message is the one sent (or remapped); a different message attribute is an attribute like any.
        var attributeMessage = actual["message"];
        JsonNode? actualMessage = document.Official.Message is { } official ? JsonValue.Create(Utf8(document.Stored(official))) : attributeMessage;
        if (attributeMessage is null || DatadogResultComparison.SameValue(attributeMessage, actualMessage)) actual.Remove("message");
        var expectedCustom = (expected["custom"] as JsonObject)?.DeepClone().AsObject() ?? [];
        foreach (var path in excludedPaths)
        {
            RemovePath(actual, path);
            RemovePath(expectedCustom, path);
        }
        CompareObjects(actual, expectedCustom, "", differences);

        var recordedMessage = expected["message"]?.GetValue<string>() ?? "";
        if (actualMessage is null)
        {
            if (!IsIntakeRendering(recordedMessage, sample, input))
                differences.Add(("message", $"no message, Datadog {Quote(recordedMessage)}"));
        }
        else
        {
            var text = actualMessage is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : actualMessage.ToJsonString();
            if (text != recordedMessage) differences.Add(("message", $"got {Quote(text)}, Datadog {Quote(recordedMessage)}"));
        }

        CompareOfficial("status", document.Official.Status is { } status ? Utf8(document.Stored(status)) : null, expected["status"], differences);
        CompareOfficial("service", document.Official.Service is { } service ? Utf8(document.Stored(service)) : null, expected["service"], differences);
        CompareOfficial("trace id", document.Official.TraceId is { } traceId ? Utf8(document.Stored(traceId)) : null, expected["trace_id"], differences);

        var recordedTimestamp = expected["timestamp"] is JsonValue t && t.TryGetValue<long>(out var ms) ? ms : (long?)null;
        if (document.Official.Date is { } date)
        {
            if (date != recordedTimestamp) differences.Add(("timestamp", $"got {date}, Datadog {recordedTimestamp?.ToString() ?? "none"}"));
        }
        else if (recordedTimestamp is { } recorded && recorded != 1)
        {
            differences.Add(("timestamp", $"no official date, Datadog {recorded}"));
        }

        var actualTags = Enumerable.Range(0, document.TagCount).Select(i => Utf8(document.Tag(i))).ToHashSet();
        var recordedTags = (expected["tags"] as JsonArray)?.Select(n => n!.GetValue<string>())
            .Select(t => t == "source:" + SourcePlaceholder ? "source:" + sentSource : t).ToHashSet() ?? [];
        if (!actualTags.SetEquals(recordedTags))
            differences.Add(("tags", $"got [{string.Join(", ", actualTags.Order())}], Datadog [{string.Join(", ", recordedTags.Order())}]"));
        return differences;
    }

    public static JsonObject ReadAttributes(EventDocument document)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            document.WriteMembers(writer, EventDocument.Root);
            writer.WriteEndObject();
        }
        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    /// <summary>Whether the recorded message is the intake's rendering of a JSON sample sent without a message.</summary>
    public static bool IsIntakeRendering(string recordedMessage, DatadogSample sample, JsonObject input)
    {
        if (sample.Kind != "json" || input.ContainsKey("message")) return false;
        if (recordedMessage == sample.Sample) return true;
        try
        {
            return JsonNode.Parse(recordedMessage) is JsonObject rendered
                && DatadogResultComparison.SameValue(rendered, WithDottedKeysNested(DatadogEventInput.WithoutNullsOrEmptyContainers(JsonNode.Parse(sample.Sample))));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The intake's rendering nests dotted keys: <c>{"a.b":1}</c> is rendered <c>{"a":{"b":1}}</c>.</summary>
    public static JsonNode? WithDottedKeysNested(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++) array[i] = WithDottedKeysNested(array[i]?.DeepClone());
            return array;
        }
        if (node is not JsonObject o) return node;
        var nested = new JsonObject();
        foreach (var (key, value) in o.ToList())
        {
            var segments = key.Split('.');
            var parent = nested;
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (parent[segments[i]] is not JsonObject child)
                {
                    child = new JsonObject();
                    parent[segments[i]] = child;
                }
                parent = child;
            }
            var converted = WithDottedKeysNested(value?.DeepClone());
            if (parent[segments[^1]] is JsonObject existing && converted is JsonObject more)
            {
                foreach (var (k, v) in more.ToList()) existing[k] = v?.DeepClone();
            }
            else parent[segments[^1]] = converted;
        }
        return nested;
    }

    private static void CompareOfficial(string cause, string? actual, JsonNode? recorded, List<(string, string)> differences)
    {
        var expected = recorded is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : recorded?.ToJsonString();
        if (actual != expected) differences.Add((cause, $"got {actual ?? "none"}, Datadog {expected ?? "none"}"));
    }

    private static void CompareObjects(JsonObject actual, JsonObject expected, string prefix, List<(string, string)> differences)
    {
        foreach (var (key, value) in actual)
        {
            var path = prefix + key;
            if (!expected.TryGetPropertyValue(key, out var recorded))
                differences.Add(("custom extra", $"{path}: got {Json(value)}, not in Datadog's result"));
            else if (value is JsonObject a && recorded is JsonObject e)
                CompareObjects(a, e, path + ".", differences);
            else if (!DatadogResultComparison.SameValue(value, recorded))
                differences.Add(("custom value", $"{path}: got {Json(value)}, Datadog {Json(recorded)}"));
        }
        foreach (var (key, recorded) in expected)
        {
            if (!actual.ContainsKey(key)) differences.Add(("custom missing", $"{prefix}{key}: Datadog {Json(recorded)}, not in ours"));
        }
    }

    // The objects that held only the removed path go with it, on both sides: what is left out is the geo-IP target, not
    // its parents (Datadog writes `network.client.geoip: {}` for an address its database does not know).
    private static void RemovePath(JsonObject root, string path)
    {
        if (root.Remove(path)) return;
        var segments = path.Split('.');
        var parents = new List<JsonObject> { root };
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (parents[^1][segments[i]] is not JsonObject next) return;
            parents.Add(next);
        }
        if (!parents[^1].Remove(segments[^1])) return;
        for (var i = parents.Count - 1; i > 0 && parents[i].Count == 0; i--) parents[i - 1].Remove(segments[i - 1]);
    }

    private static string Utf8(ReadOnlySpan<byte> text) => Encoding.UTF8.GetString(text);
    private static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";
    private static string Quote(string text) => JsonSerializer.Serialize(text.Length > 200 ? text[..200] + "…" : text);
}
