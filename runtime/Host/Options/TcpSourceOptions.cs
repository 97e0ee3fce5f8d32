namespace GrokFlow.Runtime.Host.Options;

/// <summary>How a source receives: UDP datagrams, or a stream of syslog frames over TCP, optionally inside TLS.</summary>
public enum SourceProtocol { Udp, Tcp, Tls }

/// <summary>Per-connection limits of a TCP or TLS syslog source (configuration <c>Sources:N:Tcp</c>).</summary>
public sealed class TcpSourceOptions
{
    /// <summary>Largest frame kept; a longer one is cut to this size (counted as truncated) and the rest skipped.</summary>
    public int MaxFrameBytes { get; set; } = 256 * 1024;
    /// <summary>A connection that sends nothing for this long is closed (a TLS handshake must finish within it too).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Open connections at most; one more is closed at once and counted as rejected.</summary>
    public int MaxConnections { get; set; } = 4096;
    /// <summary>Parsing workers (batch builders) shared by the connections; 0 means one per processor.</summary>
    public int Workers { get; set; }
}

/// <summary>Whether a TLS source asks senders for a certificate.</summary>
public enum ClientCertificateMode { None, Optional, Required }

/// <summary>The server certificate and client checking of a TLS syslog source (configuration <c>Sources:N:Tls</c>).</summary>
public sealed class TlsSourceOptions
{
    /// <summary>PEM file with the server certificate (and optionally its chain after it).</summary>
    public string? CertificateFile { get; set; }
    /// <summary>PEM file with the certificate's private key; empty when it is in <see cref="CertificateFile"/>.</summary>
    public string? KeyFile { get; set; }
    /// <summary><c>none</c> (default), <c>optional</c> (a certificate sent must be valid) or <c>required</c>.</summary>
    public ClientCertificateMode ClientCertificate { get; set; } = ClientCertificateMode.None;
    /// <summary>PEM file of the CA certificates client certificates must chain to; empty uses the system store.</summary>
    public string? ClientCaFile { get; set; }
}
