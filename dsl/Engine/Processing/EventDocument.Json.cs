using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// Appends <c>,"key":value</c> for member <paramref name="member"/> (without the comma when <paramref name="comma"/>
    /// is false); false as for <see cref="TryAppendJson"/>.
    /// </summary>
    internal bool TryAppendMember(int member, ref int length, bool comma = true) => TryAppendMember(member, ref length, comma, out _);

    /// <summary><see cref="TryAppendMember(int, ref int, bool)"/>, giving where the value starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryAppendMember(int member, ref int length, bool comma, out int valueStart)
    {
        ref readonly var node = ref _nodes[member];
        Reserve(length, 1 + MemberRoom(node));
        if (comma) _json[length++] = (byte)',';
        var keyed = TryAppendKey(node, ref length);
        valueStart = length;
        return keyed && TryAppendValueInRoom(member, ref length, 0);
    }

    /// <summary>Appends <paramref name="utf8"/> as a JSON string; false as for <see cref="TryAppendJson"/>.</summary>
    internal bool TryAppendString(ReadOnlySpan<byte> utf8, ref int length)
    {
        Reserve(length, JsonStrings.QuotedRoom(utf8.Length));
        var quoted = JsonStrings.TryQuoteInRoom(utf8, ref JsonAt(length), out var written);
        length += written;
        return quoted;
    }

    /// <summary>Appends JSON text as it is.</summary>
    internal void AppendRaw(ReadOnlySpan<byte> json, ref int length)
    {
        Reserve(length, json.Length);
        AppendInRoom(json, ref length);
    }

    /// <summary>Appends an integer as JSON.</summary>
    internal void AppendInteger(long value, ref int length)
    {
        Reserve(length, 20);
        System.Buffers.Text.Utf8Formatter.TryFormat(value, _json.AsSpan(length), out var written);
        length += written;
    }

    private bool TryAppendValue(int node, ref int length, int depth)
    {
        Reserve(length, ValueRoom(_nodes[node]));
        return TryAppendValueInRoom(node, ref length, depth);
    }

    /// <summary>Room for a member's <c>"key":</c> and its value's text (a container's opening bracket).</summary>
    private static int MemberRoom(in DocumentNode node) => JsonStrings.QuotedRoom(node.KeyLength) + 1 + ValueRoom(node);

    /// <summary>Room for a scalar's text, or for a container's opening bracket.</summary>
    private static int ValueRoom(in DocumentNode node) =>
        node.Kind == EventValueKind.String ? JsonStrings.QuotedRoom(node.TextLength) : node.TextLength + "false".Length;

    /// <summary><c>"key":</c> in room reserved.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryAppendKey(in DocumentNode node, ref int length)
    {
        var key = _text.AsSpan(node.KeyStart, node.KeyLength);
        if (!JsonStrings.TryQuoteInRoom(key, ref JsonAt(length), out var written)) return false;
        length += written;
        _json[length++] = (byte)':';
        return true;
    }

    /// <summary>A value whose <see cref="ValueRoom"/> is reserved.</summary>
    private bool TryAppendValueInRoom(int index, ref int length, int depth)
    {
        ref readonly var node = ref _nodes[index];
        switch (node.Kind)
        {
            case EventValueKind.Object or EventValueKind.Array when depth == DeepestRaw:
                return false;
            case EventValueKind.Object:
                return TryAppendChildren(index, ref length, depth + 1, members: true);
            case EventValueKind.Array:
                return TryAppendChildren(index, ref length, depth + 1, members: false);
            case EventValueKind.String:
                var quoted = JsonStrings.TryQuoteInRoom(_text.AsSpan(node.TextStart, node.TextLength), ref JsonAt(length), out var written);
                length += written;
                return quoted;
            case EventValueKind.Number:
                CopyText(_text.AsSpan(node.TextStart, node.TextLength), ref JsonAt(length));
                length += node.TextLength;
                return true;
            case EventValueKind.True:
                return AppendInRoom("true"u8, ref length);
            case EventValueKind.False:
                return AppendInRoom("false"u8, ref length);
            default:
                return AppendInRoom("null"u8, ref length);
        }
    }

    /// <summary>A container's children, its opening bracket's room reserved; each child's room is reserved with the comma before it.</summary>
    private bool TryAppendChildren(int node, ref int length, int depth, bool members)
    {
        _json[length++] = members ? (byte)'{' : (byte)'[';
        var first = _nodes[node].FirstChild;
        for (var child = first; child != None; child = _nodes[child].Next)
        {
            ref readonly var childNode = ref _nodes[child];
            Reserve(length, 1 + (members ? MemberRoom(childNode) : ValueRoom(childNode)));
            if (child != first) _json[length++] = (byte)',';
            if (members && !TryAppendKey(childNode, ref length)) return false;
            if (childNode.Kind == EventValueKind.String)
            {
                // The usual children, strings and numbers, written here rather than through the call's switch.
                if (!JsonStrings.TryQuoteInRoom(_text.AsSpan(childNode.TextStart, childNode.TextLength), ref JsonAt(length), out var written)) return false;
                length += written;
            }
            else if (childNode.Kind == EventValueKind.Number)
            {
                CopyText(_text.AsSpan(childNode.TextStart, childNode.TextLength), ref JsonAt(length));
                length += childNode.TextLength;
            }
            else if (!TryAppendValueInRoom(child, ref length, depth)) return false;
        }
        Reserve(length, 1);
        _json[length++] = members ? (byte)'}' : (byte)']';
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool AppendInRoom(ReadOnlySpan<byte> bytes, ref int length)
    {
        CopyText(bytes, ref JsonAt(length));
        length += bytes.Length;
        return true;
    }

    private ref byte JsonAt(int length) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_json), length);

    private void Reserve(int length, int more)
    {
        if (length + more > _json.Length) Array.Resize(ref _json, Math.Max(length + more, _json.Length * 2));
    }
}
