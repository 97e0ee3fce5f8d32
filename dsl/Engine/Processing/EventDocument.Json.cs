using System.Text.Json;
using GrokFlow.Engine.Output;

namespace GrokFlow.Engine.Processing;

/// <summary>
/// The document's values as JSON text built in one buffer, for a writer to take as one raw value instead of a writer
/// call per name, value and bracket (each a state check, a separator decision and, for names, the encoder's scan).
/// The bytes are the writer's own: names and strings through <see cref="JsonStrings.TryQuote"/> (the writer's escapes,
/// read from its encoder), numbers as stored, as <see cref="WriteValue"/> writes them. Text the escape tables cannot
/// settle, or nesting deeper than <see cref="DeepestRaw"/>, makes the attempt fail: the caller writes through the writer.
/// </summary>
public sealed partial class EventDocument
{
    /// <summary>Nesting the raw text goes to; deeper values are written through the writer, which checks its depth.</summary>
    private const int DeepestRaw = 64;

    private byte[] _json = new byte[4096];

    /// <summary>Writes the value of object or array <paramref name="node"/> as one raw value; false, with nothing written, as above.</summary>
    private bool TryWriteRaw(Utf8JsonWriter writer, int node)
    {
        var length = 0;
        if (!JsonStrings.CanQuote(writer) || !TryAppendJson(node, ref length)) return false;
        writer.WriteRawValue(Json(length), skipInputValidation: true);
        return true;
    }

    /// <summary>The JSON text built so far (<see cref="TryAppendJson"/>, <see cref="TryAppendMember"/>).</summary>
    internal ReadOnlySpan<byte> Json(int length) => _json.AsSpan(0, length);

    /// <summary>
    /// Appends the value of <paramref name="node"/> as JSON at <paramref name="length"/>; false when some text needs
    /// the writer (the buffer is then partly written and the caller drops it).
    /// </summary>
    internal bool TryAppendJson(int node, ref int length) => TryAppendValue(node, ref length, 0);

    /// <summary>Appends <c>,"key":value</c> for member <paramref name="member"/>; false as for <see cref="TryAppendJson"/>.</summary>
    internal bool TryAppendMember(int member, ref int length) => Append(","u8, ref length) && TryAppendMember(member, ref length, 0);

    private bool TryAppendMember(int member, ref int length, int depth)
    {
        var key = KeyOf(member);
        Reserve(length, JsonStrings.QuotedRoom(key.Length) + 1);
        if (!JsonStrings.TryQuote(key, _json.AsSpan(length), out var written)) return false;
        length += written;
        _json[length++] = (byte)':';
        return TryAppendValue(member, ref length, depth);
    }

    private bool TryAppendValue(int node, ref int length, int depth)
    {
        switch (_nodes[node].Kind)
        {
            case EventValueKind.Object or EventValueKind.Array when depth == DeepestRaw:
                return false;
            case EventValueKind.Object:
                return TryAppendChildren(node, ref length, depth + 1, members: true);
            case EventValueKind.Array:
                return TryAppendChildren(node, ref length, depth + 1, members: false);
            case EventValueKind.String:
                var text = TextOf(node);
                Reserve(length, JsonStrings.QuotedRoom(text.Length));
                if (!JsonStrings.TryQuote(text, _json.AsSpan(length), out var written)) return false;
                length += written;
                return true;
            case EventValueKind.Number:
                return Append(TextOf(node), ref length);
            case EventValueKind.True:
                return Append("true"u8, ref length);
            case EventValueKind.False:
                return Append("false"u8, ref length);
            default:
                return Append("null"u8, ref length);
        }
    }

    private bool TryAppendChildren(int node, ref int length, int depth, bool members)
    {
        Append(members ? "{"u8 : "["u8, ref length);
        for (var child = _nodes[node].FirstChild; child != None; child = _nodes[child].Next)
        {
            if (child != _nodes[node].FirstChild) Append(","u8, ref length);
            if (!(members ? TryAppendMember(child, ref length, depth) : TryAppendValue(child, ref length, depth))) return false;
        }
        return Append(members ? "}"u8 : "]"u8, ref length);
    }

    private bool Append(ReadOnlySpan<byte> bytes, ref int length)
    {
        Reserve(length, bytes.Length);
        bytes.CopyTo(_json.AsSpan(length));
        length += bytes.Length;
        return true;
    }

    private void Reserve(int length, int more)
    {
        if (length + more > _json.Length) Array.Resize(ref _json, Math.Max(length + more, _json.Length * 2));
    }
}
