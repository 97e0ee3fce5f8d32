using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GrokFlow.Tests.Host.Tcp;

/// <summary>A throwaway CA, a server certificate for 127.0.0.1 and a client certificate, as PEM files in a temporary folder.</summary>
internal sealed class TestCertificates : IDisposable
{
    public TestCertificates()
    {
        Directory.CreateDirectory(Folder);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=grokflow test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        Ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(CaFile, Ca.ExportCertificatePem());

        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        Server = Issue("CN=127.0.0.1", san.Build(), "1.3.6.1.5.5.7.3.1", ServerCertificateFile, ServerKeyFile);
        Client = Issue("CN=nas01", null, "1.3.6.1.5.5.7.3.2", null, null);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "grokflow-tests", "tls-" + Guid.NewGuid().ToString("N"));
    public string CaFile => Path.Combine(Folder, "ca.pem");
    public string ServerCertificateFile => Path.Combine(Folder, "server.pem");
    public string ServerKeyFile => Path.Combine(Folder, "server.key");
    public X509Certificate2 Ca { get; }
    public X509Certificate2 Server { get; }
    public X509Certificate2 Client { get; }

    private X509Certificate2 Issue(string subject, X509Extension? san, string usage, string? certificateFile, string? keyFile)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        if (san is not null) request.CertificateExtensions.Add(san);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        var serial = RandomNumberGenerator.GetBytes(8);
        using var issued = request.Create(Ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), serial);
        var withKey = issued.CopyWithPrivateKey(key);
        if (certificateFile is not null) File.WriteAllText(certificateFile, withKey.ExportCertificatePem());
        if (keyFile is not null) File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        // SslStream on Linux wants a key it can hand to OpenSSL: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
