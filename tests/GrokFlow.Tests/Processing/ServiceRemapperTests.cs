namespace GrokFlow.Tests.Processing;

public sealed class ServiceRemapperTests
{
    [Fact]
    public void The_first_existing_source_becomes_the_service_and_stays()
    {
        var e = ProcessorHarness.Run("  service-remapper {\n    sources missing, event_type\n  }", """{"event_type":"flow"}""");
        Assert.Equal("flow", e.Service);
        Assert.Equal("""{"event_type":"flow"}""", e.Json());
    }

    [Fact]
    public void The_first_remapper_wins_and_objects_are_not_services()
    {
        var steps = "  service-remapper {\n    sources o\n  }\n  service-remapper {\n    sources a\n  }\n  service-remapper {\n    sources b\n  }";
        Assert.Equal("one", ProcessorHarness.Run(steps, """{"o":{"x":1},"a":"one","b":"two"}""").Service);
    }
}
