using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrokFlow.Engine.Values.Structured.UserAgent;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Processing;

/// <summary>
/// Skipping the ua-parser regexes whose required literal is absent gives the same first match as trying every regex in
/// order (the oracle), for every user-agent-like text in the repository's tests and the shared conformance corpus,
/// edited variants of them, and an example text written from every regex of the database.
/// </summary>
public sealed class UserAgentPrefilterTests
{
    [Fact]
    public void The_first_match_is_the_same_as_trying_every_regex_in_order()
    {
        // Without the match timeout: on a loaded machine a regex could time out in one way and not the other.
        var database = UapRegexes.Load(Regex.InfiniteMatchTimeout);
        var sections = new[] { ("user agent", database.UserAgents), ("os", database.Systems), ("device", database.Devices) };
        var corpus = Corpus(sections.SelectMany(s => s.Item2.Parsers).Select(p => p.Pattern));
        var mismatches = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var matchedParsers = new System.Collections.Concurrent.ConcurrentDictionary<UapParser, bool>();
        Parallel.ForEach(corpus, userAgent =>
        {
            foreach (var (name, section) in sections)
            {
                var (expected, expectedMatch) = section.FirstByTryingEach(userAgent);
                var (actual, actualMatch) = section.First(userAgent);
                if (expected is not null) matchedParsers[expected] = true;
                if (!ReferenceEquals(expected, actual) || Groups(expectedMatch) != Groups(actualMatch))
                    mismatches.Enqueue($"{name} of '{userAgent}': expected parser {Index(section, expected)} {Groups(expectedMatch)}, got {Index(section, actual)} {Groups(actualMatch)}");
            }
        });
        Assert.Empty(mismatches.Take(20));
        // The corpus reaches most of the database, so the identity covers the regexes, not only the common browsers.
        var total = sections.Sum(s => s.Item2.Parsers.Count);
        Assert.True(corpus.Count >= 5000 && matchedParsers.Count * 4 >= total * 3,
            $"{corpus.Count} texts matched {matchedParsers.Count} of {total} parsers");
    }

    private static int Index(UapSection section, UapParser? parser) => parser is null ? -1 : section.Parsers.ToList().IndexOf(parser);

    private static string Groups(Match? match) =>
        match is null ? "none" : string.Join("|", match.Groups.Cast<Group>().Select(g => g.Success ? $"{g.Index}:{g.Value}" : "-"));

    /// <summary>User-agent-like texts: found in the repository and shared corpus, edited, and written from each regex.</summary>
    private static List<string> Corpus(IEnumerable<string> patterns)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "rules"), "*.rules"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        foreach (var file in files) AddFragments(found, File.ReadAllText(file));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Shared, "conformance"), "*.jsonl", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0) continue;
                using var document = JsonDocument.Parse(line);
                foreach (var text in Strings(document.RootElement)) AddFragments(found, text);
            }
        }
        var random = new Random(20261207);
        var corpus = new List<string>(found);
        foreach (var userAgent in found)
            for (var i = 0; i < 4; i++) corpus.Add(Edited(userAgent, random));
        var bases = found.Where(f => f.StartsWith("Mozilla/", StringComparison.Ordinal)).ToArray();
        foreach (var pattern in patterns)
        {
            for (var i = 0; i < 2; i++)
            {
                var example = Example(pattern, random);
                corpus.Add(example);
                corpus.Add(Edited(example, random));
                if (bases.Length > 0) corpus.Add(bases[random.Next(bases.Length)].Insert(0, example + " "));
            }
        }
        return corpus;
    }

    private static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                    foreach (var text in Strings(member.Value)) yield return text;
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    foreach (var text in Strings(item)) yield return text;
                break;
        }
    }

    private static readonly Regex UserAgentLike = new(@"[A-Za-z][\w.-]*/\d|Mozilla|bot|spider|crawl|curl", RegexOptions.IgnoreCase);

    private static void AddFragments(SortedSet<string> found, string text)
    {
        foreach (var fragment in text.Split('"', '\n'))
        {
            var trimmed = fragment.Trim('\\', ' ', ',');
            if (trimmed.Length is >= 4 and <= 600 && UserAgentLike.IsMatch(trimmed)) found.Add(trimmed);
        }
    }

    /// <summary>A variant: digits changed, a token dropped or doubled, case changed, junk or a non-ASCII letter inserted.</summary>
    private static string Edited(string text, Random random)
    {
        var tokens = text.Split(' ').ToList();
        switch (random.Next(7))
        {
            case 0:
                return new string(text.Select(c => char.IsAsciiDigit(c) ? (char)('0' + random.Next(10)) : c).ToArray());
            case 1 when tokens.Count > 1:
                tokens.RemoveAt(random.Next(tokens.Count));
                return string.Join(' ', tokens);
            case 2:
                var doubled = random.Next(tokens.Count);
                tokens.Insert(doubled, tokens[doubled]);
                return string.Join(' ', tokens);
            case 3:
                return random.Next(2) == 0 ? text.ToUpperInvariant() : text.ToLowerInvariant();
            case 4:
                var junk = new StringBuilder();
                for (var i = random.Next(1, 8); i > 0; i--) junk.Append((char)random.Next(32, 127));
                return text.Insert(random.Next(text.Length + 1), junk.ToString());
            case 5:
                // Letters a case-insensitive regex folds to ASCII: the Kelvin sign, the long s, dotted and dotless i.
                var folding = "\u212A\u017F\u0130\u0131"[random.Next(4)];
                var ascii = folding switch { '\u212A' => 'k', '\u017F' => 's', _ => 'i' };
                var at = text.IndexOf(ascii, StringComparison.OrdinalIgnoreCase);
                return at < 0 ? text + folding : text[..at] + folding + text[(at + 1)..];
            default:
                return random.Next(2) == 0 ? text.ToUpperInvariant() : text + " " + (char)random.Next(0xA0, 0x2FF);
        }
    }

    /// <summary>A text the pattern likely matches: a random alternative, repetition count and class member at each step.</summary>
    private static string Example(string pattern, Random random)
    {
        var position = 0;
        var text = new StringBuilder();
        Sequence(pattern, ref position, random, text);
        return text.ToString();
    }

    private static void Sequence(string pattern, ref int position, Random random, StringBuilder text)
    {
        var alternatives = new List<StringBuilder> { new() };
        while (position < pattern.Length && pattern[position] != ')')
        {
            if (pattern[position] == '|')
            {
                position++;
                alternatives.Add(new StringBuilder());
                continue;
            }
            var start = position;
            var atom = new StringBuilder();
            Atom(pattern, ref position, random, atom);
            var (least, most) = Repetitions(pattern, ref position);
            var count = random.Next(least, Math.Max(least, most) + 1);
            for (var i = 0; i < count; i++)
            {
                if (i == 0) alternatives[^1].Append(atom);
                else
                {
                    var again = start;
                    Atom(pattern, ref again, random, alternatives[^1]);
                }
            }
        }
        text.Append(alternatives[random.Next(alternatives.Count)]);
    }

    private static void Atom(string pattern, ref int position, Random random, StringBuilder text)
    {
        var c = pattern[position++];
        switch (c)
        {
            case '(':
                if (pattern[position] == '?')
                {
                    if (pattern[position + 1] == '<' || pattern[position + 1] == 'P') position = pattern.IndexOf('>', position) + 1;
                    else position += 2;
                }
                Sequence(pattern, ref position, random, text);
                position++;
                break;
            case '[':
                var close = position + 1;
                while (pattern[close] != ']' || pattern[close - 1] == '\\') close++;
                var body = pattern[position..close].TrimStart('^');
                position = close + 1;
                var pick = body.Length == 0 ? 'x' : body[random.Next(body.Length)];
                text.Append(pick == '\\' || pick == '-' ? 'x' : pick);
                break;
            case '.':
                text.Append((char)random.Next('a', 'z' + 1));
                break;
            case '^' or '$':
                break;
            case '\\':
                var escaped = pattern[position++];
                text.Append(escaped switch
                {
                    'd' => ((char)('0' + random.Next(10))).ToString(),
                    'w' => "w",
                    's' => " ",
                    'S' or 'W' or 'D' => ";",
                    'b' or 'B' => "",
                    _ => escaped.ToString(),
                });
                break;
            default:
                text.Append(c);
                break;
        }
    }

    private static (int Least, int Most) Repetitions(string pattern, ref int position)
    {
        if (position >= pattern.Length) return (1, 1);
        (int, int) range;
        switch (pattern[position])
        {
            case '?': position++; range = (0, 1); break;
            case '*': position++; range = (0, 2); break;
            case '+': position++; range = (1, 3); break;
            case '{':
                var close = pattern.IndexOf('}', position);
                var parts = pattern[(position + 1)..close].Split(',');
                position = close + 1;
                var least = int.Parse(parts[0]);
                range = (least, parts.Length == 1 ? least : parts[1].Length == 0 ? least + 2 : Math.Min(int.Parse(parts[1]), least + 2));
                break;
            default: return (1, 1);
        }
        if (position < pattern.Length && pattern[position] == '?') position++;
        return range;
    }
}
