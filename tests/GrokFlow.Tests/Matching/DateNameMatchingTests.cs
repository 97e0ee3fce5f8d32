using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using GrokFlow.Engine.Matching;
using GrokFlow.Language.Compilation;
using GrokFlow.Language.Model;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Matching;

/// <summary>
/// The generated date sub-matcher, whose month, day, half-day and era names go through the engine's
/// <see cref="CaseFoldedNames"/> (first-letter dispatch), against the interpreter's .NET regex for the same
/// <c>%{date(...)}</c>: from every start, the same ends in the same order (the oracle lists ends as
/// <c>BuiltInMatcherTests</c> does).
/// </summary>
public sealed class DateNameMatchingTests
{
    /// <summary>Joda-Time patterns, each with the .NET format that writes a date it reads (the texts start from those).</summary>
    public static TheoryData<string, string> Patterns => new()
    {
        { "MMM dd HH:mm:ss", "MMM dd HH:mm:ss" }, { "MMMM d yyyy", "MMMM d yyyy" }, { "EEE, dd MMM yyyy", "ddd, dd MMM yyyy" },
        { "EEEE MMMMdd", "dddd MMMMdd" }, { "MMMEEE", "MMMddd" }, { "hh:mm a", "hh:mm tt" }, { "G yyyy", "'AD' yyyy" },
        { "dd/MMM/yyyy:HH:mm:ss Z", "dd/MMM/yyyy:HH:mm:ss +0100" },
    };

    private static readonly string[] Pieces = BuildPieces();

    private static string[] BuildPieces()
    {
        var format = CultureInfo.InvariantCulture.DateTimeFormat;
        var names = format.MonthNames.Concat(format.AbbreviatedMonthNames).Concat(format.DayNames).Concat(format.AbbreviatedDayNames)
            .Concat(["AM", "PM", "AD", "BC"]).Where(n => n.Length > 0);
        // Names whole, cut short, run on, in every case; digits and separators the patterns expect; near misses.
        var words = names.SelectMany(n => new[] { n, n.ToUpperInvariant(), n.ToLowerInvariant(), n[..^1], n + "x", n[..1] });
        return [.. words, "Sept", "Ma", "Ju", "é", "Émai", "0", "7", "12", "31", "2026", " ", "  ", ":", "/", ",", "+0100", "-", "x", "\n"];
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Lists_the_ends_the_interpreters_regex_reaches_in_the_same_order(string datePattern, string dotNetFormat)
    {
        var rule = $"%{{date(\"{datePattern}\"):d}}";
        using var loaded = GeneratedPipelineCompiler.CompileAndLoad(GrokHarness.RulesText([("r", rule)]));
        var matcher = loaded["test"].GetType().GetNestedType("DateMatcher", BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("no DateMatcher class was generated");
        var ends = matcher.GetMethod("Ends", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<EndsOf>();
        var firstEnd = matcher.GetMethod("FirstEnd", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<FirstEndOf>();
        var pattern = Pattern(rule);
        var random = new Random(20261207);
        var matchedStarts = 0;
        for (var line = 0; line < 400; line++)
        {
            var text = RandomText(random, dotNetFormat);
            var bytes = Encoding.UTF8.GetBytes(text);
            for (var start = 0; start < text.Length; start++)
            {
                var bytePos = Encoding.UTF8.GetByteCount(text.AsSpan(0, start));
                var expected = InterpreterRegexEnds.Ends(pattern, text, start).Select(e => Encoding.UTF8.GetByteCount(text.AsSpan(0, e))).ToArray();
                var found = new int[MatchState.EndsCapacity(bytes.Length - bytePos)];
                var budget = 1_000_000;
                var count = ends(bytes, bytePos, found, ref budget);
                Assert.True(count >= 0, $"Ends returned {count}");
                Assert.True(expected.SequenceEqual(found[..count]),
                    $"{datePattern} on \"{text}\" from {start}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", found[..count])}]");
                budget = 1_000_000;
                Assert.Equal(expected.Length > 0 ? expected[0] : -1, firstEnd(bytes, bytePos, ref budget));
                if (expected.Length > 0) matchedStarts++;
            }
        }
        // The texts must exercise matches, not only rejections.
        Assert.True(matchedStarts >= 100, $"only {matchedStarts} starts matched");
    }

    [Fact]
    public void Names_are_dispatched_on_their_first_letter_in_branch_order()
    {
        var names = new CaseFoldedNames("september|sep|saturday|sat"u8);
        int Next(string input, ref int cursor) => names.NextMatch(Encoding.ASCII.GetBytes(input), 0, ref cursor);

        var cursor = 0;
        Assert.Equal(9, Next("SePtEmBeR", ref cursor));
        Assert.Equal(3, Next("SePtEmBeR", ref cursor));
        Assert.Equal(0, Next("SePtEmBeR", ref cursor));
        cursor = 0;
        Assert.Equal(3, Next("Sat", ref cursor));
        Assert.Equal(0, Next("Sat", ref cursor));
        cursor = 0;
        // '@' | 0x20 is '`' and 's' - 0x20 is 'S': only the exact case pair matches.
        Assert.Equal(0, Next("@ep", ref cursor));
        Assert.Throws<ArgumentException>(() => new CaseFoldedNames("may|"u8));
        Assert.Throws<ArgumentException>(() => new CaseFoldedNames("mär"u8));
    }

    [Fact]
    public void Any_names_list_the_ends_a_regex_of_their_case_pairs_reaches_in_order()
    {
        // Names of one to twelve letters sharing their first letters (one-letter names sit in every bucket of their
        // letter, names past eight letters compare their rest byte by byte), on texts of those names cut, run on,
        // followed by other bytes, in any case.
        var random = new Random(20261207);
        var stems = new[] { "s", "se", "sep", "september", "septembers", "sa", "sat", "saturday", "m", "ma", "may", "mar", "march", "a", "am", "abcdefghijkl" };
        var tails = new[] { "", " ", "x", "1", "@", "[", "\u00e9", "\u212a", "ab" };
        for (var round = 0; round < 300; round++)
        {
            var chosen = stems.OrderBy(_ => random.Next()).Take(random.Next(1, 8)).ToArray();
            var names = new CaseFoldedNames(Encoding.ASCII.GetBytes(string.Join("|", chosen)));
            // The alternation's branches each match one way, so backtracking reaches them in branch order.
            var branches = chosen.Select(n => new Regex(@"\G(?:" + string.Concat(n.Select(c => $"[{char.ToUpperInvariant(c)}{c}]")) + ")")).ToArray();
            for (var t = 0; t < 20; t++)
            {
                var stem = stems[random.Next(stems.Length)];
                var text = stem[..random.Next(stem.Length + 1)] + tails[random.Next(tails.Length)];
                text = new string(text.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c).ToArray());
                // Latin-1 keeps one character per byte, so the regex's positions are the matcher's.
                var bytes = Encoding.UTF8.GetBytes(text);
                var latin1 = Encoding.Latin1.GetString(bytes);
                var expected = chosen.Where((_, i) => branches[i].IsMatch(latin1)).Select(n => n.Length).ToList();
                var found = new List<int>();
                for (int cursor = 0, length; (length = names.NextMatch(bytes, 0, ref cursor)) > 0;) found.Add(length);
                Assert.True(expected.SequenceEqual(found), $"[{string.Join("|", chosen)}] on \"{text}\": expected [{string.Join(", ", expected)}], got [{string.Join(", ", found)}]");
            }
        }
    }

    private delegate int FirstEndOf(ReadOnlySpan<byte> input, int pos, ref int budget);

    private delegate int EndsOf(ReadOnlySpan<byte> input, int pos, Span<int> ends, ref int budget);

    /// <summary>A date the pattern reads, with one to three pieces (names, digits, near misses) put in place of a part or around it.</summary>
    private static string RandomText(Random random, string dotNetFormat)
    {
        var date = new DateTime(2000, 1, 1).AddMinutes(random.Next(60 * 24 * 366 * 30)).ToString(dotNetFormat, CultureInfo.InvariantCulture);
        var sb = new StringBuilder(date);
        for (int i = 0, n = random.Next(0, 4); i < n; i++)
        {
            var piece = Pieces[random.Next(Pieces.Length)];
            var at = random.Next(sb.Length + 1);
            if (random.Next(2) == 0) sb.Remove(at, Math.Min(random.Next(1, 6), sb.Length - at));
            sb.Insert(at, piece);
        }
        // Mixed case: Joda-Time (and the regex's [Xx] pairs) read names ignoring case.
        return random.Next(3) == 0 ? new string(sb.ToString().Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray()) : sb.ToString();
    }

    /// <summary>The interpreter's regex for the rule, without the whole-line anchors.</summary>
    private static string Pattern(string rule)
    {
        var compiled = RulesCompiler.Compile(GrokHarness.RulesText([("r", rule)]));
        Assert.False(compiled.HasErrors);
        return InterpreterRegexEnds.Pattern(compiled.Pipelines[0].Parsers[0].Rules[0].Root);
    }
}
