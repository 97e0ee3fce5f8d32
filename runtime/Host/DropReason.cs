namespace GrokFlow.Runtime.Host;

/// <summary>Why data did not reach the intake. Every drop is counted under one of these.</summary>
internal enum DropReason
{
    /// <summary>The memory queue was full and the disk spool is turned off.</summary>
    QueueFull,
    /// <summary>The memory queue was full and the spool had reached its size cap.</summary>
    SpoolFull,
    /// <summary>A datagram that could not be decoded (bad NetFlow, empty syslog datagram).</summary>
    Malformed,
    /// <summary>A datagram from an address outside the source's allowed networks.</summary>
    SenderNotAllowed,
    /// <summary>The intake answered 400 for a batch: resending the same bytes cannot succeed.</summary>
    RejectedByIntake,
    /// <summary>A spool file that could not be read back (damaged on disk).</summary>
    SpoolCorrupt,
    /// <summary>Stopping with the spool turned off and batches still unsent.</summary>
    Shutdown,
    /// <summary>A batch that failed more than <c>Datadog:MaxRetries</c> times (only when a limit is set).</summary>
    RetriesExhausted,
    /// <summary>
    /// Datagrams the kernel dropped at a source's socket because its receive buffer was full: the host is overloaded
    /// (counted in datagrams, read from /proc/net/udp).
    /// </summary>
    ReceiveBufferFull,
    /// <summary>An event that would not fit the per-event limit even after truncating its message.</summary>
    Oversize,
}
