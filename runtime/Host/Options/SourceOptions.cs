namespace GrokFlow.Runtime.Host.Options;

/// <summary>What a UDP source receives.</summary>
public enum SourceType { Syslog, NetFlow }

/// <summary>One UDP listener (configuration <c>Sources:N</c>).</summary>
public sealed class SourceOptions
{
    /// <summary>Name used in logs and metrics; defaults to <c>type:port</c>.</summary>
    public string? Name { get; set; }
    public SourceType Type { get; set; } = SourceType.Syslog;
    /// <summary>Address to bind, e.g. <c>0.0.0.0</c>, <c>::</c> or <c>127.0.0.1</c>.</summary>
    public string Bind { get; set; } = "0.0.0.0";
    /// <summary>UDP port; 0 picks a free port (tests).</summary>
    public int Port { get; set; }
    /// <summary>The <c>service</c> of every event; for syslog, empty means the sender's APP-NAME.</summary>
    public string? Service { get; set; }
    /// <summary>The <c>ddsource</c> of every event.</summary>
    public string? Source { get; set; }
    /// <summary>Tags (<c>key:value</c>) added to <c>ddtags</c>.</summary>
    public List<string> Tags { get; set; } = [];
    /// <summary>Sender networks (CIDR or single address) accepted; empty accepts every sender.</summary>
    public List<string> AllowedNetworks { get; set; } = [];
    /// <summary>NetFlow versions accepted (5, 9, 10 = IPFIX); empty accepts all three.</summary>
    public List<int> NetFlowVersions { get; set; } = [];
    /// <summary>Kernel receive buffer (SO_RCVBUF) asked for; absorbs bursts while a worker is busy.</summary>
    public int ReceiveBufferBytes { get; set; } = 16 * 1024 * 1024;
    /// <summary>
    /// Pause (µs) after a receive call that emptied the socket, so that the next call takes a full batch (UDP on Linux);
    /// 0 wakes for every datagram. Off when the kernel gives less than 1 MiB of receive buffer, which could overflow meanwhile.
    /// </summary>
    public int ReceiveCoalesceMicroseconds { get; set; } = 500;
    /// <summary>
    /// Nice value (-20 to 19) of the receive threads (UDP on Linux), above the rest of the host by default: short of
    /// CPU, a late receive thread loses datagrams in the kernel while later stages queue. 0 leaves them as started.
    /// A value below the process's needs CAP_SYS_NICE or a LimitNICE; without it they keep the process's priority.
    /// </summary>
    public int ReceiveThreadNice { get; set; } = -5;
    /// <summary>Transport: <c>udp</c> (the default), <c>tcp</c> or <c>tls</c> (syslog only; RFC 6587 framing, RFC 5425 for TLS).</summary>
    public SourceProtocol Protocol { get; set; } = SourceProtocol.Udp;
    /// <summary>Limits of a TCP or TLS source (configuration <c>Sources:N:Tcp</c>).</summary>
    public TcpSourceOptions Tcp { get; set; } = new();
    /// <summary>Certificate and client checking of a TLS source (configuration <c>Sources:N:Tls</c>).</summary>
    public TlsSourceOptions Tls { get; set; } = new();
    /// <summary>Receive workers (threads, each with its own parser state and batch); 0 = one per core.</summary>
    public int Workers { get; set; }
    /// <summary>How the workers share the port; see <see cref="GrokFlow.Runtime.Sources.ReceiveMode"/>.</summary>
    public GrokFlow.Runtime.Sources.ReceiveMode ReceiveMode { get; set; } = GrokFlow.Runtime.Sources.ReceiveMode.ReusePort;

    /// <summary>The number of receive workers this source runs.</summary>
    public int WorkerCount => Workers > 0 ? Workers : Environment.ProcessorCount;

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? $"{Type.ToString().ToLowerInvariant()}:{Port}" : Name;
}

/// <summary>The configured sources (configuration <c>Sources</c>, a list).</summary>
public sealed class SourcesOptions
{
    public List<SourceOptions> Sources { get; set; } = [];
}
