using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Runtime.Datadog;

/// <summary>
/// Loads a log into an <see cref="EventDocument"/> as Datadog's intake receives it: a text log is the attribute
/// <c>message</c>, which is also the log's message (a grok parser extracting <c>message</c> changes the attribute, a
/// message remapper the log's message); a JSON object log gives its members as attributes, less those that are null
/// or empty arrays (the intake drops them), and its string <c>message</c> member is the log's message.
/// </summary>
public static class DatadogEventInput
{
    private static readonly AttributePath MessagePath = new("message");

    /// <summary>Loads a text log. Allocates nothing.</summary>
    public static void LoadText(EventDocument document, ReadOnlySpan<byte> message, DatadogEventContext context, bool sourceAsTag = true)
    {
        document.Reset();
        document.SetString(document.GetOrCreate(MessagePath), message);
        document.Official.SetSentMessage(document.Store(message));
        context.ApplyTo(document, sourceAsTag);
    }

    /// <summary>Loads a log given as text: a JSON object is loaded as a JSON log, anything else as a text log.</summary>
    public static void LoadSample(EventDocument document, string sample, DatadogEventContext context)
    {
        if (AsJsonObject(sample) is { } json) LoadJson(document, json, context);
        else LoadText(document, Encoding.UTF8.GetBytes(sample), context);
    }

    /// <summary>Loads a JSON log.</summary>
    public static void LoadJson(EventDocument document, JsonObject log, DatadogEventContext context)
    {
        document.Reset();
        var cleaned = (JsonObject)WithoutNullsOrEmptyContainers(log.DeepClone())!;
        document.MergeObject(Encoding.UTF8.GetBytes(cleaned.ToJsonString()));
        if (cleaned["message"] is JsonValue sent && sent.TryGetValue<string>(out var message))
            document.Official.SetSentMessage(document.Store(Encoding.UTF8.GetBytes(message)));
        context.ApplyTo(document);
    }

    /// <summary>The sample as a JSON object, or null when it is not one.</summary>
    public static JsonObject? AsJsonObject(string sample)
    {
        var trimmed = sample.AsSpan().Trim();
        if (trimmed.Length == 0 || trimmed[0] != '{') return null;
        try
        {
            return JsonNode.Parse(sample) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The intake drops members that are null, empty arrays or objects left empty from JSON logs, recursively
    /// (proofpoint_on_demand's <c>"msgParts":[]</c> and <c>"parsedAddresses":{}</c> are not in its recorded result);
    /// array elements are kept.
    /// </summary>
    public static JsonNode? WithoutNullsOrEmptyContainers(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            foreach (var (_, value) in o) WithoutNullsOrEmptyContainers(value);
            foreach (var key in o.Where(p => p.Value is null or JsonArray { Count: 0 } or JsonObject { Count: 0 }).Select(p => p.Key).ToList()) o.Remove(key);
        }
        else if (node is JsonArray a)
        {
            foreach (var element in a) WithoutNullsOrEmptyContainers(element);
        }
        return node;
    }
}
