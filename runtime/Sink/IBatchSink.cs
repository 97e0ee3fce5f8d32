namespace GrokFlow.Runtime.Sink;

/// <summary>Where batches are delivered: the Datadog intake, or JSON lines locally when there is no API key.</summary>
internal interface IBatchSink
{
    /// <summary>
    /// Delivers the batch, retrying as long as the policy allows. Returns when it was delivered or dropped with a
    /// counted reason; throws <see cref="OperationCanceledException"/> when stopping before that.
    /// </summary>
    Task DeliverAsync(EventBatch batch, CancellationToken cancellationToken);
}
