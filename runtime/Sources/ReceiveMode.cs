namespace GrokFlow.Runtime.Sources;

/// <summary>How a UDP source's receive workers share the port (configuration <c>Sources:N:ReceiveMode</c>).</summary>
public enum ReceiveMode
{
    /// <summary>
    /// One socket per worker on the same port (SO_REUSEPORT): the kernel hashes each sender (address and port) to one
    /// worker, so one exporter's NetFlow templates and one sender's line order stay on one worker. The default.
    /// </summary>
    ReusePort,
    /// <summary>
    /// One socket drained by every worker: a single busy sender is spread over all cores, but its lines may be
    /// batched out of order. Syslog only (NetFlow templates need one exporter on one worker).
    /// </summary>
    SharedSocket,
}
