using System.Buffers;
using System.Text;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Search;
using GrokFlow.Rules;
using GrokFlow.Runtime.Datadog;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Parsing;
using GrokFlow.Runtime.Routing;
using GrokFlow.Runtime.Sources;
using GrokFlow.Runtime.Syslog;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Host;

/// <summary>
/// A host routes several pipelines, some with processors (nginx, postfix) and some grok-only (qnap). Each line is
/// written as if only the pipelines whose filters match it were routed: a qnap line beside a processing pipeline for
/// other services gives the bytes it gives alone (the straight path), and an nginx line the bytes of its processing.
/// </summary>
public sealed class MixedRouteEventTests
{
    private static readonly DateTimeOffset Clock = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EachLineIsWrittenAsOnlyThePipelinesThatApplyToItWouldWriteIt()
    {
        var routes = new[] { Route("nginx", "service:nginx"), Route("postfix", "service:postfix"), Route("qnap", "service:qnap-nas") };
        var checkedLines = 0;
        foreach (var id in new[] { "qnap", "nginx", "postfix" })
        {
            var service = id == "qnap" ? "qnap-nas" : id;
            var alone = routes.Where(r => r.Pipeline.Id == id).ToArray();
            foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Root, "rules", $"{id}.samples.log")).Where(l => l.Length > 0))
            {
                var routed = Write(routes, service, line);
                Assert.Equal(Write(alone, service, line), routed);
                checkedLines++;
            }
        }
        Assert.True(checkedLines >= 20, $"only {checkedLines} lines checked");
        // The qnap samples' attributes are there: the comparison is not between events without them.
        var qnapLines = File.ReadLines(Path.Combine(RepositoryPaths.Root, "rules", "qnap.samples.log")).Where(l => l.Contains("conn log", StringComparison.Ordinal));
        Assert.Contains(qnapLines, l => Write(routes, "qnap-nas", l).Contains("\"source_ip\":", StringComparison.Ordinal));
    }

    private static PipelineRoute Route(string id, string filter) =>
        new(BuiltInPipelines.All.Single(p => p.Id == id), SearchQueryParser.Parse(filter));

    private static string Write(IReadOnlyList<PipelineRoute> routes, string service, string line)
    {
        var fields = new SourceFields(new SourceOptions { Service = service, Source = "syslog" });
        var context = new ParseContext(new FixedTimeProvider(Clock));
        var output = new ArrayBufferWriter<byte>();
        using (var buffer = new EventLineWriter(output))
        {
            var events = new SyslogEventWriter(fields, routes, context);
            var utf8 = Encoding.UTF8.GetBytes(line);
            events.TryWrite(buffer, utf8, SyslogHeaderReader.Read(utf8), "10.0.0.1"u8, utf8.Length, out _);
        }
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
