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
