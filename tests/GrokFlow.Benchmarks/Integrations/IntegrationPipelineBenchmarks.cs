using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GrokFlow.Benchmarks.Support;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Rules;
using GrokFlow.Runtime.Parsing;

namespace GrokFlow.Benchmarks.Integrations;

/// <summary>
/// Datadog integration pipelines compiled into grokflow (rules/nginx.rules, rules/postfix.rules: grok parsers and
/// processors) run on their recorded samples, each written as its JSON event through the same
/// <see cref="EventLineWriter"/> as <c>grokflow parse</c>, into a null stream. Times and allocations are per line.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class IntegrationPipelineBenchmarks
{
    private const int LinesPerInvoke = 1_000;

    private byte[][] _lines = [];
    private IGrokPipeline _pipeline = null!;
    private ParseContext _context = null!;
    private EventLineWriter _output = null!;
    private readonly ArrayBufferWriter<byte> _jsonBuffer = new(1 << 16);
    private Utf8JsonWriter _json = null!;

    [Params("nginx", "postfix")]
    public string Pipeline { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var samples = IntegrationSamples.Of(Pipeline);
        _lines = Enumerable.Range(0, LinesPerInvoke).Select(i => samples[i % samples.Length]).ToArray();
        _pipeline = BuiltInPipelines.All.Single(p => p.Id == Pipeline);
        _context = new ParseContext(new FixedClockForBenchmarks());
        _output = new EventLineWriter(Stream.Null);
        _json = new Utf8JsonWriter(_jsonBuffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _output.Dispose();
        _json.Dispose();
    }

    /// <summary>The pipeline's first grok parser alone (no document, no processors): what the steps cost on top.</summary>
    [Benchmark(OperationsPerInvoke = LinesPerInvoke)]
    public int FirstGrokParserOnly()
    {
        var matched = 0;
        var parsers = (GrokFlow.Engine.Processing.IGrokParserSet)_pipeline;
        var writer = _context.Processing.StartGrokOutput();
        foreach (var line in _lines)
        {
            writer = _context.Processing.StartGrokOutput();
            writer.WriteStartObject();
            if (parsers.ParseWith(0, line, writer, _context).Matched) matched++;
            writer.WriteEndObject();
        }
        writer.Flush();
        return matched;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = LinesPerInvoke)]
    public int Generated()
    {
        var matched = 0;
        foreach (var line in _lines)
        {
            if (_output.Write(line, _pipeline, _context).Matched) matched++;
        }
        return matched;
    }

    /// <summary>
    /// <c>message</c> and what the pipeline writes (<see cref="IGrokPipeline.Parse"/>) into a reused JSON writer: the
    /// event as the benchmark wrote it before the whole intake event (reserved fields, <c>syslog</c>), so that code from
    /// before 2026-12-06 compares like for like.
    /// </summary>
    [Benchmark(OperationsPerInvoke = LinesPerInvoke)]
    public int MessageAndAttributesOnly()
    {
        var matched = 0;
        foreach (var line in _lines)
        {
            _json.WriteStartObject();
            _json.WriteString("message"u8, line);
            if (_pipeline.Parse(line, _json, _context).Matched) matched++;
            _json.WriteEndObject();
            _json.Flush();
            _json.Reset();
            _jsonBuffer.ResetWrittenCount();
        }
        return matched;
    }

    private sealed class FixedClockForBenchmarks : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
