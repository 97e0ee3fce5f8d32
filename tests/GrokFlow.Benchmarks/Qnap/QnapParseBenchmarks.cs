using BenchmarkDotNet.Attributes;
using GrokFlow.Benchmarks.Support;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Parsing;

namespace GrokFlow.Benchmarks.Qnap;

/// <summary>
/// One QNAP line parsed and written as its JSON event (<c>{"message":..., attributes}</c> through the same
/// <see cref="EventLineWriter"/> as <c>grokflow parse</c>, into a null stream) by: the generated parser, the
/// interpreter, and a hand-written [GeneratedRegex] parser. Each invocation runs the whole corpus; times and
/// allocations are reported per line.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class QnapParseBenchmarks
{
    public const int LineCount = 10_000;

    private byte[][] _lines = [];
    private IGrokPipeline _generated = null!;
    private IGrokPipeline _interpreted = null!;
    private IGrokPipeline _handWritten = null!;
    private ParseContext _context = null!;
    private EventLineWriter _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = QnapCorpus.Generate(LineCount);
        var parsers = QnapParsers.All(corpus.Clock);
        ParserAgreement.Check(corpus, parsers);
        _lines = corpus.Lines;
        _generated = parsers.Single(p => p.Name == "generated").Pipeline;
        _interpreted = parsers.Single(p => p.Name == "interpreter").Pipeline;
        _handWritten = parsers.Single(p => p.Name == "hand-written regex").Pipeline;
        _context = new ParseContext(corpus.Clock);
        _output = new EventLineWriter(Stream.Null);
    }

    [GlobalCleanup]
    public void Cleanup() => _output.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = LineCount)]
    public int Generated() => ParseAll(_generated);

    [Benchmark(OperationsPerInvoke = LineCount)]
    public int Interpreter() => ParseAll(_interpreted);

    [Benchmark(OperationsPerInvoke = LineCount)]
    public int HandWrittenRegex() => ParseAll(_handWritten);

    private int ParseAll(IGrokPipeline pipeline)
    {
        var matched = 0;
        foreach (var line in _lines)
        {
            if (_output.Write(line, pipeline, _context).Matched) matched++;
        }
        return matched;
    }
}
