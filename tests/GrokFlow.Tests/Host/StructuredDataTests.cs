using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host;

/// <summary>RFC 5424 structured data reaches Datadog as <c>syslog.structured_data.SD-ID.PARAM</c> attributes.</summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class StructuredDataTests : IDisposable
{
    private readonly HostTestSettings _settings = new();

    [Fact]
    public async Task ElementsAndParametersBecomeAttributesWithEscapesResolved()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress));
        // RFC 5424 section 6.5, example 3, plus an element with every escape
        await host.SendAsync("qnap", """<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][examplePriority@32473 class="high"][esc@1 v="a\"b\]c\\d\x"] An application event log entry...""");
        await host.SendAsync("qnap", "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 - no structured data");
        await host.SendAsync("qnap", """<165>1 2003-10-11T22:14:15.003Z host app - - [ok@1 a="1"][broken@1 b="unterminated] the rest""");
        await host.WaitUntilAsync(() => host.Metrics.Events >= 3, TimeSpan.FromSeconds(20), "three lines");
        await host.StopAsync();

        var events = intake.AcceptedEvents.OrderBy(e => e.GetProperty("message").GetString()!.Length).ToArray();
        var byMessage = intake.AcceptedEvents.ToDictionary(e => e.GetProperty("message").GetString()!.Split(' ')[^1]);
        var sd = byMessage["entry..."].GetProperty("syslog").GetProperty("structured_data");
        Assert.Equal("3", sd.GetProperty("exampleSDID@32473").GetProperty("iut").GetString());
        Assert.Equal("Application", sd.GetProperty("exampleSDID@32473").GetProperty("eventSource").GetString());
        Assert.Equal("1011", sd.GetProperty("exampleSDID@32473").GetProperty("eventID").GetString());
        Assert.Equal("high", sd.GetProperty("examplePriority@32473").GetProperty("class").GetString());
        Assert.Equal("""a"b]c\d\x""", sd.GetProperty("esc@1").GetProperty("v").GetString());
        Assert.Equal("ID47", byMessage["entry..."].GetProperty("syslog").GetProperty("msgid").GetString());

        Assert.False(byMessage["data"].GetProperty("syslog").TryGetProperty("structured_data", out _));

        var partial = byMessage["rest"].GetProperty("syslog").GetProperty("structured_data");
        Assert.Equal("1", partial.GetProperty("ok@1").GetProperty("a").GetString());
        Assert.Equal(3, events.Length);
    }

    [Fact]
    public async Task EventsThatPipelinesWithProcessorsRewriteKeepTheirStructuredData()
    {
        var output = Path.Combine(_settings.SpoolDirectory, "events.jsonl");
        Directory.CreateDirectory(_settings.SpoolDirectory);
        await using var host = await RunningHost.StartWithBuiltInPipelinesAsync(new Dictionary<string, string?>
        {
            ["Output:Path"] = output,
            ["Sources:0:Service"] = "mail",
            ["Sources:0:Source"] = "postfix",   // the built-in Postfix pipeline has processors: the event document path
        });
        await host.SendAsync("qnap", """<22>1 2026-07-12T12:24:48Z mailhost postfix/qmgr 12345 - [meta sequenceId="7" sysUpTime="42"] 1234567890A: removed""");
        await host.WaitUntilAsync(() => host.Metrics.EventsSent == 1, TimeSpan.FromSeconds(30), "the event written");
        await host.StopAsync();

        var e = System.Text.Json.JsonDocument.Parse(File.ReadAllLines(output).Single()).RootElement;
        var meta = e.GetProperty("syslog").GetProperty("structured_data").GetProperty("meta");
        Assert.Equal(("7", "42"), (meta.GetProperty("sequenceId").GetString(), meta.GetProperty("sysUpTime").GetString()));
        Assert.Equal("postfix/qmgr", e.GetProperty("syslog").GetProperty("appname").GetString());
    }

    public void Dispose() => _settings.Dispose();
}
