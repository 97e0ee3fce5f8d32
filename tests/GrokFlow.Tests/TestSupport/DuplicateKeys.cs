using System.Text.Json;

namespace GrokFlow.Tests.TestSupport;

/// <summary>
/// Reads JSON with <see cref="Utf8JsonReader"/>, which keeps every key (JsonDocument and JsonNode keep one of two equal
/// keys or throw), and lists the keys that appear twice in one object, as <c>path.key</c>.
/// </summary>
public static class DuplicateKeys
{
    public static IReadOnlyList<string> In(ReadOnlySpan<byte> json)
    {
        var duplicates = new List<string>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 1024 });
        var objects = new Stack<(string Path, HashSet<string> Keys)>();
        var pendingKey = "";
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    objects.Push((objects.Count == 0 ? "" : objects.Peek().Path + pendingKey + ".", new HashSet<string>(StringComparer.Ordinal)));
                    break;
                case JsonTokenType.EndObject:
                    objects.Pop();
                    break;
                case JsonTokenType.StartArray:
                    // Objects inside arrays get the array's key in their path.
                    break;
                case JsonTokenType.PropertyName:
                    pendingKey = reader.GetString()!;
                    if (!objects.Peek().Keys.Add(pendingKey)) duplicates.Add(objects.Peek().Path + pendingKey);
                    break;
            }
        }
        return duplicates;
    }
}
