namespace GrokFlow.Tests.Processing;

public sealed class DateRemapperTests
{
    [Theory]
    [InlineData("1559154704133", 1559154704133L)]
    [InlineData("1604933654", 1604933654L)]
    [InlineData("1604933737000.0", 1604933737000L)]
    [InlineData("\"1702027299\"", 1702027299L)]
    [InlineData("\"2024-09-24T14:47:01+02:00\"", 1727182021000L)]
    [InlineData("\"2020-04-08T07:40:53.1695436Z\"", 1586331653169L)]
    [InlineData("\"2024-05-27T10:31:37+0000\"", 1716805897000L)]
    [InlineData("\"2022-03-11T21:55:15.112922\"", 1647035715112L)]
    [InlineData("\"2024-04-25T03:06:32.258446+0530\"", 1713994592258L)]
    [InlineData("\"Jan  5 14:32:11\"", 1704465131000L)]
    // A year-less date takes the year that puts it nearest the clock (2024-06-01): December 24 is last year's.
    [InlineData("\"Dec 24 10:00:00\"", 1703412000000L)]
    public void Reads_epoch_milliseconds_ISO_8601_and_RFC_3164(string value, long expected)
    {
        var e = ProcessorHarness.Run("  date-remapper {\n    sources d\n  }", $$"""{"d":{{value}}}""");
        Assert.Equal(expected, e.Date);
        Assert.True(e.Attributes.ContainsKey("d"));
    }

    [Theory]
    [InlineData("\"2025/05/31 15:56:10\"")]
    [InlineData("[1702013332, 1702013332]")]
    [InlineData("\"2024-13-01T00:00:00Z\"")]
    [InlineData("{\"a\":1}")]
    public void Other_values_are_not_dates(string value)
    {
        Assert.Null(ProcessorHarness.Run("  date-remapper {\n    sources d\n  }", $$"""{"d":{{value}}}""").Date);
    }

    [Fact]
    public void The_last_remapper_that_reads_a_date_wins()
    {
        var steps = "  date-remapper {\n    sources a\n  }\n  date-remapper {\n    sources b\n  }\n  date-remapper {\n    sources missing\n  }";
        Assert.Equal(2000, ProcessorHarness.Run(steps, """{"a":1000,"b":2000}""").Date);
    }

    [Fact]
    public void The_first_existing_source_is_the_one_read()
    {
        Assert.Null(ProcessorHarness.Run("  date-remapper {\n    sources a, b\n  }", """{"a":"not a date","b":5}""").Date);
    }
}
