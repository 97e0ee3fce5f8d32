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

    [Fact]
    public void A_remapper_replaces_the_service_the_log_was_sent_with_and_the_sent_one_stays_when_no_source_exists()
    {
        var pipeline = ProcessorHarness.Load("  service-remapper {\n    sources app\n  }");
        var context = new GrokFlow.Engine.Pipelines.ParseContext(new GrokFlow.Tests.TestSupport.FixedClock(ProcessorHarness.Clock));
        Assert.Equal("from-app", RunSent(pipeline, context, """{"app":"from-app"}"""));
        Assert.Equal("sent", RunSent(pipeline, context, """{"other":1}"""));
    }

    private static string? RunSent(GrokFlow.Engine.Processing.ProcessingPipeline pipeline, GrokFlow.Engine.Pipelines.ParseContext context, string json)
    {
        var document = context.Processing.Document;
        document.Reset();
        document.MergeObject(System.Text.Encoding.UTF8.GetBytes(json));
        document.Official.SetSentService(document.Store("sent"u8));
        pipeline.Process(document, context);
        return document.Official.Service is { } s ? System.Text.Encoding.UTF8.GetString(document.Stored(s)) : null;
    }
}
