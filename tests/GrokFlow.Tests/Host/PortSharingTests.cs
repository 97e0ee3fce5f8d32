using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host;

/// <summary>
/// Several receive workers share a UDP port through SO_REUSEPORT, which would also let a second grokflow of the same
/// user join the port and silently take part of its traffic. A port already held must stop the start instead.
/// </summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class PortSharingTests : IDisposable
{
    private readonly HostTestSettings _settings = new();

    [Fact]
    public async Task ASecondHostOnAPortAlreadyHeldFailsToStartNamingThePort()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var first = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress, ("Sources:0:Workers", "2")));
        var port = first.Endpoint("qnap").Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress, ("Sources:0:Workers", "2"), ("Sources:0:Port", port.ToString()))));

        Assert.Contains($"cannot listen on UDP 127.0.0.1:{port}", error.Message);
        await first.SendLinesAsync("qnap", HostTestSettings.QnapLines(100));
        await TestIntakeServer.WaitUntilAsync(() => intake.AcceptedEventCount >= 100, TimeSpan.FromSeconds(30), () => $"100 events ({first.Describe()})");
        await first.StopAsync();
        Assert.Equal(100, intake.AcceptedEventCount);
    }

    public void Dispose() => _settings.Dispose();
}
