using System.Text.Json;

namespace GrokFlow.Tests.Host;

/// <summary>
/// A syslog source whose events a pipeline with processors applies to (the built-in Postfix integration pipeline:
/// grok parser, date remapper, attribute remapper): the host runs every step on the whole event and ships the result.
/// </summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class ProcessingPipelineHostTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"grokflow-postfix-{Guid.NewGuid():N}.jsonl");

    [Fact]
    public async Task Postfix_lines_are_parsed_and_processed_by_the_built_in_integration_pipeline()
    {
        await using var host = await RunningHost.StartWithBuiltInPipelinesAsync(new Dictionary<string, string?>
        {
            ["Output:Path"] = _output,
            ["Sources:0:Service"] = "mail",
            ["Sources:0:Source"] = "postfix",
        });
        string[] lines =
        [
            "Jul 12 12:24:48 mailhost postfix/qmgr[12345]: 1234567890A: from=user@example.com, size=1234, nrcpt=1 (queue active)",
            "not a postfix line",
        ];
        await host.SendLinesAsync("qnap", lines);
        await host.WaitUntilAsync(() => host.Metrics.EventsSent == 2, TimeSpan.FromSeconds(30), "2 events written");
        await host.StopAsync();

        var events = File.ReadAllLines(_output).Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(e => e.GetProperty("message").GetString()!);
        var parsed = events[lines[0]];
        Assert.Equal(1234, parsed.GetProperty("network").GetProperty("bytes_written").GetInt32());
        Assert.False(parsed.GetProperty("properties").TryGetProperty("size", out _), "the attribute remapper moved properties.size");
        Assert.Equal("active", parsed.GetProperty("postfix").GetProperty("queue").GetProperty("state").GetString());
        Assert.Equal(parsed.GetProperty("date").GetInt64(), parsed.GetProperty("timestamp").GetInt64());
        Assert.Equal("mail", parsed.GetProperty("service").GetString());
        Assert.Equal("postfix", parsed.GetProperty("ddsource").GetString());
        Assert.Contains("env:test", parsed.GetProperty("ddtags").GetString()!.Split(','));

        var unparsed = events[lines[1]];
        Assert.False(unparsed.TryGetProperty("postfix", out _));
        Assert.False(unparsed.TryGetProperty("timestamp", out _));
        Assert.Equal("mail", unparsed.GetProperty("service").GetString());
    }

    public void Dispose() => File.Delete(_output);
}
