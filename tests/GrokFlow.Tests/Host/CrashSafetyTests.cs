using System.IO.Compression;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host;

/// <summary>
/// The durable spool mode (the default): a crash (SIGKILL of the real process) loses nothing the host received more
/// than <c>Spool:MaxMemoryAge</c> before it, and nothing is delivered twice.
/// </summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed partial class CrashSafetyTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly HostTestSettings _settings = new();
    private readonly Dictionary<string, int> _spooledEvents = [];

    [Fact]
    public async Task KillDuringAnOutageLosesNothingReceivedAndDuplicatesNothing()
    {
        const int Lines = 30_000;
        await using var intake = await TestIntakeServer.StartAsync();
        intake.AnswerByDefault(new IntakeAnswer(503));
        using (var first = new HostChildProcess(Settings(intake.BaseAddress)))
        {
            var endpoint = await first.EndpointAsync("qnap", Patience);
            using var client = new UdpClient(endpoint.AddressFamily);
            var sent = 0;
            foreach (var line in HostTestSettings.QnapLines(Lines, "seq"))
            {
                await client.SendAsync(System.Text.Encoding.UTF8.GetBytes(line), endpoint, TestContext.Current.CancellationToken);
                // Pace by what reached the disk, so the kernel's receive buffer never overflows on a busy machine.
                if (++sent % 2000 == 0) await WaitUntilSpooledAsync(sent - 2000, first);
            }
            await WaitUntilSpooledAsync(Lines, first);
            Assert.Equal(0, intake.AcceptedEventCount);
            first.Kill();
        }

        intake.AnswerByDefault(IntakeAnswer.Accepted);
        using (var second = new HostChildProcess(Settings(intake.BaseAddress)))
        {
            await TestIntakeServer.WaitUntilAsync(() => intake.AcceptedEventCount >= Lines || second.HasExited, Patience, $"{Lines} events after the restart");
            await second.StopAsync(Patience);
        }
        var numbers = intake.AcceptedEvents.Select(SequenceOf).ToList();
        Assert.Equal(Lines, numbers.Count);                       // no duplicate...
        Assert.Equal(Enumerable.Range(0, Lines), numbers.Order()); // ...and none lost
        Assert.Equal(0, _settings.SpoolFileCount);
    }

    private List<string> Settings(Uri intake) =>
    [
        $"--Datadog:ApiKey={HostTestSettings.ApiKey}", $"--Datadog:Url={intake}",
        "--Datadog:RetryBaseDelay=00:00:00.050", "--Datadog:RetryMaxDelay=00:00:00.200",
        $"--Spool:Directory={_settings.SpoolDirectory}",
        // Replaces both sources of the appsettings.json beside the executable (no fixed ports on a shared machine).
        "--Sources:0:Name=netflow", "--Sources:0:Type=NetFlow", "--Sources:0:Bind=127.0.0.1", "--Sources:0:Port=0",
        "--Sources:1:Name=qnap", "--Sources:1:Type=Syslog", "--Sources:1:Bind=127.0.0.1", "--Sources:1:Port=0",
        "--Sources:1:Service=qnap-nas", "--Sources:1:Source=qnap",
        "--Summary:Interval=00:00:00", "--Logging:LogLevel:Default=Information",
    ];

    private async Task WaitUntilSpooledAsync(int events, HostChildProcess host) =>
        await TestIntakeServer.WaitUntilAsync(() => host.HasExited ? throw new InvalidOperationException("grokflow exited: " + host.LogText) : SpooledEvents() >= events,
            Patience, $"{events} events in the spool");

    // Counts the events in the spool files (complete files only: they are written under a temporary name, then renamed).
    private int SpooledEvents()
    {
        if (!Directory.Exists(_settings.SpoolDirectory)) return 0;
        foreach (var path in Directory.GetFiles(_settings.SpoolDirectory, "*.json.gz"))
        {
            if (_spooledEvents.ContainsKey(path)) continue;
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var json = JsonDocument.Parse(gzip);
            _spooledEvents[path] = json.RootElement.GetArrayLength();
        }
        return _spooledEvents.Values.Sum();
    }

    private static int SequenceOf(JsonElement e) => int.Parse(SequencePattern().Match(e.GetProperty("message").GetString()!).Groups[1].Value);

    [GeneratedRegex(@"Users: seq(\d+),")]
    private static partial Regex SequencePattern();

    public void Dispose() => _settings.Dispose();
}
