using System.Text;

namespace GrokFlow.Tooling.Import;

/// <summary>
/// Datadog's engine accepts white space around the colons of a <c>%{matcher: path :filter}</c> token, and real
/// integration pipelines rely on it (<c>%{word: level}</c>). The .rules grammar does not, so the import removes that
/// space, leaving quoted arguments untouched.
/// </summary>
public static class TokenSpacing
{
    public static string Normalize(string pattern)
    {
        var start = pattern.IndexOf("%{", StringComparison.Ordinal);
        if (start < 0) return pattern;
        var result = new StringBuilder(pattern.Length);
        var i = 0;
        while (start >= 0)
        {
            result.Append(pattern, i, start - i);
            var end = TokenEnd(pattern, start + 2);
            if (end < 0)
            {
                i = start;
                break;
            }
            result.Append(WithoutSpaceAroundColons(pattern[start..(end + 1)]));
            i = end + 1;
            start = pattern.IndexOf("%{", i, StringComparison.Ordinal);
        }
        return result.Append(pattern, i, pattern.Length - i).ToString();
    }

    /// <summary>The index of the <c>}</c> closing a token whose body starts at <paramref name="from"/>, or -1.</summary>
    private static int TokenEnd(string pattern, int from)
    {
        var inQuotes = false;
        for (var i = from; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (inQuotes)
            {
                if (c == '\\') i++;
                else if (c == '"') inQuotes = false;
            }
            else if (c == '"') inQuotes = true;
            else if (c == '}') return i;
        }
        return -1;
    }

    private static string WithoutSpaceAroundColons(string token)
    {
        var result = new StringBuilder(token.Length);
        var inQuotes = false;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (inQuotes)
            {
                result.Append(c);
                if (c == '\\' && i + 1 < token.Length) result.Append(token[++i]);
                else if (c == '"') inQuotes = false;
                continue;
            }
            if (c == '"') inQuotes = true;
            if (c == ' ' && (NextNonSpace(token, i) == ':' || PreviousNonSpace(result) == ':')) continue;
            result.Append(c);
        }
        return result.ToString();
    }

    private static char NextNonSpace(string text, int i)
    {
        while (i < text.Length && text[i] == ' ') i++;
        return i < text.Length ? text[i] : '\0';
    }

    private static char PreviousNonSpace(StringBuilder text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] != ' ') return text[i];
        }
        return '\0';
    }
}
