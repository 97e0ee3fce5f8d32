using Microsoft.Extensions.Hosting;

namespace GrokFlow.Runtime.Sink;

/// <summary>Hands partly filled batches on once they are as old as the flush interval, so quiet sources still ship.</summary>
internal sealed class BatchFlushService(BatchBuilders builders, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(builders.FlushInterval.TotalMilliseconds / 4, 10, 1000));
        using var timer = new PeriodicTimer(tick, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                builders.SealOlderThan(builders.FlushInterval);
        }
        catch (OperationCanceledException)
        {
            // stopping: the sources seal what they hold
        }
    }
}
