namespace GrokFlow.Tests.Processing;

public sealed class ArithmeticProcessorTests
{
    private static string Run(string expression, string eventJson, bool replaceMissing = false) =>
        ProcessorHarness.Run($"  arithmetic-processor {{\n    expression \"{expression}\"\n    target r\n    is_replace_missing {(replaceMissing ? "true" : "false")}\n  }}", eventJson)
            .Attributes["r"]?.ToJsonString() ?? "missing";

    [Theory]
    [InlineData("a + b * 2", "8")]
    [InlineData("(a + b) * 2", "10")]
    [InlineData("a - b", "-1")]
    [InlineData("a / b", "0.666666667")]
    [InlineData("b / 2", "1.5")]
    [InlineData("-a + 10", "8")]
    [InlineData("c * 1000", "1500")]
    public void Evaluates_with_precedence_and_rounds_to_9_decimals(string expression, string expected)
    {
        Assert.Equal(expected, Run(expression, """{"a":2,"b":3,"c":"1.5"}"""));
    }

    // Oracle: Python's Decimal(repr(x)).quantize(Decimal("1e-9"), ROUND_HALF_UP), and for the epoch Datadog's own
    // result in the supply_chain_firewall pipeline's test.
    [Theory]
    [InlineData("t * 1000", "1755017456590.666")]
    [InlineData("m / 7", "1763668.285714286")]
    [InlineData("w * 1000", "1726135185000")]
    [InlineData("s / 3", "0")]
    public void Rounding_to_9_decimals_keeps_every_significant_digit(string expression, string expected)
    {
        Assert.Equal(expected, Run(expression, """{"t":1755017456.590666,"m":12345678,"w":1726135185,"s":1E-10}"""));
    }

    [Fact]
    public void A_missing_or_non_numeric_attribute_skips_unless_replace_missing()
    {
        Assert.Equal("missing", Run("a + x", """{"a":2}"""));
        Assert.Equal("missing", Run("a + s", """{"a":2,"s":"no"}"""));
        Assert.Equal("2", Run("a + x", """{"a":2}""", replaceMissing: true));
    }

    [Fact]
    public void Division_by_zero_skips_and_the_target_is_replaced()
    {
        Assert.Equal("missing", Run("a / z", """{"a":2,"z":0}"""));
        Assert.Equal("4", Run("a * 2", """{"a":2,"r":"old"}"""));
    }
}
