using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using GrokFlow.Runtime.Host.Options;

namespace GrokFlow.Runtime.Sources.Tcp;

/// <summary>
/// The TLS side of an RFC 5425 source: the server certificate and key from PEM files, TLS 1.2 or newer, and the
/// client-certificate check (against the CA file when one is given, else the system store).
/// </summary>
internal sealed class TlsServerSettings
{
    private readonly ClientCertificateMode _mode;
    private readonly X509Certificate2Collection? _clientCas;

    private TlsServerSettings(SslStreamCertificateContext certificate, ClientCertificateMode mode, X509Certificate2Collection? clientCas)
    {
        _mode = mode;
        _clientCas = clientCas;
        Options = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = certificate,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ClientCertificateRequired = mode != ClientCertificateMode.None,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = ValidateClient,
        };
    }

    public SslServerAuthenticationOptions Options { get; }

    /// <summary>Loads the files named by the source; a missing or bad file stops the start with its name.</summary>
    public static TlsServerSettings Load(TlsSourceOptions tls, string sourceName)
    {
        try
        {
            var certificate = string.IsNullOrWhiteSpace(tls.KeyFile)
                ? X509Certificate2.CreateFromPemFile(tls.CertificateFile!)
                : X509Certificate2.CreateFromPemFile(tls.CertificateFile!, tls.KeyFile);
            if (!certificate.HasPrivateKey) throw new InvalidOperationException("no private key found (set Tls:KeyFile)");
            var chain = new X509Certificate2Collection();
            chain.ImportFromPemFile(tls.CertificateFile!);
            var intermediates = new X509Certificate2Collection();
            foreach (var c in chain)
                if (c.Thumbprint != certificate.Thumbprint) intermediates.Add(c);
            X509Certificate2Collection? cas = null;
            if (!string.IsNullOrWhiteSpace(tls.ClientCaFile))
            {
                cas = [];
                cas.ImportFromPemFile(tls.ClientCaFile);
                if (cas.Count == 0) throw new InvalidOperationException($"{tls.ClientCaFile} holds no certificate");
            }
            var context = SslStreamCertificateContext.Create(certificate, intermediates, offline: true);
            return new TlsServerSettings(context, tls.ClientCertificate, cas);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidOperationException($"Source {sourceName}: cannot load the TLS certificate ({tls.CertificateFile}, key {tls.KeyFile ?? "in the same file"}): {e.Message}", e);
        }
    }

    private bool ValidateClient(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_mode == ClientCertificateMode.None) return true;
        if (certificate is null) return _mode == ClientCertificateMode.Optional;
        if (_clientCas is null) return errors == SslPolicyErrors.None;
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_clientCas);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return custom.Build(presented);
    }
}
