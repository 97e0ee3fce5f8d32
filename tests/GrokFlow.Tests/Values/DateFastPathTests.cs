using System.Globalization;
using CsCheck;
using static GrokFlow.Tests.Values.DateTestFormats;

namespace GrokFlow.Tests.Values;

/// <summary>
/// The inline readings of two-digit fields and of month and day names (whole words compared at once) against .NET's
/// own parser, <see cref="DateTime.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateTime)"/>, on
/// random dates written with names in any case, and with a digit spoiled.
/// </summary>
public sealed class DateFastPathTests
{
    // Joda letters and the .NET letters of the same format.
    private static readonly (string Joda, string Net)[] Formats =
    [
        ("MMM dd yyyy HH:mm:ss", "MMM dd yyyy HH:mm:ss"),
        ("EEE, dd MMMM yyyy HH:mm:ss", "ddd, dd MMMM yyyy HH:mm:ss"),
        ("EEEE MMM dd yyyy hh:mm:ss a", "dddd MMM dd yyyy hh:mm:ss tt"),
        ("yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"),
    ];

    [Fact]
    public void DatesWithNamesInAnyCaseReadAsDotNetReadsThem()
    {
        Gen.Select(WholeSecondDates, Gen.Int[0, Formats.Length - 1], Gen.Bool.Array[40]).Sample((date, f, upper) =>
        {
            var (joda, net) = Formats[f];
            var text = date.ToString(net, CultureInfo.InvariantCulture);
            var expected = DateTime.ParseExact(text, net, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            Assert.Equal(new DateTimeOffset(expected, TimeSpan.Zero).ToUnixTimeMilliseconds(), Parse(joda, MixCase(text, upper)));
        }, iter: 3_000);
    }

    [Fact]
    public void ADigitSpoiledFailsAsItDoesForDotNet()
    {
        Gen.Select(WholeSecondDates, Gen.Int[0, Formats.Length - 1], Gen.Int[0, 40], Gen.Char['!', '~']).Where((_, _, _, spoiler) => !char.IsAsciiDigit(spoiler)).Sample((date, f, place, spoiler) =>
        {
            var (joda, net) = Formats[f];
            var text = date.ToString(net, CultureInfo.InvariantCulture);
            var digits = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i])).ToArray();
            place = digits[place % digits.Length];
            text = text[..place] + spoiler + text[(place + 1)..];
            Assert.False(DateTime.TryParseExact(text, net, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            Assert.False(Compile(joda).TryParse(System.Text.Encoding.UTF8.GetBytes(text), Clock2031, out _), $"'{text}' read with \"{joda}\"");
        }, iter: 3_000);
    }

    private static string MixCase(string text, bool[] upper) =>
        string.Concat(text.Select((c, i) => upper[i % upper.Length] ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
}
