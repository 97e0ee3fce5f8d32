using System.Text;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.Differential;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Generator;

/// <summary>
/// Catastrophic backtracking ends in <see cref="GrokStatus.BudgetExceeded"/> from the generated parser under the default
/// step budget: the line is given up, not the worker.
/// </summary>
public sealed class BudgetTests(GeneratedPipelinesFixture compiled)
{
    private static readonly string RulesText = new RulesFileBuilder()
        .Pipeline("nested", [("nested", @"(%{regex(""a+"")})+b")])
        .Pipeline("nestedcapture", [("nestedcapture", @"%{regex(""(\\w+\\s?)+""):words}!")])
        .Pipeline("manydata", [("manydata", "%{data:a},%{data:b},%{data:c},%{data:d},%{data:e},%{data:f}!%{integer:g}")])
        .Pipeline("sharedprefix", [("first", "%{_nested}b!"), ("second", "%{_nested}!")], [("_nested", @"(%{regex(""a+""):a})+")])
        .ToString();

    // Each line ends with a byte a match can end with: a line ending in another is not tried at all.
    public static TheoryData<string, string> Pathological => new()
    {
        { "nested", new string('a', 40) + "cb" },
        { "nestedcapture", string.Concat(Enumerable.Repeat("word ", 30)) + "?!" },
        { "manydata", string.Concat(Enumerable.Repeat("x,", 80)) + "1" },
        // Two rules sharing a prefix that backtracks catastrophically: listing its matches stops at the budget too.
        { "sharedprefix", new string('a', 40) + "!b!" },
    };

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Pathological))]
    public async Task PathologicalLineExceedsTheDefaultBudget(string pipeline, string line)
    {
        var parser = compiled.Compile(RulesText)[pipeline];
        var parsed = await Task.Run(() => ParsedLine.Of(parser, Encoding.UTF8.GetBytes(line), new ParseContext()), TestContext.Current.CancellationToken);

        Assert.Null(parsed.Exception);
        Assert.Equal(GrokStatus.BudgetExceeded, parsed.Status);
        Assert.Equal(Encoding.UTF8.GetBytes("{\"message\":" + System.Text.Json.JsonSerializer.Serialize(line) + "}"), parsed.Json);
    }

    [Fact]
    public void ALineThatMatchesQuicklyIsNotAffectedByTheBudget()
    {
        var parser = compiled.Compile(RulesText)["nested"];
        var parsed = ParsedLine.Of(parser, Encoding.UTF8.GetBytes(new string('a', 40) + "b"), new ParseContext());

        Assert.Equal(GrokStatus.Matched, parsed.Status);
    }
}
