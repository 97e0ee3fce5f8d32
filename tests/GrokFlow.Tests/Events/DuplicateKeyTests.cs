using System.Buffers;
using System.Text;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Processing;
using GrokFlow.Language.Compilation;
using GrokFlow.Rules;
using GrokFlow.Runtime.Datadog;
using GrokFlow.Runtime.Parsing;
using GrokFlow.Tests.DatadogPipelines;
using GrokFlow.Tests.TestSupport;
using GrokFlow.Tooling.Import;
using GrokFlow.Tooling.Interpretation;

namespace GrokFlow.Tests.Events;

/// <summary>
/// No event grokflow writes has a key twice in one object: every sample of rules/ through each compiled pipeline, and
/// every sample of Datadog's integration pipelines (../shared/conformance) through its imported pipeline, with all
/// steps and with its grok parsers alone (the straight path), each with the service and source it came with, written
/// as <c>grokflow parse --format intake</c> (the host's writer) writes them. The JSON is read with a reader that keeps
/// every key.
/// </summary>
public sealed class DuplicateKeyTests
{
    private static readonly DateTimeOffset Clock = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rules_samples_give_events_without_duplicate_keys()
    {
        var checkedEvents = 0;
        var duplicates = new List<string>();
        foreach (var samples in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "rules"), "*.samples.log").Order(StringComparer.Ordinal))
        {
            var rules = File.ReadAllText(samples.Replace(".samples.log", ".rules", StringComparison.Ordinal));
            foreach (var model in RulesCompiler.Compile(rules).Pipelines)
            {
                var pipeline = BuiltInPipelines.All.Single(p => p.Id == model.Id);
                // The context the pipeline's filter asks for, and one that puts every reserved field in.
                var context = new DatadogEventContext(service: model.Id == "qnap" ? "qnap-nas" : model.Id, source: model.Id, host: "h1", tags: ["env:test"]);
                var lines = File.ReadLines(samples).Where(l => l.Length > 0).ToList();
                checkedEvents += Check(pipeline, context, lines, $"{Path.GetFileName(samples)} / {model.Id}", duplicates);
            }
        }
        Assert.True(duplicates.Count == 0, string.Join("\n", duplicates.Take(20)));
        Assert.True(checkedEvents >= 40, $"only {checkedEvents} events checked");
    }

    [Fact]
    public void Datadog_integration_samples_give_events_without_duplicate_keys()
    {
        var checkedEvents = 0;
        var duplicates = new List<string>();
        foreach (var pipelineCase in DatadogPipelineCorpus.All)
        {
            var compiled = RulesCompiler.Compile(RulesTextWriter.Write(DatadogPipelineReader.Read(pipelineCase.Line)));
            if (compiled.HasErrors || compiled.Pipelines.Length == 0) continue;
            var model = compiled.Pipelines[0];
            var parsers = InterpretedPipeline.Create(model);
            IGrokPipeline[] ways = [new ProcessingPipeline(model, parsers, ProcessingServices.Default), parsers];
            foreach (var sample in pipelineCase.Samples)
            {
                var line = sample.Sample.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');
                var context = new DatadogEventContext(service: sample.Service, source: pipelineCase.Integration, host: "h1", tags: ["env:test"]);
                foreach (var pipeline in ways)
                    checkedEvents += Check(pipeline, context, [line], $"{pipelineCase.Integration} #{sample.Index} ({pipeline.GetType().Name})", duplicates);
            }
        }
        Assert.True(duplicates.Count == 0, string.Join("\n", duplicates.Take(20)));
        Assert.True(checkedEvents > 1000, $"only {checkedEvents} events checked");
    }

    private static int Check(IGrokPipeline pipeline, DatadogEventContext context, IReadOnlyList<string> lines, string what, List<string> duplicates)
    {
        var output = new ArrayBufferWriter<byte>();
        var parseContext = new ParseContext(new FixedClock(Clock));
        using (var writer = new EventLineWriter(output, context))
        {
            foreach (var line in lines) writer.Write(Encoding.UTF8.GetBytes(line), pipeline, parseContext);
        }
        var events = output.WrittenSpan;
        var count = 0;
        while (!events.IsEmpty)
        {
            var end = events.IndexOf((byte)'\n');
            var json = events[..end];
            foreach (var key in DuplicateKeys.In(json)) duplicates.Add($"{what}: \"{key}\" twice in {Encoding.UTF8.GetString(json)}");
            count++;
            events = events[(end + 1)..];
        }
        Assert.Equal(lines.Count, count);
        return count;
    }
}
