using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace GrokFlow.Language.Search;

/// <summary>
/// Reads Datadog log search syntax as pipeline filters and category queries use it: <c>key:value</c> terms on the
/// reserved attributes (<c>service</c>, <c>source</c>, <c>host</c>, <c>status</c>), on tags (<c>env:prod</c>,
/// <c>tags:beta</c>) and on attributes (<c>@http.status_code:200</c>); free text searched in <c>message</c>;
/// <c>*</c>/<c>?</c> wildcards, <c>"quoted values"</c> and <c>\</c> escapes; <c>@a:*</c> existence; ranges
/// <c>[a TO b]</c>/<c>{a TO b}</c> and <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>; <c>CIDR(@ip, net, ...)</c>;
/// <c>key:(a OR b)</c> groups; <c>AND</c> (also implicit), <c>OR</c>, <c>NOT</c>/<c>-</c> and parentheses, <c>AND</c>
/// binding tighter than <c>OR</c>. An empty query matches everything. The engine turns the syntax into a matcher.
/// </summary>
public sealed class SearchSyntaxParser
{
    private const string TermStops = "():";
    private const string ValueStops = "()";
    private const string BoundStops = "()]}";
    private const string CidrStops = "(),";

    private readonly string _query;
    private int _position;

    private SearchSyntaxParser(string query) => _query = query;

    /// <exception cref="SearchQuerySyntaxException">The query does not follow the syntax.</exception>
    public static SearchSyntax Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return SearchSyntax.All;
        var parser = new SearchSyntaxParser(query!);
        var result = parser.ParseOr(target: null);
        parser.SkipSpaces();
        if (!parser.AtEnd) throw parser.Error(parser.Peek() == ')' ? "unbalanced ')'" : "unexpected text");
        return result;
    }

    public static bool TryParse(string? query, [NotNullWhen(true)] out SearchSyntax? result, [NotNullWhen(false)] out SearchQuerySyntaxException? error)
    {
        try
        {
            result = Parse(query);
            error = null;
            return true;
        }
        catch (SearchQuerySyntaxException e)
        {
            result = null;
            error = e;
            return false;
        }
    }

    private bool AtEnd => _position >= _query.Length;
    private char Peek() => _query[_position];

    // Inside a `key:( ... )` group the key is set: bare values are bound to it.
    private SearchSyntax ParseOr(string? target)
    {
        var left = ParseAnd(target);
        while (TryKeyword("OR")) left = new OrSearch(left, ParseAnd(target));
        return left;
    }

    private SearchSyntax ParseAnd(string? target)
    {
        var left = ParseUnary(target);
        while (true)
        {
            SkipSpaces();
            if (AtEnd || Peek() == ')' || LooksAtKeyword("OR")) return left;
            TryKeyword("AND");
            left = new AndSearch(left, ParseUnary(target));
        }
    }

    private SearchSyntax ParseUnary(string? target)
    {
        SkipSpaces();
        if (AtEnd) throw Error("a term is missing");
        if (TryKeyword("NOT")) return new NotSearch(ParseUnary(target));
        if (LooksAtKeyword("AND") || LooksAtKeyword("OR")) throw Error($"a term is missing before '{(Peek() == 'A' ? "AND" : "OR")}'");
        switch (Peek())
        {
            case ')':
                throw Error("a term is missing before ')'");
            case '-':
                _position++;
                return new NotSearch(ParseUnary(target));
            case '(':
                _position++;
                var inner = ParseOr(target);
                ExpectClosingParenthesis();
                return inner;
        }
        return target is null ? ParseTerm() : new TermSearch(target, ReadValueTest());
    }

    private SearchSyntax ParseTerm()
    {
        var start = _position;
        if (Peek() == '"') return new FreeTextSearch(ReadQuoted());
        if (string.Compare(_query, _position, "CIDR(", 0, 5, StringComparison.OrdinalIgnoreCase) == 0) return ParseCidr();
        var (text, wildcards) = ReadBare(TermStops);
        if (AtEnd || Peek() != ':')
        {
            if (text.Length == 0) throw Error("a term is missing");
            // A lone wildcard is Datadog's "all logs", whether or not the log has a message.
            if (text == "*" && wildcards.Count == 1) return SearchSyntax.All;
            return new FreeTextSearch(new SearchText(text, wildcards));
        }
        if (text.Length == 0) throw Error("a key is missing before ':'");
        if (text == "*") throw Error(start, "full-text search (*:term) is not supported in filters; search message with a bare term or name the attribute");
        if (wildcards.Count > 0) throw Error(start, "wildcards are not supported in keys");
        if (text == "@") throw Error(start, "an attribute name is missing after '@'");
        _position++;
        if (!AtEnd && Peek() == '(')
        {
            _position++;
            var group = ParseOr(text);
            ExpectClosingParenthesis();
            return group;
        }
        return new TermSearch(text, ReadValueTest());
    }

    private SearchSyntax ParseCidr()
    {
        _position += "CIDR(".Length;
        SkipSpaces();
        var keyStart = _position;
        var (key, wildcards) = ReadBare(CidrStops);
        if (key.Length == 0 || key == "@") throw Error(keyStart, "CIDR(...) needs an attribute first, like CIDR(@network.client.ip, 10.0.0.0/8)");
        if (wildcards.Count > 0) throw Error(keyStart, "wildcards are not supported in keys");
        var networks = new List<string>();
        while (true)
        {
            SkipSpaces();
            if (AtEnd) throw Error("missing ')' to close CIDR(...)");
            if (Peek() == ')') break;
            if (Peek() != ',') throw Error("expected ',' or ')' in CIDR(...)");
            _position++;
            SkipSpaces();
            var networkStart = _position;
            var (text, _) = ReadBare(CidrStops);
            if (text.Length == 0) throw Error("a network is missing in CIDR(...)");
            if (!IpNetworkText.IsNetwork(text)) throw Error(networkStart, $"'{text}' is not an IP network (like 10.0.0.0/8 or fc00::/7)");
            networks.Add(text);
        }
        if (networks.Count == 0) throw Error("CIDR(...) needs at least one network after the attribute");
        _position++;
        return new TermSearch(key, new CidrValue(networks));
    }

    private SearchValueSyntax ReadValueTest()
    {
        if (AtEnd || char.IsWhiteSpace(Peek()) || Peek() == ')') throw Error("a value is missing after ':'");
        switch (Peek())
        {
            case '[' or '{':
                return ReadRange();
            case '>' or '<':
                return ReadComparison();
            case '"':
                return new PatternValue(ReadQuoted());
        }
        var (text, wildcards) = ReadBare(ValueStops);
        if (text.Length == 0) throw Error("a value is missing after ':'");
        return new PatternValue(new SearchText(text, wildcards));
    }

    private RangeValue ReadRange()
    {
        var lowerInclusive = Peek() == '[';
        _position++;
        SkipSpaces();
        var lowerText = ReadBoundText();
        SkipSpaces();
        if (!TryKeyword("TO")) throw Error("expected 'TO' between the bounds of a range, like [200 TO 299]");
        SkipSpaces();
        if (!AtEnd && Peek() is ']' or '}') throw Error("a range bound is missing");
        var upperText = ReadBoundText();
        SkipSpaces();
        if (AtEnd || Peek() is not (']' or '}')) throw Error("missing ']' or '}' to close the range");
        var lower = lowerText is null ? null : new SearchBound(lowerText, lowerInclusive);
        var upper = upperText is null ? null : new SearchBound(upperText, Peek() == ']');
        _position++;
        return new RangeValue(lower, upper);
    }

    // Null for an open end (an unescaped *).
    private string? ReadBoundText()
    {
        if (AtEnd) throw Error("a range bound is missing");
        if (Peek() == '"') return ReadQuoted().Text;
        var (text, wildcards) = ReadBare(BoundStops);
        if (text.Length == 0) throw Error("a range bound is missing");
        if (text == "*" && wildcards.Count == 1) return null;
        return text;
    }

    private RangeValue ReadComparison()
    {
        var op = Peek();
        _position++;
        var inclusive = !AtEnd && Peek() == '=';
        if (inclusive) _position++;
        var opText = inclusive ? op + "=" : op.ToString();
        if (AtEnd || char.IsWhiteSpace(Peek()) || Peek() is '(' or ')') throw Error($"a value is missing after '{opText}'");
        var text = Peek() == '"' ? ReadQuoted().Text : ReadBare(ValueStops).Text;
        var bound = new SearchBound(text, inclusive);
        return op == '>' ? new RangeValue(bound, null) : new RangeValue(null, bound);
    }

    private SearchText ReadQuoted()
    {
        var open = _position++;
        var text = new StringBuilder();
        while (!AtEnd && Peek() != '"')
        {
            if (Peek() == '\\' && _position + 1 < _query.Length) _position++;
            text.Append(_query[_position++]);
        }
        if (AtEnd) throw Error(open, "missing closing '\"'");
        _position++;
        return new SearchText(text.ToString(), []);
    }

    // Unquoted text up to whitespace or a stop character; `\` takes the next character literally. Wildcards are the
    // unescaped * and ?, by position in the returned text.
    private (string Text, List<int> Wildcards) ReadBare(string stops)
    {
        var text = new StringBuilder();
        var wildcards = new List<int>();
        while (!AtEnd && !char.IsWhiteSpace(Peek()) && stops.IndexOf(Peek()) < 0)
        {
            var c = Peek();
            if (c == '\\')
            {
                if (_position + 1 >= _query.Length) throw Error("nothing to escape after '\\'");
                _position++;
                text.Append(_query[_position++]);
                continue;
            }
            if (c is '*' or '?') wildcards.Add(text.Length);
            text.Append(c);
            _position++;
        }
        return (text.ToString(), wildcards);
    }

    private void ExpectClosingParenthesis()
    {
        SkipSpaces();
        if (AtEnd || Peek() != ')') throw Error("missing ')'");
        _position++;
    }

    private bool LooksAtKeyword(string keyword) =>
        string.CompareOrdinal(_query, _position, keyword, 0, keyword.Length) == 0
        && (_position + keyword.Length == _query.Length || _query[_position + keyword.Length] is ' ' or '\t' or '\n' or '\r' or '(' or '"' or '-');

    private bool TryKeyword(string keyword)
    {
        SkipSpaces();
        if (AtEnd || !LooksAtKeyword(keyword)) return false;
        _position += keyword.Length;
        return true;
    }

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Peek())) _position++;
    }

    private SearchQuerySyntaxException Error(string problem) => Error(_position, problem);

    private SearchQuerySyntaxException Error(int position, string problem) => new(_query, Math.Min(position, _query.Length), problem);
}
