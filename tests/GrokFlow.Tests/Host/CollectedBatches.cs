using GrokFlow.Runtime.Sink;

namespace GrokFlow.Tests.Host;

/// <summary>A batch target that keeps every sealed batch, in order.</summary>
internal sealed class CollectedBatches : IBatchTarget
{
    public List<EventBatch> Batches { get; } = [];

    public void Accept(EventBatch batch) => Batches.Add(batch);
}
