using System.Buffers;
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
/// <para>
/// An event is one run from its <c>{</c> to its <c>}</c> when nothing needs the writer (<see cref="OpenObject"/>,
/// <see cref="Hold"/>, <see cref="CloseObject"/>): the event's fields, its syslog object and the rules' flat
/// attributes reach the writer as one raw value. A run made while one is held continues it; whatever writes on the
/// writer otherwise hands the held run over first (<see cref="FlushHeld"/>).
/// </para>
/// <para>
/// Given the buffer the writer writes into, and a writer that has written nothing yet, such an event run lives in that
/// buffer instead (<see cref="OutputWorkspace.TryEnterDestination"/>): <see cref="CloseObject"/> only commits its bytes,
/// which are written once and never pass through the writer. A hand-over, or a run outgrowing its room, first moves the
/// bytes to the workspace, and the run goes on as above.
/// </para>
/// <para>
/// On a writer that skips validation, a run's first member is in the run too (<c>"name":value</c>), and the run goes
/// to the writer as one raw value, which the writer puts after a comma when the object has members already: one writer
/// call, not two, and no name for the writer to copy.
/// </para>
/// </summary>
public ref struct JsonMemberRun
{
    private readonly Utf8JsonWriter _writer;
    private readonly OutputWorkspace _workspace;
    private readonly bool _direct;
    private JsonMemberName? _firstName;
    private Span<byte> _buffer;
    private int _length;
    // A run that writes through the writer (_direct) stays at First: nothing is ever pending in it.
    private JsonRunNext _next;
    private bool _objectInRun;
    private int _firstValueAt;
    private readonly bool _resumed;
    private bool _inDestination;
    // The writer skips validation: the run starts at FirstInObject, its first member's name in the run (class remarks).
    private readonly bool _rawStart;

    /// <summary>Room asked of the destination for an event (most events are far smaller; a bigger one moves out).</summary>
    private const int EventRoomHint = 4096;

    /// <summary>A run on <paramref name="writer"/> whose pending bytes live in <paramref name="context"/>.</summary>
    public JsonMemberRun(Utf8JsonWriter writer, Pipelines.ParseContext context) : this(writer, context.Output) { }

    internal JsonMemberRun(Utf8JsonWriter writer, OutputWorkspace workspace)
    {
        _writer = writer;
        _workspace = workspace;
        // A writer that escapes otherwise than the tables say gets every member through its own calls.
        _direct = !workspace.CanQuote(writer);
        _next = workspace.LastWriterStart;
        _rawStart = _next == JsonRunNext.FirstInObject;
        _buffer = workspace.Members;
        if (!workspace.TryTakeHeldRun(out var heldWriter, out var held)) return;
        if (ReferenceEquals(heldWriter, writer))
        {
            TakeHeldRoom();
            Restore(held);
            _resumed = true;
            return;
        }
        FlushRun(heldWriter, workspace, held);
    }

    /// <summary>Hands a held run to its own writer; apart, so that the usual caller's frame holds no second run.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FlushRun(Utf8JsonWriter writer, OutputWorkspace workspace, in JsonRunState held) =>
        new JsonMemberRun(writer, workspace, held).Flush();

    private JsonMemberRun(Utf8JsonWriter writer, OutputWorkspace workspace, in JsonRunState held)
    {
        _writer = writer;
        _workspace = workspace;
        _direct = !workspace.CanQuote(writer);
        _rawStart = workspace.LastWriterStart == JsonRunNext.FirstInObject;
        _buffer = workspace.Members;
        TakeHeldRoom();
        Restore(held);
    }

    /// <summary>Where a run with nothing pending stands: its first member's name goes through the writer, or in the run (<see cref="_rawStart"/>).</summary>
    private readonly JsonRunNext Start => _rawStart ? JsonRunNext.FirstInObject : JsonRunNext.First;

    /// <summary>A held run lives in the destination while the workspace says so (only the event's run ever does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TakeHeldRoom()
    {
        if (!_workspace.InDestination) return;
        _buffer = _workspace.DestinationRoom;
        _inDestination = true;
    }

    /// <summary>
    /// A run that opens the object its members go in, <c>{</c>, as its first byte, so that the writer sees the
    /// object only when the run is handed over (<see cref="Flush"/> writes the <c>{</c> through the writer first) or
    /// closed (<see cref="CloseObject"/>: the whole object as one raw value).
    /// </summary>
    public static JsonMemberRun OpenObject(Utf8JsonWriter writer, Pipelines.ParseContext context) => OpenObject(writer, null, context);

    /// <summary>
    /// <see cref="OpenObject(Utf8JsonWriter, Pipelines.ParseContext)"/>, the run living in <paramref name="destination"/>,
    /// the buffer <paramref name="writer"/> writes into, when the writer has written nothing yet (see the class remarks).
    /// </summary>
    public static JsonMemberRun OpenObject(Utf8JsonWriter writer, IBufferWriter<byte>? destination, Pipelines.ParseContext context)
    {
        FlushHeld(context.Output);
        var run = new JsonMemberRun(writer, context.Output);
        if (run._direct)
        {
            writer.WriteStartObject();
            return run;
        }
        if (destination is not null && writer.BytesPending == 0 && writer.BytesCommitted == 0 && writer.CurrentDepth == 0
            && context.Output.TryEnterDestination(destination, EventRoomHint, out var room))
        {
            run._buffer = room;
            run._inDestination = true;
        }
        run._buffer[0] = (byte)'{';
        run._length = 1;
        run._next = JsonRunNext.FirstInObject;
        run._objectInRun = true;
        return run;
    }

    /// <summary>
    /// Closes the object open on the writer, or the one <see cref="OpenObject"/> opened in the run (held in
    /// <paramref name="context"/> by <see cref="Hold"/>): <c>}</c> after the pending members.
    /// </summary>
    public static void CloseObject(Utf8JsonWriter writer, Pipelines.ParseContext context)
    {
        var run = new JsonMemberRun(writer, context.Output);
        if (!run._objectInRun)
        {
            run.Flush();
            writer.WriteEndObject();
            return;
        }
        run.EndObject();
        if (run._inDestination) run._workspace.CommitDestination(run._length);
        else writer.WriteRawValue(run._buffer[..run._length], skipInputValidation: true);
    }

    /// <summary>
    /// Leaves the run pending in the workspace, for the next run made on the same writer to continue (the rules'
    /// flat attributes) or <see cref="CloseObject"/> to close. Whatever else writes on the writer first calls
    /// <see cref="FlushHeld"/>. The run is not used after this.
    /// </summary>
    public readonly void Hold() => _workspace.HoldRun(_writer, Mark());

    /// <summary>Ends a run: back to the workspace when it continued a held run (see <see cref="Hold"/>), else to the writer.</summary>
    public void Release()
    {
        if (_resumed) Hold();
        else Flush();
    }

    /// <summary>Hands a run held in <paramref name="context"/> to its writer, so that others can write on the writer.</summary>
    public static void FlushHeld(Pipelines.ParseContext context) => FlushHeld(context.Output);

    internal static void FlushHeld(OutputWorkspace workspace)
    {
        if (workspace.TryTakeHeldRun(out var writer, out var held)) FlushRun(writer, workspace, held);
    }

    /// <summary>A string member, as <c>WriteString(name, utf8)</c> writes it (which throws on invalid UTF-8).</summary>
    public void String(JsonMemberName name, ReadOnlySpan<byte> utf8)
    {
        if (TryString(name, utf8)) return;
        Flush();
        _writer.WriteString(name.Name, utf8);
    }

    /// <summary>A string member; false, with nothing written, when the text needs the writer (invalid UTF-8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryString(JsonMemberName name, ReadOnlySpan<byte> utf8)
    {
        // The usual value, 1 to 32 bytes that need no escape (a user, an address, a host, a port), after a short name.
        if ((uint)(utf8.Length - 1) < JsonStrings.ShortLongest
            && TryWriteLaterName(name, JsonStrings.ShortLongest + 2, out var nameLength)
            && JsonStrings.TryQuoteShort(utf8, ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), _length + nameLength)))
        {
            _length += nameLength + utf8.Length + 2;
            return true;
        }
        return TryStringAnyWay(name, utf8);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryStringAnyWay(JsonMemberName name, ReadOnlySpan<byte> utf8)
    {
        // A longer value after a short name (a message, a path), later or first in an object the run opened: the name
        // copied padded, then the scan.
        var separatedLength = name.SeparatedLength;
        if (_next != JsonRunNext.First && separatedLength <= JsonMemberName.PaddedRoom
            && _length + JsonMemberName.PaddedRoom + JsonStrings.QuotedRoom(utf8.Length) <= _buffer.Length)
        {
            var skip = _next == JsonRunNext.FirstInObject ? 1 : 0;
            var shortNameLength = separatedLength - skip;
            CopyPadded(name, skip, ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), _length));
            if (!JsonStrings.TryQuoteInRoom(utf8, ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), _length + shortNameLength), out var quoted))
                return false;
            TakeName(name, shortNameLength);
            _length += quoted;
            return true;
        }
        if (_direct) return false;
        // The name's bytes go in first (past the run's end, so a failure leaves the run as it was), then the value;
        // the run takes both only when the value could be written.
        EnsureRoom(name, JsonStrings.QuotedRoom(utf8.Length));
        var nameLength = WriteName(name);
        if (!JsonStrings.TryQuote(utf8, _buffer[(_length + nameLength)..], out var written)) return false;
        TakeName(name, nameLength);
        _length += written;
        return true;
    }

    public void Integer(JsonMemberName name, long value)
    {
        if (TryWriteLaterName(name, 20, out var nameLength)) _length += nameLength;
        else if (_direct)
        {
            _writer.WriteNumber(name.Name, value);
            return;
        }
        else Reserve(name, 20);
        _length += WriteInteger(value, ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), _length));
    }

    /// <summary>The text of <paramref name="value"/> at <paramref name="target"/> (room for 20 bytes); returns its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int WriteInteger(long value, ref byte target)
    {
        if ((ulong)value < 100)
        {
            // Severity, facility and the like: one or two digits, without the general formatter.
            if (value < 10)
            {
                target = (byte)('0' + value);
                return 1;
            }
            DecimalDigits.WritePair((uint)value, ref target);
            return 2;
        }
        if (value < 0) return WriteNegative(value, ref target);
        return DecimalDigits.Write((ulong)value, ref target);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int WriteNegative(long value, ref byte target)
    {
        value.TryFormat(MemoryMarshal.CreateSpan(ref target, 20), out var written, default, CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>
    /// For a caller that writes many later members itself (<see cref="OutputWriter"/>'s flat members, each
    /// <c>,"name":value</c>): the run's buffer and its end, when the next member is a later one; false otherwise. The
    /// caller writes past the end, within the buffer, and gives the new end back with <see cref="EndAppend"/> before
    /// anything else uses the run (then asks again: the buffer may have moved).
    /// </summary>
    internal readonly bool TryBeginAppend(out Span<byte> buffer, out int length)
    {
        buffer = _buffer;
        length = _length;
        return _next == JsonRunNext.Later;
    }

    /// <summary>Takes the bytes a caller wrote after <see cref="TryBeginAppend"/>: the run now ends at <paramref name="length"/>.</summary>
    internal void EndAppend(int length) => _length = length;

    /// <summary>
    /// A <c>number</c> whose text is a whole number, written from its digits as <see cref="Double"/> would write the
    /// parsed value (see <see cref="GrokNumbers.TryCopyWholeNumber"/>); false, with nothing written, for any other text.
    /// </summary>
    public bool TryWholeNumber(JsonMemberName name, ReadOnlySpan<byte> text)
    {
        if (TryWriteLaterName(name, text.Length + 2, out var laterNameLength))
        {
            if (!GrokNumbers.TryCopyWholeNumber(text, _buffer[(_length + laterNameLength)..], out var copied)) return false;
            _length += laterNameLength + copied;
            return true;
        }
        if (_direct) return false;
        EnsureRoom(name, text.Length + 2);
        var nameLength = WriteName(name);
        if (!GrokNumbers.TryCopyWholeNumber(text, _buffer[(_length + nameLength)..], out var written)) return false;
        TakeName(name, nameLength);
        _length += written;
        return true;
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
        _next = JsonRunNext.FirstInObject;
        return true;
    }

    /// <summary>Closes the object <see cref="TryStartObject"/> opened (<c>{}</c> when nothing was written in it).</summary>
    public void EndObject()
    {
        if (_length == _buffer.Length) Grow(_length + 1);
        _buffer[_length++] = (byte)'}';
        _next = JsonRunNext.Later;
    }

    /// <summary>Where the run stands, to go back to with <see cref="Restore"/> (nothing flushed since).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly JsonRunState Mark() => new(_length, _next, _firstName, _firstValueAt, _objectInRun);

    /// <summary>Drops what was added to the run since <paramref name="mark"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Restore(in JsonRunState mark) =>
        (_length, _next, _firstName, _firstValueAt, _objectInRun) =
        (mark.Length, mark.Next, mark.FirstName, mark.FirstValueAt, mark.ObjectInRun);

    /// <summary>Hands the pending members to the writer (first the <c>{</c> of an object the run opened).</summary>
    public void Flush()
    {
        // The writer writes into the destination: the run's bytes must be out of its way first.
        if (_inDestination) MoveToMemberBuffer();
        if (_next == JsonRunNext.First) return;
        if (_objectInRun)
        {
            _writer.WriteStartObject();
            if (_firstName is not null)
            {
                _writer.WritePropertyName(_firstName.Name);
                _writer.WriteRawValue(_buffer[_firstValueAt.._length], skipInputValidation: true);
            }
            _objectInRun = false;
        }
        else if (_rawStart)
        {
            // The writer writes the comma the first member needs, if any.
            if (_length > 0) _writer.WriteRawValue(_buffer[.._length], skipInputValidation: true);
        }
        else
        {
            _writer.WritePropertyName(_firstName!.Name);
            _writer.WriteRawValue(_buffer[.._length], skipInputValidation: true);
        }
        _next = Start;
        _length = 0;
    }

    /// <summary>
    /// The usual member's name, quickly: for a later member (not the first of the run or of an object) whose name fits
    /// the padded copy, when the run has room for it and <paramref name="valueRoom"/> bytes of value, writes
    /// <c>,"name":</c> at the run's end without taking it; the caller writes the value after it and takes both.
    /// False, with nothing written, otherwise: the caller goes the general way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly bool TryWriteLaterName(JsonMemberName name, int valueRoom, out int nameLength)
    {
        nameLength = name.SeparatedLength;
        if (_next != JsonRunNext.Later || nameLength > JsonMemberName.PaddedRoom
            || _length + JsonMemberName.PaddedRoom + valueRoom > _buffer.Length) return false;
        CopyPadded(name, 0, ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), _length));
        return true;
    }

    /// <summary>
    /// Copies a short name's <c>,"name":</c> (or, <paramref name="skip"/> 1, its <c>"name":</c>) as two whole vectors
    /// (see <see cref="JsonMemberName.PaddedRoom"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyPadded(JsonMemberName name, int skip, ref byte target)
    {
        ref var padded = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(name.SeparatedPadded), skip);
        Vector128.LoadUnsafe(ref padded).StoreUnsafe(ref target);
        Vector128.LoadUnsafe(ref padded, 16).StoreUnsafe(ref target, 16);
    }

    /// <summary>Room for the member's name and <paramref name="valueRoom"/> bytes of value; writes the name unless it is the first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Reserve(JsonMemberName name, int valueRoom)
    {
        EnsureRoom(name, valueRoom);
        TakeName(name, WriteName(name));
    }

    /// <summary>Room for the member's name and <paramref name="valueRoom"/> bytes of value past the run's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureRoom(JsonMemberName name, int valueRoom)
    {
        // Room for a name copied as two whole vectors (see JsonMemberName.PaddedRoom), whatever its length.
        var needed = _length + Math.Max(name.SeparatedLength, JsonMemberName.PaddedRoom) + valueRoom;
        if (needed > _buffer.Length) Grow(needed);
    }

    private void Grow(int size)
    {
        if (_inDestination) MoveToMemberBuffer();
        _buffer = _workspace.MemberRoom(_length, size);
    }

    /// <summary>Moves a run out of the destination into the workspace's member buffer, for good.</summary>
    private void MoveToMemberBuffer()
    {
        var members = _workspace.MemberRoom(0, _length);
        _buffer[.._length].CopyTo(members);
        _buffer = members;
        _inDestination = false;
        _workspace.LeaveDestination();
    }

    /// <summary>
    /// Writes what goes before the member's value at the run's end, without taking it into the run: nothing for the
    /// first member (the writer writes its name), <c>"name":</c> first in an object the run opened, else
    /// <c>,"name":</c>. Returns its length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int WriteName(JsonMemberName name)
    {
        if (_next == JsonRunNext.First) return 0;
        var separatedLength = name.SeparatedLength;
        var skip = _next == JsonRunNext.FirstInObject ? 1 : 0;
        // EnsureRoom left room for the padded copy.
        if (separatedLength <= JsonMemberName.PaddedRoom) CopyPadded(name, skip, ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), _length));
        else name.Separated[skip..].CopyTo(_buffer[_length..]);
        return separatedLength - skip;
    }

    /// <summary>Takes the name <see cref="WriteName"/> wrote (<paramref name="nameLength"/> bytes) into the run.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TakeName(JsonMemberName name, int nameLength)
    {
        if (_next == JsonRunNext.First)
        {
            _firstName = name;
            _next = JsonRunNext.Later;
            return;
        }
        _length += nameLength;
        if (_next == JsonRunNext.Later) return;
        // The first member of an object the run opened: no comma.
        _next = JsonRunNext.Later;
        if (_firstName is null)
        {
            // The event's object itself: its first member's name is in the run, not the writer's to write.
            _firstName = name;
            _firstValueAt = _length;
        }
    }
}
