using System.Buffers;
using System.Text;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Rules;
using GrokFlow.Runtime.Datadog;
using GrokFlow.Runtime.Parsing;
using GrokFlow.Tests.Host;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Events;

/// <summary>
/// Writing events through the one event writer allocates nothing per line once warmed up: straight (a grok-only
/// pipeline), and through the event document when a rule writes a reserved field (the fallback).
/// </summary>
public sealed class EventAllocationTests
{
    private static long AllocatedPerLine(IGrokPipeline pipeline, byte[][] lines)
    {
        var output = new ArrayBufferWriter<byte>(1 << 20);
        var context = new ParseContext();
        using var writer = new EventLineWriter(output, new DatadogEventContext(service: "qnap-nas", source: "qnap", host: "10.0.0.1", tags: ["env:test"]));
        var next = 0;
        var bytes = Allocations.OfRepeated(() =>
        {
            if (output.FreeCapacity < 4096) output.ResetWrittenCount();
            writer.Write(lines[next++ % lines.Length], pipeline, context);
        }, warmUp: 200, rounds: 2000);
        Assert.True(output.WrittenCount > 0);
        return bytes / 2000;
    }

    [Fact]
    public void Grok_only_events_written_straight_allocate_nothing()
    {
        var lines = HostTestSettings.QnapLines(50).Select(Encoding.UTF8.GetBytes).ToArray();
        Assert.Equal(0, AllocatedPerLine(BuiltInPipelines.All.Single(p => p.Id == "qnap"), lines));
    }

    [Fact]
    public void Events_through_the_event_document_allocate_nothing()
    {
        // postfix: grok parser, date remapper, attribute remapper; its grok attributes go straight into the document.
        var lines = File.ReadLines(Path.Combine(RepositoryPaths.Root, "rules", "postfix.samples.log")).Where(l => l.Length > 0).Select(Encoding.UTF8.GetBytes).ToArray();
        Assert.Equal(0, AllocatedPerLine(BuiltInPipelines.All.Single(p => p.Id == "postfix"), lines));
    }
}
