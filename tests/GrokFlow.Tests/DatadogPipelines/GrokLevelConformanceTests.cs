using System.Text;

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
    /// <summary>Samples agreeing when this test was last measured (755 of 773); the margin allows small semantic shifts.</summary>
    private const int MeasuredAgreeingSamples = 755;
    private const int Margin = 5;

    [Fact]
    public void Every_pipeline_imports_to_rules_that_compile_and_grok_output_agrees_with_Datadog()
    {
        var runners = DatadogPipelineCorpus.All.Select(c => new GrokLevelRunner(c)).ToList();
        var notCompiling = runners.Where(r => r.CompileErrors.Count > 0).ToList();
        var outcomes = runners.SelectMany(r => r.Case.Samples.Select(s => (Runner: r, Outcome: r.Run(s)))).ToList();
        var withGrok = outcomes.Where(o => o.Outcome.HasGrokParser).ToList();
        var agreeing = withGrok.Count(o => o.Outcome.Differences.Count == 0);

        var summary = new[]
        {
            $"pipelines: {runners.Count}, imported to .rules that compile: {runners.Count - notCompiling.Count}, with a runnable grok parser: {runners.Count(r => r.HasGrokParsers)}",
            $"rules not imported (grokflow rejects them): {runners.Sum(r => r.DroppedRules.Count)}",
            $"samples: {outcomes.Count}, with a grok parser: {withGrok.Count}, grok-extracted attributes all match: {agreeing}/{withGrok.Count} ({100.0 * agreeing / Math.Max(1, withGrok.Count):F1}%)",
        };
        var report = new StringBuilder();
        foreach (var line in summary) report.Append("# ").Append(line).Append('\n');
        foreach (var runner in notCompiling)
            report.Append("compile ").Append(runner.Case.Integration).Append(": ").AppendJoin("; ", runner.CompileErrors).Append('\n');
        foreach (var runner in runners)
        {
            foreach (var rule in runner.DroppedRules) report.Append("not imported ").Append(runner.Case.Integration).Append(": ").Append(rule).Append('\n');
        }
        foreach (var group in withGrok
                     .SelectMany(o => o.Outcome.Differences.Select(d => (o.Runner, o.Outcome.Sample, d.Cause, d.Detail)))
                     .GroupBy(d => d.Cause).OrderByDescending(g => g.Count()))
        {
            report.Append("== ").Append(group.Key).Append(" (").Append(group.Count()).Append(")\n");
            foreach (var d in group)
                report.Append(d.Runner.Case.Integration).Append(" sample ").Append(d.Sample.Index).Append(": ").Append(d.Detail).Append('\n');
        }
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        var reportPath = Path.Combine(folder, "datadog-grok-mismatches.txt");
        File.WriteAllText(reportPath, report.ToString());
        foreach (var line in summary) output.WriteLine(line);
        output.WriteLine($"mismatches by cause: {reportPath}");
        TestContext.Current.SendDiagnosticMessage(string.Join(" | ", summary));


        Assert.True(notCompiling.Count == 0, $"{notCompiling.Count} imported pipeline(s) do not compile, see {reportPath}");
        Assert.True(agreeing >= MeasuredAgreeingSamples - Margin,
            $"grok-level agreement fell to {agreeing}/{withGrok.Count}; measured {MeasuredAgreeingSamples} when the test was written (see {reportPath})");
    }
}
