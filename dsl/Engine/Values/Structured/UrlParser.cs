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
        if (!UrlParts.TryRead(text.Span, out var url)) return -1;
        var obj = tree.NewObject();
        if (url.Hash.Length > 0) Add(tree, obj, "hash"u8, text.Slice(url.Hash.Start, url.Hash.Length));
        if (url.Query.Start >= 0)
        {
            var query = tree.ChildrenOf(tree.Member(obj, "queryString"u8));
            QueryStringParser.AddPairs(text.Sub(url.Query.Start, url.Query.Length), tree, workspace, query, decode: false);
        }
        if (url.Scheme.Length > 0) Add(tree, obj, "scheme"u8, text.Slice(url.Scheme.Start, url.Scheme.Length));
        if (url.Port >= 0) Add(tree, obj, "port"u8, OutputValue.FromInteger(url.Port));
        if (url.Host.Length > 0) Add(tree, obj, "host"u8, LowerCase(text, url.Host.Start, url.Host.Length, workspace));
        if (url.Path.Start >= 0) Add(tree, obj, "path"u8, text.Slice(url.Path.Start, url.Path.Length));
        return obj;
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
