using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrokFlow.Engine.Search;

/// <summary>
/// A JSON log event as a search query sees it: <c>service</c>, <c>ddsource</c> (or <c>source</c>), <c>hostname</c>
/// (or <c>host</c>), <c>status</c> and <c>message</c> as the reserved fields, <c>ddtags</c> (comma-separated, or an
/// array of strings) as the tags, and every property as an attribute (<c>@http.status_code</c> reads
/// <c>{"http":{"status_code":...}}</c>, or a flat <c>"http.status_code"</c> key). For tests and the interpreter:
/// it allocates while reading attributes.
/// </summary>
public sealed class JsonSearchableEvent : ISearchableEvent
{
    private readonly JsonObject _event;
    private readonly byte[][] _reserved;
    private readonly byte[][] _tags;

    public JsonSearchableEvent(JsonObject e)
    {
        _event = e;
        _reserved =
        [
            Text(e, "service"),
            Text(e, "ddsource", "source"),
            Text(e, "hostname", "host"),
            Text(e, "status"),
            Text(e, "message"),
        ];
        _tags = Tags(e["ddtags"]);
    }

    public ReadOnlySpan<byte> Reserved(SearchReservedField field) => _reserved[(int)field];

    public int TagCount => _tags.Length;

    public ReadOnlySpan<byte> Tag(int index) => _tags[index];

    public bool AnyAttributeValue(SearchAttributePath path, ISearchValueMatcher matcher) => Visit(_event, path, 0, matcher);

    private static bool Visit(JsonNode? node, SearchAttributePath path, int segment, ISearchValueMatcher matcher)
    {
        if (segment == path.SegmentCount) return VisitValue(node, matcher);
        switch (node)
        {
            case JsonObject obj:
                if (obj.TryGetPropertyValue(path.Segment(segment), out var child) && Visit(child, path, segment + 1, matcher)) return true;
                // A flat key holding the rest of the dotted path ("http.status_code") names the same attribute.
                return segment < path.SegmentCount - 1
                    && obj.TryGetPropertyValue(string.Join(".", Enumerable.Range(segment, path.SegmentCount - segment).Select(path.Segment)), out var flat)
                    && VisitValue(flat, matcher);
            case JsonArray array:
                foreach (var element in array)
                    if (Visit(element, path, segment, matcher)) return true;
                return false;
            default:
                return false;
        }
    }

    private static bool VisitValue(JsonNode? node, ISearchValueMatcher matcher)
    {
        switch (node)
        {
            case null:
                return matcher.Matches(SearchValue.Null);
            case JsonArray array:
                foreach (var element in array)
                    if (VisitValue(element, matcher)) return true;
                return false;
            case JsonObject:
                return matcher.Matches(SearchValue.Object);
        }
        switch (node.GetValueKind())
        {
            case JsonValueKind.String:
                return MatchString(node.GetValue<string>(), matcher);
            case JsonValueKind.Number:
                var text = Encoding.UTF8.GetBytes(node.ToJsonString());
                return Utf8Text.TryParseNumber(text, out var number) && matcher.Matches(SearchValue.FromNumber(number, text));
            case JsonValueKind.True:
                return matcher.Matches(SearchValue.FromBoolean(true));
            case JsonValueKind.False:
                return matcher.Matches(SearchValue.FromBoolean(false));
            default:
                return matcher.Matches(SearchValue.Null);
        }
    }

    private static bool MatchString(string text, ISearchValueMatcher matcher)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, 0, text.Length, buffer, 0);
            return matcher.Matches(SearchValue.String(buffer.AsSpan(0, length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Text(JsonObject e, params string[] names)
    {
        foreach (var name in names)
        {
            if (!e.TryGetPropertyValue(name, out var node) || node is null) continue;
            var text = node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node.ToJsonString();
            return Encoding.UTF8.GetBytes(text);
        }
        return [];
    }

    private static byte[][] Tags(JsonNode? tags) => tags switch
    {
        JsonArray array => array.Select(t => t?.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null)
            .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => Encoding.UTF8.GetBytes(t!.Trim())).ToArray(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>()
            .Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).Select(Encoding.UTF8.GetBytes).ToArray(),
        _ => [],
    };
}
