using System.Buffers;
using System.Text.Json;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Parsing;

namespace GrokFlow.Benchmarks.Qnap;

/// <summary>
/// A quick allocation experiment without BenchmarkDotNet: <see cref="GC.GetAllocatedBytesForCurrentThread"/> around
/// a pass over the corpus, after a warm-up pass, per parser and per kind of line (which rule matched, or none), once
/// through <see cref="EventLineWriter"/> (as <c>grokflow parse</c>) and once with the parser alone writing into a
/// reused JSON writer. Says which layer allocates, and for which lines.
/// </summary>
public static class AllocationProbe
{
    public static int Run(TextWriter report, int lines)
    {
        var corpus = QnapCorpus.Generate(lines);
        var parsers = QnapParsers.All(corpus.Clock);
        ParserAgreement.Check(corpus, parsers);
        report.WriteLine($"{corpus.Lines.Length} QNAP lines; bytes allocated per line after one warm-up pass");
        report.WriteLine($"{"parser",-20} {"path",-18} {"kind",-12} {"lines",7} {"B/line",10}");
        foreach (var (name, pipeline) in parsers)
        {
            foreach (var group in corpus.Lines.Select((line, i) => (line, rule: corpus.Rules[i] ?? "no match")).GroupBy(l => l.rule).OrderBy(g => g.Key))
            {
                var groupLines = group.Select(l => l.line).ToArray();
                report.WriteLine($"{name,-20} {"EventLineWriter",-18} {group.Key,-12} {groupLines.Length,7} {PerLine(groupLines, pipeline, corpus.Clock, ThroughEventWriter),10:F1}");
                report.WriteLine($"{name,-20} {"Parse only",-18} {group.Key,-12} {groupLines.Length,7} {PerLine(groupLines, pipeline, corpus.Clock, ParseOnly),10:F1}");
            }
        }
        return 0;
    }

    private delegate Action<byte[]> PassFactory(IGrokPipeline pipeline, ParseContext context);

    private static double PerLine(byte[][] lines, IGrokPipeline pipeline, TimeProvider clock, PassFactory factory)
    {
        var parseOne = factory(pipeline, new ParseContext(clock));
        foreach (var line in lines) parseOne(line);
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var line in lines) parseOne(line);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return (double)allocated / lines.Length;
    }

    private static Action<byte[]> ThroughEventWriter(IGrokPipeline pipeline, ParseContext context)
    {
        var output = new EventLineWriter(Stream.Null);
        return line => output.Write(line, pipeline, context);
    }

    private static Action<byte[]> ParseOnly(IGrokPipeline pipeline, ParseContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        return line =>
        {
            writer.WriteStartObject();
            pipeline.Parse(line, writer, context);
            writer.WriteEndObject();
            writer.Flush();
            writer.Reset();
            buffer.ResetWrittenCount();
        };
    }
}
