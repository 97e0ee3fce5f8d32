using System.Text;

namespace GrokFlow.Language.Model;

/// <summary>
/// The <c>keyvalue</c> arguments compiled for scanning: the separator bytes, which bytes may appear in unquoted keys
/// and values (<c>\w.\-_@</c> plus the allow list, a regex character-class fragment), the quote pairs, and which
/// bytes may stand before a key and after a value.
/// </summary>
internal sealed class KeyValueSyntax(byte[] separator, bool[] allowed, (byte Open, byte Close)[] quotes, bool[] left, bool[] right)
{
    public byte[] Separator { get; } = separator;
    public (byte Open, byte Close)[] Quotes { get; } = quotes;

    /// <summary>Unquoted key and value bytes. Bytes of non-ASCII characters count as word characters (<c>\w</c>).</summary>
    public bool IsAllowed(byte b) => b >= 0x80 || allowed[b];
    public bool IsLeftDelimiter(byte b) => b < 0x80 && left[b];
    public bool IsRightDelimiter(byte b) => b < 0x80 && right[b];

    public static KeyValueSyntax? Create(KeyValueFilter filter, out string? error)
    {
        error = null;
        if (filter.Separator.Length == 0)
        {
            error = "the separator (1st argument) must not be empty";
            return null;
        }
        var allowed = new bool[128];
        if (!AddClass(@"\w.\-_@", allowed, out error) || !AddClass(filter.AllowList, allowed, out error))
        {
            error = $"the allow list (2nd argument) \"{filter.AllowList}\" is not a valid character list: {error}";
            return null;
        }
        (byte, byte)[] quotes;
        if (filter.Quotes.Length == 0) quotes = [((byte)'"', (byte)'"'), ((byte)'\'', (byte)'\''), ((byte)'<', (byte)'>')];
        else if (filter.Quotes.Length == 2 && filter.Quotes.All(char.IsAscii)) quotes = [((byte)filter.Quotes[0], (byte)filter.Quotes[1])];
        // One character both opens and closes: Datadog accepts keyvalue("=", " ", ";") (the nagios integration).
        else if (filter.Quotes.Length == 1 && char.IsAscii(filter.Quotes[0])) quotes = [((byte)filter.Quotes[0], (byte)filter.Quotes[0])];
        else
        {
            error = $"the quoting string (3rd argument) must be \"\" (the defaults \"\", '' and <>), one ASCII character that opens and closes, or an opening and a closing ASCII character, got \"{filter.Quotes}\"";
            return null;
        }
        var left = new bool[128];
        var right = new bool[128];
        if (filter.Delimiters.Length == 0)
        {
            foreach (var c in " \t\n\r\f\v,;([{") left[c] = true;
            foreach (var c in " \t\n\r\f\v,;)]}") right[c] = true;
        }
        else if (filter.Delimiters.Length <= 2 && filter.Delimiters.All(char.IsAscii))
        {
            left[filter.Delimiters[0]] = true;
            right[filter.Delimiters[^1]] = true;
        }
        else
        {
            error = $"the delimiter (4th argument) must be one ASCII character, or two (before a key, after a value), got \"{filter.Delimiters}\"";
            return null;
        }
        return new KeyValueSyntax(Encoding.UTF8.GetBytes(filter.Separator), allowed, quotes, left, right);
    }

    /// <summary>Adds the characters of a regex character-class body (<c>\w</c>, <c>\d</c>, <c>\s</c>, <c>\x</c>, ranges <c>a-z</c>).</summary>
    private static bool AddClass(string body, bool[] set, out string? error)
    {
        error = null;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\')
            {
                if (i + 1 == body.Length)
                {
                    error = "it ends with a lone backslash";
                    return false;
                }
                var e = body[++i];
                switch (e)
                {
                    case 'w':
                        for (var b = 0; b < 128; b++) set[b] |= char.IsAsciiLetterOrDigit((char)b) || b == '_';
                        continue;
                    case 'd':
                        for (var b = '0'; b <= '9'; b++) set[b] = true;
                        continue;
                    case 's':
                        foreach (var s in " \t\n\r\f\v") set[s] = true;
                        continue;
                    case 't' or 'n' or 'r': c = "\t\n\r"["tnr".IndexOf(e)]; break;
                    default:
                        if (char.IsAsciiLetterOrDigit(e))
                        {
                            error = $"unknown escape '\\{e}'";
                            return false;
                        }
                        c = e;
                        break;
                }
                if (c < 128) set[c] = true;
                continue;
            }
            if (i + 2 < body.Length && body[i + 1] == '-' && body[i + 2] != '\\')
            {
                var last = body[i + 2];
                if (last < c)
                {
                    error = $"the range '{c}-{last}' is reversed";
                    return false;
                }
                for (var b = c; b <= last && b < 128; b++) set[b] = true;
                i += 2;
                continue;
            }
            if (c < 128) set[c] = true;
        }
        return true;
    }
}
