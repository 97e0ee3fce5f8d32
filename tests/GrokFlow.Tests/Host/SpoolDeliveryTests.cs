using GrokFlow.Runtime.Host;
using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host;

/// <summary>Nothing lost: intake outages longer than memory holds, restarts with a spool, shutdown flushes.</summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class SpoolDeliveryTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly HostTestSettings _settings = new();

    [Fact]
    public async Task OutageLongerThanMemorySpillsToDiskAndEverythingArrivesInOrder()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        intake.AnswerByDefault(new IntakeAnswer(503));
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress,
            ("Batching:MaxEvents", "10"), ("Queue:MemoryBytes", "1048576"), ("Datadog:MaxInFlight", "1")));
        await host.SendLinesAsync("qnap", HostTestSettings.QnapLines(1000));
        await host.WaitUntilAsync(() => host.Metrics.Events == 1000, Patience, "1000 events received", intake);
        await host.WaitUntilAsync(() => _settings.SpoolFileCount > 0, Patience, "batches spilled to the spool", intake);
        Assert.Equal(0, intake.AcceptedEventCount);

        intake.AnswerByDefault(IntakeAnswer.Accepted);
        await host.WaitUntilAsync(() => intake.AcceptedEventCount >= 1000, Patience, "1000 events once the intake is back", intake);
        var users = intake.AcceptedEvents.Select(e => int.Parse(e.GetProperty("user").GetString()!["user".Length..])).ToList();
        Assert.Equal(Enumerable.Range(0, 1000), users);
        Assert.Equal(0, host.Metrics.DroppedTotal);
        await host.WaitUntilAsync(() => _settings.SpoolFileCount == 0, Patience, "the spool to empty", intake);
    }

    [Fact]
    public async Task RestartWithANonEmptySpoolDeliversIt()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        intake.AnswerByDefault(new IntakeAnswer(503));
        var settings = _settings.ForIntake(intake.BaseAddress, ("Batching:MaxEvents", "10"), ("Queue:DrainTimeout", "00:00:00.300"));
        await using (var first = await RunningHost.StartAsync(settings))
        {
            await first.SendLinesAsync("qnap", HostTestSettings.QnapLines(50));
            await first.WaitUntilAsync(() => first.Metrics.Events == 50, Patience, "50 events received", intake);
            await first.StopAsync();
            Assert.Equal(0, first.Metrics.DroppedTotal);
        }
        Assert.Equal(5, _settings.SpoolFileCount);
        Assert.Equal(0, intake.AcceptedEventCount);

        intake.AnswerByDefault(IntakeAnswer.Accepted);
        await using var second = await RunningHost.StartAsync(settings);
        await second.WaitUntilAsync(() => intake.AcceptedEventCount >= 50, Patience, "the spooled events after the restart", intake);
        Assert.Equal(50, intake.AcceptedEvents.Select(e => e.GetProperty("message").GetString()).Distinct().Count());
        await second.WaitUntilAsync(() => _settings.SpoolFileCount == 0, Patience, "the spool to empty", intake);
    }

    [Fact]
    public async Task StoppingFlushesWhatIsStillBeingBatched()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress,
            ("Batching:FlushInterval", "00:10:00"), ("Spool:MaxMemoryAge", "00:20:00")));
        await host.SendLinesAsync("qnap", HostTestSettings.QnapLines(30));
        await host.WaitUntilAsync(() => host.Metrics.Events == 30, Patience, "30 events received", intake);
        Assert.Equal(0, intake.AcceptedEventCount);

        await host.StopAsync();
        Assert.Equal(30, intake.AcceptedEventCount);
        Assert.Equal(0, _settings.SpoolFileCount);
    }

    [Fact]
    public async Task ABatchWaitingLongerThanTheMemoryAgeHasACopyOnDiskUntilDelivered()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        intake.AnswerByDefault(IntakeAnswer.HangUntilReleased);   // not failing: just slow
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress, ("Spool:MaxMemoryAge", "00:00:00.200")));
        await host.SendLinesAsync("qnap", HostTestSettings.QnapLines(20));
        await host.WaitUntilAsync(() => intake.Requests.Count > 0, Patience, "a request in flight", intake);
        await host.WaitUntilAsync(() => _settings.SpoolFileCount > 0, Patience, "a copy of the batch in flight on disk", intake);

        intake.AnswerByDefault(IntakeAnswer.Accepted);
        intake.ReleaseHangs();
        await host.WaitUntilAsync(() => intake.AcceptedEventCount >= 20, Patience, "20 events delivered", intake);
        await host.WaitUntilAsync(() => _settings.SpoolFileCount == 0, Patience, "the copies deleted after delivery", intake);
        await host.StopAsync();
        Assert.Equal(20, intake.AcceptedEvents.Select(e => e.GetProperty("message").GetString()).Distinct().Count());
        Assert.Equal(0, _settings.SpoolFileCount);
    }

    [Fact]
    public async Task InTheOverflowModeNothingIsOnDiskWhileMemoryHoldsIt()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        intake.AnswerByDefault(new IntakeAnswer(503));
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress, ("Spool:Mode", "Overflow"), ("Queue:DrainTimeout", "00:00:00.200")));
        await host.SendLinesAsync("qnap", HostTestSettings.QnapLines(50));
        await host.WaitUntilAsync(() => host.Metrics.Retries >= 3, Patience, "three failed attempts", intake);
        Assert.Equal(0, _settings.SpoolFileCount);
        await host.StopAsync();
        Assert.True(_settings.SpoolFileCount > 0, "at shutdown the batches go to the spool");
    }

    [Fact]
    public async Task WithTheSpoolOffAFullQueueDropsAreCounted()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        intake.AnswerByDefault(new IntakeAnswer(503));
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress,
            ("Spool:Enabled", "false"), ("Batching:MaxEvents", "10"), ("Queue:MemoryBytes", "1048576"), ("Queue:DrainTimeout", "00:00:00.200")));
        await host.SendLinesAsync("qnap", HostTestSettings.QnapLines(500));
        await host.WaitUntilAsync(() => host.Metrics.Events == 500, Patience, "500 events received", intake);
        await host.WaitUntilAsync(() => host.Metrics.Dropped(DropReason.QueueFull) > 0, Patience, "queue_full drops", intake);
        await host.StopAsync();
        // Every event is accounted for: dropped because the queue was full, or at shutdown with nowhere to go.
        Assert.Equal(500, host.Metrics.Dropped(DropReason.QueueFull) + host.Metrics.Dropped(DropReason.Shutdown));
        Assert.Equal(0, _settings.SpoolFileCount);
    }

    public void Dispose() => _settings.Dispose();
}
