using System.Net.Http.Headers;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Sink;

/// <summary>
/// Sends batches to the Datadog intake through the Refit client: gzip once per batch, then retry with backoff until
/// the intake takes it (408/429/5xx/network: retry, honouring Retry-After; 413: split in halves; 400: drop and count;
/// 401/403: keep retrying slowly and report the key problem loudly).
/// </summary>
internal sealed class DatadogBatchSink(
    IDatadogLogsApi api,
    IOptions<DatadogOptions> options,
    GzipCompressor gzip,
    IntakeHealth health,
    HostMetrics metrics,
    TimeProvider clock,
    ILogger<DatadogBatchSink> logger) : IBatchSink
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly TimeSpan AttemptTimeoutGrace = TimeSpan.FromSeconds(1);
    private readonly DatadogOptions _options = options.Value;

    public Task DeliverAsync(EventBatch batch, CancellationToken cancellationToken) => SendOrSplitAsync(batch, cancellationToken);

    private async Task SendOrSplitAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        var body = batch.Compressed(gzip);   // owned by the batch
        var failures = 0;
        while (true)
        {
            var attempt = await PostAsync(body, cancellationToken).ConfigureAwait(false);
            switch (attempt.Verdict)
            {
                case IntakeVerdict.Delivered:
                    metrics.Sent(batch.Count, batch.Length, body.Length);
                    if (health.Set(IntakeState.Healthy) && failures > 0)
                        logger.LogInformation("Intake: accepting again after {Failures} failed attempts", failures);
                    return;
                case IntakeVerdict.TooLarge when batch.Count > 1:
                    logger.LogWarning("Intake: 413 for a batch of {Count} events ({Bytes} bytes); sending it in two halves", batch.Count, batch.Length);
                    await SendHalvesAsync(batch, cancellationToken).ConfigureAwait(false);
                    return;
                case IntakeVerdict.TooLarge:
                    metrics.Drop(DropReason.Oversize);
                    logger.LogError("Intake: 413 for a single event of {Bytes} bytes; it is dropped (counted as oversize)", batch.Length);
                    return;
                case IntakeVerdict.Rejected:
                    metrics.Drop(DropReason.RejectedByIntake, batch.Count);
                    logger.LogError("Intake: 400 for a batch of {Count} events; dropped (counted as rejected_by_intake). Intake said: {Detail}. Batch starts: {Start}",
                        batch.Count, attempt.Detail, Start(batch));
                    return;
                case IntakeVerdict.Unauthorized:
                    if (health.Set(IntakeState.Unauthorized))
                        logger.LogCritical("Intake: {Status} — Datadog refuses the API key for {Url}. Nothing is dropped: events are kept (memory, then spool) and retried until DD_API_KEY / DD_SITE are fixed",
                            attempt.Status, _options.IntakeBaseAddress);
                    else
                        logger.LogError("Intake: still {Status} (API key refused); {Count} events kept, retrying", attempt.Status, batch.Count);
                    break;
                default:
                    if (health.Set(IntakeState.Failing))
                        logger.LogWarning("Intake: not accepting ({Detail}); retrying with backoff, events are kept", attempt.Detail);
                    break;
            }
            failures++;
            metrics.Retried();
            if (_options.MaxRetries > 0 && failures > _options.MaxRetries)
            {
                metrics.Drop(DropReason.RetriesExhausted, batch.Count);
                logger.LogError("Intake: a batch of {Count} events failed {Failures} times (Datadog:MaxRetries); dropped (counted as retries_exhausted)", batch.Count, failures);
                return;
            }
            var delay = RetryDelay.For(failures, _options.RetryBaseDelay, _options.RetryMaxDelay, attempt.RetryAfter, Random.Shared);
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendHalvesAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        var (first, second) = batch.Split();
        try
        {
            await SendOrSplitAsync(first, cancellationToken).ConfigureAwait(false);
            await SendOrSplitAsync(second, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            first.Release();
            second.Release();
        }
    }

    private async Task<IntakeAttempt> PostAsync(PooledBufferStream body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body.Buffer, 0, (int)body.Length);
        content.Headers.ContentType = Json;
        content.Headers.ContentEncoding.Add("gzip");
        // The whole attempt, reading the answer's body included (Refit reads an error answer's body after the headers).
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_options.AttemptTimeout);
        try
        {
            // Refit reads that body without the token: the wait, not the token, is what ends a stalled body.
            using var response = await api.SendLogsAsync(content, attempt.Token)
                .WaitAsync(_options.AttemptTimeout + AttemptTimeoutGrace, cancellationToken).ConfigureAwait(false);
            if (response.IsReceived)
                return new IntakeAttempt((int)response.StatusCode, RetryAfterOf(response.Headers.RetryAfter),
                    $"{(int)response.StatusCode} {response.ReasonPhrase} {Truncate(response.HasResponseError(out var error) ? error.Content : null)}".Trim());
            return new IntakeAttempt(0, null, response.Error?.InnerException?.Message ?? response.Error?.Message ?? "no response");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or TimeoutException or IOException)
        {
            return new IntakeAttempt(0, null, e is HttpRequestException or IOException ? e.Message : $"no answer within {_options.AttemptTimeout}");
        }
    }

    private TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow(),
        _ => null,
    };

    // A spooled batch is inflated here for the first time: a damaged file must not turn one counted drop into two.
    private static string Start(EventBatch batch)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(batch.Json[..Math.Min(batch.Length, 300)]);
        }
        catch (InvalidDataException)
        {
            return "(a damaged spool file)";
        }
    }

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 200 ? text : text[..200];
}
