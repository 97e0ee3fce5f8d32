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
}
