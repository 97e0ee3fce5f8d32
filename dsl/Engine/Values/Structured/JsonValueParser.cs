using System.Text.Json;
using GrokFlow.Engine.Output;

namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// The <c>json</c> filter: one JSON value (objects, arrays, strings, numbers, booleans) read with
/// <see cref="Utf8JsonReader"/> straight into the tree. Object keys with dots nest; a key given twice makes an array;
/// <c>null</c> members are dropped. Integers stay integers, other numbers are doubles. Invalid JSON or a top-level
/// <c>null</c> fail the filter. Text after the first value is ignored, as Jackson (Datadog's engine runs on the JVM)
/// reads a tree by default (its <c>FAIL_ON_TRAILING_TOKENS</c> is off): weave-npc's two pod objects side by side are
/// recorded as the first.
/// </summary>
internal static class JsonValueParser
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    public static int Parse(FilterText text, ValueTree tree, OutputWorkspace workspace)
    {
        try
        {
            var reader = new Utf8JsonReader(text.Span, Options);
            if (!reader.Read()) return -1;
            var node = ReadValue(ref reader, text, tree, workspace);
            return node >= 0 && tree.Kind(node) != TreeNodeKind.Null ? node : -1;
        }
        catch (JsonException)
        {
            return -1;
        }
    }

    private static int ReadValue(ref Utf8JsonReader reader, FilterText text, ValueTree tree, OutputWorkspace workspace)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = tree.NewObject();
                ReadMembers(ref reader, obj, text, tree, workspace);
                return obj;
            case JsonTokenType.StartArray:
                var array = tree.NewArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    tree.Append(array, ReadValue(ref reader, text, tree, workspace));
                return array;
            case JsonTokenType.Null:
                return tree.NewNull();
            default:
                return tree.NewScalar(Scalar(ref reader, text, workspace));
        }
    }

    /// <summary>Reads the members of the object just opened into <paramref name="obj"/>, through its end.</summary>
    private static void ReadMembers(ref Utf8JsonReader reader, int obj, FilterText text, ValueTree tree, OutputWorkspace workspace)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int member;
            if (reader.ValueIsEscaped)
            {
                var room = workspace.ReserveText(reader.ValueSpan.Length);
                var length = reader.CopyString(room);
                member = tree.MemberAtDottedKey(obj, room[..length]);
            }
            else
            {
                member = tree.MemberAtDottedKey(obj, reader.ValueSpan);
            }
            reader.Read();
            if (member < 0)
            {
                reader.Skip();
                continue;
            }
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    // Nested objects become child paths, so that they merge with other paths (dotted keys, the root).
                    ReadMembers(ref reader, tree.ChildrenOf(member), text, tree, workspace);
                    break;
                case JsonTokenType.Null:
                    break;
                default:
                    tree.AddValue(member, ReadValue(ref reader, text, tree, workspace));
                    break;
            }
        }
    }

    private static OutputValue Scalar(ref Utf8JsonReader reader, FilterText text, OutputWorkspace workspace)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return OutputValue.FromBoolean(true);
            case JsonTokenType.False:
                return OutputValue.FromBoolean(false);
            case JsonTokenType.Number:
                var literal = reader.ValueSpan;
                if (literal.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0 && reader.TryGetInt64(out var integer))
                    return OutputValue.FromInteger(integer);
                // Beyond the double range: keep the literal as text rather than write an infinity.
                return reader.TryGetDouble(out var number) && double.IsFinite(number)
                    ? OutputValue.FromDouble(number)
                    : text.Slice((int)reader.TokenStartIndex, literal.Length);
            default:
                if (!reader.ValueIsEscaped)
                    return text.Slice((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                var room = workspace.ReserveText(reader.ValueSpan.Length);
                var length = reader.CopyString(room);
                return OutputValue.WorkspaceText(workspace.CommitText(length), length);
        }
    }
}
