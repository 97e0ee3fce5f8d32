namespace GrokFlow.Tests.Processing;

public sealed class LookupProcessorTests
{
    private const string Steps = "  lookup-processor {\n    source code\n    target name\n    default_lookup unknown\n    lookup_table {\n      200,OK\n      404, Not Found\n      200,second\n    }\n  }";

    [Theory]
    [InlineData("200", "OK")]
    [InlineData("\"404\"", "Not Found")]
    [InlineData("500", "unknown")]
    public void Maps_the_source_through_the_table_or_to_the_default(string code, string expected)
    {
        Assert.Equal(expected, ProcessorHarness.Run(Steps, $$"""{"code":{{code}},"name":"old"}""").Attributes["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_missing_source_or_no_default_changes_nothing()
    {
        Assert.Equal("{}", ProcessorHarness.Run(Steps, "{}").Json());
        var noDefault = "  lookup-processor {\n    source code\n    target name\n    lookup_table {\n      1,one\n    }\n  }";
        Assert.Equal("""{"code":2}""", ProcessorHarness.Run(noDefault, """{"code":2}""").Json());
    }
}
