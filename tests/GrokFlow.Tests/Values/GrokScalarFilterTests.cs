using System.Text;
using System.Text.RegularExpressions;
using GrokFlow.Engine.Values;

namespace GrokFlow.Tests.Values;

public sealed class GrokScalarFilterTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("FaLsE", false)]
    public void BooleanFilterReadsTrueAndFalseIgnoringCase(string text, bool expected)
    {
        Assert.True(GrokBoolean.TryParse(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("NotTrue")]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("true ")]
    [InlineData("tru")]
    [InlineData("falsey")]
    public void BooleanFilterDropsAnythingElse(string text)
    {
        Assert.False(GrokBoolean.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void BooleanMatcherDefaultsToTrueAndFalse()
    {
        var matcher = GrokBooleanMatcher.Default;
        var regex = new Regex($"^(?:{matcher.RegexPattern})$");

        Assert.Null(RestrictedRegexSyntax.Check(matcher.RegexPattern));
        Assert.Matches(regex, "TRUE");
        Assert.Matches(regex, "false");
        Assert.DoesNotMatch(regex, "yes");
        Assert.True(matcher.TryParse("True"u8, out var value) && value);
        Assert.True(matcher.TryParse("FALSE"u8, out value) && !value);
    }

    [Fact]
    public void BooleanMatcherWithCustomTexts()
    {
        var matcher = GrokBooleanMatcher.Create("yes", "no", out var error);
        Assert.True(matcher is not null, error);
        var regex = new Regex($"^(?:{matcher.RegexPattern})$");

        Assert.Matches(regex, "YES");
        Assert.Matches(regex, "No");
        Assert.DoesNotMatch(regex, "true");
        Assert.True(matcher.TryParse("Yes"u8, out var value) && value);
        Assert.True(matcher.TryParse("NO"u8, out value) && !value);
        Assert.False(matcher.TryParse("maybe"u8, out _));
    }

    [Fact]
    public void BooleanMatcherEscapesMetacharacters()
    {
        var matcher = GrokBooleanMatcher.Create("[x]", "( )", out _)!;

        Assert.Null(RestrictedRegexSyntax.Check(matcher.RegexPattern));
        Assert.Matches(new Regex($"^(?:{matcher.RegexPattern})$"), "[X]");
        Assert.True(matcher.TryParse("( )"u8, out var value) && !value);
    }

    [Theory]
    [InlineData("", "no")]
    [InlineData("on", "ON")]
    public void BooleanMatcherRejectsEmptyOrIdenticalTexts(string truePattern, string falsePattern)
    {
        Assert.Null(GrokBooleanMatcher.Create(truePattern, falsePattern, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void NullIfComparesBytesExactly()
    {
        Assert.True(GrokNullIf.IsNull("-"u8, "-"u8));
        Assert.False(GrokNullIf.IsNull("--"u8, "-"u8));
        Assert.False(GrokNullIf.IsNull("NULL"u8, "null"u8));
        Assert.True(GrokNullIf.IsNull("é"u8, "é"u8));
        Assert.False(GrokNullIf.IsNull(""u8, "-"u8));
    }

    [Theory]
    [InlineData("Hello World 42", "hello world 42", "HELLO WORLD 42")]
    [InlineData("ÉCOLE Straße", "école straße", "ÉCOLE STRAßE")]
    [InlineData("ΑΒΓ δεζ", "αβγ δεζ", "ΑΒΓ ΔΕΖ")]
    [InlineData("Ⱥ", "ⱥ", "Ⱥ")]
    [InlineData("😀 x", "😀 x", "😀 X")]
    [InlineData("", "", "")]
    public void CaseMappingIsUnicodeAware(string text, string lower, string upper)
    {
        Assert.Equal(lower, Map(text, GrokCaseMapping.ToLower));
        // Simple case mapping keeps ß (full mapping, as in Java, would give SS).
        Assert.Equal(upper, Map(text, GrokCaseMapping.ToUpper));
    }

    [Fact]
    public void CaseMappingCanGrowTheTextWithinMaxByteCount()
    {
        var source = Encoding.UTF8.GetBytes("ȺȺȺ");
        var destination = new byte[GrokCaseMapping.MaxByteCount(source.Length)];

        var length = GrokCaseMapping.ToLower(source, destination);

        Assert.Equal(9, length);
        Assert.Equal("ⱥⱥⱥ", Encoding.UTF8.GetString(destination, 0, length));
    }

    [Fact]
    public void CaseMappingCopiesInvalidUtf8Unchanged()
    {
        byte[] source = [(byte)'A', 0xFF, (byte)'b', 0xC3];
        var destination = new byte[GrokCaseMapping.MaxByteCount(source.Length)];

        var length = GrokCaseMapping.ToLower(source, destination);

        Assert.Equal(new byte[] { (byte)'a', 0xFF, (byte)'b', 0xC3 }, destination[..length]);
    }

    [Fact]
    public void CaseMappingRefusesAScratchBufferThatMightBeTooSmall()
    {
        Assert.Throws<ArgumentException>(() => GrokCaseMapping.ToUpper("abcd"u8, new byte[4]));
    }

    [Theory]
    [InlineData("0.202", 1000000000.0, 202000000.0)]
    [InlineData("-3", 2.5, -7.5)]
    [InlineData("1e3", 0.001, 1.0)]
    [InlineData("12", 10.0, 120.0)]
    public void ScaleMultipliesNumericText(string text, double factor, double expected)
    {
        Assert.True(GrokScale.TryScale(Encoding.UTF8.GetBytes(text), factor, out var result));
        Assert.Equal(expected, result);
    }

    [Fact]
    public void ScaleFailsOnTextThatIsNotANumberOrAnInfiniteResult()
    {
        Assert.False(GrokScale.TryScale("abc"u8, 10, out _));
        Assert.False(GrokScale.TryScale(1e308, 10, out _));
        Assert.True(GrokScale.TryScale(4, 0.5, out var half));
        Assert.Equal(2.0, half);
    }

    private delegate int CaseMap(ReadOnlySpan<byte> source, Span<byte> destination);

    private static string Map(string text, CaseMap map)
    {
        var source = Encoding.UTF8.GetBytes(text);
        var destination = new byte[GrokCaseMapping.MaxByteCount(source.Length)];
        return Encoding.UTF8.GetString(destination, 0, map(source, destination));
    }
}
