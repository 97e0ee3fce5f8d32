namespace GrokFlow.Tests.Processing;

public sealed class AttributeRemapperTests
{
    [Fact]
    public void Moves_the_first_existing_source_and_prunes_the_parents_it_empties()
    {
        var e = ProcessorHarness.Run("  attribute-remapper {\n    sources missing, a.b\n    target c.d\n  }", """{"a":{"b":"x"},"k":1}""");
        Assert.Equal("""{"k":1,"c":{"d":"x"}}""", e.Json());
    }

    [Fact]
    public void A_target_below_its_scalar_source_turns_the_source_into_an_object_holding_the_value()
    {
        var e = ProcessorHarness.Run("  attribute-remapper {\n    sources logger\n    target logger.name\n  }", """{"level":"DEBUG","logger":"controller","k":1}""");
        Assert.Equal("""{"level":"DEBUG","logger":{"name":"controller"},"k":1}""", e.Json());
    }

    // Oracle: Datadog's result for jamf_pro's `event` to `event.computer` remapper.
    [Fact]
    public void A_target_below_its_object_source_takes_the_whole_object_and_the_source_keeps_only_it()
    {
        var e = ProcessorHarness.Run("  attribute-remapper {\n    sources event\n    target event.computer\n  }", """{"event":{"os":"13.4.1","id":12345},"k":1}""");
        Assert.Equal("""{"event":{"computer":{"os":"13.4.1","id":12345}},"k":1}""", e.Json());
    }

    [Fact]
    public void The_sent_message_does_not_conflict_with_a_remapper_writing_message_but_an_extracted_one_does_and_keeps()
    {
        var pipeline = ProcessorHarness.Load("  attribute-remapper {\n    sources msg\n    target message\n  }");
        var context = new GrokFlow.Engine.Pipelines.ParseContext(new GrokFlow.Tests.TestSupport.FixedClock(ProcessorHarness.Clock));
        Assert.Equal("""{"message":"inner"}""", RunWithSentMessage(pipeline, context, """{"message":"line","msg":"inner"}""", "line"));
        // An extracted message conflicts: it stays, and the source still goes (as on any conflict).
        Assert.Equal("""{"message":"extracted"}""", RunWithSentMessage(pipeline, context, """{"message":"extracted","msg":"inner"}""", "line"));
    }

    private static string RunWithSentMessage(GrokFlow.Engine.Processing.ProcessingPipeline pipeline, GrokFlow.Engine.Pipelines.ParseContext context, string json, string sent)
    {
        var document = context.Processing.Document;
        document.Reset();
        document.MergeObject(System.Text.Encoding.UTF8.GetBytes(json));
        document.Official.SetSentMessage(document.Store(System.Text.Encoding.UTF8.GetBytes(sent)));
        pipeline.Process(document, context);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            document.WriteMembers(writer, GrokFlow.Engine.Processing.EventDocument.Root);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Preserve_source_copies()
    {
        var e = ProcessorHarness.Run("  attribute-remapper {\n    sources a\n    target b\n    preserve_source true\n  }", """{"a":{"x":[1,2]}}""");
        Assert.Equal("""{"a":{"x":[1,2]},"b":{"x":[1,2]}}""", e.Json());
    }

    [Fact]
    public void An_existing_target_is_kept_unless_override_on_conflict_and_the_source_still_goes()
    {
        Assert.Equal("""{"b":2}""", ProcessorHarness.Run("  attribute-remapper {\n    sources a\n    target b\n  }", """{"a":1,"b":2}""").Json());
        Assert.Equal("""{"a":1,"b":2}""", ProcessorHarness.Run("  attribute-remapper {\n    sources a\n    target b\n    preserve_source true\n  }", """{"a":1,"b":2}""").Json());
        Assert.Equal("""{"b":1}""", ProcessorHarness.Run("  attribute-remapper {\n    sources a\n    target b\n    override_on_conflict true\n  }", """{"a":1,"b":2}""").Json());
    }

    [Theory]
    [InlineData("integer", "\"42\"", "42")]
    [InlineData("integer", "\"4x\"", "\"4x\"")]
    [InlineData("integer", "4.7", "4")]
    [InlineData("double", "\"2.5\"", "2.5")]
    [InlineData("double", "3", "3.0")]
    [InlineData("double", "\"no\"", "\"no\"")]
    [InlineData("string", "12", "\"12\"")]
    [InlineData("string", "true", "\"true\"")]
    [InlineData("auto", "12", "12")]
    public void Target_format_casts_or_keeps_the_value_when_it_cannot(string format, string value, string expected)
    {
        var e = ProcessorHarness.Run($"  attribute-remapper {{\n    sources a\n    target b\n    target_format {format}\n  }}", $$"""{"a":{{value}}}""");
        Assert.Equal($$"""{"b":{{expected}}}""", e.Json());
    }

    [Fact]
    public void An_attribute_becomes_a_lower_cased_tag()
    {
        var e = ProcessorHarness.Run("  attribute-remapper {\n    sources dir\n    target direction\n    target_type tag\n  }", """{"dir":"Outbound"}""", "source:x");
        Assert.Equal("{}", e.Json());
        Assert.Equal(["source:x", "direction:outbound"], e.Tags);
    }

    [Fact]
    public void A_tag_becomes_an_attribute_and_leaves_unless_preserved()
    {
        var e = ProcessorHarness.Run("  attribute-remapper {\n    source_type tag\n    sources env\n    target environment\n  }", "{}", "env:prod", "a:b");
        Assert.Equal("""{"environment":"prod"}""", e.Json());
        Assert.Equal(["a:b"], e.Tags);
    }

    [Fact]
    public void A_target_inside_the_source_gets_the_value_it_had()
    {
        var e = ProcessorHarness.Run("  attribute-remapper {\n    sources a\n    target a.inner\n    override_on_conflict true\n  }", """{"a":{"x":1}}""");
        Assert.Equal(1, (int)e.Attributes["a"]!["inner"]!["x"]!);
    }

    [Fact]
    public void A_missing_source_changes_nothing()
    {
        Assert.Equal("""{"z":1}""", ProcessorHarness.Run("  attribute-remapper {\n    sources a\n    target b\n  }", """{"z":1}""").Json());
    }

    [Fact]
    public void The_later_sources_the_event_has_go_too_unless_preserved()
    {
        var steps = "  attribute-remapper {\n    sources a, b\n    target c\n  }";
        Assert.Equal("""{"k":1,"c":1}""", ProcessorHarness.Run(steps, """{"a":1,"b":2,"k":1}""").Json());
        var preserving = "  attribute-remapper {\n    sources a, b\n    target c\n    preserve_source true\n  }";
        Assert.Equal("""{"a":1,"b":2,"c":1}""", ProcessorHarness.Run(preserving, """{"a":1,"b":2}""").Json());
    }
}
