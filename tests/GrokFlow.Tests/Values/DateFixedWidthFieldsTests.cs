using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using static GrokFlow.Tests.Values.DateTestFormats;

namespace GrokFlow.Tests.Values;

/// <summary>
/// Patterns made mostly of fixed-width fields (digits of a set width, separators) against two oracles: .NET's parser
/// for the value written whole, and the format's own regex for the value with one byte spoiled (a value the regex
/// refuses must not parse; one it accepts reads as .NET reads it), and every value cut short fails.
/// </summary>
public sealed class DateFixedWidthFieldsTests
{
    // Fields only, up to nineteen bytes of them, digits next to digits, names and a quoted letter between them.
    private static readonly (string Joda, string Net)[] Formats =
    [
        ("yyyyMMdd", "yyyyMMdd"),
        ("yyyyMMddHHmmss", "yyyyMMddHHmmss"),
        ("dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm:ss"),
        ("HH:mm yyyy MM dd", "HH:mm yyyy MM dd"),
        ("MMM dd HH:mm:ss yyyy", "MMM dd HH:mm:ss yyyy"),
        ("dd/MMM/yyyy:HH:mm:ss", "dd/MMM/yyyy:HH:mm:ss"),
        ("yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"),
        ("yyyy.DDD", "yyyy.DDD"),
    ];

    [Fact]
    public void FixedWidthFieldsReadAsDotNetReadsThem()
    {
        Gen.Select(WholeSecondDates, Gen.Int[0, Formats.Length - 1]).Sample((date, f) =>
        {
            var (joda, net) = Formats[f];
            var text = net.Contains("DDD") ? date.ToString("yyyy.", CultureInfo.InvariantCulture) + date.DayOfYear.ToString("000") : date.ToString(net, CultureInfo.InvariantCulture);
            var written = net.Contains("DDD") ? date.Date
                : DateTime.ParseExact(text, net, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            var expected = new DateTimeOffset(written, TimeSpan.Zero).ToUnixTimeMilliseconds();
            var actual = Parse(joda, text);
            Assert.True(expected == actual, $"'{text}' read with \"{joda}\": {DateTimeOffset.FromUnixTimeMilliseconds(actual):O}");
        }, iter: 2_000);
    }

    [Fact]
    public void AnyByteSpoiledParsesOnlyWhenTheRegexStillMatches()
    {
        var spoilers = new[] { "x", "0", "9", "/", ":", " ", "-", "\u00e9", "\u0660", "\0", "\u007f" };
        Gen.Select(WholeSecondDates, Gen.Int[0, Formats.Length - 2], Gen.Int[0, 40], Gen.Int[0, spoilers.Length - 1]).Sample((date, f, place, s) =>
        {
            var (joda, net) = Formats[f];
            var text = date.ToString(net, CultureInfo.InvariantCulture);
            place %= text.Length;
            text = text[..place] + spoilers[s] + text[(place + 1)..];
            var format = Compile(joda);
            var regexMatches = Regex.IsMatch(text, $@"\A(?:{format.RegexPattern})\z", RegexOptions.CultureInvariant);
            var parsed = format.TryParse(Encoding.UTF8.GetBytes(text), Clock2031, out var value);
            if (!regexMatches)
            {
                Assert.False(parsed, $"'{text}' read with \"{joda}\" though its regex refuses it");
                return;
            }
            var netParsed = DateTime.TryParseExact(text, net, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var expected);
            Assert.Equal(netParsed, parsed);
            if (parsed) Assert.Equal(new DateTimeOffset(expected, TimeSpan.Zero).ToUnixTimeMilliseconds(), value);
        }, iter: 5_000);
    }

    [Fact]
    public void AValueCutShortFails()
    {
        foreach (var (joda, net) in Formats[..^1])
        {
            var text = new DateTime(2024, 2, 29, 13, 45, 7).ToString(net, CultureInfo.InvariantCulture);
            for (var length = 0; length < text.Length; length++)
                Assert.False(TryParse(joda, text[..length]), $"'{text[..length]}' read with \"{joda}\"");
        }
    }
}
