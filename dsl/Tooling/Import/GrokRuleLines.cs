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
            var rule = line[..space] + " " + TokenSpacing.Normalize(line[(space + 1)..].TrimStart(' ', '\t'));
            rules.Add(rule);
            lines.Add(rule);
        }
        return new GrokRuleLines(lines, rules, comments);
    }
}
