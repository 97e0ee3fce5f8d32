namespace GrokFlow.Tests.Processing;

public sealed class MessageRemapperTests
{
    [Fact]
    public void The_source_becomes_the_message_and_is_removed()
    {
        var e = ProcessorHarness.Run("  message-remapper {\n    sources data.msg\n  }", """{"message":"raw","data":{"msg":"hello"}}""");
        Assert.Equal("""{"message":"hello"}""", e.Json());
    }

    [Fact]
    public void The_default_source_is_msg_and_the_first_remapper_wins()
    {
        var steps = "  message-remapper {\n  }\n  message-remapper {\n    sources other\n  }";
        Assert.Equal("""{"other":"b","message":"a"}""", ProcessorHarness.Run(steps, """{"msg":"a","other":"b"}""").Json());
    }

    [Fact]
    public void Message_as_its_own_source_stays_and_still_wins()
    {
        var steps = "  message-remapper {\n    sources message\n  }\n  message-remapper {\n    sources other\n  }";
        Assert.Equal("""{"message":"m","other":"o"}""", ProcessorHarness.Run(steps, """{"message":"m","other":"o"}""").Json());
    }

    [Fact]
    public void The_log_message_stays_the_sent_one_until_a_message_remapper_replaces_it()
    {
        var context = new GrokFlow.Engine.Pipelines.ParseContext(new GrokFlow.Tests.TestSupport.FixedClock(ProcessorHarness.Clock));
        var moveOnly = ProcessorHarness.Load("  attribute-remapper {\n    sources message\n    target log\n  }");
        Assert.Equal("sent", SentThenRun(moveOnly, context, """{"message":"sent"}"""));
        var remap = ProcessorHarness.Load("  message-remapper {\n    sources msg\n  }");
        Assert.Equal("inner", SentThenRun(remap, context, """{"message":"sent","msg":"inner"}"""));
        var itself = ProcessorHarness.Load("  message-remapper {\n    sources message\n  }");
        Assert.Equal("sent", SentThenRun(itself, context, """{"message":"sent"}"""));
    }

    private static string? SentThenRun(GrokFlow.Engine.Processing.ProcessingPipeline pipeline, GrokFlow.Engine.Pipelines.ParseContext context, string json)
    {
        var document = context.Processing.Document;
        document.Reset();
        document.MergeObject(System.Text.Encoding.UTF8.GetBytes(json));
        document.Official.SetSentMessage(document.Store("sent"u8));
        pipeline.Process(document, context);
        return document.Official.Message is { } m ? System.Text.Encoding.UTF8.GetString(document.Stored(m)) : null;
    }
}
