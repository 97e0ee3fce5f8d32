namespace GrokFlow.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void BuiltInRulesFilesAreCompiledIn() => Assert.Equal(2, GrokFlow.Rules.RulesCatalog.FileCount);
}
