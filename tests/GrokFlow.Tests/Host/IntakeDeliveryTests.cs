using System.Text.Json;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Sink;
using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host;

/// <summary>End to end on loopback: syslog datagrams into the real host, out to a Kestrel intake.</summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class IntakeDeliveryTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HostTestSettings _settings = new();

    [Fact]
    public async Task SyslogLinesArriveExactlyOnceGzippedWithHeadersAndAttributes()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress));
        var lines = HostTestSettings.QnapLines(300).ToList();
        // Single-line datagrams, then three lines per datagram (CRLF and LF), then a line no pipeline parses.
        var threeLineDatagrams = Enumerable.Range(0, 50).Select(i => 150 + 3 * i).Select(i => $"{lines[i]}\r\n{lines[i + 1]}\n{lines[i + 2]}\n");
        await host.SendDatagramsAsync("qnap", [.. lines.Take(150), .. threeLineDatagrams, "<11>Oct 30 20:24:25 qnap-nas01 kernel: disk full"]);

        await host.WaitUntilAsync(() => intake.AcceptedEventCount >= 301, Patience, "301 events at the intake", intake);
        var events = intake.AcceptedEvents;
        Assert.Equal(301, events.Count);
        Assert.Equal(lines.Append("<11>Oct 30 20:24:25 qnap-nas01 kernel: disk full").Order(),
            events.Select(e => e.GetProperty("message").GetString()!).Order());
        foreach (var request in intake.Accepted)
        {
            Assert.Equal("/api/v2/logs", request.Path);
            Assert.Equal(HostTestSettings.ApiKey, request.Header("DD-API-KEY"));
            Assert.Equal("gzip", request.Header("Content-Encoding"));
            Assert.StartsWith("application/json", request.Header("Content-Type"));
            Assert.True(request.CompressedLength < request.Body.Length, "the body is compressed");
            Assert.InRange(request.Events.Count, 1, 1000);
        }
        var parsed = events.Single(e => e.GetProperty("message").GetString() == lines[7]);
        Assert.Equal("qnap", parsed.GetProperty("ddsource").GetString());
        Assert.Equal("qnap-nas", parsed.GetProperty("service").GetString());
        Assert.Equal("env:test", parsed.GetProperty("ddtags").GetString());
        Assert.Equal("qnap-nas01", parsed.GetProperty("hostname").GetString());
        Assert.Equal("info", parsed.GetProperty("status").GetString());
        Assert.Equal("user7", parsed.GetProperty("user").GetString());
        var syslog = parsed.GetProperty("syslog");
        Assert.Equal("qulogd", syslog.GetProperty("appname").GetString());
        Assert.Equal("14629", syslog.GetProperty("procid").GetString());
        Assert.Equal("Oct 30 20:24:24", syslog.GetProperty("timestamp").GetString());
        Assert.Equal(6, syslog.GetProperty("severity").GetInt32());
        Assert.Equal(3, syslog.GetProperty("facility").GetInt32());

        var unparsed = events.Single(e => e.GetProperty("message").GetString()!.Contains("disk full"));
        Assert.Equal("error", unparsed.GetProperty("status").GetString());
        Assert.False(unparsed.TryGetProperty("user", out _));
        var counters = host.Metrics.Pipeline("qnap");
        Assert.Equal(300, counters.Parsed);
        Assert.Equal(1, counters.Unmatched);
    }

    [Fact]
    public async Task TheBuiltInQnapPipelineParsesLinesOfTheQnapSource()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await RunningHost.StartWithBuiltInPipelinesAsync(_settings.ForIntake(intake.BaseAddress));
        await host.SendAsync("qnap", HostTestSettings.QnapLines(1).Single() + "\n<13>Oct 30 20:24:25 qnap-nas01 kernel: not a QNAP log line");

        await host.WaitUntilAsync(() => intake.AcceptedEventCount >= 2, Patience, "both lines", intake);
        var parsed = intake.AcceptedEvents[0];
        Assert.Equal("user0", parsed.GetProperty("user").GetString());
        Assert.Equal("10.50.36.33", parsed.GetProperty("source_ip").GetString());
        Assert.Equal("SAMBA", parsed.GetProperty("connection_type").GetString());
        Assert.False(intake.AcceptedEvents[1].TryGetProperty("user", out _));
        Assert.Equal((1, 1), (host.Metrics.Pipeline("qnap").Parsed, host.Metrics.Pipeline("qnap").Unmatched));
    }

    [Fact]
    public async Task EveryMatchingPipelineAppliesInOrderAndFiltersRoute()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress),
            new FakeQnapPipeline("first", "service:qnap-nas", 1),
            new FakeQnapPipeline("elsewhere", "service:other OR source:netflow", 2),
            new FakeQnapPipeline("second", "source:qna* AND env:test AND -status:error", 3));
        await host.SendAsync("qnap", HostTestSettings.QnapLines(1).Single());

        await host.WaitUntilAsync(() => intake.AcceptedEventCount >= 1, Patience, "the event", intake);
        var json = System.Text.Encoding.UTF8.GetString(intake.Accepted.Single().Body);
        Assert.True(json.IndexOf("\"pipeline_order\":1", StringComparison.Ordinal) < json.IndexOf("\"pipeline_order\":3", StringComparison.Ordinal), json);
        Assert.DoesNotContain("\"pipeline_order\":2", json);
        Assert.Equal(1, host.Metrics.Pipeline("first").Parsed);
        Assert.Equal(1, host.Metrics.Pipeline("second").Parsed);
        Assert.Equal(0, host.Metrics.Pipeline("elsewhere").Parsed + host.Metrics.Pipeline("elsewhere").Unmatched);
    }

    [Fact]
    public async Task ServerErrorsAndRateLimitsAreRetriedUntilEverythingArrives()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        intake.Script(new IntakeAnswer(500), new IntakeAnswer(429, RetryAfter: TimeSpan.Zero), new IntakeAnswer(503), new IntakeAnswer(408));
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress, ("Batching:MaxEvents", "25")));
        await host.SendLinesAsync("qnap", HostTestSettings.QnapLines(200));

        await host.WaitUntilAsync(() => intake.AcceptedEventCount >= 200, Patience, "200 events at the intake", intake);
        Assert.Equal(200, intake.AcceptedEvents.Select(e => e.GetProperty("message").GetString()).Distinct().Count());
        Assert.Equal(200, intake.AcceptedEventCount);
        Assert.True(host.Metrics.Retries >= 4, $"retries {host.Metrics.Retries}");
        Assert.Equal(0, host.Metrics.DroppedTotal);
    }

    [Fact]
    public async Task TooLargeAnswerSplitsTheBatch()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        intake.Script(new IntakeAnswer(413), new IntakeAnswer(413));
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress, ("Batching:FlushInterval", "00:00:01")));
        await host.SendAsync("qnap", string.Join("\n", HostTestSettings.QnapLines(40)));

        await host.WaitUntilAsync(() => intake.AcceptedEventCount >= 40, Patience, "40 events at the intake", intake);
        var sizes = intake.Requests.Select(r => (r.AnsweredStatus, r.Events.Count)).ToList();
        Assert.Equal((413, 40), sizes[0]);
        Assert.Equal((413, 20), sizes[1]);
        Assert.Equal(40, intake.AcceptedEventCount);
        Assert.Equal([10, 10, 20], intake.Accepted.Select(r => r.Events.Count));
    }

    [Fact]
    public async Task BadRequestDropsThatBatchOnlyAndCountsIt()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        intake.Script(new IntakeAnswer(400));
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress, ("Batching:MaxEvents", "10"), ("Datadog:MaxInFlight", "1")));
        await host.SendAsync("qnap", string.Join("\n", HostTestSettings.QnapLines(30)));

        await host.WaitUntilAsync(() => intake.AcceptedEventCount >= 20, Patience, "20 events at the intake", intake);
        Assert.Equal(10, host.Metrics.Dropped(DropReason.RejectedByIntake));
        Assert.Equal(400, intake.Requests[0].AnsweredStatus);
    }

    [Fact]
    public async Task AnAnswerWhoseBodyNeverComesIsAbandonedAfterTheAttemptTimeoutAndRetried()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        intake.Script(IntakeAnswer.StatusThenHangInBody(403));
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress, ("Datadog:AttemptTimeout", "00:00:04")));
        await host.SendLinesAsync("qnap", HostTestSettings.QnapLines(5));

        await host.WaitUntilAsync(() => intake.AcceptedEventCount >= 5, Patience, "5 events at the intake", intake);
        Assert.Equal(403, intake.Requests[0].AnsweredStatus);
        Assert.Equal(5, intake.AcceptedEvents.Select(Message).Distinct().Count());
    }

    [Fact]
    public async Task HangingIntakeIsAbandonedAfterTheAttemptTimeoutAndRetried()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        intake.Script(IntakeAnswer.HangUntilReleased);
        // 4 s: on a loaded 2-core machine a healthy request has taken longer than 2 s.
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress, ("Datadog:AttemptTimeout", "00:00:04")));
        await host.SendLinesAsync("qnap", HostTestSettings.QnapLines(5));

        await host.WaitUntilAsync(() => intake.AcceptedEventCount >= 5, Patience, "5 events at the intake", intake);
        var hung = Assert.Single(intake.Requests, r => r.AnsweredStatus == 0);
        Assert.NotEmpty(hung.Events);
        Assert.Subset(intake.AcceptedEvents.Select(Message).ToHashSet(), hung.Events.Select(Message).ToHashSet());
        Assert.Equal(5, intake.AcceptedEvents.Select(Message).Distinct().Count());
        Assert.True(host.Metrics.Retries >= 1);
    }

    [Fact]
    public async Task RefusedApiKeyKeepsTheDataAndReportsUnhealthy()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        intake.AnswerByDefault(new IntakeAnswer(403));
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress));
        await host.SendLinesAsync("qnap", HostTestSettings.QnapLines(10));

        await host.WaitUntilAsync(() => intake.Requests.Count >= 3, Patience, "retries of the refused batch", intake);
        Assert.Equal(IntakeState.Unauthorized, host.Service<IntakeHealth>().State);
        Assert.Equal(0, host.Metrics.DroppedTotal);

        intake.AnswerByDefault(IntakeAnswer.Accepted);
        await host.WaitUntilAsync(() => intake.AcceptedEventCount >= 10, Patience, "10 events once the key is accepted", intake);
        // The intake counts the events before its answer reaches the host, so the state follows a moment later.
        await host.WaitUntilAsync(() => host.Service<IntakeHealth>().State == IntakeState.Healthy, Patience, "healthy once the key is accepted", intake);
    }

    [Fact]
    public async Task GarbageDatagramsStopNothing()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress));
        var random = new Random(7);
        for (var i = 0; i < 50; i++)
        {
            var garbage = new byte[random.Next(0, 3000)];
            random.NextBytes(garbage);
            await host.SendAsync("qnap", garbage);
        }
        await host.SendAsync("qnap", new byte[] { 0x3C, 0x31, 0x33, 0x3E, 0x62, 0xFF, 0xC3, 0x28, 0x7A });   // "<13>b" + invalid UTF-8 + "(z"
        await host.SendAsync("qnap", "\n\n\r\n");
        await host.SendLinesAsync("qnap", HostTestSettings.QnapLines(20));

        await host.WaitUntilAsync(() => intake.AcceptedEvents.Count(e => e.GetProperty("message").GetString()!.Contains("conn log")) >= 20,
            Patience, "the 20 good lines after the garbage");
        var repaired = intake.AcceptedEvents.Single(e => e.GetProperty("message").GetString()!.StartsWith("<13>b", StringComparison.Ordinal));
        Assert.Equal("<13>b\uFFFD\uFFFD(z", repaired.GetProperty("message").GetString());
        Assert.True(host.Metrics.Dropped(DropReason.Malformed) >= 1, "the empty datagram is counted");
    }

    [Fact]
    public async Task SendersOutsideTheAllowedNetworksAreDroppedAndCounted()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress, ("Sources:0:AllowedNetworks:0", "10.0.0.0/8")));
        await host.SendLinesAsync("qnap", HostTestSettings.QnapLines(5));

        await host.WaitUntilAsync(() => host.Metrics.Dropped(DropReason.SenderNotAllowed) >= 5, Patience, "5 counted drops", intake);
        Assert.Equal(0, host.Metrics.Events);
    }

    public void Dispose() => _settings.Dispose();

    private static string? Message(System.Text.Json.JsonElement e) => e.GetProperty("message").GetString();
}
