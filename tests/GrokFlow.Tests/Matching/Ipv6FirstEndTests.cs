using System.Text;
using System.Text.RegularExpressions;
using GrokFlow.Engine.Matching.BuiltIns;
using GrokFlow.Language.Compilation;
using GrokFlow.Language.Model;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Matching;

/// <summary>
/// <see cref="Ipv6Matcher.FirstEnd"/>, found in one pass, against two oracles on address-like texts: the interpreter's
/// regex for <c>%{ipv6}</c> (its first match is the first end) and the backtracking scan
/// (<see cref="EndScan.First{TScanner}"/> over <see cref="Ipv6Matcher.Scan"/>) for the answer and the budget left.
/// </summary>
public sealed class Ipv6FirstEndTests
{
    /// <summary>
    /// Zero to nine groups of zero to five hex digits (either case) joined by ':', with a "::" anywhere, an IPv4 tail
    /// with good and bad octets, a zone, a trailing ':' and what a log line puts after an address.
    /// </summary>
    private static string RandomAddress(Random random)
    {
        var sb = new StringBuilder();
        var groups = random.Next(0, 10);
        var compressedAt = random.Next(0, 3) == 0 ? -1 : random.Next(0, groups + 1);
        for (var g = 0; g < groups; g++)
        {
            if (g == compressedAt) sb.Append(g == 0 ? "::" : ":");
            else if (g > 0) sb.Append(':');
            var length = random.Next(0, 12) switch { 0 => 0, 1 => 5, var n => 1 + (n % 4) };
            for (var i = 0; i < length; i++) sb.Append("0123456789abcdefABCDEF"[random.Next(22)]);
        }
        if (compressedAt == groups) sb.Append("::");
        if (random.Next(4) == 0)
        {
            sb.Append(':');
            string[] octets = ["0", "1", "9", "01", "10", "99", "100", "199", "249", "250", "255", "256", "300", "1000"];
            for (int o = 0, n = random.Next(1, 5); o < n; o++) sb.Append(o > 0 ? "." : "").Append(octets[random.Next(octets.Length)]);
        }
        string[] rests = ["", "", ":", "::", "%eth0", "%", "%é\n", ", Computer name: x", " ", ".", "g", "5"];
        return sb.Append(rests[random.Next(rests.Length)]).ToString();
    }

    [Fact]
    public void Finds_the_first_end_the_regex_and_the_backtracking_scan_find()
    {
        var regex = new Regex($@"\G(?:{Pattern()})", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
        var random = new Random(20261208);
        var found = 0;
        for (var line = 0; line < 4000; line++)
        {
            var text = RandomAddress(random);
            var bytes = Encoding.UTF8.GetBytes(text);
            var match = regex.Match(text);
            var expected = match.Success ? Encoding.UTF8.GetByteCount(text.AsSpan(0, match.Length)) : -1;
            var budget = 1_000_000;
            Assert.True(expected == Ipv6Matcher.FirstEnd(bytes, 0, ref budget), $"on \"{text}\": expected {expected}");
            found += expected >= 0 ? 1 : 0;
            for (var small = -1; small <= 9; small++)
            {
                int direct = small, scanned = small;
                Assert.Equal(EndScan.First<Ipv6Matcher>(bytes, 0, ref scanned), Ipv6Matcher.FirstEnd(bytes, 0, ref direct));
                Assert.Equal(scanned, direct);
            }
        }
        Assert.InRange(found, 1000, 3900);
    }

    [Theory]
    [InlineData("2001:db8:2447:79db::8e94, x", 24)]
    [InlineData("2001:0DB8:85A3:0000:0000:8A2E:0370:7334", 39)]
    [InlineData("::ffff:192.168.2.138", 10)]
    [InlineData("1:2:3:4:5:6:1.2.3.4 ", 19)]
    [InlineData("1:2:3:4:5:6:7::", 15)]
    [InlineData("::", 2)]
    [InlineData("fe80::1%eth0 x", 14)]
    [InlineData("a::12345", 7)]
    [InlineData("00:04:16 x", -1)]
    [InlineData("12345::1", -1)]
    public void Ends_common_forms_where_the_regex_does(string text, int expected)
    {
        var budget = 100;
        Assert.Equal(expected, Ipv6Matcher.FirstEnd(Encoding.UTF8.GetBytes(text), 0, ref budget));
        var match = Regex.Match(text, $@"\G(?:{Pattern()})", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
        Assert.Equal(expected, match.Success ? match.Length : -1);
    }

    private static string Pattern()
    {
        var compiled = RulesCompiler.Compile(GrokHarness.RulesText([("r", "%{ipv6}")]));
        Assert.False(compiled.HasErrors);
        return InterpreterRegexEnds.Pattern(((OriginNode)compiled.Pipelines[0].Parsers[0].Rules[0].Root).Body);
    }
}
