using System.Buffers;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Parsing;

namespace GrokFlow.Benchmarks.Qnap;

/// <summary>
/// Lines per second of the three parsers by wall time and by process CPU time (user + system), the parsers taking
/// turns one corpus pass at a time so that changing load on a shared machine hits all of them alike. On a loaded
/// machine wall time mostly measures waiting for a core; CPU time is the steadier figure. Not a replacement for the
/// BenchmarkDotNet numbers, a cross-check of them.
/// </summary>
public static class CpuTimeProbe
{
    public static int Run(TextWriter report, int lines, int rounds)
    {
        var corpus = QnapCorpus.Generate(lines);
        var parsers = QnapParsers.All(corpus.Clock);
        ParserAgreement.Check(corpus, parsers);
        var runs = parsers.Select(p => new ParserRun(p.Name, p.Pipeline, corpus.Clock, wholeEvent: true))
            .Append(new ParserRun("generated, msg+attrs", parsers[0].Pipeline, corpus.Clock, wholeEvent: false)).ToArray();

        // Warm-up: enough passes for tiered compilation to reach its optimized code.
        for (var i = 0; i < 5; i++)
            foreach (var run in runs) run.Pass(corpus.Lines, measure: false);
        for (var i = 0; i < rounds; i++)
            foreach (var run in runs) run.Pass(corpus.Lines, measure: true);

        var baseline = runs[0];
        report.WriteLine($"{corpus.Lines.Length} QNAP lines x {rounds} rounds, parsers interleaved; written through EventLineWriter to a null stream");
        report.WriteLine("(msg+attrs: only {\"message\":...} and the rule's attributes, the event this probe wrote when issue 10 was filed)");
        report.WriteLine($"{"parser",-20} {"wall lines/s",14} {"CPU lines/s",14} {"CPU us/line",12} {"CPU vs " + baseline.Name,20}");
        foreach (var run in runs)
        {
            var parsed = (double)run.Lines;
            report.WriteLine($"{run.Name,-20} {parsed / run.Wall.TotalSeconds,14:N0} {parsed / run.Cpu.TotalSeconds,14:N0} " +
                             $"{run.Cpu.TotalMicroseconds / parsed,12:F2} {run.Cpu / baseline.Cpu,19:F2}x");
        }
        return 0;
    }

    private sealed class ParserRun(string name, IGrokPipeline pipeline, TimeProvider clock, bool wholeEvent)
    {
        private readonly ParseContext _context = new(clock);
        private readonly EventLineWriter _output = new(Stream.Null);
        private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
        private readonly Utf8JsonWriter _json = new(Stream.Null, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

        public string Name => name;
        public long Lines { get; private set; }
        public TimeSpan Wall { get; private set; }
        public TimeSpan Cpu { get; private set; }

        public void Pass(byte[][] lines, bool measure)
        {
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            if (wholeEvent)
                foreach (var line in lines) _output.Write(line, pipeline, _context);
            else
                foreach (var line in lines) WriteMessageAndAttributes(line);
            wall.Stop();
            process.Refresh();
            if (!measure) return;
            Wall += wall.Elapsed;
            Cpu += process.TotalProcessorTime - cpuBefore;
            Lines += lines.Length;
        }

        private void WriteMessageAndAttributes(byte[] line)
        {
            _json.Reset(_buffer);
            _json.WriteStartObject();
            _json.WriteString("message"u8, line);
            pipeline.Parse(line, _json, _context);
            _json.WriteEndObject();
            _json.Flush();
            _buffer.ResetWrittenCount();
        }
    }
}
