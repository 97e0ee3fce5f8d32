using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host;

/// <summary>RFC 5424 structured data reaches Datadog as <c>syslog.structured_data.SD-ID.PARAM</c> attributes.</summary>
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
        await TestIntakeServer.WaitUntilAsync(() => host.Metrics.Events >= 3, TimeSpan.FromSeconds(20), "three lines");
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

    public void Dispose() => _settings.Dispose();
}
