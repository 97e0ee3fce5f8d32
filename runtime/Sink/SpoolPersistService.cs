using Microsoft.Extensions.Hosting;

namespace GrokFlow.Runtime.Sink;

/// <summary>
/// The spool's writer, off the receive and send threads: writes the batches sealed for the spool, and in the durable
/// mode a copy of batches that waited too long (or, while the intake fails, of every batch at once).
/// </summary>
internal sealed class SpoolPersistService(BatchQueue queue) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await queue.WaitForPersistWorkAsync(stoppingToken).ConfigureAwait(false);
                queue.WriteSpilled();
                queue.PersistDue();
            }
        }
        catch (OperationCanceledException)
        {
            // stopping: the delivery service spools what is left
        }
    }
}
