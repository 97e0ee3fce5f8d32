using System.Text;
using System.Text.RegularExpressions;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Values.Structured;
using GrokFlow.Language.Model;

namespace GrokFlow.Tests.Filters;

/// <summary>
/// Where <c>keyvalue</c> finds a pair, against the backtracking regex the peer implementation builds (.NET's
/// <see cref="Regex"/>: the quote pairs in order, then a run of allowed characters, each longest first), on random
/// text from the characters that delimit, quote and separate.
/// </summary>
public sealed class KeyValuePairRegexTests
{
    [Theory]
    [InlineData("=", "=", "")]
    [InlineData(":=", ":=", "")]
    [InlineData(".", @"\.", "")]
    // Right delimiters allowed in values: a value may end before its run does.
    [InlineData("=", "=", ", ")]
    public void Pairs_start_and_end_where_the_regex_says(string separator, string separatorPattern, string allowList)
    {
        var filter = FilterPlan.Create(new KeyValueFilter(separator, allowList, "", ""));
        var run = @"[A-Za-z0-9_.\-@" + allowList + "]+";
        var part = "(?:\"[^\"]+\"|'[^']+'|<[^<]+>|" + run + ")";
        var regex = new Regex(@"\G(?<key>" + part + ")" + separatorPattern + "(?<value>" + part + @")(?=[ \t\n\r\f\v,;)\]}]|\z)", RegexOptions.CultureInvariant);
        var random = new Random(42);
        const string alphabet = "ab1.=:@-_ ,;\"'<>[](){}/";
        for (var round = 0; round < 20_000; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var bytes = Encoding.ASCII.GetBytes(text);
            for (var start = 0; start < text.Length; start++)
            {
                if (start > 0 && " \t\n\r\f\v,;([{".IndexOf(text[start - 1]) < 0) continue;
                var expected = regex.Match(text, start);
                var found = KeyValueParser.TryMatch(filter, bytes, start, out var pair);
                Assert.True(expected.Success == found, $"'{text}' at {start}: regex {expected.Success}, parser {found}");
                if (!found) continue;
                var valueEnd = expected.Groups["value"].Index + expected.Groups["value"].Length;
                Assert.True((expected.Groups["key"].Index + expected.Groups["key"].Length, valueEnd) == (pair.KeyEnd, pair.ValueEnd),
                    $"'{text}' at {start}: regex key..{expected.Groups["key"].Length} value..{valueEnd}, parser {pair}");
            }
        }
    }
}
