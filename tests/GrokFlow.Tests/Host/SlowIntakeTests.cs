using System.Text.Json;
using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host;

/// <summary>
/// What a far intake gets: a round trip to Datadog takes tens of milliseconds, so the host keeps several batches open
/// at once (<c>Datadog:MaxInFlight</c>, 16 by default) instead of waiting for each answer.
/// </summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class SlowIntakeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly HostTestSettings _settings = new();

    [Fact]
    public async Task ByDefaultSixteenBatchesAreOpenAtOnceAndNoneIsLostWhenTheyFail()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        intake.AnswerByDefault(IntakeAnswer.HangUntilReleased);
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress,
            ("Batching:MaxEvents", "10"), ("Datadog:AttemptTimeout", "00:02:00")));
        var lines = HostTestSettings.QnapLines(400).ToList();
        await host.SendLinesAsync("qnap", lines);

        // No request is answered: every one that arrives is open at the same time.
        await host.WaitUntilAsync(() => intake.Requests.Count >= 16, Patience, "16 batches open at the intake at once", intake);
        Assert.All(intake.Requests, r => Assert.Equal(0, r.AnsweredStatus));

        intake.AnswerByDefault(IntakeAnswer.Accepted);
        intake.ReleaseHangs();
        await host.WaitUntilAsync(() => intake.AcceptedEvents.Select(Message).Distinct().Count() >= 400, Patience, "the 400 events once the intake answers", intake);
        Assert.Equal(lines.Order(), intake.AcceptedEvents.Select(Message).Distinct().Order());
    }

    private static string Message(JsonElement e) => e.GetProperty("message").GetString()!;

    public void Dispose() => _settings.Dispose();
}
