using System.Text.Json;

namespace GrokFlow.Tests.Host;

/// <summary>Without an API key the host writes JSON lines locally (here: to a file, as with --output).</summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class LocalOutputTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"grokflow-out-{Guid.NewGuid():N}.jsonl");

    [Fact]
    public async Task WithoutAnApiKeyEventsGoToTheOutputFileAsJsonLines()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?> { ["Output:Path"] = _output });
        var lines = HostTestSettings.QnapLines(25).ToList();
        await host.SendLinesAsync("qnap", lines);
        await host.WaitUntilAsync(() => host.Metrics.EventsSent == 25, TimeSpan.FromSeconds(30), "25 events written");
        await host.StopAsync();

        var written = File.ReadAllLines(_output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(lines, written.Select(e => e.GetProperty("message").GetString()));
        Assert.All(written, e => Assert.Equal("qnap-nas", e.GetProperty("service").GetString()));
        Assert.Equal("user3", written[3].GetProperty("user").GetString());
    }

    public void Dispose() => File.Delete(_output);
}
