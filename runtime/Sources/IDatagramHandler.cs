namespace GrokFlow.Runtime.Sources;

/// <summary>Turns one datagram into events in the worker's batch builder. Called with the builder's gate held.</summary>
internal interface IDatagramHandler : IDisposable
{
    /// <summary>Returns the number of events written.</summary>
    int Handle(ReadOnlySpan<byte> datagram, SenderInfo sender, DateTimeOffset receivedAt);

    /// <summary>Writes whatever the handler still holds (aggregation windows) once receiving has stopped. Called with the gate held.</summary>
    void Drain() { }
}
