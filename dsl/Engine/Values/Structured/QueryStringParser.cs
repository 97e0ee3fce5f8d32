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
        var pairs = new QueryPairs(s);
        while (pairs.Next(out var key, out var value))
        {
            int member;
            if (decode)
            {
                var keyRoom = workspace.ReserveText(key.Length);
                var keyLength = UriDecoding.Decode(s.Slice(key.Start, key.Length), keyRoom, plusIsSpace: true);
                member = tree.MemberAtDottedKey(obj, keyRoom[..keyLength]);
            }
            else member = tree.MemberAtDottedKey(obj, s.Slice(key.Start, key.Length));
            var added = decode ? Decoded(text, value.Start, value.Length, workspace) : text.Slice(value.Start, value.Length);
            if (member >= 0) tree.AddValue(member, tree.NewScalar(added));
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

/// <summary>
/// The pairs of a query string as <see cref="QueryStringParser"/> takes them: a leading <c>?</c> skipped, split on
/// <c>&amp;</c> and the first <c>=</c>, pairs without <c>=</c> or with an empty key or value left out.
/// </summary>
internal ref struct QueryPairs(ReadOnlySpan<byte> query)
{
    private readonly ReadOnlySpan<byte> _s = query;
    private int _position = query.Length > 0 && query[0] == '?' ? 1 : 0;

    /// <summary>The next pair's key and value (start and length in the query), or false at the end.</summary>
    public bool Next(out (int Start, int Length) key, out (int Start, int Length) value)
    {
        while (_position <= _s.Length)
        {
            var position = _position;
            var ampersand = _s[position..].IndexOf((byte)'&');
            var end = ampersand < 0 ? _s.Length : position + ampersand;
            _position = ampersand < 0 ? _s.Length + 1 : end + 1;
            var equals = _s[position..end].IndexOf((byte)'=');
            if (equals <= 0 || equals >= end - position - 1) continue;
            key = (position, equals);
            value = (position + equals + 1, end - position - equals - 1);
            return true;
        }
        key = value = default;
        return false;
    }
}
