using System.Text;
using GrokFlow.Engine.Matching;
using GrokFlow.Engine.Matching.BuiltIns;
using GrokFlow.Language.Compilation;
using GrokFlow.Language.Model;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Matching;

/// <summary>
/// The engine's hand-written built-in matchers against the interpreter's regex: from every start, the same ends in the
/// same order. The oracle is .NET's backtracking engine on the pattern the interpreter runs: its first match from the
/// start is the first end; the next end is the first match that ends at none of the ends found so far, and so on.
/// </summary>
public sealed class BuiltInMatcherTests
{
    public static TheoryData<string> Names => ["numberStr", "number", "numberExtStr", "numberExt", "ipv4", "ipv6", "ip", "hostname", "host", "ipOrHost"];

    private static readonly string[] Pieces =
    [
        "0", "1", "9", "01", "25", "255", "256", "199", "249", "1234", "12345", "a", "ff", "FFFF", "beef", "abcde", "e5", "E-3",
        ":", "::", ".", "..", "%", "%eth0", "%a\nb", "-", "_", " ", "x", "Z", "+", "é", "😀", "\n", "host", "a-b_c", ".5",
        "1.2.3.4", "10.0.0.255", "fe80::1", "::ffff:1.2.3.4", "1:2:3:4:5:6:7:8", new string('a', 63), new string('b', 64),
    ];

    /// <summary>
    /// Octets around 255 and past three digits, hex runs around four, labels around the sixteen bytes classified at once,
    /// and the separators between them: where the scanners' one-pass readers must stop.
    /// </summary>
    private static readonly string[] RunPieces =
    [
        "0", "00", "000", "0255", "255", "256", "249", "250", "299", "300", "1000", "1.", ".1", "10.16.15.24", "192.168.2.209",
        "::1", "::ffff:", "abcd:", "abcde:", "fffff", "1:", ":", ".", ",", " ", "-", "_", "%", "é", "NAS01", "nas.home.lan",
        new string('h', 15), new string('h', 16), new string('h', 17),
    ];

    /// <summary>One to eight pieces, joined: texts where the matchers' edge cases meet.</summary>
    private static string RandomText(Random random, string[] pieces)
    {
        var sb = new StringBuilder();
        for (int i = 0, n = random.Next(1, 9); i < n; i++) sb.Append(pieces[random.Next(pieces.Length)]);
        return sb.ToString();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Lists_the_ends_the_regex_reaches_in_the_same_order(string name) => AssertSameEnds(name, Pieces, 20261206, 800);

    [Theory]
    [MemberData(nameof(Names))]
    public void Lists_the_ends_the_regex_reaches_around_octets_groups_and_labels(string name) => AssertSameEnds(name, RunPieces, 20261208, 400);

    private static void AssertSameEnds(string name, string[] pieces, int seed, int lines)
    {
        var (ends, prefix) = Scanner(name);
        var pattern = Pattern(name);
        var random = new Random(seed);
        var checkedStarts = 0;
        for (var line = 0; line < lines; line++)
        {
            var text = RandomText(random, pieces);
            var bytes = Encoding.UTF8.GetBytes(text);
            for (var start = 0; start < text.Length; start++)
            {
                if (char.IsLowSurrogate(text[start])) continue;
                var bytePos = Encoding.UTF8.GetByteCount(text.AsSpan(0, start));
                var expected = InterpreterRegexEnds.Ends(pattern, text, start).Select(e => Encoding.UTF8.GetByteCount(text.AsSpan(0, e))).ToArray();
                var actual = ends(bytes, bytePos);
                Assert.True(expected.SequenceEqual(actual),
                    $"{name} on \"{text}\" from {start}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
                var budget = 1_000_000;
                var first = prefix(bytes, bytePos, ref budget);
                Assert.Equal(expected.Length > 0 ? expected[0] : -1, first);
                checkedStarts++;
            }
        }
        Assert.True(checkedStarts > lines * 6);
    }

    /// <summary>Addresses and near misses, each followed by fewer and by more than the sixteen bytes classified at once.</summary>
    [Theory]
    [InlineData("ipv4")]
    [InlineData("ipv6")]
    [InlineData("ip")]
    [InlineData("ipOrHost")]
    public void Lists_the_ends_the_regex_reaches_before_short_and_long_rests(string name)
    {
        string[] heads =
        [
            "10.16.15.24", "192.168.2.209", "255.255.255.255", "256.1.1.1", "1.2.3.256", "1.2.3.4.5", "01.002.0.099", "1.2.3",
            "1..2.3", "1.2.3.4444", "1234.1.1.1", "0.0.0.0", "249.250.199.200", "::1", "fe80::1", "abcd:ef01::", "12345::1",
            "::ffff:192.168.2.138", "2001:db8:85a3:8a2e:370:7334:1:2", "NAS01", "nas.home.lan",
        ];
        string[] rests = ["", ",", "5", ".", ":", "%eth0", ", Computer name: x", "5, Computer name: x", ".7, Computer name: x"];
        var (ends, first) = Scanner(name);
        var pattern = Pattern(name);
        foreach (var head in heads)
        foreach (var rest in rests)
        {
            var text = head + rest;
            var bytes = Encoding.UTF8.GetBytes(text);
            var expected = InterpreterRegexEnds.Ends(pattern, text, 0).ToArray();
            Assert.True(expected.SequenceEqual(ends(bytes, 0)), $"{name} on \"{text}\": expected [{string.Join(", ", expected)}], got [{string.Join(", ", ends(bytes, 0))}]");
            var budget = 1_000_000;
            Assert.Equal(expected.Length > 0 ? expected[0] : -1, first(bytes, 0, ref budget));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_first_end_takes_the_steps_the_backtracking_scan_takes(string name)
    {
        // FirstEnd is found directly; the generic scan (EndScan.First over the matcher's Scan) is its oracle for the
        // answer and for the budget left, down to a budget that runs out at each step.
        var (_, first) = Scanner(name);
        var generic = Generic(name);
        var random = new Random(20261207);
        for (var line = 0; line < 400; line++)
        {
            var bytes = Encoding.UTF8.GetBytes(RandomText(random, line % 2 == 0 ? Pieces : RunPieces));
            for (var pos = 0; pos <= bytes.Length; pos++)
            for (var budget = 0; budget <= 6; budget++)
            {
                int direct = budget, scanned = budget;
                Assert.Equal(generic(bytes, pos, ref scanned), first(bytes, pos, ref direct));
                Assert.Equal(scanned, direct);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_ends_take_the_steps_the_backtracking_scan_takes(string name)
    {
        // Ends written directly (host names) against the generic scan (EndScan.All over the matcher's Scan): the same
        // ends, overflow or failure, and the same budget left, down to a budget that runs out at each step.
        var (direct, generic) = EndsPair(name);
        var random = new Random(20261209);
        for (var line = 0; line < 400; line++)
        {
            var bytes = Encoding.UTF8.GetBytes(RandomText(random, line % 2 == 0 ? Pieces : RunPieces));
            var room = line % 3 == 0 ? 3 : MatchState.SmallEndsCapacity;
            for (var pos = 0; pos <= bytes.Length; pos++)
            for (var budget = 0; budget <= 6; budget++)
            {
                int directBudget = budget, scannedBudget = budget;
                var (directEnds, scannedEnds) = (new int[room], new int[room]);
                var expected = generic(bytes, pos, scannedEnds, ref scannedBudget);
                Assert.Equal(expected, direct(bytes, pos, directEnds, ref directBudget));
                Assert.Equal(scannedBudget, directBudget);
                if (expected > 0) Assert.Equal(scannedEnds[..expected], directEnds[..expected]);
            }
        }
    }

    private delegate int EndsOf(ReadOnlySpan<byte> input, int pos, Span<int> ends, ref int budget);

    private static (EndsOf Direct, EndsOf Generic) EndsPair(string name) => name switch
    {
        "numberStr" or "number" => (NumberStrMatcher.Ends, EndScan.All<NumberStrMatcher>),
        "numberExtStr" or "numberExt" => (NumberExtStrMatcher.Ends, EndScan.All<NumberExtStrMatcher>),
        "ipv4" => (Ipv4Matcher.Ends, EndScan.All<Ipv4Matcher>),
        "ipv6" => (Ipv6Matcher.Ends, EndScan.All<Ipv6Matcher>),
        "ip" => (IpMatcher.Ends, EndScan.All<IpMatcher>),
        "hostname" or "host" => (HostnameMatcher.Ends, EndScan.All<HostnameMatcher>),
        "ipOrHost" => (IpOrHostMatcher.Ends, EndScan.All<IpOrHostMatcher>),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static FirstEndOf Generic(string name) => name switch
    {
        "numberStr" or "number" => EndScan.First<NumberStrMatcher>,
        "numberExtStr" or "numberExt" => EndScan.First<NumberExtStrMatcher>,
        "ipv4" => EndScan.First<Ipv4Matcher>,
        "ipv6" => EndScan.First<Ipv6Matcher>,
        "ip" => EndScan.First<IpMatcher>,
        "hostname" or "host" => EndScan.First<HostnameMatcher>,
        "ipOrHost" => EndScan.First<IpOrHostMatcher>,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Fact]
    public void A_long_zone_lists_every_end_in_order()
    {
        var text = "fe80::a:b%en" + string.Concat(Enumerable.Repeat("Q9", 40)) + "Q\n9Q9<Q9Q90 -> h";
        var bytes = Encoding.UTF8.GetBytes(text);
        var expected = InterpreterRegexEnds.Ends(Pattern("ipv6"), text, 0);
        Assert.Equal(expected, Run<Ipv6Matcher>(bytes, 0));
        var small = new int[MatchState.SmallEndsCapacity];
        var budget = 1_000_000;
        var count = Ipv6Matcher.Ends(bytes, 0, small, ref budget);
        Assert.Equal(expected, small[..count]);
    }

    [Fact]
    public void Rules_with_the_built_ins_call_the_engine_matchers()
    {
        var rules = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "rules", "qnap.rules"));
        var run = GeneratedPipelineCompiler.Generate(rules, "/rules/qnap.rules");
        var source = run.Result.Results.Single().GeneratedSources.Single(s => s.HintName == "qnap.QnapPipeline.g.cs").SourceText.ToString();

        Assert.Contains("SubMatcherEnds.TryEach<BuiltIns.IpOrHostMatcher>", source);
        Assert.Contains("SubMatcherEnds.TryEach<BuiltIns.IpMatcher>", source);
        Assert.Contains("SubMatcherEnds.TryEach<BuiltIns.NumberStrMatcher>", source);
        Assert.DoesNotContain("class Ipv6Matcher", source);
        // Issue 10's target for the generated QNAP parser (it was 5,368 lines with the built-ins emitted in it).
        var lines = source.Split('\n').Length - (source.EndsWith('\n') ? 1 : 0);
        Assert.InRange(lines, 1, 1500);
    }

    [Fact]
    public void Postfix_rules_match_their_shared_prefix_once()
    {
        var rules = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "rules", "postfix.rules"));
        var run = GeneratedPipelineCompiler.Generate(rules, "/rules/postfix.rules");
        var source = run.Result.Results.Single().GeneratedSources.Single(s => s.HintName == "postfix.PostfixPipeline.g.cs").SourceText.ToString();

        // The three date alternatives of %{_prefix} are tried in one class, which all three rules go through.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(source, @"SubMatcherEnds\.TryEach<DateMatcher>"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(source, @"SharedPrefix\.Start\("));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(source, @"=> QueuePrefix\.Match\(ref s, &Step0, last: (false|true)\);").Count);
    }

    /// <summary>The generated file sizes docs/benchmarks.md states, line for line.</summary>
    [Theory]
    [InlineData("qnap", "qnap.QnapPipeline.g.cs", 570)]
    [InlineData("nginx", "nginx.NginxPipeline.g.cs", 1500)]
    [InlineData("postfix", "postfix.PostfixPipeline.g.cs", 772)]
    public void Generated_pipelines_have_the_documented_sizes(string rulesFile, string hintName, int documentedLines)
    {
        var rules = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "rules", rulesFile + ".rules"));
        var run = GeneratedPipelineCompiler.Generate(rules, $"/rules/{rulesFile}.rules");
        var source = run.Result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

        Assert.Equal(documentedLines, source.Split('\n').Length - (source.EndsWith('\n') ? 1 : 0));
    }

    private delegate int FirstEndOf(ReadOnlySpan<byte> input, int pos, ref int budget);

    private static (Func<byte[], int, int[]> Ends, FirstEndOf First) Scanner(string name) => name switch
    {
        "numberStr" or "number" => (Run<NumberStrMatcher>, NumberStrMatcher.FirstEnd),
        "numberExtStr" or "numberExt" => (Run<NumberExtStrMatcher>, NumberExtStrMatcher.FirstEnd),
        "ipv4" => (Run<Ipv4Matcher>, Ipv4Matcher.FirstEnd),
        "ipv6" => (Run<Ipv6Matcher>, Ipv6Matcher.FirstEnd),
        "ip" => (Run<IpMatcher>, IpMatcher.FirstEnd),
        "hostname" or "host" => (Run<HostnameMatcher>, HostnameMatcher.FirstEnd),
        "ipOrHost" => (Run<IpOrHostMatcher>, IpOrHostMatcher.FirstEnd),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static int[] Run<TMatcher>(byte[] input, int pos) where TMatcher : ISubMatcher
    {
        var ends = new int[MatchState.EndsCapacity(input.Length - pos)];
        var budget = 1_000_000;
        var count = TMatcher.Ends(input, pos, ends, ref budget);
        Assert.True(count >= 0, $"Ends returned {count}");
        return ends[..count];
    }

    /// <summary>The interpreter's regex for <c>%{name}</c>, without the whole-line anchors.</summary>
    private static string Pattern(string name)
    {
        var compiled = RulesCompiler.Compile(GrokHarness.RulesText([("r", $"%{{{name}}}")]));
        Assert.False(compiled.HasErrors);
        var root = (OriginNode)compiled.Pipelines[0].Parsers[0].Rules[0].Root;
        return InterpreterRegexEnds.Pattern(root.Body);
    }
}
