namespace GrokFlow.Tests.Processing;

public sealed class StatusRemapperTests
{
    [Theory]
    [InlineData("0", "emergency")]
    [InlineData("3", "error")]
    [InlineData("4", "warn")]
    [InlineData("7", "debug")]
    [InlineData("\"5\"", "notice")]
    [InlineData("12", "info")]
    [InlineData("\"FATAL\"", "emergency")]
    [InlineData("\"emerg\"", "emergency")]
    [InlineData("\"Alert\"", "alert")]
    [InlineData("\"CRITICAL\"", "critical")]
    [InlineData("\"ERRO\"", "error")]
    [InlineData("\"WARN\"", "warn")]
    [InlineData("\"Warning\"", "warn")]
    [InlineData("\"Note\"", "notice")]
    [InlineData("\"I\"", "info")]
    [InlineData("\"DBG\"", "debug")]
    [InlineData("\"TRACE\"", "debug")]
    [InlineData("\"verbose\"", "debug")]
    [InlineData("\"OK\"", "ok")]
    [InlineData("\"Success\"", "ok")]
    [InlineData("\"SYSTEM\"", "ok")]
    [InlineData("\"UP\"", "info")]
    [InlineData("{\"a\":1}", "info")]
    public void Names_the_status_as_Datadog_records_it(string value, string expected)
    {
        var e = ProcessorHarness.Run("  status-remapper {\n    sources level\n  }", $$"""{"level":{{value}}}""");
        Assert.Equal(expected, e.Status);
        Assert.True(e.Attributes.ContainsKey("level"));
    }

    [Fact]
    public void The_first_remapper_that_sets_a_status_wins()
    {
        var steps = "  status-remapper {\n    sources missing\n  }\n  status-remapper {\n    sources a\n  }\n  status-remapper {\n    sources b\n  }";
        Assert.Equal("error", ProcessorHarness.Run(steps, """{"a":"error","b":"debug"}""").Status);
    }
}
