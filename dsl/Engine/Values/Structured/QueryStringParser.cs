using GrokFlow.Engine.Output;

namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// The <c>querystring</c> filter: <c>?a=1&amp;b=2</c> as <c>{"a":"1","b":"2"}</c>. A leading <c>?</c> is skipped, pairs
/// are split on <c>&amp;</c> and the first <c>=</c>, keys and values are form-decoded (<c>%XX</c>, <c>+</c> is a space).
/// Pairs without <c>=</c> or with an empty key or value are ignored; a repeated key makes an array; dotted keys nest.
/// </summary>
internal static class QueryStringParser
{
    public static int Parse(FilterText text, ValueTree tree, OutputWorkspace workspace)
    {
        var obj = tree.NewObject();
        AddPairs(text, tree, workspace, obj);
        return obj;
    }

    /// <summary>
    /// Adds the pairs of a query string to an existing object; <paramref name="decode"/> false keeps keys and values
    /// as written (the <c>url</c> filter's <c>queryString</c>).
    /// </summary>
    public static void AddPairs(FilterText text, ValueTree tree, OutputWorkspace workspace, int obj, bool decode = true)
    {
        var s = text.Span;
        var position = s.Length > 0 && s[0] == '?' ? 1 : 0;
        while (position <= s.Length)
        {
            var ampersand = s[position..].IndexOf((byte)'&');
            var end = ampersand < 0 ? s.Length : position + ampersand;
            var pair = s[position..end];
            var equals = pair.IndexOf((byte)'=');
            if (equals > 0 && equals < pair.Length - 1)
            {
                int member;
                if (decode)
                {
                    var keyRoom = workspace.ReserveText(equals);
                    var keyLength = UriDecoding.Decode(pair[..equals], keyRoom, plusIsSpace: true);
                    member = tree.MemberAtDottedKey(obj, keyRoom[..keyLength]);
                }
                else member = tree.MemberAtDottedKey(obj, pair[..equals]);
                var value = decode
                    ? Decoded(text, position + equals + 1, end - position - equals - 1, workspace)
                    : text.Slice(position + equals + 1, end - position - equals - 1);
                if (member >= 0) tree.AddValue(member, tree.NewScalar(value));
            }
            if (ampersand < 0) break;
            position = end + 1;
        }
    }

    /// <summary>The decoded text: a slice when nothing needed decoding, else a copy in the workspace.</summary>
    private static OutputValue Decoded(FilterText text, int start, int length, OutputWorkspace workspace)
    {
        var raw = text.Span.Slice(start, length);
        if (raw.IndexOfAny((byte)'%', (byte)'+') < 0) return text.Slice(start, length);
        var room = workspace.ReserveText(length);
        var written = UriDecoding.Decode(raw, room, plusIsSpace: true);
        return OutputValue.WorkspaceText(workspace.CommitText(written), written);
    }
}
