using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrokFlow.Engine.Values;

namespace GrokFlow.Tests.Values;

public sealed class GrokNumbersTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("+2", 2L)]
    [InlineData("-17", -17L)]
    [InlineData("-0", 0L)]
    [InlineData("007", 7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void IntegerReadsSignedDecimalDigits(string text, long expected)
    {
        Assert.True(GrokNumbers.TryParseInteger(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData("1.0")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1e3")]
    [InlineData("+-1")]
    [InlineData("٣")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("99999999999999999999")]
    public void IntegerRejectsEverythingElse(string text)
    {
        Assert.False(GrokNumbers.TryParseInteger(Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("12", 12.0)]
    [InlineData("12.", 12.0)]
    [InlineData(".5", 0.5)]
    [InlineData("-3", -3.0)]
    [InlineData("+3.25", 3.25)]
    [InlineData("24.3", 24.3)]
    [InlineData("0.202", 0.202)]
    public void NumberReadsTheTextNumberStrMatches(string text, double expected)
    {
        Assert.True(GrokNumbers.TryParseNumber(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("-.")]
    [InlineData("1e5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1,5")]
    [InlineData("1.2.3")]
    public void NumberRejectsOtherText(string text)
    {
        Assert.False(GrokNumbers.TryParseNumber(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void NumberTooLargeForADoubleFails()
    {
        Assert.False(GrokNumbers.TryParseNumber(Encoding.UTF8.GetBytes("1" + new string('0', 400)), out _));
        Assert.False(GrokNumbers.TryParseNumberExt("1e400"u8, out _));
    }

    [Theory]
    [InlineData("1.5e-3", 0.0015)]
    [InlineData("-2E+2", -200.0)]
    [InlineData("12.e1", 120.0)]
    [InlineData(".5e1", 5.0)]
    [InlineData("7", 7.0)]
    public void NumberExtAddsAnExponent(string text, double expected)
    {
        Assert.True(GrokNumbers.TryParseNumberExt(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("e5")]
    public void NumberExtNeedsExponentDigits(string text)
    {
        Assert.False(GrokNumbers.TryParseNumberExt(Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("-1e+2", -100L)]
    [InlineData("15e-1", 1L)]
    [InlineData("-15e-1", -1L)]
    [InlineData("42", 42L)]
    [InlineData("9e18", 9_000_000_000_000_000_000L)]
    public void IntegerExtReadsADoubleAndTruncates(string text, long expected)
    {
        Assert.True(GrokNumbers.TryParseIntegerExt(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1234.1e+5")]
    [InlineData("1e19")]
    [InlineData("-1e19")]
    [InlineData("1.5")]
    public void IntegerExtRejectsFractionsAndOverflow(string text)
    {
        Assert.False(GrokNumbers.TryParseIntegerExt(Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    [InlineData(202000000.0, "202000000.0")]
    [InlineData(1.0, "1.0")]
    [InlineData(-3.0, "-3.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(24.3, "24.3")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e21, "1.0E+21")]
    [InlineData(1.5e-7, "1.5E-07")]
    [InlineData(123456789012345.0, "123456789012345.0")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    public void WriteNumberPrintsDoublesAsDoubles(double value, string expected)
    {
        var text = Write(value);

        Assert.Equal(expected, text);
        Assert.Equal(value, JsonDocument.Parse(text).RootElement.GetDouble());
    }

    [Fact]
    public void WholeNumbersReadAndPrintAsTheGeneralParserAndFormatterDo()
    {
        // Oracle: double.Parse and the round-trip "R" text, which the fast path for plain digits must equal.
        var random = new Random(20261206);
        for (var i = 0; i < 20_000; i++)
        {
            var digits = random.Next(1, 19);
            var text = (random.Next(3) switch { 0 => "-", 1 => "+", _ => "" }) + string.Concat(Enumerable.Range(0, digits).Select(_ => (char)('0' + random.Next(10))));
            Assert.True(GrokNumbers.TryParseNumber(Encoding.ASCII.GetBytes(text), out var value));
            var expected = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));

            var general = expected.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            var mantissa = general.Split('E')[0];
            var printed = mantissa.Contains('.') ? general : mantissa + ".0" + general[mantissa.Length..];
            Assert.Equal(printed, Write(value));
        }
    }

    [Fact]
    public void WholeNumbersOfEveryLengthPrintAsTheGeneralFormatterDoes()
    {
        // Oracle: the round-trip "R" text with ".0" added to a mantissa without a point (as the general path does).
        var values = new List<double> { 0, 1, -1, 9, 10, 99, 100, 999_999_999_999_999, -999_999_999_999_999, 1e15, -1e15, 1e15 + 2 };
        for (var power = 1L; power <= 1_000_000_000_000_000; power *= 10) values.AddRange([power - 1, power, power + 1, -power, -(power - 1)]);
        var random = new Random(20261207);
        for (var i = 0; i < 50_000; i++)
        {
            var digits = random.Next(1, 17);
            values.Add(Math.Round(random.NextDouble() * Math.Pow(10, digits)) * (random.Next(2) == 0 ? -1 : 1));
        }

        foreach (var value in values) Assert.Equal(GeneralText(value), Format(value));
    }

    [Fact]
    public void NumbersReadAsTheBclParsesTheTextTheMatchersAccept()
    {
        // Oracle: the numberStr / numberExtStr shapes as regexes, and double.Parse for the value.
        var numberText = new Regex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$");
        var numberExtText = new Regex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$");
        var random = new Random(20261208);
        for (var i = 0; i < 50_000; i++)
        {
            var text = RandomNumberText(random);
            var bytes = Encoding.ASCII.GetBytes(text);
            var parses = double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var expected)
                && double.IsFinite(expected);

            Assert.Equal(numberText.IsMatch(text) && parses, GrokNumbers.TryParseNumber(bytes, out var number));
            if (numberText.IsMatch(text) && parses) Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(number));
            Assert.Equal(numberExtText.IsMatch(text) && parses, GrokNumbers.TryParseNumberExt(bytes, out var numberExt));
            if (numberExtText.IsMatch(text) && parses) Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(numberExt));
            if (numberExtText.IsMatch(text) && parses) Assert.Equal(GeneralText(expected), Format(numberExt));
        }
    }

    [Fact]
    public void WholeNumberTextIsCopiedAsItsParsedDoubleIsPrinted()
    {
        // Oracle: TryParseNumber then TryFormatNumber (the general parse-and-format way), on whole and other texts.
        var random = new Random(20261209);
        var wholeShape = new Regex("^[+-]?0*([1-9][0-9]{0,14})?$");
        Span<byte> copied = stackalloc byte[40];
        for (var i = 0; i < 50_000; i++)
        {
            var text = i % 2 == 0 ? RandomNumberText(random) : RandomWholeText(random);
            var bytes = Encoding.ASCII.GetBytes(text);
            var copies = GrokNumbers.TryCopyWholeNumber(bytes, copied, out var length);

            Assert.Equal(wholeShape.IsMatch(text) && text.TrimStart('+', '-').Length > 0, copies);
            if (!copies) continue;
            Assert.True(GrokNumbers.TryParseNumber(bytes, out var value));
            Assert.Equal(Format(value), Encoding.ASCII.GetString(copied[..length]));
        }
        Assert.False(GrokNumbers.TryCopyWholeNumber("-123456"u8, stackalloc byte[8], out var shortLength));
        Assert.Equal(0, shortLength);
    }

    private static string RandomWholeText(Random random) =>
        random.Next(4) switch { 0 => "-", 1 => "+", _ => "" } + new string('0', random.Next(3) == 0 ? random.Next(1, 6) : 0)
        + RandomDigits(random, random.Next(0, 18));

    private static string RandomNumberText(Random random)
    {
        var text = new StringBuilder();
        text.Append(random.Next(4) switch { 0 => "-", 1 => "+", _ => "" });
        text.Append('0', random.Next(4) == 0 ? random.Next(1, 4) : 0);
        text.Append(RandomDigits(random, random.Next(0, 22)));
        if (random.Next(3) == 0) text.Append('.').Append(RandomDigits(random, random.Next(0, 20)));
        if (random.Next(4) == 0) text.Append(random.Next(2) == 0 ? 'e' : 'E').Append(random.Next(3) switch { 0 => "-", 1 => "+", _ => "" }).Append(RandomDigits(random, random.Next(0, 4)));
        if (random.Next(40) == 0) text.Insert(random.Next(text.Length + 1), " x.-"[random.Next(4)]);
        return text.ToString();
    }

    private static string RandomDigits(Random random, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    private static string GeneralText(double value)
    {
        var general = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var mantissa = general.Split('E')[0];
        return mantissa.Contains('.') ? general : mantissa + ".0" + general[mantissa.Length..];
    }

    private static string Format(double value)
    {
        Span<byte> text = stackalloc byte[40];
        Assert.True(GrokNumbers.TryFormatNumber(value, text, out var length));
        return Encoding.ASCII.GetString(text[..length]);
    }

    [Fact]
    public void WholeNumbersDoNotWritePastAShortBuffer()
    {
        Span<byte> text = stackalloc byte[8];
        Assert.False(GrokNumbers.TryFormatNumber(-123456.0, text[..8], out var length));
        Assert.Equal(0, length);
        Assert.True(GrokNumbers.TryFormatNumber(-12345.0, text[..8], out length));
        Assert.Equal("-12345.0", Encoding.ASCII.GetString(text[..length]));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteDoublesAreAFailedConversion(double value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Assert.False(GrokNumbers.WriteNumber(writer, value));
        }

        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public void NginxDurationIsScaledToTheDoubleDatadogRecorded()
    {
        // dd-integrations::nginx#6: %{number:duration:scale(1000000000)} on "0.202" -> 202000000.0 (real engine: 2.02E8).
        var line = File.ReadLines(Path.Combine(ConformanceCorpus.GrokDirectory, "datadog-doc-cases.jsonl"))
            .Single(l => l.Contains("\"dd-integrations::nginx#6\""));
        var row = JsonDocument.Parse(line).RootElement;
        var duration = Regex.Match(row.GetProperty("input").GetString()!, """ (\d+\.\d+) "-" """).Groups[1].Value;

        Assert.True(GrokNumbers.TryParseNumber(Encoding.UTF8.GetBytes(duration), out var seconds));
        Assert.True(GrokScale.TryScale(seconds, 1000000000, out var scaled));
        Assert.Equal(row.GetProperty("expected").GetProperty("duration").GetRawText(), Write(scaled));
    }

    private static string Write(double value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Assert.True(GrokNumbers.WriteNumber(writer, value));
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
