namespace GrokFlow.Tests.Processing;

public sealed class GeoIpParserTests
{
    [Fact]
    public void Without_a_database_the_event_is_left_as_it_is()
    {
        var e = ProcessorHarness.Run("  geo-ip-parser {\n  }", """{"network":{"client":{"ip":"8.8.8.8"}}}""");
        Assert.Equal("""{"network":{"client":{"ip":"8.8.8.8"}}}""", e.Json());
    }
}
