namespace GrokFlow.Tooling.Import;

/// <summary>
/// The rule lines of a Datadog grok parser's <c>match_rules</c> or <c>support_rules</c> text, ready to write into a
/// rules block: <c>Name pattern</c> lines trimmed of indentation, and comment lines kept as comments. A line the .rules
/// grammar would misread (white space inside tokens is removed: see <see cref="TokenSpacing"/>) (a name without a pattern, or a lone <c>}</c>) is kept as a comment saying so.
/// </summary>
public sealed record GrokRuleLines(IReadOnlyList<string> Lines, IReadOnlyList<string> Rules, IReadOnlyList<string> Comments)
{
    /// <summary>Starts the comment keeping a line that is not <c>Name pattern</c>; the line follows it.</summary>
    public const string NoPatternMarker = "# not imported (a rule needs a name and a pattern): ";

    public static GrokRuleLines Parse(string rulesText)
    {
        var lines = new List<string>();
        var rules = new List<string>();
        var comments = new List<string>();
        foreach (var raw in rulesText.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim(' ', '\t', '\r');
            var trailing = raw.TrimEnd('\r')[raw.TrimEnd(' ', '\t', '\r').Length..];
            if (line.Length == 0) continue;
            if (line.StartsWith('#'))
            {
                comments.Add(line);
                lines.Add(line);
                continue;
            }
            var space = line.IndexOfAny([' ', '\t']);
            if (space < 0 || line == "}")
            {
                var comment = NoPatternMarker + line;
                comments.Add(comment);
                lines.Add(comment);
                continue;
            }
            var rule = line[..space] + " " + KeepTrailingWhiteSpace(TokenSpacing.Normalize(line[(space + 1)..].TrimStart(' ', '\t')), trailing);
            rules.Add(rule);
            lines.Add(rule);
        }
        return new GrokRuleLines(lines, rules, comments);
    }

    private const string KeptSpace = "[ ]";
    private const string KeptTab = "\\t";

    /// <summary>
    /// Datadog matches a rule's trailing white space (delinea's syslog header helper ends in <c>- </c>, and its results
    /// hold what that helper extracts); a .rules line is trimmed, so each trailing space is written <c>[ ]</c> and each
    /// tab <c>\t</c>. A pattern ending in <c>\</c> escaped the first of them, a literal space or tab all the same.
    /// </summary>
    public static string KeepTrailingWhiteSpace(string pattern, string trailing)
    {
        if (trailing.Length == 0) return pattern;
        var backslashes = pattern.Length - pattern.TrimEnd('\\').Length;
        if (backslashes % 2 == 1) pattern = pattern[..^1];
        return pattern + string.Concat(trailing.Select(c => c == '\t' ? KeptTab : KeptSpace));
    }

    /// <summary>The pattern with the trailing <c>[ ]</c> and <c>\t</c> the import wrote turned back into white space (for export).</summary>
    public static string RestoreTrailingWhiteSpace(string pattern)
    {
        var end = pattern.Length;
        while (true)
        {
            if (pattern.AsSpan(0, end).EndsWith(KeptSpace)) end -= KeptSpace.Length;
            else if (pattern.AsSpan(0, end).EndsWith(KeptTab) && !IsEscaped(pattern, end - KeptTab.Length)) end -= KeptTab.Length;
            else break;
        }
        if (end == pattern.Length || IsEscaped(pattern, end)) return pattern;
        return pattern[..end] + pattern[end..].Replace(KeptSpace, " ").Replace(KeptTab, "\t");
    }

    // Whether the character at index is escaped by an odd run of backslashes before it.
    private static bool IsEscaped(string text, int index)
    {
        var count = 0;
        for (var i = index - 1; i >= 0 && text[i] == '\\'; i--) count++;
        return count % 2 == 1;
    }
}
