namespace GrokFlow.Runtime.Host.Options;

/// <summary>The checks of a source's protocol, TCP limits and TLS files, by configuration path.</summary>
internal static class TcpSourceOptionsValidation
{
    public static void Check(SourceOptions s, string at, List<string> errors)
    {
        if (!Enum.IsDefined(s.Protocol)) errors.Add($"{at}:Protocol: '{s.Protocol}' is not udp, tcp or tls.");
        if (s.Protocol == SourceProtocol.Udp) return;
        if (s.Type != SourceType.Syslog) errors.Add($"{at}:Protocol: {s.Type} is received over UDP only; tcp and tls are for syslog.");
        if (s.Tcp.MaxFrameBytes is < 1024 or > 64 * 1024 * 1024) errors.Add($"{at}:Tcp:MaxFrameBytes: {s.Tcp.MaxFrameBytes} is not between 1 KiB and 64 MiB.");
        if (s.Tcp.IdleTimeout <= TimeSpan.Zero) errors.Add($"{at}:Tcp:IdleTimeout: {s.Tcp.IdleTimeout} must be positive.");
        if (s.Tcp.MaxConnections < 1) errors.Add($"{at}:Tcp:MaxConnections: {s.Tcp.MaxConnections} must be at least 1.");
        if (s.Tcp.Workers is < 0 or > 64) errors.Add($"{at}:Tcp:Workers: {s.Tcp.Workers} is not between 0 (one per processor) and 64.");
        if (s.Protocol != SourceProtocol.Tls) return;
        if (string.IsNullOrWhiteSpace(s.Tls.CertificateFile)) errors.Add($"{at}:Tls:CertificateFile: a tls source needs a PEM certificate file.");
        else if (!File.Exists(s.Tls.CertificateFile)) errors.Add($"{at}:Tls:CertificateFile: '{s.Tls.CertificateFile}' does not exist.");
        if (!string.IsNullOrWhiteSpace(s.Tls.KeyFile) && !File.Exists(s.Tls.KeyFile)) errors.Add($"{at}:Tls:KeyFile: '{s.Tls.KeyFile}' does not exist.");
        if (!string.IsNullOrWhiteSpace(s.Tls.ClientCaFile) && !File.Exists(s.Tls.ClientCaFile)) errors.Add($"{at}:Tls:ClientCaFile: '{s.Tls.ClientCaFile}' does not exist.");
        if (!string.IsNullOrWhiteSpace(s.Tls.ClientCaFile) && s.Tls.ClientCertificate == ClientCertificateMode.None)
            errors.Add($"{at}:Tls:ClientCaFile: set Tls:ClientCertificate to optional or required for the CA file to be used.");
    }
}
