using System.Diagnostics;
using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host;

/// <summary>Datagrams sent by util-linux <c>logger</c> (installed by scripts/setup.sh), in both syslog formats.</summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class LoggerInteropTests : IDisposable
{
    private readonly HostTestSettings _settings = new();

    [Theory]
    [InlineData("--rfc3164")]
    [InlineData("--rfc5424")]
    public async Task LinesFromLoggerArriveWithTheirSyslogHeader(string format)
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress, ("Sources:0:Service", "")));
        var port = host.Endpoint("qnap").Port;
        using var logger = Process.Start(new ProcessStartInfo("logger",
            ["--udp", "--server", "127.0.0.1", "--port", port.ToString(), format, "--tag", "backupd", "--id=4242", "--priority", "local3.warning", "backup finished"])!)!;
        await logger.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, logger.ExitCode);

        await host.WaitUntilAsync(() => intake.AcceptedEventCount >= 1, TimeSpan.FromSeconds(30), "the logger line");
        var e = intake.AcceptedEvents.Single();
        Assert.EndsWith("backup finished", e.GetProperty("message").GetString());
        Assert.Equal("warn", e.GetProperty("status").GetString());
        Assert.Equal("backupd", e.GetProperty("service").GetString());
        var syslog = e.GetProperty("syslog");
        Assert.Equal("backupd", syslog.GetProperty("appname").GetString());
        Assert.Equal("4242", syslog.GetProperty("procid").GetString());
        Assert.Equal(4, syslog.GetProperty("severity").GetInt32());
        Assert.Equal(19, syslog.GetProperty("facility").GetInt32());
        Assert.Equal(Environment.MachineName, e.GetProperty("hostname").GetString());
    }

    public void Dispose() => _settings.Dispose();
}
