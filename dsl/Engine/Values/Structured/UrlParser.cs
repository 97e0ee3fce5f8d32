using GrokFlow.Engine.Output;

namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// The <c>url</c> filter, shaped like Datadog's URL parser output: <c>{"scheme", "host", "port", "path",
/// "queryString": {...}, "hash"}</c> with the parts the URL has (the fragment is <c>hash</c>, as Datadog records it). The port is an integer; the query string is
/// split as by <c>querystring</c> but its keys and values are kept as written (<c>?test=var1%20Pl</c> gives
/// <c>"var1%20Pl"</c>, as Datadog's recorded results show), like the path. A relative URL (<c>/a?b=1</c>) gives its path and
/// query; an absolute URL without a path has the path <c>""</c>, and the host is written in lower case (both as
/// Datadog's recorded results show). User information (<c>user:password@</c>) is left out on purpose. Text holding white space or control
/// characters is not a URL and fails the filter.
/// </summary>
internal static class UrlParser
{
    public static int Parse(FilterText text, ValueTree tree, OutputWorkspace workspace)
    {
        var s = text.Span;
        foreach (var b in s)
        {
            if (b <= ' ' || b == 0x7f) return -1;
        }
        var obj = tree.NewObject();
        var end = s.Length;
        var hash = s.IndexOf((byte)'#');
        if (hash >= 0)
        {
            if (hash + 1 < s.Length) Add(tree, obj, "hash"u8, text.Slice(hash + 1, s.Length - hash - 1));
            end = hash;
        }
        var question = s[..end].IndexOf((byte)'?');
        if (question >= 0)
        {
            var query = tree.ChildrenOf(tree.Member(obj, "queryString"u8));
            QueryStringParser.AddPairs(text.Sub(question + 1, end - question - 1), tree, workspace, query, decode: false);
            end = question;
        }
        var position = 0;
        var scheme = SchemeLength(s[..end]);
        if (scheme > 0)
        {
            Add(tree, obj, "scheme"u8, text.Slice(0, scheme));
            position = scheme + 3;
            var authorityEnd = s[position..end].IndexOf((byte)'/');
            authorityEnd = authorityEnd < 0 ? end : position + authorityEnd;
            var at = s[position..authorityEnd].LastIndexOf((byte)'@');
            var hostStart = at < 0 ? position : position + at + 1;
            var hostEnd = authorityEnd;
            var portColon = s[hostStart..authorityEnd].LastIndexOf((byte)':');
            if (portColon >= 0 && s[hostStart..authorityEnd].LastIndexOf((byte)']') < portColon)
            {
                var portText = s[(hostStart + portColon + 1)..authorityEnd];
                if (portText.Length > 0 && GrokNumbers.TryParseInteger(portText, out var port) && port is >= 0 and <= 65535 && portText[0] is >= (byte)'0' and <= (byte)'9')
                    Add(tree, obj, "port"u8, OutputValue.FromInteger(port));
                else if (portText.Length > 0) return -1;
                hostEnd = hostStart + portColon;
            }
            if (hostEnd > hostStart) Add(tree, obj, "host"u8, LowerCase(text, hostStart, hostEnd - hostStart, workspace));
            position = authorityEnd;
        }
        if (end > position) Add(tree, obj, "path"u8, text.Slice(position, end - position));
        else if (scheme > 0) Add(tree, obj, "path"u8, text.Slice(position, 0));
        return obj;
    }

    /// <summary>The length of <c>scheme</c> when the text starts with <c>scheme://</c>, else 0.</summary>
    private static int SchemeLength(ReadOnlySpan<byte> s)
    {
        if (s.Length == 0 || !char.IsAsciiLetter((char)s[0])) return 0;
        var i = 1;
        while (i < s.Length && (char.IsAsciiLetterOrDigit((char)s[i]) || s[i] is (byte)'+' or (byte)'-' or (byte)'.')) i++;
        return s[i..].StartsWith("://"u8) ? i : 0;
    }

    /// <summary>Host names are case-insensitive: written in lower case (a slice when already so).</summary>
    private static OutputValue LowerCase(FilterText text, int start, int length, OutputWorkspace workspace)
    {
        var raw = text.Span.Slice(start, length);
        if (raw.IndexOfAnyInRange((byte)'A', (byte)'Z') < 0) return text.Slice(start, length);
        var room = workspace.ReserveText(length);
        for (var i = 0; i < length; i++) room[i] = raw[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(raw[i] + 32) : raw[i];
        return OutputValue.WorkspaceText(workspace.CommitText(length), length);
    }

    private static void Add(ValueTree tree, int obj, ReadOnlySpan<byte> key, OutputValue value) =>
        tree.AddValue(tree.Member(obj, key), tree.NewScalar(value));
}
