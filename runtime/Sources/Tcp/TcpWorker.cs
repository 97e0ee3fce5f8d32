using System.Buffers;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Sink;
using Microsoft.Extensions.Logging;

namespace GrokFlow.Runtime.Sources.Tcp;

/// <summary>
/// One batch builder and its syslog handler, shared by several connections of a TCP source. A connection takes the
/// builder's gate only to turn bytes it already holds into events, so a slow sender never holds it while waiting.
/// </summary>
internal sealed class TcpWorker(BatchBuilder builder, IDatagramHandler handler, int maxFrameBytes, HostMetrics metrics, TimeProvider clock, ILogger logger) : IDisposable
{
    private readonly byte[] _scratch = new byte[maxFrameBytes];

    public object Gate => builder.Gate;

    /// <summary>Batches this worker's builder has sealed; read with <see cref="Gate"/> held.</summary>
    public long BatchesSealed => builder.BatchesSealed;

    /// <summary>When the frames of one read arrived: read once per read, not per frame (a clock reading per line showed in the profile).</summary>
    public DateTimeOffset Now() => clock.GetUtcNow();

    /// <summary>Turns one frame into events; call with <see cref="Gate"/> held. Returns the events written.</summary>
    public int Handle(in ReadOnlySequence<byte> frame, SenderInfo sender, DateTimeOffset receivedAt, string sourceName)
    {
        ReadOnlySpan<byte> bytes;
        if (frame.IsSingleSegment) bytes = frame.FirstSpan;
        else
        {
            frame.CopyTo(_scratch);
            bytes = _scratch.AsSpan(0, (int)frame.Length);
        }
        try
        {
            return handler.Handle(bytes, sender, receivedAt);
        }
        catch (Exception e)
        {
            builder.CancelEvent();
            metrics.Drop(DropReason.Malformed);
            logger.LogWarning(e, "Source {Name}: a frame of {Length} bytes from {Sender} could not be read; dropped (counted as malformed)",
                sourceName, bytes.Length, sender.EndPoint);
            return 0;
        }
    }

    /// <summary>See <see cref="IDatagramHandler.PublishCounts"/>; call with <see cref="Gate"/> held, once per read.</summary>
    public void PublishCounts() => handler.PublishCounts();

    public void Dispose() => handler.Dispose();
}
