using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Host;

/// <summary>Logs one line every <see cref="SummaryOptions.Interval"/> with what came in, what went out and what was dropped.</summary>
internal sealed class SummaryService(HostMetrics metrics, IntakeHealth health, IOptions<SummaryOptions> options, TimeProvider clock, ILogger<SummaryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                logger.LogInformation("{Summary}", Format(metrics, health.State));
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("{Summary}", Format(metrics, health.State));
    }

    /// <summary>The summary line: totals since start.</summary>
    public static string Format(HostMetrics m, IntakeState state)
    {
        var pipelines = string.Join(", ", m.Pipelines.OrderBy(p => p.Id).Select(p => $"{p.Id} {p.Parsed} parsed/{p.Unmatched} unmatched"));
        var drops = string.Join(", ", Enum.GetValues<DropReason>().Where(r => m.Dropped(r) > 0).Select(r => $"{DropReasonNames.Of(r)} {m.Dropped(r)}"));
        return $"in: {m.Datagrams} datagrams, {m.Events} events" +
               (pipelines.Length > 0 ? $" ({pipelines})" : "") +
               $"; out: {m.EventsSent} events in {m.Batches} batches, {m.BytesSent} bytes ({m.CompressedBytesSent} gzip), {m.Retries} retries" +
               $"; waiting: {m.QueueBytes} bytes in memory, {m.SpoolFiles} spool files ({m.SpoolBytes} bytes)" +
               $"; dropped: {(drops.Length > 0 ? drops : "none")}; intake {state.ToString().ToLowerInvariant()}";
    }
}
