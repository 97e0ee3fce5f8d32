using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using GrokFlow.Runtime.Host.Bench;
using GrokFlow.Tests.Host.Tcp;
using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host.Metrics;

/// <summary>The opt-in HTTP listener: Prometheus text on /metrics and the health endpoints, scraped for real.</summary>
[Collection(nameof(MetricsEndpointCollection))]
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly HostTestSettings _settings = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task NamedCountersMoveWhenEventsFlowOverUdpAndTcp()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        var port = LoopbackPorts.FreeTcpPort();
        await using var host = await TcpHost.StartAsync(_settings, intake, "tcp", ("Metrics:Listen", $"127.0.0.1:{port}"));
        var before = await ScrapeAsync(port);
        Assert.Equal(0, Value(before, "grokflow_events_total"));

        await host.SendLinesAsync("qnap", HostTestSettings.QnapLines(30));
        using (var client = await TcpTestClient.ConnectAsync(host.Endpoint("tcp")))
            await client.SendAsync(string.Concat(HostTestSettings.QnapLines(20, "tcp").Select(l => l + "\n")));
        await TestIntakeServer.WaitUntilAsync(() => host.Metrics.EventsSent >= 50, TimeSpan.FromSeconds(30), "50 events delivered");
        await TestIntakeServer.WaitUntilAsync(() => host.Counters().Active == 0, TimeSpan.FromSeconds(10), "the TCP client gone");

        var after = await ScrapeAsync(port);
        Assert.Equal(30, Value(after, "grokflow_datagrams_total"));
        Assert.Equal(50, Value(after, "grokflow_events_total"));
        Assert.Equal(50, Value(after, "grokflow_events_sent_total"));
        // Published once per receive call or TCP read: every line is counted once the host has delivered it.
        Assert.Equal(50, Value(after, "grokflow_pipeline_parsed_total", "pipeline=\"qnap\""));
        Assert.Equal(0, Value(after, "grokflow_pipeline_unmatched_total", "pipeline=\"qnap\""));
        Assert.Equal(20, Value(after, "grokflow_tcp_frames_total", "source=\"tcp\""));
        Assert.Equal(1, Value(after, "grokflow_tcp_connections_accepted_total", "source=\"tcp\""));
        Assert.Equal(0, Value(after, "grokflow_tcp_connections_active", "source=\"tcp\""));
        Assert.Equal(0, Value(after, "grokflow_dropped_total", "reason=\"queue_full\""));
        Assert.Contains("# TYPE grokflow_queue_bytes gauge", after);
    }

    [Fact]
    public async Task ReadyOnceSourcesAreBoundAndNotWhenTheIntakeRejectsTheKey()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        var port = LoopbackPorts.FreeTcpPort();
        await using var host = await TcpHost.StartAsync(_settings, intake, "tcp", ("Metrics:Listen", $"127.0.0.1:{port}"));

        using (var live = await _http.GetAsync($"http://127.0.0.1:{port}/health/live", TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var (status, ready) = await HealthAsync(port);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal($"udp://{host.Endpoint("qnap")}", ready.GetProperty("sources").GetProperty("qnap").GetString());
        Assert.Equal($"tcp://{host.Endpoint("tcp")}", ready.GetProperty("sources").GetProperty("tcp").GetString());
        Assert.Equal(0, ready.GetProperty("spool_bytes").GetInt64());

        intake.AnswerByDefault(new IntakeAnswer(403));
        await host.SendAsync("qnap", HostTestSettings.QnapLines(1).Single());
        await TestIntakeServer.WaitUntilAsync(() => intake.Requests.Count >= 1, TimeSpan.FromSeconds(20), "a rejected request");
        await TestIntakeServer.WaitUntilAsync(() => HealthAsync(port).Result.Status == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20), "not ready");
        (status, ready) = await HealthAsync(port);
        Assert.Equal("not_ready", ready.GetProperty("status").GetString());
        Assert.Equal("unauthorized", ready.GetProperty("intake").GetString());
    }

    [Fact]
    public async Task AScrapeWithEverySourceActiveTakesUnderFiveMilliseconds()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        var port = LoopbackPorts.FreeTcpPort();
        await using var host = await TcpHost.StartAsync(_settings, intake, "tcp",
            ("Metrics:Listen", $"127.0.0.1:{port}"),
            ("Sources:2:Name", "netflow"), ("Sources:2:Type", "NetFlow"), ("Sources:2:Bind", "127.0.0.1"), ("Sources:2:Port", "0"));
        await host.SendLinesAsync("qnap", HostTestSettings.QnapLines(50));
        using var client = await TcpTestClient.ConnectAsync(host.Endpoint("tcp"));
        await client.SendAsync(string.Concat(HostTestSettings.QnapLines(50, "tcp").Select(l => l + "\n")));
        await TestIntakeServer.WaitUntilAsync(() => host.Metrics.Events >= 100, TimeSpan.FromSeconds(30), "100 events");

        for (var i = 0; i < 10; i++) await ScrapeAsync(port);   // warm up
        var times = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var watch = Stopwatch.StartNew();
            await ScrapeAsync(port);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        TestContext.Current.TestOutputHelper?.WriteLine($"scrape median {median:F2} ms, min {times[0]:F2} ms, max {times[^1]:F2} ms");
        Assert.True(median < 5, $"median scrape {median:F2} ms");
    }

    private async Task<string> ScrapeAsync(int port) =>
        await _http.GetStringAsync($"http://127.0.0.1:{port}/metrics", TestContext.Current.CancellationToken);

    private async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(int port)
    {
        using var response = await _http.GetAsync($"http://127.0.0.1:{port}/health/ready", TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
        return (response.StatusCode, body);
    }

    /// <summary>The value of a sample line <c>name{...label...} value</c>; 0 when the series is absent (not yet observed).</summary>
    private static double Value(string scrape, string name, string? label = null)
    {
        foreach (var line in scrape.Split('\n'))
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length || line[name.Length] is not ('{' or ' ')) continue;
            if (label is not null && !line.Contains(label, StringComparison.Ordinal)) continue;
            var parts = line.Split(' ');
            var valueIndex = parts.Length >= 3 && long.TryParse(parts[^1], out _) && parts[^2].Length > 0 && char.IsDigit(parts[^2][0]) ? parts.Length - 2 : parts.Length - 1;
            return double.Parse(parts[valueIndex], CultureInfo.InvariantCulture);
        }
        return 0;
    }

    public void Dispose()
    {
        _settings.Dispose();
        _http.Dispose();
    }
}
