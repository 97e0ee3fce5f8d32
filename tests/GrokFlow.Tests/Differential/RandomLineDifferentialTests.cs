using CsCheck;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Differential;

/// <summary>
/// The generated parsers and the interpreter of <see cref="ConstructPipelines"/> produce byte-identical events for
/// random lines that almost match (CsCheck shrinks any disagreement to a minimal line). For a longer hunt, set
/// GROKFLOW_RANDOM_LINES (lines per pipeline, default 1500); CsCheck_Seed replays a failure.
/// </summary>
public sealed class RandomLineDifferentialTests(GeneratedPipelinesFixture compiled, ITestOutputHelper output)
{
    private static readonly int LinesPerPipeline =
        int.TryParse(Environment.GetEnvironmentVariable("GROKFLOW_RANDOM_LINES"), out var lines) && lines > 0 ? lines : 1500;

    private (LoadedPipelines Generated, IReadOnlyDictionary<string, InterpretedPipeline> Interpreted) Load()
    {
        var text = ConstructPipelines.RulesText();
        var interpreted = RulesInterpreter.Load(text, DifferentialSettings.InterpreterTimeout);
        Assert.False(interpreted.HasErrors, string.Join("\n", interpreted.Diagnostics.Select(d => d.Format("constructs.rules"))));
        return (compiled.Compile(text), interpreted.Pipelines.ToDictionary(p => p.Id));
    }

    private PipelinePair Pair(string id)
    {
        var (generated, interpreted) = Load();
        return new PipelinePair(generated[id], interpreted[id], DifferentialSettings.Clock);
    }

    public static TheoryData<string> PipelineIds => new(ConstructPipelines.All.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(PipelineIds))]
    public void EveryExampleLineMatchesAlike(string id)
    {
        var pair = Pair(id);
        foreach (var line in ConstructPipelines.All.Single(c => c.Id == id).Lines)
        {
            var comparison = pair.Compare(line);
            Assert.True(comparison.Matched, comparison.ToString());
            Assert.False(comparison.OverDefaultBudget, "the generated parser needed more than the default step budget: " + comparison);
        }
    }

    [Theory]
    [MemberData(nameof(PipelineIds))]
    public void MutatedLinesParseAlike(string id)
    {
        var pair = Pair(id);
        var tally = new MutationTally();
        LineMutations.Of(ConstructPipelines.All.Single(c => c.Id == id).Lines)
            .Sample(line => tally.Record(pair.Compare(line)), iter: LinesPerPipeline, print: line => pair.Compare(line).ToString());

        output.WriteLine($"pipeline {id}, random lines: {tally}");
        Assert.True(tally.Matched > 0 && tally.Matched < tally.Compared, $"the random lines should mix matches and non-matches ({tally})");
        tally.AssertTheInterpreterRarelyGaveUp();
        var overBudget = tally.OverBudget;
        // Counted and reported, not asserted: random mutations of the 'repeats' construct occasionally need more than
        // the default step budget (1 line in 1,500 seen); the deterministic inputs assert zero.
        if (overBudget > 0) TestContext.Current.SendDiagnosticMessage($"pipeline {id}: {overBudget} random lines over the default step budget");
    }
}
