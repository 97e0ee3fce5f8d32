using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host.Tcp;

/// <summary>Syslog over TLS (RFC 5425) end to end, with and without client certificates.</summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class TlsSyslogSourceTests : IDisposable
{
    private readonly HostTestSettings _settings = new();
    private readonly TestCertificates _certificates = new();

    [Fact]
    public async Task OctetCountedFramesOverTlsArrive()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await StartAsync(intake);
        using var client = await TcpTestClient.ConnectAsync(host.Endpoint("tcp"));
        await using var tls = await AuthenticateAsync(client, clientCertificate: null);
        var lines = HostTestSettings.QnapLines(20).ToArray();
        await tls.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(lines.Select(TcpTestClient.OctetCounted))), TestContext.Current.CancellationToken);
        await tls.FlushAsync(TestContext.Current.CancellationToken);
        await TestIntakeServer.WaitUntilAsync(() => host.Metrics.Events >= lines.Length, TimeSpan.FromSeconds(30), "the lines");
        await host.StopAsync();
        Assert.Equal(lines, intake.AcceptedEvents.Select(e => e.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task ARequiredClientCertificateMustChainToTheConfiguredCa()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await StartAsync(intake, ("Sources:1:Tls:ClientCertificate", "required"), ("Sources:1:Tls:ClientCaFile", _certificates.CaFile));

        using (var anonymous = await TcpTestClient.ConnectAsync(host.Endpoint("tcp")))
        {
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await using var tls = await AuthenticateAsync(anonymous, clientCertificate: null);
                var cancel = TestContext.Current.CancellationToken;
                await tls.WriteAsync(Encoding.UTF8.GetBytes(TcpTestClient.OctetCounted("<13>Oct 30 20:24:24 nas app: anonymous")), cancel);
                await tls.FlushAsync(cancel);
                var buffer = new byte[16];
                if (await tls.ReadAsync(buffer, cancel) == 0) throw new IOException("closed by the server");
            });
        }
        await TestIntakeServer.WaitUntilAsync(() => host.Counters().HandshakeFailures == 1, TimeSpan.FromSeconds(20), "the failed handshake");

        using var known = await TcpTestClient.ConnectAsync(host.Endpoint("tcp"));
        await using (var tls = await AuthenticateAsync(known, _certificates.Client))
        {
            await tls.WriteAsync(Encoding.UTF8.GetBytes(TcpTestClient.OctetCounted("<13>Oct 30 20:24:24 nas app: known")), TestContext.Current.CancellationToken);
            await tls.FlushAsync(TestContext.Current.CancellationToken);
            await TestIntakeServer.WaitUntilAsync(() => host.Metrics.Events >= 1, TimeSpan.FromSeconds(30), "the known sender's line");
        }
        await host.StopAsync();
        Assert.Equal(["<13>Oct 30 20:24:24 nas app: known"], intake.AcceptedEvents.Select(e => e.GetProperty("message").GetString()));
    }

    private Task<RunningHost> StartAsync(TestIntakeServer intake, params (string, string?)[] more) =>
        TcpHost.StartAsync(_settings, intake, "tls", [
            ("Sources:1:Tls:CertificateFile", _certificates.ServerCertificateFile),
            ("Sources:1:Tls:KeyFile", _certificates.ServerKeyFile),
            .. more]);

    private async Task<SslStream> AuthenticateAsync(TcpTestClient client, X509Certificate2? clientCertificate)
    {
        var tls = new SslStream(client.Stream, leaveInnerStreamOpen: true);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && new X509Certificate2(certificate).Thumbprint == _certificates.Server.Thumbprint,
        }, TestContext.Current.CancellationToken);
        return tls;
    }

    public void Dispose()
    {
        _settings.Dispose();
        _certificates.Dispose();
    }
}
