using System.Text;
using System.Text.Json.Nodes;
using GrokFlow.Language.Compilation;
using GrokFlow.Tooling.Export;
using GrokFlow.Tooling.Import;
using GrokFlow.Tests.DatadogPipelines;

namespace GrokFlow.Tests.ImportExport;

/// <summary>
/// Every pipeline of shared/conformance/datadog-pipelines.jsonl (<c>processors_full</c>) is imported to .rules, checked,
/// exported back to the Logs Pipelines API form and compared with the original, both normalized by
/// <see cref="DatadogDefinitionNormalizer"/>. The differences are written to TestResults/import-export-roundtrip.txt.
/// </summary>
public sealed class CorpusRoundTripTests(ITestOutputHelper output)
{
    /// <summary>Pipelines that round-trip exactly when this test was last measured.</summary>
    private const int MeasuredExact = 175;

    [Fact]
    public void Every_corpus_pipeline_imports_compiles_and_exports_back_to_its_definition()
    {
        var report = new StringBuilder();
        var exact = 0;
        var notCompiling = new List<string>();
        foreach (var pipelineCase in DatadogPipelineCorpus.All)
        {
            var original = JsonNode.Parse(pipelineCase.Line)!.AsObject();
            var imported = RulesTextWriter.Import(DatadogPipelineReader.Read(pipelineCase.Line));
            var compiled = RulesCompiler.Compile(imported.Text);
            if (compiled.HasErrors)
            {
                notCompiling.Add(pipelineCase.Integration);
                report.Append("compile ").Append(pipelineCase.Integration).Append(": ")
                    .AppendJoin("; ", compiled.Diagnostics.Select(d => d.Format("imported.rules"))).Append('\n');
                continue;
            }
            var exported = PipelineJsonExporter.Export(compiled.Syntax!.Pipelines.Single(), imported.Text);
            var expected = DatadogDefinitionNormalizer.Pipeline(
                original["pipeline_name"]!.GetValue<string>(), original["pipeline_filter"]!.GetValue<string>(), original["processors_full"]!.AsArray());
            var differences = DatadogDefinitionNormalizer.Differences(expected, DatadogDefinitionNormalizer.Pipeline(exported));
            if (differences.Count == 0) exact++;
            foreach (var difference in differences) report.Append(pipelineCase.Integration).Append(' ').Append(difference).Append('\n');
        }
        var total = DatadogPipelineCorpus.All.Count;
        var summary = $"pipelines: {total}, imported .rules compile: {total - notCompiling.Count}, round-trip exactly: {exact}";
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        var reportPath = Path.Combine(folder, "import-export-roundtrip.txt");
        File.WriteAllText(reportPath, "# " + summary + "\n" + report);
        output.WriteLine(summary);
        output.WriteLine($"differences: {reportPath}");
        TestContext.Current.SendDiagnosticMessage(summary);

        Assert.True(notCompiling.Count == 0, $"imported pipelines that do not compile: {string.Join(", ", notCompiling)} (see {reportPath})");
        Assert.True(exact >= MeasuredExact, $"{exact}/{total} pipelines round-trip exactly; measured {MeasuredExact} (see {reportPath})");
    }
}
