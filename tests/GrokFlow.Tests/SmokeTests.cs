namespace GrokFlow.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void BuiltInRulesFilesAreCompiledIn() => Assert.Equal(1, GrokFlow.Rules.RulesCatalog.FileCount);
}
