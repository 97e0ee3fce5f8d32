using System.Diagnostics;
using System.Text.Json.Nodes;
using GrokFlow.Dsl.Runtime;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Interpretation;

/// <summary>
/// The built-in qnap pipeline three ways on the same lines: the shared corpus generator's ground truth, the interpreter
/// of rules/qnap.rules, and the generated parser. All three must agree line by line.
/// </summary>
public sealed class QnapDifferentialTests
{
    private const int Year = 2021;

    [Fact]
    public async Task InterpreterAndGeneratedParserAgreeWithTheCorpusGroundTruth()
    {
        var truthLines = await GenerateCorpus(lines: 400, seed: 11);
        var interpreted = GrokHarness.Load(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "rules", "qnap.rules")));
        var generated = GrokFlow.Rules.BuiltInPipelines.All.Single(p => p.Id == "qnap");
        var clock = new FixedClock(new DateTimeOffset(Year, 6, 1, 0, 0, 0, TimeSpan.Zero));

        var mismatches = new List<string>();
        var matchedLines = 0;
        foreach (var text in truthLines)
        {
            var truth = JsonNode.Parse(text)!.AsObject();
            var line = truth["line"]!.GetValue<string>();
            var expectedRule = truth["rule"]?.GetValue<string>();
            var (result, output) = GrokHarness.Run(interpreted, line, new ParseContext(clock));
            var (generatedResult, generatedOutput) = GrokHarness.Run(generated, line, new ParseContext(clock));
            if (result.Matched) matchedLines++;

            if (result.RuleName != expectedRule)
                mismatches.Add($"interpreter rule {result.RuleName ?? "none"}, truth {expectedRule ?? "none"}: {line}");
            else if (JsonEquivalence.Difference(truth["attributes"], output) is { } truthDifference)
                mismatches.Add($"interpreter vs truth {truthDifference}: {line}");
            if (generatedResult != result)
                mismatches.Add($"generated {generatedResult}, interpreter {result}: {line}");
            else if (JsonEquivalence.Difference(output, generatedOutput) is { } generatedDifference)
                mismatches.Add($"generated vs interpreter {generatedDifference}: {line}");
        }

        Assert.True(matchedLines > 300, $"only {matchedLines} lines matched: is the corpus shaped as expected?");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n" + string.Join("\n", mismatches.Take(10)));
    }

    /// <summary>Runs shared/bench/gen_qnap.py; returns its ground truth (one JSON object per line).</summary>
    private static async Task<string[]> GenerateCorpus(int lines, int seed)
    {
        var dir = Directory.CreateTempSubdirectory("grokflow-qnap-");
        try
        {
            return await GenerateInto(dir.FullName, lines, seed);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<string[]> GenerateInto(string dir, int lines, int seed)
    {
        var truth = Path.Combine(dir, "qnap.truth.jsonl");
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { Path.Combine(RepositoryPaths.Shared, "bench", "gen_qnap.py"), "-n", lines.ToString(), "--seed", seed.ToString(),
                "--year", Year.ToString(), "-o", Path.Combine(dir, "qnap.log"), "--truth", truth },
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        var errors = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"gen_qnap.py failed: {errors}");
        return await File.ReadAllLinesAsync(truth, timeout.Token);
    }
}
