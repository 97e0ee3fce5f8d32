using System.Text;
using System.Text.RegularExpressions;
using GrokFlow.Tooling.Import;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.DatadogPipelines;

/// <summary>
/// All 178 integration pipelines, imported as <c>grokflow import</c> does, are compiled together by the real generator
/// (as <c>dotnet build</c> would compile a rules folder holding them) with no error, and every one of the 980 samples
/// gives the same event (grok outcome, official values, attributes) from the generated pipeline as from the interpreter,
/// each sample sent as <see cref="WholeOutputRunner"/> sends it (its source tag and input service, so nested pipelines
/// filtered on them run). The generated pipelines are also checked against Datadog's recorded results directly: their
/// whole output agrees on as many samples as the interpreter's
/// (<see cref="WholeOutputConformanceTests.DocumentedAgreeingSamples"/>, the figure docs/processors.md states).
/// </summary>
public sealed partial class GeneratedIntegrationPipelinesTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_imported_pipeline_compiles_with_the_generator_and_agrees_with_the_interpreter_on_every_sample()
    {
        var (rulesText, idOf) = AllPipelinesAsOneRulesFile();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = GeneratedPipelineCompiler.Generate(rulesText);
        output.WriteLine($"generator: {clock.Elapsed}");
        foreach (var diagnostic in run.Diagnostics) output.WriteLine(diagnostic.ToString());
        using var generated = GeneratedPipelineCompiler.CompileAndLoad(rulesText);
        output.WriteLine($"generated and compiled: {clock.Elapsed}");
        var interpreted = RulesInterpreter.Load(rulesText).Pipelines.ToDictionary(p => p.Id);

        var differences = new List<string>();
        var samples = 0;
        var agreeingWithDatadog = 0;
        foreach (var pipelineCase in DatadogPipelineCorpus.All)
        {
            // A pipeline the import could only write as comments has nothing to run.
            if (!idOf.TryGetValue(pipelineCase, out var id)) continue;
            var againstDatadog = new WholeOutputRunner(pipelineCase, generated[id]);
            var interpreter = new WholeOutputRunner(pipelineCase, interpreted[id]);
            foreach (var sample in pipelineCase.Samples)
            {
                if (againstDatadog.Run(sample).Differences.Count == 0) agreeingWithDatadog++;
                samples++;
                var fromGenerated = againstDatadog.ProcessedEvent(sample);
                var fromInterpreter = interpreter.ProcessedEvent(sample);
                if (fromGenerated != fromInterpreter)
                    differences.Add($"{pipelineCase.Integration} sample {sample.Index}:\n  generated   {fromGenerated}\n  interpreter {fromInterpreter}");
            }
        }
        output.WriteLine($"pipelines: {idOf.Count}, generator diagnostics: {run.Diagnostics.Length}, samples: {samples}, differences: {differences.Count}");
        output.WriteLine($"generated pipelines, whole output agreeing with Datadog's recorded results: {agreeingWithDatadog}/{samples}");

        Assert.Empty(run.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)));
        Assert.True(agreeingWithDatadog >= WholeOutputConformanceTests.DocumentedAgreeingSamples,
            $"the generated pipelines agree with Datadog on {agreeingWithDatadog}/{samples} samples; the docs state {WholeOutputConformanceTests.DocumentedAgreeingSamples}");
    }

    /// <summary>Every corpus pipeline imported, in one .rules text; pipeline ids made unique where two names give the same id.</summary>
    private static (string Text, Dictionary<DatadogPipelineCase, string> IdOf) AllPipelinesAsOneRulesFile()
    {
        var text = new StringBuilder();
        // Keyed by the corpus line, not its integration: one integration may ship several pipelines (nginx_ingress_controller has three).
        var idOf = new Dictionary<DatadogPipelineCase, string>(ReferenceEqualityComparer.Instance);
        var used = new HashSet<string>();
        foreach (var pipelineCase in DatadogPipelineCorpus.All)
        {
            var rules = RulesTextWriter.Write(DatadogPipelineReader.Read(pipelineCase.Line));
            var match = PipelineLine().Match(rules);
            if (!match.Success) continue;
            var id = match.Groups[1].Value;
            var unique = id;
            for (var n = 2; !used.Add(unique); n++) unique = id + "_" + n;
            idOf[pipelineCase] = unique;
            text.Append(PipelineLine().Replace(rules, "pipeline " + unique, 1)).Append('\n');
        }
        return (text.ToString(), idOf);
    }

    [GeneratedRegex(@"(?m)^pipeline ([^\s{""]+)")]
    private static partial Regex PipelineLine();
}
