namespace GrokFlow.Tests.Processing;

public sealed class TraceIdRemapperTests
{
    [Fact]
    public void The_default_source_dd_trace_id_becomes_the_trace_id()
    {
        var e = ProcessorHarness.Run("  trace-id-remapper {\n  }", """{"dd":{"trace_id":"1234"}}""");
        Assert.Equal("1234", e.TraceId);
    }

    [Fact]
    public void A_number_is_taken_as_written_and_the_first_wins()
    {
        var steps = "  trace-id-remapper {\n    sources t\n  }\n  trace-id-remapper {\n    sources u\n  }";
        Assert.Equal("987", ProcessorHarness.Run(steps, """{"t":987,"u":"x"}""").TraceId);
    }

    [Fact]
    public void The_source_attribute_is_removed_and_its_siblings_stay()
    {
        var e = ProcessorHarness.Run("  trace-id-remapper {\n    sources knative.dev/traceid\n  }", """{"knative":{"dev/traceid":"abc","dev/kind":"k"}}""");
        Assert.Equal("abc", e.TraceId);
        Assert.Equal("""{"knative":{"dev/kind":"k"}}""", e.Json());
    }
}
