using System.Collections.Immutable;
using System.Globalization;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Language.Model;

namespace GrokFlow.Language.Patterns;

/// <summary>
/// Parses a grok pattern: raw regular expression (the Oniguruma/Java flavour Datadog users write) with <c>%{...}</c>
/// tokens, into a <see cref="Node"/> tree. Dot matches newlines by default (Datadog's multiline default); <c>\w \d \s \b</c>
/// are ASCII, as Datadog defines <c>word</c>.
/// </summary>
public sealed class PatternParser
{
    private readonly string _text;
    private readonly IPatternHost? _host;
    private readonly string _errorCode;
    private int _pos;
    private PatternFlags _flags;

    private PatternParser(string text, IPatternHost? host, string errorCode, PatternFlags flags)
    {
        _text = text;
        _host = host;
        _errorCode = errorCode;
        _flags = flags;
    }

    /// <summary>
    /// Parses <paramref name="text"/>; tokens are recognised only when a host is given. <paramref name="flags"/> are
    /// the inline flags in force where the text is expanded (<see cref="PatternFlags.Default"/> for a rule).
    /// Throws <see cref="PatternSyntaxException"/>.
    /// </summary>
    public static Node Parse(string text, IPatternHost? host, string errorCode = DiagnosticCodes.BadRegex, PatternFlags? flags = null)
    {
        var parser = new PatternParser(text, host, errorCode, flags ?? PatternFlags.Default);
        var node = parser.ParseAlternation();
        if (parser._pos < text.Length)
            throw parser.Error(text[parser._pos] == ')' ? "unbalanced ')': no group is open here; escape it as \\)" : $"unexpected '{text[parser._pos]}'", parser._pos);
        return node;
    }

    private PatternSyntaxException Error(string message, int at) => new(message, at, _errorCode);

    private bool AtEnd => _pos >= _text.Length;
    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private Node ParseAlternation()
    {
        var branches = new List<Node> { ParseSequence() };
        while (!AtEnd && Peek() == '|')
        {
            _pos++;
            branches.Add(ParseSequence());
        }
        return branches.Count == 1 ? branches[0] : new AlternationNode([.. branches]);
    }

    private Node ParseSequence()
    {
        var parts = new List<Node>();
        while (!AtEnd && Peek() is not ('|' or ')'))
        {
            if (ParseAtom() is { } atom) parts.Add(ParseQuantifiers(atom));
        }
        return MakeSequence(parts);
    }

    /// <summary>Flattens nested sequences and merges adjacent literals of the same case mode.</summary>
    public static Node MakeSequence(IEnumerable<Node> nodes)
    {
        var parts = new List<Node>();
        foreach (var node in nodes)
        {
            if (node is SequenceNode s) { foreach (var p in s.Parts) Add(p); }
            else Add(node);
        }
        return parts.Count switch
        {
            0 => EmptyNode.Instance,
            1 => parts[0],
            _ => new SequenceNode([.. parts]),
        };

        void Add(Node n)
        {
            if (n is EmptyNode) return;
            if (n is TextNode t && parts.Count > 0 && parts[^1] is TextNode prev && prev.IgnoreCase == t.IgnoreCase)
                parts[^1] = new TextNode(prev.Text + t.Text, t.IgnoreCase);
            else
                parts.Add(n);
        }
    }

    private Node ParseQuantifiers(Node atom)
    {
        while (!AtEnd)
        {
            int min, max;
            var at = _pos;
            switch (Peek())
            {
                case '*': min = 0; max = RepeatNode.Unbounded; _pos++; break;
                case '+': min = 1; max = RepeatNode.Unbounded; _pos++; break;
                case '?': min = 0; max = 1; _pos++; break;
                case '{' when TryParseBraces(out min, out max): break;
                default: return atom;
            }
            if (atom is AnchorNode or LookaroundNode or EmptyNode)
                throw Error("nothing to repeat: a quantifier must follow a character, class or group", at);
            var mode = RepeatMode.Greedy;
            if (Peek() == '?') { mode = RepeatMode.Lazy; _pos++; }
            else if (Peek() == '+') { mode = RepeatMode.Possessive; _pos++; }
            if (max != RepeatNode.Unbounded && max < min) throw Error($"quantifier {{{min},{max}}} has its maximum below its minimum", at);
            atom = new RepeatNode(atom, min, max, mode);
        }
        return atom;
    }

    private bool TryParseBraces(out int min, out int max)
    {
        min = max = 0;
        var end = _text.IndexOf('}', _pos);
        if (end < 0) return false;
        // Like Oniguruma and Java's lenient readers, a '{' that does not start a valid quantifier is a literal:
        // {n}, {n,}, {,m} and {n,m} are quantifiers.
        var parts = _text[(_pos + 1)..end].Split(',');
        if (parts.Length == 1 && TryInt(parts[0], out min)) max = min;
        else if (parts is not [var low, var high] || low.Length + high.Length == 0
                 || (low.Length > 0 && !TryInt(low, out min)) || (high.Length > 0 && !TryInt(high, out max))) return false;
        else if (high.Length == 0) max = RepeatNode.Unbounded;
        if (min > 100_000 || max > 100_000) throw Error("repetition count above 100000", _pos);
        _pos = end + 1;
        return true;

        static bool TryInt(string s, out int value) =>
            int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private Node? ParseAtom()
    {
        var c = Peek();
        switch (c)
        {
            case '(':
                return ParseGroup();
            case '[':
                return new SetNode(ApplyCase(ParseClass()));
            case '.':
                _pos++;
                return new SetNode(_flags.DotAll ? CharSet.Any : CharSet.AnyButNewline);
            case '^':
                _pos++;
                return new AnchorNode(_flags.Multiline ? AnchorKind.LineStart : AnchorKind.Start);
            case '$':
                _pos++;
                return new AnchorNode(_flags.Multiline ? AnchorKind.LineEnd : AnchorKind.EndOrBeforeFinalNewline);
            case '\\':
                return ParseEscape();
            case '%' when _host is not null && Peek(1) == '{':
                return ParseToken();
            case '*' or '+' or '?':
                // Oniguruma and Java reject a quantifier with nothing before it rather than read it as a literal.
                throw Error($"nothing to repeat: '{c}' must follow a character, class or group; escape it as \\{c} for a literal", _pos);
            default:
                return Literal(ReadCodePoint());
        }
    }

    private int ReadCodePoint()
    {
        var c = _text[_pos];
        if (char.IsHighSurrogate(c) && _pos + 1 < _text.Length && char.IsLowSurrogate(_text[_pos + 1]))
        {
            _pos += 2;
            return char.ConvertToUtf32(c, _text[_pos - 1]);
        }
        _pos++;
        return c;
    }

    private Node Literal(int codePoint)
    {
        if (_flags.IgnoreCase && IsCased(codePoint))
            return new SetNode(CharSet.Single(codePoint).IgnoreCase());
        return new TextNode(char.ConvertFromUtf32(codePoint), false);
    }

    private static bool IsCased(int cp) =>
        cp < 0x250 && (char.ToLowerInvariant((char)cp) != (char)cp || char.ToUpperInvariant((char)cp) != (char)cp);

    private CharSet ApplyCase(CharSet set) => _flags.IgnoreCase ? set.IgnoreCase() : set;

    private Node ParseToken()
    {
        var start = _pos;
        var i = _pos + 2;
        // The token ends at the first '}' outside a quoted argument: %{regex("[^}]*"):x} is one token.
        while (i < _text.Length && _text[i] != '}')
        {
            if (_text[i] == '"')
            {
                i++;
                while (i < _text.Length && _text[i] != '"') i += _text[i] == '\\' ? 2 : 1;
                if (i >= _text.Length) throw new PatternSyntaxException("unterminated string in token: a '\"' is missing", start, DiagnosticCodes.BadToken);
            }
            i++;
        }
        if (i >= _text.Length) throw new PatternSyntaxException("unterminated token: '%{' without its closing '}'", start, DiagnosticCodes.BadToken);
        var inner = _text.Substring(start + 2, i - start - 2);
        _pos = i + 1;
        var token = GrokTokenParser.Parse(inner, out var error, out var errorOffset);
        if (token is null) throw new PatternSyntaxException(error!, start + 2 + errorOffset, DiagnosticCodes.BadToken);
        return _host!.ExpandToken(token, start, _pos - start, _flags);
    }

    private Node? ParseGroup()
    {
        var start = _pos;
        _pos++; // (
        var saved = _flags;
        Node body;
        if (Peek() == '?')
        {
            _pos++;
            var kind = Peek();
            switch (kind)
            {
                case ':':
                    _pos++;
                    body = ParseAlternation();
                    break;
                case '>':
                    _pos++;
                    body = new AtomicNode(ParseAlternation());
                    break;
                case '=' or '!':
                    _pos++;
                    body = new LookaroundNode(ParseAlternation(), Ahead: true, Negated: kind == '!');
                    break;
                case '<' when Peek(1) is '=' or '!':
                    var negated = Peek(1) == '!';
                    _pos += 2;
                    body = new LookaroundNode(ParseAlternation(), Ahead: false, Negated: negated);
                    break;
                case '<' or '\'' or 'P':
                    body = ParseNamedGroup(start);
                    break;
                case '#':
                    var close = _text.IndexOf(')', _pos);
                    if (close < 0) throw Error("unterminated comment group '(?#'", start);
                    _pos = close + 1;
                    return null;
                default:
                    if (ParseFlags(start))
                    {
                        // (?i) alone: the flags hold to the end of the enclosing group.
                        return null;
                    }
                    body = ParseAlternation(); // (?i:...)
                    break;
            }
        }
        else
        {
            // Plain groups only group: Datadog extracts nothing from them.
            body = ParseAlternation();
        }
        if (Peek() != ')') throw Error("missing ')': this group is not closed", start);
        _pos++;
        _flags = saved;
        return body;
    }

    /// <summary>Parses <c>imsx-imsx</c> then ')' (returns true) or ':' (returns false, flags scoped to the group).</summary>
    private bool ParseFlags(int start)
    {
        var on = true;
        var flags = _flags;
        while (!AtEnd && Peek() is not (')' or ':'))
        {
            var f = Peek();
            switch (f)
            {
                case '-': on = false; break;
                case 'i': flags = flags with { IgnoreCase = on }; break;
                case 's': flags = flags with { DotAll = on }; break;
                case 'm': flags = flags with { Multiline = on }; break;
                default: throw Error($"unknown inline flag '{f}': expected i, s or m (e.g. (?i), (?-s), (?i:...))", _pos);
            }
            _pos++;
        }
        if (AtEnd) throw Error("unterminated inline flags group", start);
        _flags = flags;
        if (Peek() == ')')
        {
            _pos++;
            return true;
        }
        _pos++; // ':'
        return false;
    }

    private Node ParseNamedGroup(int start)
    {
        if (Peek() == 'P') _pos++;
        var open = Peek();
        var closeChar = open == '\'' ? '\'' : '>';
        _pos++;
        var end = _text.IndexOf(closeChar, _pos);
        if (end < 0) throw Error("unterminated group name", start);
        var name = _text[_pos..end];
        if (name.Length == 0 || !name.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '.' or '-' or '@' or '$'))
            throw Error($"invalid group name '{name}'", _pos);
        _pos = end + 1;
        var body = ParseAlternation();
        if (_host is null) return body;
        return new CaptureNode(_host.DeclareNamedGroup(name, start), body);
    }

    private Node ParseEscape()
    {
        var start = _pos;
        _pos++; // backslash
        if (AtEnd) throw Error("pattern ends with a lone backslash", start);
        var c = _text[_pos];
        _pos++;
        switch (c)
        {
            case 'A': return new AnchorNode(AnchorKind.Start);
            case 'z': return new AnchorNode(AnchorKind.End);
            case 'Z': return new AnchorNode(AnchorKind.EndOrBeforeFinalNewline);
            case 'b': return new AnchorNode(AnchorKind.WordBoundary);
            case 'B': return new AnchorNode(AnchorKind.NotWordBoundary);
            case 'Q':
                var end = _text.IndexOf("\\E", _pos, StringComparison.Ordinal);
                var quoted = new List<Node>();
                while (_pos < (end < 0 ? _text.Length : end)) quoted.Add(Literal(ReadCodePoint()));
                _pos = end < 0 ? _text.Length : end + 2;
                return MakeSequence(quoted);
            case >= '1' and <= '9':
            case 'k':
                throw new PatternSyntaxException("backreferences are not supported: a grok rule must be matchable without them", start, DiagnosticCodes.Unsupported);
            case 'G':
                throw new PatternSyntaxException("\\G is not supported", start, DiagnosticCodes.Unsupported);
        }
        _pos = start;
        var set = ParseSetEscape(inClass: false);
        if (set.IsSingleCodePoint(out var single) && !IsClassEscape(_text[start + 1]))
            return Literal(single);
        return new SetNode(ApplyCase(set));
    }

    private static bool IsClassEscape(char c) => c is 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'h' or 'H' or 'p' or 'P';

    /// <summary>Parses an escape at <c>_pos</c> (the backslash) that stands for a set or a single character.</summary>
    private CharSet ParseSetEscape(bool inClass)
    {
        var start = _pos;
        _pos++;
        if (AtEnd) throw Error("pattern ends with a lone backslash", start);
        var c = _text[_pos++];
        switch (c)
        {
            case 'd': return CharSet.Digits;
            case 'D': return CharSet.Digits.Negate();
            case 'w': return CharSet.Word;
            case 'W': return CharSet.Word.Negate();
            case 's': return CharSet.Space;
            case 'S': return CharSet.Space.Negate();
            case 'h': return CharSet.Of(('0', '9'), ('A', 'F'), ('a', 'f'));
            case 'H': return CharSet.Of(('0', '9'), ('A', 'F'), ('a', 'f')).Negate();
            case var control when "nrtfvae".IndexOf(control) is >= 0 and var k: return CharSet.Single("\n\r\t\f\v\a\u001B"[k]);
            case '0': return CharSet.Single(ReadOctal());
            case 'x': return CharSet.Single(ReadHex(start));
            case 'u': return CharSet.Single(ReadFixedHex(4, start));
            case 'p' or 'P': return ReadProperty(c == 'P', start);
            case 'b' when inClass: return CharSet.Single('\b');
        }
        if (char.IsAsciiLetterOrDigit(c))
            throw Error($"unknown escape '\\{c}'", start);
        _pos--;
        return CharSet.Single(ReadCodePoint());
    }

    private int ReadOctal()
    {
        var value = 0;
        for (var i = 0; i < 3 && Peek() is >= '0' and <= '7'; i++) value = value * 8 + (_text[_pos++] - '0');
        return value;
    }

    private int ReadHex(int start)
    {
        if (Peek() == '{')
        {
            var hex = ReadBraced("\\x{...}", start);
            if (!int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v) || v > CharSet.MaxCodePoint)
                throw Error($"invalid code point \\x{{{hex}}}", start);
            return v;
        }
        return ReadFixedHex(2, start);
    }

    private int ReadFixedHex(int digits, int start)
    {
        if (_pos + digits > _text.Length || !int.TryParse(_text.AsSpan(_pos, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            throw Error($"expected {digits} hex digits after '{_text.Substring(start, Math.Min(2, _text.Length - start))}'", start);
        _pos += digits;
        return value;
    }

    private CharSet ReadProperty(bool negated, int start)
    {
        var name = Peek() == '{' ? ReadBraced("\\p{...}", start) : AtEnd ? "" : _text[_pos++].ToString();
        if (name.StartsWith('^')) { negated = !negated; name = name[1..]; }
        var set = UnicodeProperties.Lookup(name) ?? throw Error($"unknown property \\p{{{name}}}: expected one of {UnicodeProperties.Names}", start);
        return negated ? set.Negate() : set;
    }

    /// <summary>The text inside <c>{...}</c> at <c>_pos</c>.</summary>
    private string ReadBraced(string what, int start)
    {
        var end = _text.IndexOf('}', _pos);
        if (end < 0) throw Error($"unterminated {what}", start);
        var inner = _text[(_pos + 1)..end];
        _pos = end + 1;
        return inner;
    }

    private CharSet ParseClass()
    {
        var start = _pos;
        _pos++; // [
        var negated = false;
        if (Peek() == '^') { negated = true; _pos++; }
        var ranges = new List<CharSet>();
        var first = true;
        while (true)
        {
            if (AtEnd) throw Error("missing ']': this character class is not closed", start);
            var c = Peek();
            if (c == ']' && !first) { _pos++; break; }
            first = false;
            if (c == '[' && Peek(1) == ':')
            {
                var end = _text.IndexOf(":]", _pos, StringComparison.Ordinal);
                if (end > 0)
                {
                    var name = _text[(_pos + 2)..end];
                    _pos = end + 2;
                    ranges.Add(UnicodeProperties.Posix(name) ?? throw Error($"unknown POSIX class [:{name}:]", start));
                    continue;
                }
            }
            if (c == '[')
            {
                ranges.Add(ParseClass()); // Java-style union [a[bc]]
                continue;
            }
            if (c == '&' && Peek(1) == '&')
                throw new PatternSyntaxException("class intersection '&&' is not supported", _pos, DiagnosticCodes.Unsupported);
            var low = ReadClassAtom(out var lowIsSingle);
            if (lowIsSingle && Peek() == '-' && Peek(1) != ']' && Peek(1) != '\0')
            {
                var dashAt = _pos;
                _pos++;
                var high = ReadClassAtom(out var highIsSingle);
                if (!highIsSingle) throw Error("a range cannot end with a class escape", dashAt);
                var lo = low.Ranges[0].First;
                var hi = high.Ranges[0].First;
                if (hi < lo) throw Error($"range out of order in character class: {char.ConvertFromUtf32(lo)}-{char.ConvertFromUtf32(hi)}", dashAt);
                ranges.Add(CharSet.Of((lo, hi)));
            }
            else ranges.Add(low);
        }
        var set = new CharSet(ranges.SelectMany(r => r.Ranges));
        return negated ? set.Negate() : set;
    }

    private CharSet ReadClassAtom(out bool single)
    {
        if (Peek() == '\\')
        {
            var escapeChar = Peek(1);
            var set = ParseSetEscape(inClass: true);
            single = !IsClassEscape(escapeChar) && set.IsSingleCodePoint(out _);
            return set;
        }
        single = true;
        return CharSet.Single(ReadCodePoint());
    }
}
