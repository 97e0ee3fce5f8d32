using GrokFlow.Runtime.Host.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Sink;

/// <summary>
/// Runs the senders: several batches in flight, each delivered by the sink. On stop (after the sources have stopped
/// and sealed their batches) it keeps sending for up to <see cref="QueueOptions.DrainTimeout"/>, then stops the
/// senders and moves whatever is left to the spool.
/// </summary>
internal sealed class DeliveryService(
    BatchQueue queue,
    IBatchSink sink,
    BatchBuilders builders,
    DeliveryConcurrency concurrency,
    IOptions<QueueOptions> queueOptions,
    ILogger<DeliveryService> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan UnexpectedFailurePause = TimeSpan.FromSeconds(1);   // a failure that repeats must not spin
    private readonly CancellationTokenSource _abort = new();
    private Task[] _workers = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _workers = Enumerable.Range(0, concurrency.Senders).Select(_ => Task.Run(WorkAsync, CancellationToken.None)).ToArray();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        builders.SealAll();
        queue.WriteSpilled();   // the spool's writer has stopped: what the last seal sent its way goes out with the drain
        queue.CompleteAdding(_workers.Length);
        var drained = Task.WhenAll(_workers);
        var deadline = Task.Delay(queueOptions.Value.DrainTimeout, CancellationToken.None);
        var finished = await Task.WhenAny(drained, deadline, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        if (finished != drained)
        {
            logger.LogWarning("Stopping: the intake did not take everything within {Timeout}; the rest goes to the spool", queueOptions.Value.DrainTimeout);
            await _abort.CancelAsync().ConfigureAwait(false);
            await drained.ConfigureAwait(false);
        }
        queue.SpillMemory();
    }

    private async Task WorkAsync()
    {
        while (true)
        {
            EventBatch? batch;
            try
            {
                batch = await queue.TakeAsync(_abort.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (batch is null) return;
            try
            {
                await sink.DeliverAsync(batch, _abort.Token).ConfigureAwait(false);
                queue.Complete(batch);
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                queue.Return(batch);
                return;
            }
            catch (InvalidDataException e) when (batch.FromSpool)
            {
                logger.LogError(e, "Spool: batch {Sequence} is damaged; its {Count} events are dropped (counted as spool_corrupt)", batch.Sequence, batch.Count);
                queue.Discard(batch, Host.DropReason.SpoolCorrupt);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Sender: unexpected failure; the batch of {Count} events is kept and sent again", batch.Count);
                queue.Requeue(batch);
                try
                {
                    await Task.Delay(UnexpectedFailurePause, _abort.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public void Dispose() => _abort.Dispose();
}

/// <summary>How many batches are sent at once: <c>Datadog:MaxInFlight</c>, or one for local output (keeps line order).</summary>
internal sealed record DeliveryConcurrency(int Senders);
