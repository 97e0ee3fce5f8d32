using GrokFlow.Engine.Output;

namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// The <c>xml</c> filter: a document as <c>{"root": ...}</c>. An element with only text is that text (trimmed); an
/// element with attributes or child elements is an object: attributes and children are keys, a repeated child makes
/// an array, and text beside them goes under <c>value</c>. No type inference (<c>2005</c> stays a string). Comments,
/// processing instructions and the DOCTYPE are skipped, CDATA is text, the five named entities and character
/// references are decoded. Limits: mixed content keeps its first text run only; an empty element gives nothing;
/// namespaces prefixes stay in the names. Malformed XML fails the filter.
/// </summary>
internal static class XmlParser
{
    private const int MaxDepth = 64;

    public static int Parse(FilterText text, ValueTree tree, OutputWorkspace workspace)
    {
        var s = text.Span;
        var position = 0;
        if (!SkipMisc(s, ref position) || position >= s.Length || s[position] != '<') return -1;
        position++;
        var name = ReadName(s, ref position);
        if (name.Length == 0) return -1;
        var root = tree.NewObject();
        var member = tree.MemberAtDottedKey(root, s.Slice(name.Start, name.Length));
        var value = Element(text, ref position, name, tree, workspace, depth: 1);
        if (value < 0 || member < 0) return -1;
        if (!SkipMisc(s, ref position) || position != s.Length) return -1;
        tree.AddValue(member, value);
        return root;
    }

    private readonly record struct Range(int Start, int Length);

    /// <summary>Parses an element whose name was just read; leaves <paramref name="position"/> after its end tag.</summary>
    private static int Element(FilterText text, ref int position, Range name, ValueTree tree, OutputWorkspace workspace, int depth)
    {
        var s = text.Span;
        if (depth > MaxDepth) return -1;
        var obj = -1;
        // Attributes.
        while (true)
        {
            SkipSpace(s, ref position);
            if (position >= s.Length) return -1;
            if (s[position] == '>')
            {
                position++;
                break;
            }
            if (s[position] == '/')
            {
                if (position + 1 >= s.Length || s[position + 1] != '>') return -1;
                position += 2;
                return obj >= 0 ? obj : tree.NewNull();
            }
            var attribute = ReadName(s, ref position);
            SkipSpace(s, ref position);
            if (attribute.Length == 0 || position >= s.Length || s[position] != '=') return -1;
            position++;
            SkipSpace(s, ref position);
            if (position >= s.Length || s[position] is not ((byte)'"' or (byte)'\'')) return -1;
            var quote = s[position++];
            var end = s[position..].IndexOf(quote);
            if (end < 0) return -1;
            if (obj < 0) obj = tree.NewObject();
            var member = tree.MemberAtDottedKey(obj, s.Slice(attribute.Start, attribute.Length));
            if (member >= 0) tree.AddValue(member, tree.NewScalar(Decode(text, position, end, workspace)));
            position += end + 1;
        }
        // Content.
        var textValue = OutputValue.None;
        while (true)
        {
            if (position >= s.Length) return -1;
            if (s[position] != '<')
            {
                var next = s[position..].IndexOf((byte)'<');
                if (next < 0) return -1;
                var (start, length) = Trim(s, position, next);
                if (length > 0 && !textValue.HasValue) textValue = Decode(text, start, length, workspace);
                position += next;
                continue;
            }
            var rest = s[position..];
            if (rest.StartsWith("<![CDATA["u8))
            {
                var end = rest.IndexOf("]]>"u8);
                if (end < 0) return -1;
                if (end > 9 && !textValue.HasValue) textValue = text.Slice(position + 9, end - 9);
                position += end + 3;
                continue;
            }
            if (rest.StartsWith("<!--"u8) || rest.StartsWith("<?"u8))
            {
                if (!SkipMisc(s, ref position)) return -1;
                continue;
            }
            if (rest.StartsWith("</"u8))
            {
                position += 2;
                var closing = ReadName(s, ref position);
                SkipSpace(s, ref position);
                if (position >= s.Length || s[position] != '>' ||
                    !s.Slice(closing.Start, closing.Length).SequenceEqual(s.Slice(name.Start, name.Length))) return -1;
                position++;
                break;
            }
            position++;
            var childName = ReadName(s, ref position);
            if (childName.Length == 0) return -1;
            var child = Element(text, ref position, childName, tree, workspace, depth + 1);
            if (child < 0) return -1;
            if (obj < 0) obj = tree.NewObject();
            var childMember = tree.MemberAtDottedKey(obj, s.Slice(childName.Start, childName.Length));
            if (childMember >= 0) tree.AddValue(childMember, child);
        }
        if (obj < 0) return textValue.HasValue ? tree.NewScalar(textValue) : tree.NewNull();
        if (textValue.HasValue) tree.AddValue(tree.Member(obj, "value"u8), tree.NewScalar(textValue));
        return obj;
    }

    /// <summary>Skips white space, comments, processing instructions and a DOCTYPE; false on an unterminated one.</summary>
    private static bool SkipMisc(ReadOnlySpan<byte> s, ref int position)
    {
        while (true)
        {
            SkipSpace(s, ref position);
            var rest = s[position..];
            int end;
            if (rest.StartsWith("<!--"u8)) end = rest.IndexOf("-->"u8) is var c and >= 0 ? c + 3 : -1;
            else if (rest.StartsWith("<?"u8)) end = rest.IndexOf("?>"u8) is var p and >= 0 ? p + 2 : -1;
            else if (rest.StartsWith("<!DOCTYPE"u8)) end = rest.IndexOf((byte)'>') is var d and >= 0 ? d + 1 : -1;
            else return true;
            if (end < 0) return false;
            position += end;
        }
    }

    private static Range ReadName(ReadOnlySpan<byte> s, ref int position)
    {
        var start = position;
        while (position < s.Length && s[position] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/' or (byte)'>' or (byte)'=' or (byte)'<'))
            position++;
        return new Range(start, position - start);
    }

    private static void SkipSpace(ReadOnlySpan<byte> s, ref int position)
    {
        while (position < s.Length && s[position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') position++;
    }

    private static (int Start, int Length) Trim(ReadOnlySpan<byte> s, int start, int length)
    {
        while (length > 0 && s[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') { start++; length--; }
        while (length > 0 && s[start + length - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') length--;
        return (start, length);
    }

    /// <summary>Text with entities decoded: a slice when there is none, else a copy in the workspace.</summary>
    private static OutputValue Decode(FilterText text, int start, int length, OutputWorkspace workspace)
    {
        var raw = text.Span.Slice(start, length);
        if (raw.IndexOf((byte)'&') < 0) return text.Slice(start, length);
        var room = workspace.ReserveText(length);
        var written = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '&' && raw[i..].IndexOf((byte)';') is var semicolon and > 1 && Entity(raw.Slice(i + 1, semicolon - 1), room[written..], out var size))
            {
                written += size;
                i += semicolon;
                continue;
            }
            room[written++] = raw[i];
        }
        return OutputValue.WorkspaceText(workspace.CommitText(written), written);
    }

    /// <summary>Writes the UTF-8 of a named or numeric entity (its size is never more than the entity's own text).</summary>
    private static bool Entity(ReadOnlySpan<byte> name, Span<byte> destination, out int size)
    {
        size = 1;
        if (name.SequenceEqual("lt"u8)) destination[0] = (byte)'<';
        else if (name.SequenceEqual("gt"u8)) destination[0] = (byte)'>';
        else if (name.SequenceEqual("amp"u8)) destination[0] = (byte)'&';
        else if (name.SequenceEqual("quot"u8)) destination[0] = (byte)'"';
        else if (name.SequenceEqual("apos"u8)) destination[0] = (byte)'\'';
        else if (name.Length > 1 && name[0] == '#')
        {
            var hex = name[1] is (byte)'x' or (byte)'X';
            var digits = name[(hex ? 2 : 1)..];
            if (digits.Length == 0 || digits.Length > 6) return false;
            var code = 0;
            foreach (var d in digits)
            {
                var v = d is >= (byte)'0' and <= (byte)'9' ? d - '0' : hex && (d | 0x20) is >= 'a' and <= 'f' ? (d | 0x20) - 'a' + 10 : -1;
                if (v < 0) return false;
                code = code * (hex ? 16 : 10) + v;
            }
            if (!System.Text.Rune.TryCreate(code, out var rune) || rune.Utf8SequenceLength > name.Length + 2) return false;
            size = rune.EncodeToUtf8(destination);
        }
        else return false;
        return true;
    }
}
