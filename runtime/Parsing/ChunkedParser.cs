using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text.Unicode;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Runtime.Parsing;

/// <summary>
/// Parses a stream of lines on every core. Each of <c>workers</c> threads takes the next chunk of whole lines
/// (<see cref="ChunkReader"/>, one reader at a time), parses it with its own <see cref="ParseContext"/>, and hands the
/// events to <see cref="OrderedChunkOutput"/>, which writes them in input order. The same thread reads, parses and
/// writes: nothing waits on a hand-over between threads, and with one core there is one thread.
/// </summary>
public sealed class ChunkedParser(IGrokPipeline pipeline, int workers, int chunkSize = 1 << 19, Datadog.DatadogEventContext? eventContext = null)
{
    /// <summary>Chunks read but not yet written, per worker: room for a worker to run one chunk ahead of a slower one.</summary>
    private const int ChunksInFlightPerWorker = 2;

    /// <summary>Parses every line of <paramref name="input"/> into <paramref name="output"/>; returns when all is written.</summary>
    public ParseSummary Run(Stream input, Stream output, CancellationToken cancellation = default)
    {
        var summaries = new ParseSummary[Math.Max(workers, 1)];
        var ordered = new OrderedChunkOutput(new ChunkReader(input, chunkSize), output, summaries.Length * ChunksInFlightPerWorker);
        var failures = new List<Exception>();
        var threads = new List<Thread>();
        for (var w = 0; w < summaries.Length; w++)
        {
            var worker = new ChunkWorker(pipeline, eventContext, summaries[w] = new ParseSummary());
            void Work()
            {
                try
                {
                    worker.Run(ordered, cancellation);
                }
                catch (Exception e)
                {
                    lock (failures) failures.Add(e);
                    ordered.Abort();
                }
            }
            // The calling thread is the last worker: with one core, no thread is started at all.
            if (w == summaries.Length - 1) Work();
            else
            {
                var thread = new Thread(Work) { IsBackground = true, Name = $"parse {w}" };
                thread.Start();
                threads.Add(thread);
            }
        }
        foreach (var thread in threads) thread.Join();
        if (failures.Count == 1) ExceptionDispatchInfo.Throw(failures[0]);
        if (failures.Count > 1) throw new AggregateException(failures);
        cancellation.ThrowIfCancellationRequested();
        output.Flush();
        var summary = new ParseSummary();
        foreach (var part in summaries) summary.Add(part);
        return summary;
    }

    /// <summary>One thread's state, reused for every chunk it parses.</summary>
    private sealed class ChunkWorker(IGrokPipeline pipeline, Datadog.DatadogEventContext? eventContext, ParseSummary summary)
    {
        private readonly ParseContext _context = new();
        private readonly Utf8Repair _repair = new();

        public void Run(OrderedChunkOutput ordered, CancellationToken cancellation)
        {
            while (!cancellation.IsCancellationRequested && ordered.TryTakeTurnToRead(out var chunk, out var events))
            {
                Parse(chunk, events);
                ordered.Complete(chunk.Sequence, events);
            }
        }

        private void Parse(LineChunk chunk, EventLineBuffer events)
        {
            var text = chunk.Buffer.AsSpan(0, chunk.Length);
            // One vectorised check for the whole chunk; lines are repaired one by one only in a chunk that needs it.
            var valid = Utf8.IsValid(text);
            using (_context.HoldClock())
            using (var writer = new EventLineWriter(events, eventContext))
            {
                var lines = new ChunkLines(text);
                while (lines.TryReadLine(out var line))
                    summary.Count(writer.Write(valid ? line : _repair.Repair(line), pipeline, _context));
            }
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }
    }
}
