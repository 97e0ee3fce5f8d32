using GrokFlow.Engine.Output;

namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// The <c>rubyhash</c> filter: a Ruby hash literal such as <c>{name =&gt; "John", :id =&gt; 42, "job" =&gt; {"t" =&gt; nil}, tags: [1, 2.5]}</c>.
/// Keys: quoted strings, symbols (<c>:sym</c>), bare words, numbers, or the <c>key:</c> form. Values: strings in
/// single or double quotes (with backslash escapes), integers and floats, <c>true</c>/<c>false</c>, <c>nil</c>
/// (dropped, as JSON nulls are), symbols and bare words (as strings), nested hashes and arrays. Anything else fails.
/// </summary>
internal static class RubyHashParser
{
    private const int MaxDepth = 64;

    public static int Parse(FilterText text, ValueTree tree, OutputWorkspace workspace)
    {
        var s = text.Span;
        var position = 0;
        SkipSpace(s, ref position);
        if (position >= s.Length || s[position] != '{') return -1;
        var node = Value(text, ref position, tree, workspace, 0);
        SkipSpace(s, ref position);
        return node >= 0 && position == s.Length ? node : -1;
    }

    private static int Value(FilterText text, ref int position, ValueTree tree, OutputWorkspace workspace, int depth)
    {
        var s = text.Span;
        SkipSpace(s, ref position);
        if (position >= s.Length || depth > MaxDepth) return -1;
        switch (s[position])
        {
            case (byte)'{':
                return Hash(text, ref position, tree, workspace, depth);
            case (byte)'[':
                position++;
                var array = tree.NewArray();
                SkipSpace(s, ref position);
                if (position < s.Length && s[position] == ']')
                {
                    position++;
                    return array;
                }
                while (true)
                {
                    var element = Value(text, ref position, tree, workspace, depth + 1);
                    if (element < 0) return -1;
                    tree.Append(array, element);
                    SkipSpace(s, ref position);
                    if (position >= s.Length) return -1;
                    if (s[position++] == ']') return array;
                    if (s[position - 1] != ',') return -1;
                }
            case (byte)'"' or (byte)'\'':
                if (!QuotedString(text, ref position, workspace, out var quoted)) return -1;
                return quoted.HasValue ? tree.NewScalar(quoted) : tree.NewNull();
            case (byte)':':
                position++;
                var symbol = Word(s, ref position);
                return symbol.Length > 0 ? tree.NewScalar(text.Slice(symbol.Start, symbol.Length)) : -1;
        }
        var word = Word(s, ref position);
        if (word.Length == 0) return -1;
        var bytes = s.Slice(word.Start, word.Length);
        if (bytes.SequenceEqual("nil"u8)) return tree.NewNull();
        if (bytes.SequenceEqual("true"u8)) return tree.NewScalar(OutputValue.FromBoolean(true));
        if (bytes.SequenceEqual("false"u8)) return tree.NewScalar(OutputValue.FromBoolean(false));
        if (bytes.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0 && GrokNumbers.TryParseInteger(bytes, out var integer))
            return tree.NewScalar(OutputValue.FromInteger(integer));
        if (GrokNumbers.TryParseNumberExt(bytes, out var number) && double.IsFinite(number))
            return tree.NewScalar(OutputValue.FromDouble(number));
        return tree.NewScalar(text.Slice(word.Start, word.Length));
    }

    private static int Hash(FilterText text, ref int position, ValueTree tree, OutputWorkspace workspace, int depth)
    {
        var s = text.Span;
        position++;
        var obj = tree.NewObject();
        SkipSpace(s, ref position);
        if (position < s.Length && s[position] == '}')
        {
            position++;
            return obj;
        }
        while (true)
        {
            SkipSpace(s, ref position);
            if (position >= s.Length) return -1;
            OutputValue key;
            var colonForm = false;
            if (s[position] is (byte)'"' or (byte)'\'')
            {
                if (!QuotedString(text, ref position, workspace, out key)) return -1;
            }
            else
            {
                if (s[position] == ':') position++;
                var word = Word(s, ref position);
                if (word.Length == 0) return -1;
                key = text.Slice(word.Start, word.Length);
            }
            if (position < s.Length && s[position] == ':' && (position + 1 == s.Length || s[position + 1] != ':'))
            {
                colonForm = true;
                position++;
            }
            SkipSpace(s, ref position);
            if (!colonForm)
            {
                if (!s[position..].StartsWith("=>"u8)) return -1;
                position += 2;
            }
            var value = Value(text, ref position, tree, workspace, depth + 1);
            if (value < 0) return -1;
            var keyBytes = !key.HasValue ? default
                : key.Kind == OutputValueKind.WorkspaceText ? workspace.Text(key.Start, key.Length) : s.Slice(key.Start - text.Offset, key.Length);
            var member = keyBytes.Length == 0 ? -1 : tree.MemberAtDottedKey(obj, keyBytes);
            if (member >= 0 && tree.Kind(value) != TreeNodeKind.Null) tree.AddValue(member, value);
            SkipSpace(s, ref position);
            if (position >= s.Length) return -1;
            if (s[position++] == '}') return obj;
            if (s[position - 1] != ',') return -1;
        }
    }

    /// <summary>
    /// A quoted string at the position (its quote is the delimiter), escapes decoded into the workspace; false when
    /// it is not closed. An empty string gives no value.
    /// </summary>
    private static bool QuotedString(FilterText text, ref int position, OutputWorkspace workspace, out OutputValue value)
    {
        var s = text.Span;
        value = OutputValue.None;
        var quote = s[position++];
        var start = position;
        var escaped = false;
        while (position < s.Length && s[position] != quote)
        {
            if (s[position] == '\\')
            {
                escaped = true;
                position++;
            }
            position++;
        }
        if (position >= s.Length) return false;
        var end = position++;
        if (end == start) return true;
        if (!escaped)
        {
            value = text.Slice(start, end - start);
            return true;
        }
        var room = workspace.ReserveText(end - start);
        var written = 0;
        for (var i = start; i < end; i++)
        {
            if (s[i] != '\\' || i + 1 == end)
            {
                room[written++] = s[i];
                continue;
            }
            var e = s[++i];
            if (quote == '"')
            {
                room[written++] = e switch { (byte)'n' => (byte)'\n', (byte)'t' => (byte)'\t', (byte)'r' => (byte)'\r', _ => e };
            }
            else if (e is (byte)'\\' or (byte)'\'')
            {
                room[written++] = e;
            }
            else
            {
                // Single-quoted Ruby strings keep other backslashes.
                room[written++] = (byte)'\\';
                room[written++] = e;
            }
        }
        value = OutputValue.WorkspaceText(workspace.CommitText(written), written);
        return true;
    }

    private static (int Start, int Length) Word(ReadOnlySpan<byte> s, ref int position)
    {
        var start = position;
        while (position < s.Length && (s[position] >= 0x80 || char.IsAsciiLetterOrDigit((char)s[position]) || s[position] is (byte)'_' or (byte)'.' or (byte)'-' or (byte)'+' or (byte)'?' or (byte)'!' or (byte)'@' or (byte)'$'))
            position++;
        return (start, position - start);
    }

    private static void SkipSpace(ReadOnlySpan<byte> s, ref int position)
    {
        while (position < s.Length && s[position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') position++;
    }
}
