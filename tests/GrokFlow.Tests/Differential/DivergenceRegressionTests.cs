using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.Conformance;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Differential;

/// <summary>
/// Lines on which the generated parser once disagreed with the interpreter or threw, minimised, each with the status
/// both must now agree on. Before the fixes, the generated parser gave up (BudgetExceeded) whenever a shared
/// sub-matcher (an expanded matcher such as ip, hostname or a number) could end at more than 256 places; and keys
/// with many dots from structured filters nested past the JSON writer's depth limit, which threw.
/// </summary>
public sealed class DivergenceRegressionTests(GeneratedPipelinesFixture compiled)
{
    /// <summary>A rule, a line, and the status the generated parser and the interpreter must agree on.</summary>
    public sealed record Row(string Rule, string Line, GrokStatus Status);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["IPv6 zone id before a long rest of line"] =
            new("%{ip:client} %{data:msg}", "fe80::1%eth0 " + new string('x', 300), GrokStatus.Matched),
        ["IPv6 zone id in a line that does not match"] =
            new("%{ip:client} port %{integer:port}", "fe80::1%eth0 " + new string('x', 300), GrokStatus.NoMatch),
        ["hostname with hundreds of labels"] =
            new("%{hostname:host} end", string.Concat(Enumerable.Repeat("a.", 300)) + "b end", GrokStatus.Matched),
        ["integerExt with hundreds of digits"] =
            new("%{integerExt:n}:%{word:w}", new string('1', 400) + ":w", GrokStatus.Matched),
        ["alternation loop in regex()"] =
            new("(?:ab|a)+%{regex(\"(?:ba|b)*\"):bs}!", "a" + new string('b', 300) + "!", GrokStatus.Matched),
        ["JSON key with more dots than the writer can nest"] =
            new("%{word:kind} %{data::json}", "event {\"e" + string.Concat(Enumerable.Repeat(".f", 1500)) + "\":1}", GrokStatus.Matched),
        ["keyvalue key with more dots than the writer can nest"] =
            new("kv %{data::keyvalue}", "kv k" + string.Concat(Enumerable.Repeat(".l", 1500)) + "=v", GrokStatus.Matched),
        ["nested JSON objects whose dotted keys together nest deeper than the writer can"] =
            new("%{data::json}", DeeplyNestedDottedJson(levels: 60, dotsPerKey: 40), GrokStatus.Matched),
        ["the peer's excessive-match-retries fixture, with data for DATA"] =
            new(ExcessiveRetriesFixture().Rule, ExcessiveRetriesFixture().Input, GrokStatus.Matched),
    };

    private static string DeeplyNestedDottedJson(int levels, int dotsPerKey)
    {
        var key = "\"k" + string.Concat(Enumerable.Repeat(".k", dotsPerKey)) + "\"";
        return string.Concat(Enumerable.Repeat("{" + key + ":", levels)) + "1" + new string('}', levels);
    }

    /// <summary>The open peer implementation's runtime_error vector, Logstash's <c>%{DATA}</c> written as Datadog's <c>%{data}</c>.</summary>
    private static (string Rule, string Input) ExcessiveRetriesFixture()
    {
        var vector = GrokCaseCorpus.All.Single(c => c.Kind == "runtime_error");
        return (vector.Rules.Single().Replace("%{DATA", "%{data", StringComparison.Ordinal), vector.Input!);
    }

    private static readonly string RulesText = Rows.Values
        .Select((row, i) => (row, i))
        .Aggregate(new RulesFileBuilder(), (builder, r) => builder.Pipeline($"r{r.i}", [("rule", r.row.Rule)]))
        .ToString();

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void GeneratedParserAgreesWithTheInterpreter(string name)
    {
        var row = Rows[name];
        var id = $"r{Rows.Keys.ToList().IndexOf(name)}";
        var interpreted = RulesInterpreter.Load(RulesText, DifferentialSettings.InterpreterTimeout).Pipelines.Single(p => p.Id == id);
        var pair = new PipelinePair(compiled.Compile(RulesText)[id], interpreted, DifferentialSettings.Clock);

        var comparison = pair.Compare(row.Line);

        Assert.True(comparison.Agree, comparison.ToString());
        Assert.False(comparison.OverDefaultBudget, "the generated parser needed more than the default budget: " + comparison);
        Assert.Equal(row.Status, comparison.Generated.Status);
    }
}
