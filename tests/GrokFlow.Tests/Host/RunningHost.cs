using System.Net;
using System.Net.Sockets;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Routing;
using GrokFlow.Runtime.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GrokFlow.Tests.Host;

/// <summary>The real grokflow host, started in-process on loopback with test settings, and a UDP client to feed it.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly UdpClient _client = new(AddressFamily.InterNetwork);
    private bool _stopped;

    private RunningHost(IHost host) => _host = host;

    public HostMetrics Metrics => _host.Services.GetRequiredService<HostMetrics>();
    public T Service<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public IPEndPoint Endpoint(string source) => _host.Services.GetRequiredService<BoundSources>()[source];

    /// <summary>A host with one syslog source named "qnap" (service qnap-nas, source qnap) on a free port, plus <paramref name="settings"/>.</summary>
    public static Task<RunningHost> StartAsync(IDictionary<string, string?> settings, params GrokFlow.Engine.Pipelines.IGrokPipeline[] pipelines) =>
        StartAsync(settings, new FakePipelineCatalog(pipelines.Length == 0 ? [new FakeQnapPipeline()] : pipelines));

    /// <summary>The same host with the pipelines compiled from rules/*.rules.</summary>
    public static Task<RunningHost> StartWithBuiltInPipelinesAsync(IDictionary<string, string?> settings) => StartAsync(settings, catalog: null);

    private static async Task<RunningHost> StartAsync(IDictionary<string, string?> settings, IPipelineCatalog? catalog)
    {
        var all = new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = "qnap",
            ["Sources:0:Type"] = "Syslog",
            ["Sources:0:Bind"] = "127.0.0.1",
            ["Sources:0:Port"] = "0",
            ["Sources:0:Service"] = "qnap-nas",
            ["Sources:0:Source"] = "qnap",
            ["Sources:0:Tags:0"] = "env:test",
            ["Batching:FlushInterval"] = "00:00:00.100",
            ["Output:FlushInterval"] = "00:00:00.100",
            ["Datadog:RetryBaseDelay"] = "00:00:00.020",
            ["Datadog:RetryMaxDelay"] = "00:00:00.200",
            // A request the loaded test machine lets hang is retried well within the tests' patience (30 s).
            ["Datadog:AttemptTimeout"] = "00:00:08",
            ["Queue:DrainTimeout"] = "00:00:05",
            ["Summary:Interval"] = "00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings) all[key] = value;
        var launch = new HostLaunch
        {
            UseAppSettings = false,
            UseEnvironment = false,
            Settings = all,
            ConfigureServices = catalog is null ? null : services => services.Replace(ServiceDescriptor.Singleton(catalog)),
        };
        var host = GrokFlowHostFactory.CreateBuilder(launch).Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new RunningHost(host);
    }

    public async Task SendAsync(string source, byte[] datagram) => await _client.SendAsync(datagram, Endpoint(source));

    public Task SendAsync(string source, string datagram) => SendAsync(source, System.Text.Encoding.UTF8.GetBytes(datagram));

    /// <summary>Sends lines one datagram each, paced (see <see cref="SendDatagramsAsync"/>).</summary>
    public Task SendLinesAsync(string source, IEnumerable<string> lines) => SendDatagramsAsync(source, lines);

    /// <summary>
    /// Sends datagrams, waiting after every 50 until the host has taken them from its socket, so a burst never
    /// overflows the kernel buffer while a busy test machine keeps the receive thread off a core.
    /// </summary>
    public async Task SendDatagramsAsync(string source, IEnumerable<string> datagrams)
    {
        var before = Metrics.Datagrams;
        var sent = 0;
        foreach (var datagram in datagrams)
        {
            await SendAsync(source, datagram);
            if (++sent % 50 == 0) await WaitForDatagramsAsync(before + sent);
        }
        await WaitForDatagramsAsync(before + sent);
    }

    private Task WaitForDatagramsAsync(long count) =>
        TestIntake.TestIntakeServer.WaitUntilAsync(() => Metrics.Datagrams >= count, TimeSpan.FromSeconds(20), () => $"{count} datagrams received; {Describe()}");

    /// <summary>Polls until the condition holds; a failure says what was awaited and the host's counters.</summary>
    public Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        TestIntake.TestIntakeServer.WaitUntilAsync(condition, timeout, () => $"{what}; {Describe()}");

    /// <summary>The same, with the intake's side of the story (every request, when, and how it was answered) in a failure.</summary>
    public Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, TestIntake.TestIntakeServer intake) =>
        TestIntake.TestIntakeServer.WaitUntilAsync(condition, timeout, () => $"{what}; {Describe()}; {intake.Describe()}");

    /// <summary>The host's counters in one line, for the message of a failed wait.</summary>
    public string Describe()
    {
        var m = Metrics;
        var pipelines = string.Join(", ", m.Pipelines.Select(p => $"{p.Id} {p.Parsed} parsed/{p.Unmatched} unmatched"));
        var drops = string.Join(", ", Enum.GetValues<DropReason>().Where(r => m.Dropped(r) > 0).Select(r => $"{r} {m.Dropped(r)}"));
        // The test process's thread pool too: hosts share it with every test running beside them.
        return $"host: {m.Datagrams} datagrams, {m.Events} events ({pipelines}), dropped [{drops}], " +
               $"sent {m.EventsSent} events in {m.Batches} batches, {m.Retries} retries, queue {m.QueueBytes} B, spool {m.SpoolFiles} files; " +
               $"thread pool: {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} work items waiting";
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _host.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
        _client.Dispose();
    }
}
