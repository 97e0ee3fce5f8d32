using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Values;

namespace GrokFlow.Engine.Output;

/// <summary>
/// Writes the attributes of a matched rule: the one definition of grok output semantics, shared by generated parsers
/// and the interpreter (grok-dialect spec section 2).
/// <list type="bullet">
/// <item>A capture that did not participate or matched empty text gives nothing.</item>
/// <item>Each capture is converted by its matcher (<c>integer</c> parses, <c>date</c> gives epoch ms, ...) then by its
/// filter; a failed conversion drops the attribute, and <c>nullIf</c> drops it too.</item>
/// <item>Dotted paths nest; objects with nothing in them are not written.</item>
/// <item>Two or more values for the same path make an array, in capture order.</item>
/// <item>A path that is both an attribute and the parent of others (<c>a</c> and <c>a.b</c>): the attribute wins when
/// it has a value, otherwise the object is written.</item>
/// <item>Rules with structured filters (<c>json</c>, <c>keyvalue</c>, <c>array</c>, ...) or a root merge
/// (<c>%{data::json}</c>) go through <see cref="StructuredOutputWriter"/>, which keeps these rules and adds objects,
/// arrays and merging.</item>
/// </list>
/// Text that is not valid UTF-8 is written with U+FFFD in place of the bad bytes.
/// Allocation-free after warm-up: per-line storage lives in the <see cref="ParseContext"/>.
/// </summary>
public static class OutputWriter
{
    /// <summary>
    /// Writes the attributes as properties of the JSON object already opened on <paramref name="writer"/>.
    /// <paramref name="slots"/> holds, for capture k, its start and end byte offsets in <paramref name="input"/> at
    /// <c>2k</c> and <c>2k+1</c>, or -1 when the capture did not participate.
    /// </summary>
    public static void Write(OutputPlan plan, ReadOnlySpan<byte> input, ReadOnlySpan<int> slots, Utf8JsonWriter writer, ParseContext context)
    {
        var workspace = context.Output;
        if (plan.IsFlat && workspace.Document is null)
        {
            workspace.Begin(plan);
            WriteFlat(plan, input, slots, writer, context);
            return;
        }
        // Only flat attributes continue a run the event writer holds open; the rest write on the writer.
        JsonMemberRun.FlushHeld(workspace);
        if (plan.IsStructured)
        {
            StructuredOutputWriter.Write(plan, input, slots, writer, context);
            return;
        }
        workspace.Begin(plan);
        var values = workspace.Values(plan);
        var present = workspace.Present(plan);
        var captures = plan.Captures.AsSpan();
        for (var i = 0; i < captures.Length; i++)
        {
            var capture = captures[i];
            var start = slots[2 * capture.Slot];
            var end = slots[2 * capture.Slot + 1];
            values[i] = start < 0 || end <= start
                ? OutputValue.None
                : ValueConverter.Convert(capture, input, start, end, context);
        }

        var nodes = plan.Nodes.AsSpan();
        for (var n = nodes.Length - 1; n >= 0; n--)
            present[n] = CountValues(nodes[n], values) > 0 || AnyPresent(nodes[n].Children, present);

        if (workspace.Document is { } document)
        {
            DocumentOutputWriter.Write(plan, values, present, input, workspace, document, workspace.DocumentObject);
            return;
        }
        var wrote = false;
        foreach (var root in plan.Roots)
        {
            if (!present[root]) continue;
            workspace.NoteRoot(nodes[root].Utf8Name, nodes[root].IsReservedAtRoot);
            wrote = true;
            WriteNode(nodes, root, values, present, input, workspace, writer);
        }
        if (wrote) workspace.NoteWrite();
    }

    /// <summary>
    /// A flat plan (see <see cref="OutputPlan.IsFlat"/>): the same bytes as the tree walk, in one pass. Once the run
    /// is past its first member, the usual members go straight into its buffer (<see cref="AppendUsual"/>); the
    /// others, and any that needs more room, through the run's own methods (<see cref="WriteAnyWay"/>).
    /// </summary>
    private static void WriteFlat(OutputPlan plan, ReadOnlySpan<byte> input, ReadOnlySpan<int> slots, Utf8JsonWriter writer, ParseContext context)
    {
        var workspace = context.Output;
        var members = new JsonMemberRun(writer, workspace);
        var noteRoots = workspace.FlatMembersMayCollide(plan);
        // Every member's slots are within the plan's, checked once here rather than twice per member.
        if (slots.Length < 2 * plan.CaptureCount) throw new ArgumentException("Fewer slots than the plan's captures.", nameof(slots));
        var flat = plan.FlatMembers;
        var wrote = false;
        for (var i = 0; i < flat.Length; i++)
        {
            // Members noted one by one (a name that may collide with the event's own) all go the general way.
            if (!noteRoots && members.TryBeginAppend(out var buffer, out var length))
            {
                var before = length;
                i = AppendUsual(flat, i, slots, input, buffer, ref length, context);
                members.EndAppend(length);
                wrote |= length != before;
                if (i == flat.Length) break;
            }
            ref readonly var member = ref flat[i];
            var start = slots[member.StartSlot];
            var end = slots[member.StartSlot + 1];
            if (start < 0 || end <= start) continue;
            if ((uint)end > (uint)input.Length) throw new ArgumentOutOfRangeException(nameof(slots));
            if (!WriteAnyWay(ref members, member, input, start, end, context)) continue;
            if (noteRoots) workspace.NoteRoot(member.Utf8Name, member.IsReservedAtRoot);
            wrote = true;
        }
        members.Release();
        if (wrote) workspace.NoteWrite();
    }

    /// <summary>
    /// Appends members from <paramref name="first"/> on, each <c>,"name":value</c>, at <paramref name="length"/> in
    /// a run's <paramref name="buffer"/> while they are usual ones (a short name; text, or a number or date) and there
    /// is room; returns the index of the first it left (bytes past the end may be spoiled), or the count. A member
    /// without a value is skipped. The loop holds only what it needs, for the compiler to keep it in registers; text
    /// needs no call, the rest one.
    /// </summary>
    private static int AppendUsual(FlatMember[] flat, int first, ReadOnlySpan<int> slots, ReadOnlySpan<byte> input, Span<byte> buffer, ref int length, ParseContext context)
    {
        ref var slot = ref MemoryMarshal.GetReference(slots);
        ref var members = ref MemoryMarshal.GetArrayDataReference(flat);
        var at = length;
        var i = first;
        for (; i < flat.Length; i++)
        {
            ref readonly var member = ref Unsafe.Add(ref members, i);
            var start = Unsafe.Add(ref slot, member.StartSlot);
            var end = Unsafe.Add(ref slot, member.StartSlot + 1);
            if (start < 0 || end <= start) continue;
            if ((uint)end > (uint)input.Length) break;
            var text = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetReference(input), start), end - start);
            // Room for the name copied as two vectors, and for the value at its worst.
            var free = buffer.Length - at - JsonMemberName.PaddedRoom;
            ref var target = ref Unsafe.Add(ref MemoryMarshal.GetReference(buffer), at);
            if (member.Append == FlatMemberKind.Text)
            {
                if (free < JsonStrings.QuotedRoom(text.Length)) break;
                member.CopyName(ref target);
                ref var value = ref Unsafe.Add(ref target, member.NameLength);
                // JsonStrings.TryQuoteInRoom's two steps, spelled out: through its out parameter this loop took 67 more
                // instructions a QNAP line (callgrind). The usual value, 1 to 32 bytes that need no escape, here; the rest
                // scanned (false: invalid UTF-8).
                if ((uint)(text.Length - 1) < JsonStrings.ShortLongest && JsonStrings.TryQuoteShort(text, ref value))
                    at += member.NameLength + text.Length + 2;
                else if (JsonStrings.TryQuoteScanning(text, ref value, out var quoted))
                    at += member.NameLength + quoted;
                else break;
                continue;
            }
            var written = AppendConverted(member, text, ref target, free, context);
            if (written < 0) break;
            at += written;
        }
        length = at;
        return i;
    }

    /// <summary>
    /// A number, an integer or a date member for <see cref="AppendUsual"/>, with its name: the bytes written at
    /// <paramref name="target"/>, 0 when the member has no value, -1 when it goes the general way.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int AppendConverted(in FlatMember member, ReadOnlySpan<byte> text, ref byte target, int free, ParseContext context)
    {
        // A whole number's digits, a double's shortest text, or a long's digits: within 40 bytes, as Double reserves.
        if (free < Math.Max(40, text.Length + 2)) return -1;
        // The name first: its copy's padding runs over where the value goes.
        member.CopyName(ref target);
        ref var value = ref Unsafe.Add(ref target, member.NameLength);
        int written;
        switch (member.Append)
        {
            case FlatMemberKind.Number:
                if (GrokNumbers.TryCopyWholeNumber(text, MemoryMarshal.CreateSpan(ref value, text.Length + 2), out written)) break;
                if (!GrokNumbers.TryParseNumber(text, out var number)) return 0;
                if (!GrokNumbers.TryFormatNumber(number, MemoryMarshal.CreateSpan(ref value, 40), out written)) return -1;
                break;
            case FlatMemberKind.Integer:
                if (!GrokNumbers.TryParseInteger(text, out var integer)) return 0;
                written = JsonMemberRun.WriteInteger(integer, ref value);
                break;
            case FlatMemberKind.Date:
                if (!member.Date!.TryParse(text, context.Clock, ref context.Output.DateMemo, out var epochMilliseconds)) return 0;
                written = JsonMemberRun.WriteInteger(epochMilliseconds, ref value);
                break;
            default:
                return -1;
        }
        return member.NameLength + written;
    }

    /// <summary>A member <see cref="AppendUsual"/> did not take, through the run's methods; false when it has no value.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool WriteAnyWay(ref JsonMemberRun members, in FlatMember member, ReadOnlySpan<byte> input, int start, int end, ParseContext context)
    {
        if (member.Kind != FlatMemberKind.Text) return TryWriteFlatMember(ref members, member, input, start, end, context);
        var text = input[start..end];
        if (!members.TryString(member.Member, text)) members.String(member.Member, ValidText(text, context.Output));
        return true;
    }

    /// <summary>
    /// Converts and writes one member of a flat plan other than unfiltered text; false when it has no value.
    /// Unfiltered numbers, integers and dates go straight from the text to the run, without an
    /// <see cref="OutputValue"/> between them; the rest go through <see cref="ValueConverter"/>.
    /// </summary>
    private static bool TryWriteFlatMember(ref JsonMemberRun members, in FlatMember member, ReadOnlySpan<byte> input, int start, int end, ParseContext context)
    {
        var text = input[start..end];
        switch (member.Kind)
        {
            case FlatMemberKind.Number:
                if (members.TryWholeNumber(member.Member, text)) return true;
                if (!GrokNumbers.TryParseNumber(text, out var number)) return false;
                members.Double(member.Member, number);
                return true;
            case FlatMemberKind.Integer:
                if (!GrokNumbers.TryParseInteger(text, out var integer)) return false;
                members.Integer(member.Member, integer);
                return true;
            case FlatMemberKind.Date:
                if (!member.Date!.TryParse(text, context.Clock, ref context.Output.DateMemo, out var epochMilliseconds)) return false;
                members.Integer(member.Member, epochMilliseconds);
                return true;
            default:
                return TryWriteConverted(ref members, member, input, start, end, context);
        }
    }

    private static bool TryWriteConverted(ref JsonMemberRun members, in FlatMember member, ReadOnlySpan<byte> input, int start, int end, ParseContext context)
    {
        var value = ValueConverter.Convert(member.Capture, input, start, end, context);
        if (!value.HasValue) return false;
        WriteMember(ref members, member.Member, value, input, context.Output);
        return true;
    }

    /// <summary>A member as <see cref="WriteValue"/> writes its value, on a run of members.</summary>
    private static void WriteMember(ref JsonMemberRun members, JsonMemberName name, in OutputValue value, ReadOnlySpan<byte> input, OutputWorkspace workspace)
    {
        switch (value.Kind)
        {
            case OutputValueKind.InputText or OutputValueKind.WorkspaceText:
                var text = value.Kind == OutputValueKind.InputText ? input.Slice(value.Start, value.Length) : workspace.Text(value.Start, value.Length);
                if (!members.TryString(name, text)) members.String(name, ValidText(text, workspace));
                break;
            case OutputValueKind.Integer:
                members.Integer(name, value.Integer);
                break;
            case OutputValueKind.Double:
                members.Double(name, value.Double);
                break;
            case OutputValueKind.Boolean:
                members.Boolean(name, value.Boolean);
                break;
        }
    }

    private static void WriteNode(ReadOnlySpan<OutputNode> nodes, int index, ReadOnlySpan<OutputValue> values, ReadOnlySpan<bool> present,
        ReadOnlySpan<byte> input, OutputWorkspace workspace, Utf8JsonWriter writer)
    {
        var node = nodes[index];
        var count = CountValues(node, values);
        if (count > 0)
        {
            writer.WritePropertyName(node.Name);
            if (count > 1) writer.WriteStartArray();
            foreach (var leaf in node.Leaves)
            {
                if (values[leaf].HasValue)
                    WriteValue(values[leaf], input, workspace, writer);
            }
            if (count > 1) writer.WriteEndArray();
            return;
        }

        writer.WriteStartObject(node.Name);
        foreach (var child in node.Children)
        {
            if (present[child])
                WriteNode(nodes, child, values, present, input, workspace, writer);
        }
        writer.WriteEndObject();
    }

    internal static void WriteValue(in OutputValue value, ReadOnlySpan<byte> input, OutputWorkspace workspace, Utf8JsonWriter writer)
    {
        switch (value.Kind)
        {
            case OutputValueKind.InputText:
                WriteText(input.Slice(value.Start, value.Length), workspace, writer);
                break;
            case OutputValueKind.WorkspaceText:
                WriteText(workspace.Text(value.Start, value.Length), workspace, writer);
                break;
            case OutputValueKind.Integer:
                writer.WriteNumberValue(value.Integer);
                break;
            case OutputValueKind.Double:
                // Conversions only produce finite doubles, which GrokNumbers always formats.
                GrokNumbers.WriteNumber(writer, value.Double);
                break;
            case OutputValueKind.Boolean:
                writer.WriteBooleanValue(value.Boolean);
                break;
        }
    }

    private static void WriteText(ReadOnlySpan<byte> text, OutputWorkspace workspace, Utf8JsonWriter writer)
    {
        // The escaping scan checks the UTF-8 as it goes: the text is validated (and repaired) only when it fails.
        if (!JsonStrings.TryWriteValue(writer, text)) writer.WriteStringValue(ValidText(text, workspace));
    }

    /// <summary>The text, or (when it is not valid UTF-8) a copy in the workspace with U+FFFD for the bad bytes.</summary>
    internal static ReadOnlySpan<byte> ValidText(ReadOnlySpan<byte> text, OutputWorkspace workspace)
    {
        if (Utf8.IsValid(text)) return text;
        var room = workspace.ReserveText(Utf8Repair.MaxByteCount(text.Length));
        var written = Utf8Repair.Repair(text, room);
        return room[..written];
    }

    internal static int CountValues(OutputNode node, ReadOnlySpan<OutputValue> values)
    {
        var count = 0;
        foreach (var leaf in node.Leaves)
        {
            if (values[leaf].HasValue) count++;
        }
        return count;
    }

    internal static bool AnyPresent(int[] children, ReadOnlySpan<bool> present)
    {
        foreach (var child in children)
        {
            if (present[child]) return true;
        }
        return false;
    }
}
