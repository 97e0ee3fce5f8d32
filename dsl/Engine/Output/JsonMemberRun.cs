using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;
using GrokFlow.Engine.Values;

namespace GrokFlow.Engine.Output;

/// <summary>
/// Consecutive members of the JSON object open on a <see cref="Utf8JsonWriter"/>, written with two writer calls
/// instead of two per member: the first member's name through <see cref="Utf8JsonWriter.WritePropertyName(JsonEncodedText)"/>,
/// then its value and every later <c>,"name":value</c> as one raw value, which the writer copies as it is and follows
/// like any other value. Each writer call costs a state check, a copy and a separator decision; an event has about
/// twenty members. The bytes are the writer's own (the same escapes, see <see cref="JsonStrings"/>, and number text);
/// a string the escape tables cannot settle ends the run and goes through the writer. <see cref="Flush"/> before
/// anything else writes on the writer. The pending bytes live in the <see cref="OutputWorkspace"/>: no allocation.
/// </summary>
public ref struct JsonMemberRun
{
    private readonly Utf8JsonWriter _writer;
    private readonly OutputWorkspace _workspace;
    private readonly bool _direct;
    private JsonMemberName? _firstName;
    private Span<byte> _buffer;
    private int _length;
    private bool _pending;
    private bool _opened;

    /// <summary>A run on <paramref name="writer"/> whose pending bytes live in <paramref name="context"/>.</summary>
    public JsonMemberRun(Utf8JsonWriter writer, Pipelines.ParseContext context) : this(writer, context.Output) { }

    internal JsonMemberRun(Utf8JsonWriter writer, OutputWorkspace workspace)
    {
        _writer = writer;
        _workspace = workspace;
        // A writer that escapes otherwise than the tables say gets every member through its own calls.
        _direct = !JsonStrings.CanQuote(writer);
        _buffer = workspace.MemberRoom(0, 0);
    }

    /// <summary>A string member, as <c>WriteString(name, utf8)</c> writes it (which throws on invalid UTF-8).</summary>
    public void String(JsonMemberName name, ReadOnlySpan<byte> utf8)
    {
        if (TryString(name, utf8)) return;
        Flush();
        _writer.WriteString(name.Name, utf8);
    }

    /// <summary>A string member; false, with nothing written, when the text needs the writer (invalid UTF-8, an escaped character outside ASCII).</summary>
    public bool TryString(JsonMemberName name, ReadOnlySpan<byte> utf8)
    {
        if (_direct) return false;
        var mark = Mark();
        Reserve(name, JsonStrings.QuotedRoom(utf8.Length));
        if (JsonStrings.TryQuote(utf8, _buffer[_length..], out var written))
        {
            _length += written;
            return true;
        }
        Restore(mark);
        return false;
    }

    public void Integer(JsonMemberName name, long value)
    {
        if (_direct)
        {
            _writer.WriteNumber(name.Name, value);
            return;
        }
        Reserve(name, 20);
        value.TryFormat(_buffer[_length..], out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>A finite double as <see cref="GrokNumbers.WriteNumber"/> writes it.</summary>
    public void Double(JsonMemberName name, double value)
    {
        if (_direct)
        {
            _writer.WritePropertyName(name.Name);
            GrokNumbers.WriteNumber(_writer, value);
            return;
        }
        var mark = Mark();
        Reserve(name, 40);
        if (GrokNumbers.TryFormatNumber(value, _buffer[_length..], out var written))
        {
            _length += written;
            return;
        }
        Restore(mark);
    }

    public void Boolean(JsonMemberName name, bool value)
    {
        if (_direct)
        {
            _writer.WriteBoolean(name.Name, value);
            return;
        }
        Reserve(name, 5);
        (value ? "true"u8 : "false"u8).CopyTo(_buffer[_length..]);
        _length += value ? 4 : 5;
    }

    /// <summary>
    /// Opens an object member, <c>"name":{</c>, inside the run; its members follow until <see cref="EndObject"/>.
    /// The writer cannot take the run back in the middle of such an object: a caller that opens one writes its
    /// members with the <c>Try</c> methods and goes back to a <see cref="Mark"/> when one fails.
    /// False (nothing written) when every member goes through the writer.
    /// </summary>
    public bool TryStartObject(JsonMemberName name)
    {
        if (_direct) return false;
        Reserve(name, 1);
        _buffer[_length++] = (byte)'{';
        _opened = true;
        return true;
    }

    /// <summary>Closes the object <see cref="TryStartObject"/> opened (<c>{}</c> when nothing was written in it).</summary>
    public void EndObject()
    {
        if (_length == _buffer.Length) _buffer = _workspace.MemberRoom(_length, _length + 1);
        _buffer[_length++] = (byte)'}';
        _opened = false;
    }

    /// <summary>Where the run stands, to go back to with <see cref="Restore"/> (nothing flushed since).</summary>
    public readonly (int Length, bool Pending, JsonMemberName? FirstName, bool Opened) Mark() => (_length, _pending, _firstName, _opened);

    /// <summary>Drops what was added to the run since <paramref name="mark"/>.</summary>
    public void Restore((int Length, bool Pending, JsonMemberName? FirstName, bool Opened) mark) =>
        (_length, _pending, _firstName, _opened) = mark;

    /// <summary>Hands the pending members to the writer.</summary>
    public void Flush()
    {
        if (!_pending) return;
        _writer.WritePropertyName(_firstName!.Name);
        _writer.WriteRawValue(_buffer[.._length], skipInputValidation: true);
        _pending = false;
        _length = 0;
    }

    /// <summary>Room for the member's name and <paramref name="valueRoom"/> bytes of value; writes the name unless it is the first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Reserve(JsonMemberName name, int valueRoom)
    {
        var separated = name.Separated;
        // Room for a name copied as two whole vectors (see JsonMemberName.PaddedRoom), whatever its length.
        var needed = _length + Math.Max(separated.Length, JsonMemberName.PaddedRoom) + valueRoom;
        if (needed > _buffer.Length) _buffer = _workspace.MemberRoom(_length, needed);
        if (!_pending)
        {
            _firstName = name;
            _pending = true;
            return;
        }
        if (_opened)
        {
            // The first member of an object the run opened: no comma.
            separated[1..].CopyTo(_buffer[_length..]);
            _length += separated.Length - 1;
            _opened = false;
            return;
        }
        if (separated.Length <= JsonMemberName.PaddedRoom)
        {
            ref var padded = ref MemoryMarshal.GetArrayDataReference(name.SeparatedPadded);
            ref var target = ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), _length);
            Vector128.LoadUnsafe(ref padded).StoreUnsafe(ref target);
            Vector128.LoadUnsafe(ref padded, 16).StoreUnsafe(ref target, 16);
        }
        else
        {
            separated.CopyTo(_buffer[_length..]);
        }
        _length += separated.Length;
    }
}
