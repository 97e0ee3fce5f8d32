namespace GrokFlow.Tests.DatadogPipelines;

/// <summary>
/// Every integration pipeline of shared/conformance/datadog-pipelines.jsonl is imported with the same code as
/// <c>grokflow import</c>, compiled, and its samples run through the whole imported pipeline (<see cref="GrokLevelRunner"/>); the grok-extracted
/// attributes are compared with Datadog's recorded results by <see cref="GrokLevelComparison"/> (a subset comparison on the paths the
/// grok rules produce). Mismatches are written by cause to TestResults/datadog-grok-mismatches.txt beside the test
/// binaries.
/// </summary>
public sealed class GrokLevelConformanceTests(ITestOutputHelper output)
{
    /// <summary>The samples agreeing, of those reaching a grok parser, as docs/import.md states them (the figure may only rise).</summary>
    public const int DocumentedAgreeingSamples = 771;
    public const int DocumentedSamplesWithGrok = 773;

    [Fact]
    public void Every_pipeline_imports_to_rules_that_compile_and_grok_output_agrees_with_Datadog()
    {
        var runners = DatadogPipelineCorpus.All.Select(c => new GrokLevelRunner(c)).ToList();
        var notCompiling = runners.Where(r => r.CompileErrors.Count > 0).ToList();
        var outcomes = runners.SelectMany(r => r.Case.Samples.Select(s => (Runner: r, Outcome: r.Run(s)))).ToList();
        var withGrok = outcomes.Where(o => o.Outcome.HasGrokParser).ToList();
        var agreeing = withGrok.Count(o => o.Outcome.Differences.Count == 0);

        var report = new MismatchReport("datadog-grok-mismatches.txt");
        report.Summary($"pipelines: {runners.Count}, imported to .rules that compile: {runners.Count - notCompiling.Count}, with a runnable grok parser: {runners.Count(r => r.HasGrokParsers)}");
        report.Summary($"rules not imported (grokflow rejects them): {runners.Sum(r => r.DroppedRules.Count)}");
        report.Summary($"samples: {outcomes.Count}, with a grok parser: {withGrok.Count}, grok-extracted attributes all match: {agreeing}/{withGrok.Count} ({100.0 * agreeing / Math.Max(1, withGrok.Count):F1}%)");
        foreach (var runner in notCompiling) report.Note($"compile {runner.Case.Integration}: {string.Join("; ", runner.CompileErrors)}");
        foreach (var runner in runners)
        {
            foreach (var rule in runner.DroppedRules) report.Note($"not imported {runner.Case.Integration}: {rule}");
        }
        foreach (var o in withGrok)
        {
            foreach (var (cause, detail) in o.Outcome.Differences) report.Difference(o.Runner.Case.Integration, o.Outcome.Sample.Index, cause, detail);
        }
        report.Write(output);
        var reportPath = report.Path;

        Assert.True(notCompiling.Count == 0, $"{notCompiling.Count} imported pipeline(s) do not compile, see {reportPath}");
        Assert.True(withGrok.Count == DocumentedSamplesWithGrok, $"{withGrok.Count} samples reach a grok parser; docs/import.md states {DocumentedSamplesWithGrok}");
        Assert.True(agreeing >= DocumentedAgreeingSamples,
            $"grok-level agreement fell to {agreeing}/{withGrok.Count}; docs/import.md states {DocumentedAgreeingSamples} (see {reportPath})");
    }
}
