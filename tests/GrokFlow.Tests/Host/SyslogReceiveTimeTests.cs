using System.Net;
using System.Text;
using System.Text.Json;
using GrokFlow.Engine.Search;
using GrokFlow.Rules;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Routing;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Sources;
using GrokFlow.Runtime.Syslog;

namespace GrokFlow.Tests.Host;

/// <summary>
/// A date without a year is placed near the time its line was received (the worker's reading, once per receive
/// call), not near whenever the parser happened to run.
/// </summary>
public sealed class SyslogReceiveTimeTests
{

    [Fact]
    public void AYearlessDateTakesTheYearNearestItsReceiveTime()
    {
        using var bed = new SpoolTestBed("receive-time");
        var target = new CollectedBatches();
        using var builder = new BatchBuilder(new BatchingOptions(), target);
        var route = new PipelineRoute(BuiltInPipelines.All.Single(p => p.Id == "qnap"), SearchQueryParser.Parse("service:qnap-nas"));
        using var handler = new SyslogDatagramHandler(builder, new SourceFields(new SourceOptions { Service = "qnap-nas" }), [route], bed.Metrics);
        var sender = new SenderInfo(new IPEndPoint(IPAddress.Loopback, 514), allowed: true);
        var received = new[]
        {
            // Twenty seconds after the new year: the last second of December is last year's.
            (At: new DateTimeOffset(2030, 1, 1, 0, 0, 10, TimeSpan.Zero), Stamp: "Dec 31 23:59:50", Expected: new DateTimeOffset(2029, 12, 31, 23, 59, 50, TimeSpan.Zero)),
            // Mid-year: January is this year's.
            (At: new DateTimeOffset(2030, 7, 1, 12, 0, 0, TimeSpan.Zero), Stamp: "Jan 10 00:00:40", Expected: new DateTimeOffset(2030, 1, 10, 0, 0, 40, TimeSpan.Zero)),
            // Just before the new year: early January is next year's.
            (At: new DateTimeOffset(2031, 12, 31, 23, 0, 0, TimeSpan.Zero), Stamp: "Jan 01 00:10:00", Expected: new DateTimeOffset(2032, 1, 1, 0, 10, 0, TimeSpan.Zero)),
        };
        foreach (var (at, stamp, _) in received)
        {
            var line = $"<30>{stamp} NAS01 qlogd[9024]: conn log: Users: alice, Source IP: 10.16.15.24, Computer name: PC, Connection type: SMB, Accessed resources: ---, Action: Login";
            Assert.Equal(1, handler.Handle(Encoding.UTF8.GetBytes(line), sender, at));
        }
        builder.Seal();

        var dates = target.Batches.SelectMany(b => JsonDocument.Parse(b.Json.ToArray()).RootElement.EnumerateArray())
            .Select(e => e.GetProperty("date").GetInt64()).ToArray();
        Assert.Equal(received.Select(r => r.Expected.ToUnixTimeMilliseconds()), dates);
    }
}
