namespace GrokFlow.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void BuiltInQnapPipelineIsCompiledIn() =>
        Assert.Contains(GrokFlow.Rules.BuiltInPipelines.All, p => p.Id == "qnap" && p.Filter == "service:qnap-nas");
}
