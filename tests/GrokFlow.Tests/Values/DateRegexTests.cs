using System.Text;
using System.Text.RegularExpressions;
using static GrokFlow.Tests.Values.DateTestFormats;

namespace GrokFlow.Tests.Values;

/// <summary>The generated regex: restricted syntax, ASCII digits, and agreement with the parser.</summary>
public sealed class DateRegexTests
{
    [Theory]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "2016-11-29T16:21:36.431+0000")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss.SSSZZ", "2016-11-29T16:21:36.431+00:00")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "2016-09-02T15:02:29.648Z")]
    [InlineData("EEE MMM dd HH:mm:ss yyyy", "Thu Jun 16 08:29:03 2016")]
    [InlineData("EEE MMM d HH:mm:ss yyyy", "Tue Nov 1 08:29:03 2016")]
    [InlineData("dd/MMM/yyyy:HH:mm:ss Z", "06/Mar/2013:01:36:30 +0900")]
    [InlineData("yyyy-MM-dd HH:mm:ss.SSS z", "2007-08-31 19:22:22.427 ADT")]
    [InlineData("yyyy-MM-dd HH:mm:ss.SSS zzzz", "2007-08-31 19:22:22.427 America/Thule")]
    [InlineData("yyyy-MM-dd HH:mm:ss z", "2007-08-31 19:22:22 Etc/GMT+5")]
    [InlineData("yyyy-MM-dd HH:mm:ss z", "2007-08-31 19:22:22 GMT-03:30")]
    [InlineData("M/d/yy HH:mm:ss,SSSS z", "11/16/18 19:40:59,1234 GMT")]
    [InlineData("hh:mm:ss a", "02:20:15 PM")]
    [InlineData("MMdd HH:mm:ss.SSSSSS", "0424 11:47:41.605188")]
    [InlineData("yyyy.MM.dd (HH) [mm] {ss} $^|*+?", "2016.06.16 (08) [29] {03} $^|*+?")]
    [InlineData("yyyy-MM-dd'T'HH 'o''clock'", "2016-06-16T08 o'clock")]
    [InlineData("xxxx-'W'ww-e", "2020-W53-4")]
    [InlineData("yyyy-DDD G", "2016-060 AD")]
    public void RegexUsesTheRestrictedSyntaxAndMatchesWhatTheParserReads(string pattern, string text)
    {
        var format = Compile(pattern);

        Assert.Null(RestrictedRegexSyntax.Check(format.RegexPattern));
        Assert.Matches(new Regex($"^(?:{format.RegexPattern})$", RegexOptions.CultureInvariant), text);
        Assert.True(format.TryParse(Encoding.UTF8.GetBytes(text), Clock2031, out _));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("de-DE")]
    [InlineData("es")]
    [InlineData("ja-JP")]
    [InlineData("ru")]
    public void LocaleNamesStayWithinTheRestrictedSyntax(string locale)
    {
        Assert.Null(RestrictedRegexSyntax.Check(Compile("EEEE EEE d MMMM MMM yyyy hh a G", locale: locale).RegexPattern));
    }

    [Fact]
    public void DigitsAreAsciiOnly()
    {
        var format = Compile("yyyy-MM-dd");

        Assert.DoesNotContain("\\d", format.RegexPattern);
        Assert.DoesNotMatch(new Regex($"^(?:{format.RegexPattern})$"), "٢٠١٦-٠٦-١٦");
        Assert.False(format.TryParse(Encoding.UTF8.GetBytes("٢٠١٦-٠٦-١٦"), Clock2031, out _));
    }

    [Fact]
    public void SingleLetterFieldsAllowOneOrTwoDigitsInTheRegex()
    {
        var regex = new Regex($"^(?:{Compile("H:mm").RegexPattern})$");

        Assert.Matches(regex, "9:05");
        Assert.Matches(regex, "19:05");
        Assert.DoesNotMatch(regex, "9:5");
        Assert.DoesNotMatch(new Regex($"^(?:{Compile("HH:mm").RegexPattern})$"), "9:05");
    }

    [Fact]
    public void MonthNamesMatchIgnoringCaseAndInFull()
    {
        var regex = new Regex($"^(?:{Compile("MMM").RegexPattern})$");

        foreach (var month in new[] { "Jan", "JAN", "jan", "January", "SEPTEMBER", "sep" }) Assert.Matches(regex, month);
        Assert.DoesNotMatch(regex, "Jab");
    }

    [Fact]
    public void TheValidatorRejectsWhatIsOutsideTheSubset()
    {
        Assert.NotNull(RestrictedRegexSyntax.Check("\\d{2}"));
        Assert.NotNull(RestrictedRegexSyntax.Check("(a|b)"));
        Assert.NotNull(RestrictedRegexSyntax.Check("a+"));
        Assert.NotNull(RestrictedRegexSyntax.Check("a."));
        Assert.Null(RestrictedRegexSyntax.Check("(?:[Aa]|b\\.){1,2}[0-9\\-]?"));
    }
}
