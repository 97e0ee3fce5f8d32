namespace GrokFlow.Tests.Processing;

public sealed class CategoryProcessorTests
{
    private const string Steps = "  category-processor {\n    target evt.outcome\n    category \"success\", \"@code:200\"\n    category \"failure\", \"@code:500\"\n    category \"other\", \"@kind:x\"\n  }";

    [Fact]
    public void The_first_matching_category_names_the_target()
    {
        Assert.Equal("""{"code":500,"kind":"x","evt":{"outcome":"failure"}}""", ProcessorHarness.Run(Steps, """{"code":500,"kind":"x"}""").Json());
    }

    [Fact]
    public void No_match_changes_nothing_and_a_match_replaces_the_target()
    {
        Assert.Equal("""{"code":404}""", ProcessorHarness.Run(Steps, """{"code":404}""").Json());
        Assert.Equal("""{"code":200,"evt":{"outcome":"success"}}""", ProcessorHarness.Run(Steps, """{"code":200,"evt":{"outcome":1}}""").Json());
    }
}
