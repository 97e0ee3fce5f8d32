using CsCheck;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Differential;

/// <summary>
/// The generated parser of every grok conformance vector that compiles (see <see cref="ConformanceBatch"/>) and the
/// interpreter produce byte-identical events on the vector's input, and on mutations of it (40 per vector; set
/// GROKFLOW_VECTOR_MUTATIONS for a longer hunt).
/// </summary>
public sealed class ConformanceDifferentialTests(GeneratedPipelinesFixture compiled, ConformanceBatch batch, ITestOutputHelper output)
    : IClassFixture<ConformanceBatch>
{
    private static readonly int MutationsPerVector =
        int.TryParse(Environment.GetEnvironmentVariable("GROKFLOW_VECTOR_MUTATIONS"), out var mutations) && mutations > 0 ? mutations : 40;

    [Fact]
    public void GeneratedParsersAgreeWithTheInterpreterOnEveryVectorInput()
    {
        var pairs = batch.Pair(compiled);
        var divergences = new List<string>();
        var matched = 0;
        var overBudget = new List<string>();
        foreach (var (id, vector) in batch.Vectors)
        {
            var comparison = pairs[id].Compare(vector.Input!);
            if (comparison.OverDefaultBudget) overBudget.Add($"{vector.Name}: {comparison}");
            if (!comparison.Agree) divergences.Add($"{vector.Name}: {comparison}");
            else if (comparison.Matched) matched++;
        }

        output.WriteLine($"conformance vectors: {batch.Vectors.Count} compared ({matched} matched), {batch.LeftOut.Count} left out:");
        foreach (var group in batch.LeftOut.GroupBy(l => l.Reason).OrderByDescending(g => g.Count()))
            output.WriteLine($"  {group.Count(),3} {group.Key}");
        Assert.True(batch.Vectors.Count >= 90, $"only {batch.Vectors.Count} vectors compiled: is the corpus there?");
        Assert.True(divergences.Count == 0, $"{divergences.Count} divergences:\n" + string.Join("\n", divergences));
        Assert.True(overBudget.Count == 0, $"{overBudget.Count} inputs needed more than the default step budget:\n" + string.Join("\n", overBudget));
    }

    [Fact]
    public void GeneratedParsersAgreeWithTheInterpreterOnMutatedVectorInputs()
    {
        var pairs = batch.Pair(compiled);
        var tally = new MutationTally();
        var inputs = batch.Vectors.Select(v => (v.Id, Lines: (IReadOnlyList<string>)[v.Case.Input!])).ToList();
        Gen.Int[0, inputs.Count - 1]
            .SelectMany(i => LineMutations.Of(inputs[i].Lines).Select(line => (inputs[i].Id, Line: line)))
            .Sample(sample => tally.Record(pairs[sample.Id].Compare(sample.Line)),
                iter: MutationsPerVector * inputs.Count, print: sample => pairs[sample.Id].Compare(sample.Line).ToString());

        output.WriteLine($"conformance vectors, mutated inputs of {inputs.Count} vectors: {tally}");
        Assert.Equal(0, tally.OverBudget);
        tally.AssertTheInterpreterRarelyGaveUp();
    }
}
