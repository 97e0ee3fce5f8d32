namespace GrokFlow.Runtime.Sources;

/// <summary>Turns one datagram into events in the worker's batch builder. Called with the builder's gate held.</summary>
internal interface IDatagramHandler : IDisposable
{
    /// <summary>Returns the number of events written.</summary>
    int Handle(ReadOnlySpan<byte> datagram, SenderInfo sender, DateTimeOffset receivedAt);

    /// <summary>
    /// Adds the counts of the datagrams handled since the last call to the host's shared counters; called once per
    /// receive call (or TCP read) with the gate held, so the receive threads do not share a counter's cache line per datagram.
    /// </summary>
    void PublishCounts() { }

    /// <summary>Writes whatever the handler still holds (aggregation windows) once receiving has stopped. Called with the gate held.</summary>
    void Drain() { }
}
