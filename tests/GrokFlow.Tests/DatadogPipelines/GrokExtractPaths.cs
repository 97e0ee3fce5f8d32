namespace GrokFlow.Tests.DatadogPipelines;

/// <summary>
/// The attribute paths a grok parser's rules name in their <c>%{matcher:path...}</c> tokens, read statically from the
/// rule text (match rules and helpers). A path with a structured filter stands for its whole subtree; a structured
/// filter with no path (<c>%{data::json}</c>) extracts at the root, given as the empty path, under which every path is.
/// </summary>
public static class GrokExtractPaths
{
    public static IEnumerable<string> Of(string rulesText)
    {
        for (var start = rulesText.IndexOf("%{", StringComparison.Ordinal); start >= 0; start = rulesText.IndexOf("%{", start + 2, StringComparison.Ordinal))
        {
            var i = start + 2;
            var inQuotes = false;
            var depth = 0;
            // Skip the matcher and its arguments: quoted strings may hold ':' and '}'.
            for (; i < rulesText.Length; i++)
            {
                var c = rulesText[i];
                if (inQuotes)
                {
                    if (c == '\\') i++;
                    else if (c == '"') inQuotes = false;
                }
                else if (c == '"') inQuotes = true;
                else if (c == '(') depth++;
                else if (c == ')') depth--;
                else if (depth == 0 && c is ':' or '}') break;
            }
            if (i >= rulesText.Length || rulesText[i] != ':') continue;
            var end = i + 1;
            while (end < rulesText.Length && rulesText[end] is not (':' or '}' or '\n')) end++;
            var path = rulesText[(i + 1)..end].Trim();
            if (path.Length > 0 || (end < rulesText.Length && rulesText[end] == ':')) yield return path;
        }
    }
}
