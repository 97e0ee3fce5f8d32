namespace GrokFlow.Engine.Search;

/// <summary>
/// A term without a key, searched in <c>message</c> only, ignoring ASCII case. The message is read as words (runs of
/// letters, digits, <c>_</c> and non-ASCII characters). A term without wildcards matches when its own words appear in
/// the message consecutively (<c>hello</c> matches "Hello, world" but not "helloworld"; <c>"connection refused"</c>
/// matches "connection: refused"); a term with no word characters at all is searched as a substring. A term with
/// <c>*</c>/<c>?</c> matches when it matches one whole word or one whitespace-separated token of the message
/// (<c>fail*</c> matches "failed"; <c>user=adm*</c> matches "user=admin").
/// </summary>
internal sealed class FreeTextQuery : SearchQuery
{
    private readonly SearchPattern _pattern;
    private readonly byte[][] _words;

    public FreeTextQuery(SearchPattern pattern)
    {
        _pattern = pattern;
        var words = new List<byte[]>();
        var literal = pattern.Literal;
        var index = 0;
        while (MessageWords.Next(literal, ref index, out var start, out var length)) words.Add(literal.Slice(start, length).ToArray());
        _words = words.ToArray();
    }

    public override bool Matches(scoped in SearchEvent e)
    {
        var message = e.Message;
        if (_pattern.HasWildcards) return AnyPiece(message, words: true) || AnyPiece(message, words: false);
        if (_words.Length == 0) return ContainsIgnoringCase(message, _pattern.Literal);
        var index = 0;
        while (MessageWords.Next(message, ref index, out var start, out var length))
        {
            if (!SearchBytes.Equal(message.Slice(start, length), _words[0], ignoreCase: true)) continue;
            if (RestFollows(message, index)) return true;
        }
        return false;
    }

    private bool RestFollows(ReadOnlySpan<byte> message, int index)
    {
        for (var w = 1; w < _words.Length; w++)
        {
            if (!MessageWords.Next(message, ref index, out var start, out var length)) return false;
            if (!SearchBytes.Equal(message.Slice(start, length), _words[w], ignoreCase: true)) return false;
        }
        return true;
    }

    private bool AnyPiece(ReadOnlySpan<byte> message, bool words)
    {
        var index = 0;
        int start, length;
        while (words ? MessageWords.Next(message, ref index, out start, out length) : MessageWords.NextToken(message, ref index, out start, out length))
            if (_pattern.IsMatch(message.Slice(start, length), ignoreCase: true)) return true;
        return false;
    }

    private static bool ContainsIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> part)
    {
        for (var i = 0; i + part.Length <= text.Length; i++)
            if (SearchBytes.Equal(text.Slice(i, part.Length), part, ignoreCase: true)) return true;
        return false;
    }

    private protected override ReservedFieldSet CollectReservedFields() => ReservedFieldSet.Message;

    public override string ToString() => $"\"{_pattern.Text}\"";
}
