using CsCheck;
using System.Diagnostics;
using System.Text.Json.Nodes;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Differential;

/// <summary>
/// The built-in qnap pipeline (generated at build time) against the interpreter of rules/qnap.rules, byte for byte, and
/// against the ground truth of the shared corpus generator, on its 20,000-line corpus with seed 7; then on mutations of
/// those lines.
/// </summary>
public sealed class QnapCorpusDifferentialTests(ITestOutputHelper output)
{
    private const int Lines = 20_000;
    private const int Seed = 7;
    private const int Year = 2024;
    private const int MutatedLines = 5_000;

    [Fact]
    public async Task BuiltInQnapPipelineAgreesWithTheInterpreterAndTheGroundTruth()
    {
        var truth = await GenerateCorpus();
        // The corpus spans 10 January to 31 December: every date is within half a year of 5 July, noon, so dates
        // without a year fall in the corpus year.
        var clock = new FixedClock(new DateTimeOffset(Year, 7, 5, 12, 0, 0, TimeSpan.Zero));
        var generated = GrokFlow.Rules.BuiltInPipelines.All.Single(p => p.Id == "qnap");
        var loaded = RulesInterpreter.Load(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "rules", "qnap.rules")), DifferentialSettings.InterpreterTimeout);
        var pair = new PipelinePair(generated, loaded.Pipelines.Single(p => p.Id == "qnap"), clock);

        var divergences = new List<string>();
        var truthMismatches = new List<string>();
        var matched = 0;
        var overBudget = 0;
        foreach (var truthLine in truth)
        {
            var expected = JsonNode.Parse(truthLine)!.AsObject();
            var line = expected["line"]!.GetValue<string>();
            var comparison = pair.Compare(line);
            if (!comparison.Agree) divergences.Add(comparison.ToString());
            if (comparison.Matched) matched++;
            if (comparison.OverDefaultBudget) overBudget++;

            var (result, attributes) = GrokHarness.Run(generated, line, new ParseContext(clock));
            var expectedRule = expected["rule"]?.GetValue<string>();
            if (result.RuleName != expectedRule)
                truthMismatches.Add($"rule {result.RuleName ?? "none"}, truth {expectedRule ?? "none"}: {Comparison.Quote(line)}");
            else if (JsonEquivalence.Difference(expected["attributes"], attributes) is { } difference)
                truthMismatches.Add($"{difference}: {Comparison.Quote(line)}");
        }

        output.WriteLine($"qnap corpus: {truth.Length} lines compared ({matched} matched), {divergences.Count} generated/interpreter divergences, {truthMismatches.Count} ground-truth mismatches");
        var seeds = truth.Take(500).Select(t => JsonNode.Parse(t)!["line"]!.GetValue<string>()).ToList();
        var mutated = new MutationTally();
        LineMutations.Of(seeds).Sample(line => mutated.Record(pair.Compare(line)), iter: MutatedLines, print: line => pair.Compare(line).ToString());
        output.WriteLine($"qnap corpus: {overBudget} corpus lines over the default step budget; mutated lines: {mutated}");
        Assert.Equal(Lines, truth.Length);
        Assert.True(matched > Lines * 9 / 10, $"only {matched} of {Lines} lines matched: is the corpus shaped as expected?");
        Assert.True(divergences.Count == 0, $"{divergences.Count} divergences, the first:\n" + string.Join("\n", divergences.Take(5)));
        Assert.Equal(0, overBudget);
        Assert.Equal(0L, mutated.OverBudget);
        mutated.AssertTheInterpreterRarelyGaveUp();
        Assert.True(truthMismatches.Count == 0, $"{truthMismatches.Count} ground-truth mismatches, the first:\n" + string.Join("\n", truthMismatches.Take(5)));
    }

    /// <summary>Runs shared/bench/gen_qnap.py into a temporary folder; returns the ground truth, one JSON object per line.</summary>
    private static async Task<string[]> GenerateCorpus()
    {
        var dir = Directory.CreateTempSubdirectory("grokflow-qnap-");
        try
        {
            var truth = Path.Combine(dir.FullName, "qnap.truth.jsonl");
            var start = new ProcessStartInfo("python3")
            {
                ArgumentList =
                {
                    Path.Combine(RepositoryPaths.Shared, "bench", "gen_qnap.py"), "-n", Lines.ToString(), "--seed", Seed.ToString(),
                    "--year", Year.ToString(), "-o", Path.Combine(dir.FullName, "qnap.log"), "--truth", truth,
                },
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            var errors = await process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"gen_qnap.py failed: {errors}");
            return await File.ReadAllLinesAsync(truth, timeout.Token);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
