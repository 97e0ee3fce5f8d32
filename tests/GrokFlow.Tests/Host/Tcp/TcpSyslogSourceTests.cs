using System.Diagnostics;
using System.Text;
using GrokFlow.Runtime.Host;
using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host.Tcp;

/// <summary>Syslog over TCP end to end: util-linux logger in both RFC 6587 framings, and bad or idle senders.</summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class TcpSyslogSourceTests : IDisposable
{
    private readonly HostTestSettings _settings = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LinesFromLoggerOverTcpArriveOncePerLine(bool octetCount)
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await TcpHost.StartAsync(_settings, intake);
        var lines = Enumerable.Range(0, 50).Select(i => $"backup step {i} done").ToArray();
        var start = new ProcessStartInfo("logger", [
            "--tcp", "--server", "127.0.0.1", "--port", host.Endpoint("tcp").Port.ToString(), "--rfc5424", "--tag", "backupd",
            .. octetCount ? new[] { "--octet-count" } : []]) { RedirectStandardInput = true };
        using (var logger = Process.Start(start)!)
        {
            await logger.StandardInput.WriteAsync(string.Join("\n", lines) + "\n");
            logger.StandardInput.Close();
            await logger.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, logger.ExitCode);
        }
        await TestIntakeServer.WaitUntilAsync(() => host.Metrics.Events >= lines.Length, TimeSpan.FromSeconds(30), "the logger lines");
        await host.StopAsync();

        var messages = intake.AcceptedEvents.Select(e => e.GetProperty("message").GetString()!).ToArray();
        Assert.Equal(lines.Length, messages.Length);
        Assert.All(lines.Zip(messages), p => Assert.EndsWith("] " + p.First, p.Second));
        Assert.All(intake.AcceptedEvents, e => Assert.Equal("backupd", e.GetProperty("syslog").GetProperty("appname").GetString()));
        Assert.Equal((1L, lines.Length), (host.Counters().Accepted, (int)host.Counters().Frames));
    }

    [Fact]
    public async Task AGarbageLengthPrefixClosesTheConnectionAfterTheGoodFramesAndIsCounted()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await TcpHost.StartAsync(_settings, intake);
        using var client = await TcpTestClient.ConnectAsync(host.Endpoint("tcp"));
        await client.SendAsync(TcpTestClient.OctetCounted("<13>Oct 30 20:24:24 nas app: good") + "12x4 <13>Oct 30 20:24:24 nas app: lost");
        Assert.True(await client.ClosedByServerAsync(TimeSpan.FromSeconds(20)));
        await host.StopAsync();

        Assert.Equal(["<13>Oct 30 20:24:24 nas app: good"], intake.AcceptedEvents.Select(e => e.GetProperty("message").GetString()));
        Assert.Equal(1, host.Counters().FramingErrors);
        Assert.Equal(1, host.Metrics.Dropped(DropReason.Malformed));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ATenMegabyteFrameIsCutToTheLimitCountedAndTheNextFrameStillArrives(bool octetCount)
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await TcpHost.StartAsync(_settings, intake);
        using var client = await TcpTestClient.ConnectAsync(host.Endpoint("tcp"));
        var huge = "<13>Oct 30 20:24:24 nas app: " + new string('x', 10 * 1024 * 1024);
        var next = "<13>Oct 30 20:24:25 nas app: after the big one";
        await client.SendAsync(octetCount ? TcpTestClient.OctetCounted(huge) + TcpTestClient.OctetCounted(next) : huge + "\n" + next + "\n");
        await TestIntakeServer.WaitUntilAsync(() => host.Metrics.Events >= 2, TimeSpan.FromSeconds(30), "both frames");
        await host.StopAsync();

        var messages = intake.AcceptedEvents.Select(e => e.GetProperty("message").GetString()!).ToArray();
        Assert.Equal(2, messages.Length);
        Assert.Equal(256 * 1024, Encoding.UTF8.GetByteCount(messages[0]));
        Assert.Equal(next, messages[1]);
        Assert.Equal(1, host.Counters().Truncated);
    }

    [Fact]
    public async Task AClientThatNeverSendsIsClosedAfterTheIdleTimeout()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await TcpHost.StartAsync(_settings, intake, "tcp", ("Sources:1:Tcp:IdleTimeout", "00:00:00.300"));
        using var silent = await TcpTestClient.ConnectAsync(host.Endpoint("tcp"));
        var watch = Stopwatch.StartNew();
        Assert.True(await silent.ClosedByServerAsync(TimeSpan.FromSeconds(20)));
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(20));
        await TestIntakeServer.WaitUntilAsync(() => host.Counters().Active == 0, TimeSpan.FromSeconds(10), "the connection to be gone");
        Assert.Equal(1, host.Counters().IdleClosed);
    }

    [Fact]
    public async Task AThousandIdleConnectionsAndAHalfSentFrameDoNotStallASender()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await TcpHost.StartAsync(_settings, intake, "tcp", ("Sources:1:Tcp:MaxConnections", "1001"));
        var idle = new List<TcpTestClient>();
        try
        {
            for (var i = 0; i < 1000; i++) idle.Add(await TcpTestClient.ConnectAsync(host.Endpoint("tcp")));
            await idle[0].SendAsync("400 <13>Oct 30 20:24:24 nas app: half a frame");
            await TestIntakeServer.WaitUntilAsync(() => host.Counters().Active == 1000, TimeSpan.FromSeconds(30), "1000 open connections");

            using var sender = await TcpTestClient.ConnectAsync(host.Endpoint("tcp"));
            await sender.SendAsync(string.Concat(HostTestSettings.QnapLines(100).Select(l => l + "\n")));
            await TestIntakeServer.WaitUntilAsync(() => host.Metrics.Events >= 100, TimeSpan.FromSeconds(30), "the sender's lines");

            using var overCap = await TcpTestClient.ConnectAsync(host.Endpoint("tcp"));
            Assert.True(await overCap.ClosedByServerAsync(TimeSpan.FromSeconds(20)));
            Assert.Equal(1, host.Counters().Rejected);
        }
        finally
        {
            foreach (var client in idle) client.Dispose();
        }
        await host.StopAsync();
        Assert.Equal(100, intake.AcceptedEventCount);
    }

    [Fact]
    public async Task WhenTheQueueIsFullConnectionsStopReadingAndNothingIsDropped()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        intake.AnswerByDefault(new IntakeAnswer(503));
        await using var host = await TcpHost.StartAsync(_settings, intake, "tcp",
            ("Spool:Enabled", "false"), ("Queue:MemoryBytes", "1048576"),
            ("Batching:MaxBytes", "16384"), ("Batching:MaxEventBytes", "4096"), ("Batching:MaxEvents", "100"));
        const int count = 60_000;
        using var client = await TcpTestClient.ConnectAsync(host.Endpoint("tcp"));
        var sending = client.SendAsync(string.Concat(HostTestSettings.QnapLines(count).Select(l => l + "\n")));
        await TestIntakeServer.WaitUntilAsync(() => host.Counters().BackpressureWaits > 0, TimeSpan.FromSeconds(60), "the connection to pause");
        Assert.False(sending.IsCompleted);
        intake.AnswerByDefault(IntakeAnswer.Accepted);
        await sending;
        await TestIntakeServer.WaitUntilAsync(() => host.Metrics.EventsSent >= count, TimeSpan.FromSeconds(120), "every line delivered");
        await host.StopAsync();

        Assert.Equal(0, host.Metrics.DroppedTotal);
        var users = intake.AcceptedEvents.Select(e => e.GetProperty("message").GetString()!).Distinct().Count();
        Assert.Equal(count, users);
        Assert.Equal(count, intake.AcceptedEventCount);
    }

    public void Dispose() => _settings.Dispose();
}
