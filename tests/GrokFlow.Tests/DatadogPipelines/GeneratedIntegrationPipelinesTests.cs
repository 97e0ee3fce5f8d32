using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrokFlow.Tooling.Import;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.DatadogPipelines;

/// <summary>
/// All 178 integration pipelines, imported as <c>grokflow import</c> does, are compiled together by the real generator
/// (as <c>dotnet build</c> would compile a rules folder holding them) with no error, and every one of the 980 samples
/// gives the same event from the generated pipeline as from the interpreter. The generated pipelines are also checked
/// against Datadog's recorded results directly, each sample sent as <see cref="WholeOutputRunner"/> sends it: their
/// whole output agrees on <see cref="DocumentedGeneratedAgreeingSamples"/> samples, as docs/import.md states. That is
/// 22 fewer than the interpreter's figure (<see cref="WholeOutputConformanceTests.DocumentedAgreeingSamples"/>): the two
/// agree on every sample sent without its source tag and service, so the gap lies in what only those reach (an open
/// item of issue 12).
/// </summary>
public sealed partial class GeneratedIntegrationPipelinesTests(ITestOutputHelper output)
{
    /// <summary>The samples on which the generated pipelines' whole output agrees with Datadog's recordings, as docs/import.md states it.</summary>
    public const int DocumentedGeneratedAgreeingSamples = 920;

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
            if (!idOf.TryGetValue(pipelineCase.Integration, out var id)) continue;
            var againstDatadog = new WholeOutputRunner(pipelineCase, generated[id]);
            foreach (var sample in pipelineCase.Samples)
            {
                if (againstDatadog.Run(sample).Differences.Count == 0) agreeingWithDatadog++;
                samples++;
                var fromGenerated = Processed(generated[id], sample);
                var fromInterpreter = Processed(interpreted[id], sample);
                if (fromGenerated != fromInterpreter)
                    differences.Add($"{pipelineCase.Integration} sample {sample.Index}:\n  generated   {fromGenerated}\n  interpreter {fromInterpreter}");
            }
        }
        output.WriteLine($"pipelines: {idOf.Count}, generator diagnostics: {run.Diagnostics.Length}, samples: {samples}, differences: {differences.Count}");
        output.WriteLine($"generated pipelines, whole output agreeing with Datadog's recorded results: {agreeingWithDatadog}/{samples}");

        Assert.Empty(run.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)));
        Assert.True(agreeingWithDatadog >= DocumentedGeneratedAgreeingSamples,
            $"the generated pipelines agree with Datadog on {agreeingWithDatadog}/{samples} samples; docs/import.md states {DocumentedGeneratedAgreeingSamples}");
    }

    private static string Processed(IGrokPipeline pipeline, DatadogSample sample)
    {
        var context = new ParseContext(new FixedClock(WholeOutputRunner.RecordingClock));
        var document = new EventDocument();
        document.MergeObject(Encoding.UTF8.GetBytes(WholeOutputRunner.InputOf(sample).ToJsonString()));
        var result = pipeline.Process(document, context);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) GrokFlow.Engine.Events.EventWriter.Write(document, writer, context);
        return $"{result.Status} {result.RuleName} {Encoding.UTF8.GetString(buffer.WrittenSpan)}";
    }

    /// <summary>Every corpus pipeline imported, in one .rules text; pipeline ids made unique where two names give the same id.</summary>
    private static (string Text, Dictionary<string, string> IdOf) AllPipelinesAsOneRulesFile()
    {
        var text = new StringBuilder();
        var idOf = new Dictionary<string, string>();
        var used = new HashSet<string>();
        foreach (var pipelineCase in DatadogPipelineCorpus.All)
        {
            var rules = RulesTextWriter.Write(DatadogPipelineReader.Read(pipelineCase.Line));
            var match = PipelineLine().Match(rules);
            if (!match.Success) continue;
            var id = match.Groups[1].Value;
            var unique = id;
            for (var n = 2; !used.Add(unique); n++) unique = id + "_" + n;
            idOf[pipelineCase.Integration] = unique;
            text.Append(PipelineLine().Replace(rules, "pipeline " + unique, 1)).Append('\n');
        }
        return (text.ToString(), idOf);
    }

    [GeneratedRegex(@"(?m)^pipeline ([^\s{""]+)")]
    private static partial Regex PipelineLine();
}
