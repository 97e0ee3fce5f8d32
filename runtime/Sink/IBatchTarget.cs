namespace GrokFlow.Runtime.Sink;

/// <summary>Where a builder hands a finished batch (the queue). Takes ownership of it.</summary>
internal interface IBatchTarget
{
    void Accept(EventBatch batch);
}
