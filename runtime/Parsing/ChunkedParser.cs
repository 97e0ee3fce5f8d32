using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Unicode;
using System.Threading.Channels;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Output;

namespace GrokFlow.Runtime.Parsing;

/// <summary>
/// Parses a stream of lines on every core: the input is cut into chunks at line ends, each chunk is parsed on the
/// thread pool with its own <see cref="ParseContext"/>, and the chunks' events are written in input order.
/// </summary>
public sealed class ChunkedParser(IGrokPipeline pipeline, int workers, int chunkSize = 1 << 19, Datadog.DatadogEventContext? eventContext = null)
{
    private readonly ConcurrentBag<ChunkWorker> _idle = [];

    public async Task<ParseSummary> RunAsync(Stream input, Stream output, CancellationToken cancellation = default)
    {
        var pending = Channel.CreateBounded<Task<ChunkResult>>(new BoundedChannelOptions(workers) { SingleReader = true, SingleWriter = true });
        var summary = new ParseSummary();
        var writer = Task.Run(async () =>
        {
            await foreach (var task in pending.Reader.ReadAllAsync(cancellation))
            {
                var result = await task;
                await output.WriteAsync(result.Events.WrittenMemory, cancellation);
                summary.Add(result.Summary);
                result.Worker.Release(result.Events);
                _idle.Add(result.Worker);
            }
            await output.FlushAsync(cancellation);
        }, cancellation);

        var carry = Array.Empty<byte>();
        var carryLength = 0;
        while (true)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(chunkSize, carryLength * 2));
            carry.AsSpan(0, carryLength).CopyTo(buffer);
            var filled = carryLength;
            int read;
            while (filled < buffer.Length && (read = await input.ReadAsync(buffer.AsMemory(filled), cancellation)) > 0) filled += read;
            var end = filled == buffer.Length ? buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1 : filled;
            if (end == 0 && filled == buffer.Length)
            {
                // One line longer than the buffer: keep reading with a larger one.
                ReturnCarry(carry);
                carry = buffer;
                carryLength = filled;
                continue;
            }
            ReturnCarry(carry);
            carryLength = filled - end;
            carry = carryLength > 0 ? ArrayPool<byte>.Shared.Rent(carryLength) : Array.Empty<byte>();
            buffer.AsSpan(end, carryLength).CopyTo(carry);
            if (end > 0)
            {
                var worker = _idle.TryTake(out var w) ? w : new ChunkWorker(pipeline, eventContext);
                var chunk = buffer;
                var length = end;
                await pending.Writer.WriteAsync(Task.Run(() => worker.Parse(chunk, length)), cancellation);
            }
            else ArrayPool<byte>.Shared.Return(buffer);
            if (filled < buffer.Length && carryLength == 0) break;
        }
        ReturnCarry(carry);
        pending.Writer.Complete();
        await writer;
        return summary;
    }

    private static void ReturnCarry(byte[] carry)
    {
        if (carry.Length > 0) ArrayPool<byte>.Shared.Return(carry);
    }

    private sealed record ChunkResult(EventLineBuffer Events, ParseSummary Summary, ChunkWorker Worker);

    /// <summary>The per-thread state of one chunk's parse, reused for later chunks.</summary>
    private sealed class ChunkWorker(IGrokPipeline pipeline, Datadog.DatadogEventContext? eventContext)
    {
        private readonly ParseContext _context = new();
        private readonly Utf8Repair _repair = new();
        private readonly ConcurrentBag<EventLineBuffer> _buffers = [];

        public ChunkResult Parse(byte[] chunk, int length)
        {
            // An intake event is about three times its line (the message, the syslog fields and the attributes): room
            // for that up front, so the buffer is never grown by doubling and copying.
            var events = _buffers.TryTake(out var b) ? b : new EventLineBuffer(length * 4);
            var summary = new ParseSummary();
            var text = chunk.AsSpan(0, length);
            // One vectorised check for the whole chunk; lines are repaired one by one only in a chunk that needs it.
            var valid = Utf8.IsValid(text);
            using (_context.HoldClock())
            using (var writer = new EventLineWriter(events, eventContext))
            {
                var lines = new ChunkLines(text);
                while (lines.TryReadLine(out var line))
                    summary.Count(writer.Write(valid ? line : _repair.Repair(line), pipeline, _context));
            }
            ArrayPool<byte>.Shared.Return(chunk);
            return new ChunkResult(events, summary, this);
        }

        public void Release(EventLineBuffer events)
        {
            events.Clear();
            _buffers.Add(events);
        }
    }
}
