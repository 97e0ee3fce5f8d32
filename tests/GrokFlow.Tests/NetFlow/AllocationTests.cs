using System.Net;
using GrokFlow.Runtime.NetFlow;

namespace GrokFlow.Tests.NetFlow;

/// <summary>After warm-up (templates cached, buffers grown), decoding a datagram allocates nothing.</summary>
public sealed class AllocationTests
{
    private sealed class DiscardingSink : IFlowEventSink
    {
        public long Bytes;

        public void Write(ReadOnlySpan<byte> flowEventJson) => Bytes += flowEventJson.Length;
    }

    [Theory]
    [InlineData("v5")]
    [InlineData("v9")]
    [InlineData("ipfix")]
    [InlineData("ipfix_bidir")]
    public void WarmDecodingAllocatesNothing(string capture)
    {
        var datagrams = MalformedInputTests.Datagrams(capture);
        using var collector = new NetFlowCollector();
        var sink = new DiscardingSink();
        var exporter = new IPEndPoint(IPAddress.Loopback, 9995);
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_300);
        for (var round = 0; round < 3; round++)
            foreach (var d in datagrams) collector.Decode(d, exporter, now, sink);

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var d in datagrams) collector.Decode(d, exporter, now, sink);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(sink.Bytes > 0);
    }
}
