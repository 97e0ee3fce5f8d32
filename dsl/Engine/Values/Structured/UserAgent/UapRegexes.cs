using System.Text;
using System.Text.RegularExpressions;

namespace GrokFlow.Engine.Values.Structured.UserAgent;

/// <summary>
/// One parser of ua-parser's database: its regex and the replacements for what it captures. The regex is built when
/// first tried: most are never tried (<see cref="UapSection"/> skips those whose literals are absent), and building
/// the ~1,200 of them made most of the database's load.
/// </summary>
internal sealed class UapParser(string pattern, RegexOptions options, TimeSpan matchTimeout, IReadOnlyDictionary<string, string> replacements)
{
    private Regex? _regex;

    public string Pattern => pattern;

    public bool IgnoresCase => (options & RegexOptions.IgnoreCase) != 0;

    /// <summary>The regex; threads racing to build it each get a working one.</summary>
    public Regex Regex => _regex ??= new Regex(pattern, options, matchTimeout);

    public IReadOnlyDictionary<string, string> Replacements => replacements;

    /// <summary>
    /// The value of a field: its replacement with <c>$1</c>…<c>$9</c> filled from the match, else capture
    /// <paramref name="group"/> (0: none); null when empty, as ua-parser reports it.
    /// </summary>
    public string? Field(Match match, string replacementKey, int group)
    {
        string? value;
        if (Replacements.TryGetValue(replacementKey, out var replacement))
        {
            value = replacement.Contains('$')
                ? Regex.Replace(replacement, @"\$(\d)", m => { var g = m.Groups[1].Value[0] - '0'; return g < match.Groups.Count ? match.Groups[g].Value : ""; })
                : replacement;
        }
        else value = group > 0 && group < match.Groups.Count && match.Groups[group].Success ? match.Groups[group].Value : null;
        value = value?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}

/// <summary>
/// ua-parser's database (<c>regexes.yaml</c> of uap-core 0.18.0, embedded beside this file): the user-agent, OS and
/// device parsers, in order; the first whose regex matches wins. The file is read by a reader of its own simple
/// shape (sections of <c>- regex: '…'</c> entries with quoted replacement keys), which keeps the engine free of a YAML
/// library.
/// </summary>
internal sealed class UapRegexes
{
    private static readonly Lazy<UapRegexes> Shared = new(() => Load(MatchTimeout));

    /// <summary>Generous: a timeout only guards against a user agent that makes a regex backtrack without end.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static UapRegexes Instance => Shared.Value;

    public required UapSection UserAgents { get; init; }
    public required UapSection Systems { get; init; }
    public required UapSection Devices { get; init; }

    /// <summary>The embedded database, its regexes with <paramref name="matchTimeout"/> (tests compare without one).</summary>
    internal static UapRegexes Load(TimeSpan matchTimeout)
    {
        using var stream = typeof(UapRegexes).Assembly.GetManifestResourceStream("GrokFlow.UserAgent.regexes.yaml")
            ?? throw new InvalidOperationException("the embedded ua-parser database (regexes.yaml) is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), matchTimeout);
    }

    /// <summary>Reads the database text.</summary>
    public static UapRegexes Parse(string yaml) => Parse(yaml, MatchTimeout);

    private static UapRegexes Parse(string yaml, TimeSpan matchTimeout)
    {
        var sections = new Dictionary<string, List<Dictionary<string, string>>>();
        List<Dictionary<string, string>>? section = null;
        Dictionary<string, string>? entry = null;
        foreach (var raw in yaml.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            if (!char.IsWhiteSpace(line[0]) && trimmed.EndsWith(':'))
            {
                section = sections[trimmed[..^1]] = [];
                continue;
            }
            if (section is null) continue;
            if (trimmed.StartsWith("- ", StringComparison.Ordinal))
            {
                entry = [];
                section.Add(entry);
                trimmed = trimmed[2..].TrimStart();
            }
            if (entry is null) continue;
            var colon = trimmed.IndexOf(':');
            if (colon <= 0) continue;
            entry[trimmed[..colon].Trim()] = Scalar(trimmed[(colon + 1)..].Trim());
        }
        return new UapRegexes
        {
            UserAgents = Parsers(sections, "user_agent_parsers", matchTimeout),
            Systems = Parsers(sections, "os_parsers", matchTimeout),
            Devices = Parsers(sections, "device_parsers", matchTimeout),
        };
    }

    private static UapSection Parsers(Dictionary<string, List<Dictionary<string, string>>> sections, string name, TimeSpan matchTimeout)
    {
        var parsers = new List<UapParser>();
        if (!sections.TryGetValue(name, out var entries)) return new UapSection(parsers);
        foreach (var entry in entries)
        {
            if (!entry.Remove("regex", out var pattern)) continue;
            var options = RegexOptions.CultureInvariant;
            if (entry.Remove("regex_flag", out var flag) && flag.Contains('i')) options |= RegexOptions.IgnoreCase;
            parsers.Add(new UapParser(pattern, options, matchTimeout, entry));
        }
        return new UapSection(parsers);
    }

    private static string Scalar(string text)
    {
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'') return text[1..^1].Replace("''", "'");
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"') return text[1..^1].Replace("\\\"", "\"").Replace("\\\\", "\\");
        return text;
    }
}
