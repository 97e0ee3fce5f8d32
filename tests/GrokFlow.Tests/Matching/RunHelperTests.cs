using System.Text;
using GrokFlow.Engine.Matching;
using GrokFlow.Language.Compilation;
using GrokFlow.Language.Model;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Matching;

/// <summary>
/// The run and jump helpers generated matchers call (<c>\s+</c>, <c>\w+</c>, the lazy <c>%{data}</c> jump to a one-byte
/// separator) against the interpreter's regex: from every start, the end its first match reaches.
/// </summary>
public sealed class RunHelperTests
{
    // Runs around the helpers' inline widths (one space, sixteen word bytes, eight bytes to the separator) and past them.
    private static readonly string[] Pieces =
    [
        " ", "  ", "\t", "\r\n", "\v\f", ",", ",,", "_", "-", ".", "a", "Z", "9", "é", "日", "😀", "\0", "\x7F", "\u00FF",
        "alice", "svc_veeam", "WIN10-PC", "DESKTOP-RL50TQW", new string('w', 15), new string('w', 16), new string('w', 17),
        new string(' ', 5), new string(' ', 40), new string('x', 7), new string('x', 8), new string('x', 9), new string('x', 33),
    ];

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        for (int i = 0, n = random.Next(1, 8); i < n; i++) sb.Append(Pieces[random.Next(Pieces.Length)]);
        return sb.ToString();
    }

    public static TheoryData<string> Patterns => [@"\s*", @"\w*", "%{data},"];

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Ends_where_the_regex_first_match_ends(string rulePattern)
    {
        var pattern = Pattern(rulePattern);
        var random = new Random(20261207);
        var checkedStarts = 0;
        for (var line = 0; line < 1500; line++)
        {
            var text = RandomText(random);
            var bytes = Encoding.UTF8.GetBytes(text);
            for (var start = 0; start <= text.Length; start++)
            {
                if (start < text.Length && char.IsLowSurrogate(text[start])) continue;
                var bytePos = Encoding.UTF8.GetByteCount(text.AsSpan(0, start));
                var ends = InterpreterRegexEnds.Ends(pattern, text, start);
                var expected = ends.Count == 0 ? -1 : Encoding.UTF8.GetByteCount(text.AsSpan(0, ends[0]));
                var actual = rulePattern switch
                {
                    @"\s*" => Utf8Match.SpaceRunEnd(bytes, bytePos),
                    @"\w*" => Utf8Match.WordRunEnd(bytes, bytePos),
                    _ => Utf8Match.IndexOfNear(bytes.AsSpan(bytePos), (byte)',') is var found and >= 0 ? bytePos + found + 1 : -1,
                };
                Assert.True(expected == actual, $"{rulePattern} on \"{text}\" from byte {bytePos}: expected {expected}, got {actual}");
                checkedStarts++;
            }
        }
        Assert.True(checkedStarts > 10_000);
    }

    // Pieces of the spaced texts below, almost-pieces and runs of every \s kind.
    private static readonly string[] SpacedPieces = [",", " ", "  ", "\t", "\r\n", "Source", "Sourc", "IP:", "IP", "hello world", "hello", "x", "é"];

    public static TheoryData<string, string, byte[]> SpacedTexts => new()
    {
        { @",\s+Source\s+IP\:\s+", ", Source IP: ", [1, 8, 12] },
        { @"\s+hello world\s+x", " hello world x", [0, 12] },
    };

    [Theory]
    [MemberData(nameof(SpacedTexts))]
    public void A_spaced_text_ends_where_the_regex_first_match_ends(string rulePattern, string text, byte[] runs)
    {
        var pattern = Pattern(rulePattern);
        var random = new Random(20261208);
        var (matched, checkedStarts) = (0, 0);
        for (var line = 0; line < 3000; line++)
        {
            var input = SpacedInput(random, text, runs);
            var bytes = Encoding.UTF8.GetBytes(input);
            for (var start = 0; start <= input.Length; start++)
            {
                var bytePos = Encoding.UTF8.GetByteCount(input.AsSpan(0, start));
                var ends = InterpreterRegexEnds.Ends(pattern, input, start);
                var expected = ends.Count == 0 ? -1 : Encoding.UTF8.GetByteCount(input.AsSpan(0, ends[0]));
                var actual = Utf8Match.SpacedTextEnd(bytes, bytePos, Encoding.UTF8.GetBytes(text), runs);
                Assert.True(expected == actual, $"{rulePattern} on \"{input}\" from byte {bytePos}: expected {expected}, got {actual}");
                (matched, checkedStarts) = (matched + (expected >= 0 ? 1 : 0), checkedStarts + 1);
            }
        }
        Assert.True(matched > 100 && checkedStarts > 10_000, $"{matched} matches in {checkedStarts} starts");
    }

    /// <summary>The text's pieces, each now and then replaced by another, with runs of every kind (or none) between them.</summary>
    private static string SpacedInput(Random random, string text, byte[] runs)
    {
        string[] spaces = [" ", " ", " ", "  ", "\t", "\r\n", " \t", ""];
        var sb = new StringBuilder();
        var from = 0;
        foreach (var end in runs.Select(r => (int)r).Append(text.Length))
        {
            sb.Append(random.Next(6) == 0 ? SpacedPieces[random.Next(SpacedPieces.Length)] : text[from..end]);
            if (end < text.Length) sb.Append(spaces[random.Next(spaces.Length)]);
            from = end + 1;
        }
        for (int i = 0, n = random.Next(3); i < n; i++) sb.Append(SpacedPieces[random.Next(SpacedPieces.Length)]);
        return sb.ToString();
    }

    private static string Pattern(string rulePattern)
    {
        var compiled = RulesCompiler.Compile(GrokHarness.RulesText([("r", rulePattern)]));
        Assert.False(compiled.HasErrors);
        var root = compiled.Pipelines[0].Parsers[0].Rules[0].Root;
        return InterpreterRegexEnds.Pattern(root is OriginNode origin ? origin.Body : root);
    }
}
