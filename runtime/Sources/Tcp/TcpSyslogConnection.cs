using System.Buffers;
using System.IO.Pipelines;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Sink;
using Microsoft.Extensions.Logging;

namespace GrokFlow.Runtime.Sources.Tcp;

/// <summary>
/// Reads one connection's stream through a pipe, cuts it into frames and hands them to its worker. It stops reading
/// (the sender's TCP window fills) while the queue has no room, and ends on idle timeout, a broken octet-counted
/// stream, the sender closing, or the host stopping.
/// </summary>
internal sealed class TcpSyslogConnection(
    Stream stream,
    SenderInfo sender,
    TcpWorker worker,
    TcpConnectionLimits limits,
    TcpSourceCounters counters,
    HostMetrics metrics,
    ILogger logger)
{
    private static readonly TimeSpan BackpressurePoll = TimeSpan.FromMilliseconds(10);

    private readonly SyslogFramer _framer = new(limits.MaxFrameBytes);

    public async Task RunAsync(CancellationToken stopping)
    {
        // Zero-byte reads: an idle connection holds no buffer, so thousands of them cost little.
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, useZeroByteReads: true));
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        try
        {
            while (true)
            {
                await WaitForRoomAsync(stopping).ConfigureAwait(false);
                idle.CancelAfter(limits.IdleTimeout);
                ReadResult result;
                try
                {
                    result = await reader.ReadAsync(idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
                {
                    counters.IdleClose();
                    logger.LogDebug("Source {Name}: closed {Sender} after {Timeout} without data", counters.Name, sender.EndPoint, limits.IdleTimeout);
                    return;
                }
                if (!idle.TryReset()) return;
                var buffer = result.Buffer;
                var length = buffer.Length;
                var status = HandleFrames(ref buffer, result.IsCompleted);
                counters.Read(length - buffer.Length, 0, 0);
                if (status == FrameStatus.BadLengthPrefix) return;
                if (status == FrameStatus.Frame)
                {
                    // paused for room with frames still buffered: they are handled before anything more is read
                    reader.AdvanceTo(buffer.Start);
                    continue;
                }
                if (result.IsCompleted)
                {
                    if (_framer.EndsInsideFrame(buffer))
                    {
                        counters.FramingError();
                        metrics.Drop(DropReason.Malformed);
                    }
                    return;
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // reset by the sender or stopped: nothing to report
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Handles the complete frames while the queue has room: checked before the first and again after each frame that
    /// sealed a batch (the headroom covers one batch per worker past a check; checking before every frame took two locks
    /// per line). Returns NeedMore when all were handled, Frame when it stopped for room, BadLengthPrefix when the
    /// stream broke.
    /// </summary>
    private FrameStatus HandleFrames(ref ReadOnlySequence<byte> buffer, bool completed)
    {
        long frames = 0, truncated = 0, events = 0;
        var status = FrameStatus.NeedMore;
        lock (worker.Gate)
        {
            var receivedAt = worker.Now();
            var checkedAt = -1L;
            while (true)
            {
                if (checkedAt != worker.BatchesSealed && !HasRoom(ref checkedAt))
                {
                    status = FrameStatus.Frame;
                    break;
                }
                status = _framer.TryRead(ref buffer, out var frame, out var cut);
                if (status != FrameStatus.Frame) break;
                frames++;
                if (cut) truncated++;
                events += worker.Handle(frame, sender, receivedAt, counters.Name);
            }
            if (completed && status == FrameStatus.NeedMore && _framer.TryReadLast(ref buffer, out var last, out var lastCut))
            {
                frames++;
                if (lastCut) truncated++;
                events += worker.Handle(last, sender, receivedAt, counters.Name);
            }
            worker.PublishCounts();
        }
        counters.Read(0, frames, truncated);
        metrics.Received(0, events);
        if (status != FrameStatus.BadLengthPrefix) return status;
        counters.FramingError();
        metrics.Drop(DropReason.Malformed);
        logger.LogWarning("Source {Name}: {Sender} sent a bad octet-counting length prefix; connection closed (counted as malformed)",
            counters.Name, sender.EndPoint);
        return status;
    }

    private bool HasRoom(ref long checkedAt)
    {
        checkedAt = worker.BatchesSealed;
        return limits.HasRoom();
    }

    private async Task WaitForRoomAsync(CancellationToken stopping)
    {
        if (limits.HasRoom()) return;
        counters.BackpressureWait();
        while (!limits.HasRoom()) await Task.Delay(BackpressurePoll, stopping).ConfigureAwait(false);
    }
}

/// <summary>What every connection of a source obeys.</summary>
internal sealed record TcpConnectionLimits(int MaxFrameBytes, TimeSpan IdleTimeout, Func<bool> HasRoom);
