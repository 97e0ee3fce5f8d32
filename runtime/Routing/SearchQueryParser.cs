using System.Text;

namespace GrokFlow.Runtime.Routing;

/// <summary>
/// Reads the subset of Datadog search syntax used to route events to pipelines: <c>key:value</c> terms on the reserved
/// attributes <c>service</c>, <c>source</c>, <c>host</c>, <c>status</c> and on tags, values quoted or with <c>*</c>/<c>?</c>
/// wildcards and <c>\</c> escapes, <c>key:(a OR b)</c> groups, <c>AND</c> (also implicit), <c>OR</c>, <c>NOT</c>/<c>-</c>,
/// parentheses. <c>AND</c> binds tighter than <c>OR</c>. An empty query matches everything.
/// </summary>
internal sealed class SearchQueryParser
{
    private readonly string _query;
    private int _position;

    private SearchQueryParser(string query) => _query = query;

    public static SearchQuery Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return SearchQuery.All;
        var parser = new SearchQueryParser(query);
        var result = parser.ParseOr(key: null);
        parser.SkipSpaces();
        if (!parser.AtEnd) throw parser.Error(parser.Peek() == ')' ? "unbalanced ')'" : "unexpected text");
        return result;
    }

    private bool AtEnd => _position >= _query.Length;
    private char Peek() => _query[_position];

    // Inside a `key:( ... )` group, bare values are bound to that key.
    private SearchQuery ParseOr(string? key)
    {
        var left = ParseAnd(key);
        while (TryKeyword("OR")) left = new OrQuery(left, ParseAnd(key));
        return left;
    }

    private SearchQuery ParseAnd(string? key)
    {
        var left = ParseUnary(key);
        while (true)
        {
            SkipSpaces();
            if (AtEnd || Peek() == ')' || LooksAtKeyword("OR")) return left;
            TryKeyword("AND");
            left = new AndQuery(left, ParseUnary(key));
        }
    }

    private SearchQuery ParseUnary(string? key)
    {
        SkipSpaces();
        if (AtEnd) throw Error("a term is missing");
        if (TryKeyword("NOT")) return new NotQuery(ParseUnary(key));
        if (Peek() == '-')
        {
            _position++;
            return new NotQuery(ParseUnary(key));
        }
        if (Peek() == '(')
        {
            _position++;
            var inner = ParseOr(key);
            SkipSpaces();
            if (AtEnd || Peek() != ')') throw Error("missing ')'");
            _position++;
            return inner;
        }
        return key is null ? ParseTerm() : Term(key, ReadValue());
    }

    private SearchQuery ParseTerm()
    {
        var start = _position;
        if (Peek() == '@') throw Error("attribute filters (@...) are not supported in pipeline routing yet");
        var keyEnd = _query.IndexOf(':', _position);
        var stop = _query.IndexOfAny([' ', '(', ')'], _position);
        if (keyEnd < 0 || (stop >= 0 && stop < keyEnd))
            throw Error("free-text terms are not supported in pipeline filters; use key:value (service:x, source:x, host:x, status:x, tags)");
        var key = _query[start..keyEnd];
        if (key.Length == 0) throw Error("a key is missing before ':'");
        _position = keyEnd + 1;
        if (!AtEnd && Peek() == '(')
        {
            _position++;
            var group = ParseOr(key);
            SkipSpaces();
            if (AtEnd || Peek() != ')') throw Error("missing ')'");
            _position++;
            return group;
        }
        return Term(key, ReadValue());
    }

    private static SearchQuery Term(string key, WildcardPattern value) => key.ToLowerInvariant() switch
    {
        "service" => new FieldQuery(SearchField.Service, [], value),
        "source" => new FieldQuery(SearchField.Source, [], value),
        "host" => new FieldQuery(SearchField.Host, [], value),
        "status" => new FieldQuery(SearchField.Status, [], value),
        "tags" => new FieldQuery(SearchField.Tags, [], value),
        _ => new FieldQuery(SearchField.Tag, Encoding.UTF8.GetBytes(key), value),
    };

    private WildcardPattern ReadValue()
    {
        if (AtEnd) throw Error("a value is missing after ':'");
        var text = new StringBuilder();
        var wildcards = new HashSet<int>();
        if (Peek() == '"')
        {
            _position++;
            while (!AtEnd && Peek() != '"')
            {
                if (Peek() == '\\' && _position + 1 < _query.Length) _position++;
                text.Append(_query[_position++]);
            }
            if (AtEnd) throw Error("missing closing '\"'");
            _position++;
            return new WildcardPattern(text.ToString(), wildcards);
        }
        while (!AtEnd && Peek() is not (' ' or '(' or ')'))
        {
            var c = Peek();
            if (c == '\\' && _position + 1 < _query.Length)
            {
                _position++;
                text.Append(_query[_position++]);
                continue;
            }
            if (c is '*' or '?') wildcards.Add(text.Length);
            text.Append(c);
            _position++;
        }
        if (text.Length == 0) throw Error("a value is missing after ':'");
        return new WildcardPattern(text.ToString(), wildcards);
    }

    private bool LooksAtKeyword(string keyword) =>
        string.CompareOrdinal(_query, _position, keyword, 0, keyword.Length) == 0
        && (_position + keyword.Length == _query.Length || _query[_position + keyword.Length] is ' ' or '(');

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

    private SearchQuerySyntaxException Error(string problem) => new(_query, Math.Min(_position, _query.Length), problem);
}
