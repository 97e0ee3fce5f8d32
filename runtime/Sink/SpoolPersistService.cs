using Microsoft.Extensions.Hosting;

namespace GrokFlow.Runtime.Sink;

/// <summary>
/// The durable spool mode's writer: puts a copy of batches that waited too long (or, while the intake fails, of
/// every batch at once) on disk, off the receive and send threads.
/// </summary>
internal sealed class SpoolPersistService(BatchQueue queue) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!queue.Durable) return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await queue.WaitForPersistWorkAsync(stoppingToken).ConfigureAwait(false);
                queue.PersistDue();
            }
        }
        catch (OperationCanceledException)
        {
            // stopping: the delivery service spools what is left
        }
    }
}
