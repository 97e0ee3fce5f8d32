using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GrokFlow.Engine.Values;

namespace GrokFlow.Tests.Values;

/// <summary>
/// Every row of the grok corpus whose rules use <c>date(...)</c>: each date matcher is compiled, its regex is run over
/// the row's input (with .NET's engine, standing in for the project's matcher), and the matched text is parsed; the
/// value must equal the row's expected field. Rows marked documented-corrected carry the corrected value.
/// </summary>
public sealed partial class DateCorpusTests
{
    /// <summary>The clock for rows whose value depends on the current year; a year that is not "now".</summary>
    private static readonly FixedClock Clock = new(new DateTimeOffset(2031, 6, 15, 10, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, string> FixedRows()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, row) in DateRows())
        {
            if (row["kind"]!.GetValue<string>() == "match" && row["time_dependent"] is null && row["conflict"]?.GetValue<string>() != TimeOnlyConflict)
                data.Add(file, row["name"]!.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixedRows))]
    public void DateValueMatchesTheCorpus(string file, string name)
    {
        var row = Row(file, name);
        var (field, value) = ParseDatesInRow(row, Clock);

        Assert.Equal(ExpectedAt(row["expected"]!, field).GetValue<long>(), value);
    }

    /// <summary>The corpus's mark on the documented time-only rows that VRL reads on the current day.</summary>
    private const string TimeOnlyConflict = "vector-uses-current-day";

    [Fact]
    public void TimeOnlyPatternReadsOnTheClocksNearestDay()
    {
        // vrl::supports_date_matcher#25 expects today's date (VRL since vrl#906, "comparing to Datadog"), and so do
        // Datadog's recorded production results: argo_workflows' 15:28:44 and keda's 14:53:06 read at 1971-01-01T00:00Z
        // are 1970-12-31, the day nearest the clock.
        var row = Row("vrl-cases.jsonl", "vrl::parse_grok::supports_date_matcher#25");
        var (_, value) = ParseDatesInRow(row, Clock);

        Assert.Equal(new DateTimeOffset(2031, 6, 15, 12, 13, 14, TimeSpan.Zero).ToUnixTimeMilliseconds(), value);
    }

    [Theory]
    [InlineData("dd-docs::dates#1")]
    [InlineData("dd-docs::dates#2")]
    public void DocumentedTimeOnlyRowsComeOutWithAClockOnTheirDay(string name)
    {
        // Datadog's docs print these time-only values on 1970-01-01; the rule Datadog's production engine follows
        // (the day nearest the clock) gives them with a clock on that day, and today's date with today's clock.
        var row = Row("datadog-doc-cases.jsonl", name);
        Assert.Equal(TimeOnlyConflict, row["conflict"]!.GetValue<string>());
        var expected = ExpectedAt(row["expected"]!, "date").GetValue<long>();

        Assert.Equal(expected, ParseDatesInRow(row, new FixedClock(new DateTimeOffset(1970, 1, 1, 12, 0, 0, TimeSpan.Zero))).Value);
        Assert.Equal(expected + new DateTimeOffset(2031, 6, 15, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            ParseDatesInRow(row, Clock).Value);
    }

    [Fact]
    public void DayAndMonthWithoutYearReadInTheCurrentYear()
    {
        var row = Row("vrl-cases.jsonl", "vrl::parse_grok::supports_date_matcher#26");
        var now = Clock.GetUtcNow();
        row["input"] = row["input"]!.GetValue<string>().Replace("{day}", $"{now.Day}").Replace("{month}", $"{now.Month}");
        var (_, value) = ParseDatesInRow(row, Clock);

        Assert.Equal(new DateTimeOffset(now.Year, now.Month, now.Day, 12, 13, 14, TimeSpan.Zero).ToUnixTimeMilliseconds(), value);
    }

    [Fact]
    public void SyslogStyleDateWithoutYearReadsInTheCurrentYear()
    {
        var (_, value) = ParseDatesInRow(Row("datadog-doc-cases.jsonl", "dd-docs::nested-json"), Clock);

        Assert.Equal(new DateTimeOffset(2031, 9, 6, 9, 13, 38, TimeSpan.Zero).ToUnixTimeMilliseconds(), value);
    }

    [Fact]
    public void GlogDateReadsInTheCurrentYearWithMicrosecondsTruncated()
    {
        var (_, value) = ParseDatesInRow(Row("datadog-doc-cases.jsonl", "dd-docs::glog"), Clock);

        Assert.Equal(new DateTimeOffset(2031, 4, 24, 11, 47, 41, 605, TimeSpan.Zero).ToUnixTimeMilliseconds(), value);
    }

    [Fact]
    public void UnknownPatternLettersAreRejected()
    {
        var (pattern, _) = DateArguments(Row("vrl-cases.jsonl", "vrl::parse_grok::supports_date_matcher#27")).Single();

        Assert.Null(DateFormat.Compile(pattern[0], pattern.ElementAtOrDefault(1), null, out var error));
        Assert.StartsWith("invalid date pattern letter 'A' at index 0 in \"ABC:XYZ\"", error);
    }

    [Fact]
    public void UnknownTimezoneIsRejected()
    {
        var (pattern, _) = DateArguments(Row("vrl-cases.jsonl", "vrl::parse_grok::supports_date_matcher#28")).Single();

        Assert.Null(DateFormat.Compile(pattern[0], pattern[1], null, out var error));
        Assert.Equal(
            "unknown time zone \"unknown timezone\": expected UTC, GMT, an offset such as +03:00, UTC+5, " +
            "or a tz database id such as Europe/Paris", error);
    }

    [Fact]
    public void CorpusHasTheDateRowsThisSuiteExpects()
    {
        // Guards the theory above against silently running on an empty or truncated corpus.
        Assert.True(FixedRows().Count >= 40, $"only {FixedRows().Count} fixed date rows found");
    }

    private static IEnumerable<(string File, JsonObject Row)> DateRows()
    {
        foreach (var file in new[] { "datadog-doc-cases.jsonl", "vrl-cases.jsonl" })
        {
            foreach (var row in ConformanceCorpus.ReadGrokRows(file))
            {
                if (DateArguments(row).Any()) yield return (file, row);
            }
        }
    }

    private static JsonObject Row(string file, string name) =>
        ConformanceCorpus.ReadGrokRows(file).Single(r => r["name"]!.GetValue<string>() == name);

    /// <summary>
    /// Compiles each date matcher of the row's rules and helpers, finds its text in the input and parses it. Exactly one
    /// matcher of the row must find a date in the input (the nginx rows hold two patterns; each line fits one).
    /// </summary>
    private static (string Field, long Value) ParseDatesInRow(JsonObject row, TimeProvider clock)
    {
        var input = row["input"]!.GetValue<string>();
        var results = new List<(string, long)>();
        foreach (var (arguments, field) in DateArguments(row).Distinct(new ArgumentsComparer()))
        {
            var format = DateFormat.Compile(arguments[0], arguments.ElementAtOrDefault(1), arguments.ElementAtOrDefault(2), out var error);
            Assert.True(format is not null, error);
            var match = new Regex(format.RegexPattern, RegexOptions.CultureInvariant).Match(input);
            if (!match.Success) continue;
            Assert.True(format.TryParse(Encoding.UTF8.GetBytes(match.Value), clock, out var value), $"'{match.Value}' did not parse");
            results.Add((field, value));
        }

        return Assert.Single(results);
    }

    private static IEnumerable<(string[] Arguments, string Field)> DateArguments(JsonObject row)
    {
        var texts = new List<string>();
        if (row["rules"] is JsonArray rules) texts.AddRange(rules.Select(r => r!.GetValue<string>()));
        if (row["helpers"] is JsonObject helpers) texts.AddRange(helpers.Select(h => h.Value!.GetValue<string>()));
        foreach (var text in texts)
        {
            foreach (Match token in DateToken().Matches(text))
            {
                var arguments = QuotedArgument().Matches(token.Groups["args"].Value)
                    .Select(m => m.Groups[1].Value.Replace("\\\"", "\"").Replace("\\\\", "\\")).ToArray();
                yield return (arguments, token.Groups["field"].Value);
            }
        }
    }

    private static JsonNode ExpectedAt(JsonNode expected, string path)
    {
        var node = expected;
        foreach (var segment in path.Split('.')) node = node[segment]!;
        return node;
    }

    [GeneratedRegex("""%\{date\((?<args>[^)]*)\):(?<field>[^:}]*)""")]
    private static partial Regex DateToken();

    [GeneratedRegex("""
        "((?:\\.|[^"\\])*)"
        """)]
    private static partial Regex QuotedArgument();

    private sealed class ArgumentsComparer : IEqualityComparer<(string[] Arguments, string Field)>
    {
        public bool Equals((string[] Arguments, string Field) x, (string[] Arguments, string Field) y) =>
            x.Field == y.Field && x.Arguments.SequenceEqual(y.Arguments);

        public int GetHashCode((string[] Arguments, string Field) obj) => HashCode.Combine(obj.Field, obj.Arguments.Length);
    }
}
