using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host;

/// <summary>
/// A receive worker that has emptied its socket pauses (<c>Sources:N:ReceiveCoalesceMicroseconds</c>) before its next
/// receive call, so that what arrives meanwhile is taken by one call instead of waking the worker again and again.
/// </summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class ReceiveCoalescingTests : IDisposable
{
    private readonly HostTestSettings _settings = new();

    [Fact]
    public async Task DatagramsArrivingDuringThePauseAreTakenByOneReceiveCall()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress,
            ("Sources:0:Workers", "1"), ("Sources:0:ReceiveCoalesceMicroseconds", "100000")));
        var lines = HostTestSettings.QnapLines(21).ToArray();

        await host.SendLinesAsync("qnap", lines[..1]);
        // The worker took one datagram (fewer than a full batch), so it now pauses for 100 ms. The next 20 come from a
        // device sending about one a millisecond: without the pause, each would wake the worker and take a call of
        // its own; with it, they wait in the socket and come in one call.
        var sending = System.Diagnostics.Stopwatch.StartNew();
        foreach (var line in lines[1..])
        {
            await host.SendAsync("qnap", line);
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }
        sending.Stop();
        await host.WaitUntilAsync(() => host.Metrics.Datagrams == 21, TimeSpan.FromSeconds(20), "21 datagrams received");

        // A slow machine may stretch the sending past one pause: one more call for each 100 ms it took.
        var mostCalls = 3 + (int)(sending.ElapsedMilliseconds / 100);
        Assert.InRange(host.Metrics.ReceiveCalls, 2, mostCalls);
        await TestIntakeServer.WaitUntilAsync(() => intake.AcceptedEventCount >= 21, TimeSpan.FromSeconds(30), () => $"21 events ({host.Describe()})");
        await host.StopAsync();
        Assert.Equal(21, intake.AcceptedEventCount);
    }

    public void Dispose() => _settings.Dispose();
}
