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

    /// <summary>A flat plan (see <see cref="OutputPlan.IsFlat"/>): the same bytes as the tree walk, in one pass.</summary>
    private static void WriteFlat(OutputPlan plan, ReadOnlySpan<byte> input, ReadOnlySpan<int> slots, Utf8JsonWriter writer, ParseContext context)
    {
        var workspace = context.Output;
        var members = new JsonMemberRun(writer, workspace);
        var noteRoots = workspace.FlatMembersMayCollide(plan);
        // Every member's slots are within the plan's, checked once here rather than twice per member.
        if (slots.Length < 2 * plan.CaptureCount) throw new ArgumentException("Fewer slots than the plan's captures.", nameof(slots));
        ref var slot = ref MemoryMarshal.GetReference(slots);
        var wrote = false;
        foreach (ref readonly var member in plan.FlatMembers.AsSpan())
        {
            var start = Unsafe.Add(ref slot, 2 * member.Slot);
            var end = Unsafe.Add(ref slot, 2 * member.Slot + 1);
            if (start < 0 || end <= start) continue;
            // Text without a filter, the usual member, is written here; the others are converted first.
            if (member.PlainText)
            {
                if ((uint)end > (uint)input.Length) throw new ArgumentOutOfRangeException(nameof(slots));
                var text = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetReference(input), start), end - start);
                if (!members.TryString(member.Member, text)) members.String(member.Member, ValidText(text, workspace));
            }
            else if (!TryWriteFlatMember(ref members, member, input, start, end, context)) continue;
            if (noteRoots) workspace.NoteRoot(member.Utf8Name, member.IsReservedAtRoot);
            wrote = true;
        }
        members.Release();
        if (wrote) workspace.NoteWrite();
    }

    /// <summary>
    /// Converts and writes one member of a flat plan other than unfiltered text (<see cref="WriteFlat"/> writes that
    /// itself); false when it has no value. Unfiltered numbers, integers and dates go straight from the text to the
    /// run, without an <see cref="OutputValue"/> between them; the rest go through <see cref="ValueConverter"/>.
    /// </summary>
    private static bool TryWriteFlatMember(ref JsonMemberRun members, in FlatMember member, ReadOnlySpan<byte> input, int start, int end, ParseContext context)
    {
        if (member.Filtered) return TryWriteConverted(ref members, member, input, start, end, context);
        var text = input[start..end];
        switch (member.Conversion)
        {
            case ConversionKind.Number:
                if (members.TryWholeNumber(member.Member, text)) return true;
                if (!GrokNumbers.TryParseNumber(text, out var number)) return false;
                members.Double(member.Member, number);
                return true;
            case ConversionKind.Integer:
                if (!GrokNumbers.TryParseInteger(text, out var integer)) return false;
                members.Integer(member.Member, integer);
                return true;
            case ConversionKind.Date:
                if (!member.Capture.Date!.TryParse(text, context.Clock, ref context.Output.DateMemo, out var epochMilliseconds)) return false;
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
