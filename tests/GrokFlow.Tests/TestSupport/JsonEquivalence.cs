using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrokFlow.Tests.TestSupport;

/// <summary>
/// Semantic JSON comparison: objects compare by key set (any order), arrays in order, numbers by numeric value (so
/// <c>1</c> equals <c>1.0</c> and <c>2.02E8</c> equals <c>202000000</c>).
/// </summary>
public static class JsonEquivalence
{
    /// <summary>Null when equivalent, else where and how the two differ.</summary>
    public static string? Difference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : $"{path}: expected null, got {actual.ToJsonString()}";
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject) return $"{path}: expected an object, got {Show(actual)}";
                foreach (var (key, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(key, out var other)) return $"{path}: missing '{key}'";
                    if (Difference(value, other, $"{path}.{key}") is { } d) return d;
                }
                foreach (var (key, _) in actualObject)
                {
                    if (!expectedObject.ContainsKey(key)) return $"{path}: unexpected '{key}' = {Show(actualObject[key])}";
                }
                return null;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray) return $"{path}: expected an array, got {Show(actual)}";
                if (expectedArray.Count != actualArray.Count) return $"{path}: expected {expectedArray.Count} elements, got {actualArray.Count}: {actualArray.ToJsonString()}";
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    if (Difference(expectedArray[i], actualArray[i], $"{path}[{i}]") is { } d) return d;
                }
                return null;
            default:
                var expectedValue = expected.AsValue();
                if (actual is not JsonValue actualValue) return $"{path}: expected {Show(expected)}, got {Show(actual)}";
                return ScalarEquals(expectedValue, actualValue) ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}";
        }
    }

    private static bool ScalarEquals(JsonValue expected, JsonValue actual)
    {
        var e = expected.GetValueKind();
        var a = actual.GetValueKind();
        if (e != a) return false;
        return e switch
        {
            JsonValueKind.Number => NumberOf(expected).Equals(NumberOf(actual)),
            JsonValueKind.String => expected.GetValue<string>() == actual.GetValue<string>(),
            _ => true, // true, false, null: the kind is the value
        };
    }

    // Values built in code hold a long or a double; parsed ones a JsonElement: the JSON text reads the same for both.
    private static double NumberOf(JsonValue value) => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
