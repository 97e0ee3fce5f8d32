using System.Net;
using GrokFlow.Runtime.NetFlow;

namespace GrokFlow.Tests.NetFlow;

/// <summary>
/// Templates kept on disk: after a restart (a new store and collector on the same file) data-only datagrams decode
/// at once; withdrawals and redefinitions win over what was stored; a corrupt file is moved aside and ignored.
/// </summary>
public sealed class TemplateStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("grokflow-templates-").FullName;

    private string CachePath => Path.Combine(_directory, "templates.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("v9")]
    [InlineData("ipfix")]
    [InlineData("ipfix_bidir")]
    public void AfterARestartDataOnlyDatagramsOfACaptureDecodeAtOnce(string capture)
    {
        var datagrams = MalformedInputTests.Datagrams(capture);
        var (expected, _) = ConformanceCaptures.Decode(capture, new NetFlowCollectorOptions());
        var exporter = new IPEndPoint(IPAddress.Loopback, 9995);
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_300);
        using (var store = new TemplateStore(CachePath, writeDelay: TimeSpan.Zero))
        using (var first = new NetFlowCollector(new NetFlowCollectorOptions { TemplateStore = store }))
            foreach (var d in datagrams) first.Decode(d, exporter, now, new ConformanceCaptures.CollectingSink());

        using var restarted = new TemplateStore(CachePath, writeDelay: TimeSpan.Zero);
        Assert.True(restarted.Loaded > 0);
        using var second = new NetFlowCollector(new NetFlowCollectorOptions { TemplateStore = restarted });
        var sink = new ConformanceCaptures.CollectingSink();
        foreach (var d in datagrams) second.Decode(WithoutTemplateSets(d), exporter, now, sink);

        var flows = expected.Where(e => !e.ContainsKey("record_type")).Select(e => e.ToJsonString()).ToList();
        Assert.Equal(flows, sink.Events.Where(e => !e.ContainsKey("record_type")).Select(e => e.ToJsonString()).ToList());
        Assert.Equal(flows.Count, second.Counters.Flows);
        Assert.Equal(0, second.Counters.Drops[NetFlowDropReason.NoTemplate]);
        Assert.True(second.Counters.TemplatesRestored > 0);
        Assert.Equal(0, second.Counters.PendingSets);
    }

    [Fact]
    public void AWithdrawalWinsOverTheStoredTemplate()
    {
        Learn(ExportPacket.Ipfix().Set(2, s => s.Template(256, (1, 4), (2, 4))).ToArray());
        Learn(ExportPacket.Ipfix().Set(2, s => s.U16(256).U16(0)).ToArray());   // withdrawn in a later run

        using var store = new TemplateStore(CachePath, writeDelay: TimeSpan.Zero);
        Assert.Equal(0, store.Loaded);
        using var h = new CollectorHarness(new NetFlowCollectorOptions { TemplateStore = store, PendingDataMaxAge = TimeSpan.Zero });
        h.Decode(ExportPacket.Ipfix().Set(256, s => s.U32(100).U32(1)).ToArray());
        Assert.Empty(h.Events);
        Assert.Equal(1, h.Dropped(NetFlowDropReason.NoTemplate));
    }

    [Fact]
    public void ARedefinitionWinsOverTheStoredTemplate()
    {
        Learn(ExportPacket.V9().Set(0, s => s.Template(256, (1, 4), (2, 4))).ToArray());
        Learn(ExportPacket.V9().Set(0, s => s.Template(256, (2, 4), (1, 4))).ToArray());   // packets first now

        using var store = new TemplateStore(CachePath, writeDelay: TimeSpan.Zero);
        using var h = new CollectorHarness(new NetFlowCollectorOptions { TemplateStore = store });
        h.Decode(ExportPacket.V9().Set(256, s => s.U32(3).U32(1500)).ToArray());
        Assert.Equal((3, 1500), ((int)h.Events.Single()["in_pkts"]!, (int)h.Events.Single()["in_bytes"]!));
    }

    [Fact]
    public void ACorruptFileIsMovedAsideAndIgnored()
    {
        File.WriteAllText(CachePath, "{\"format\":\"grokflow-netflow-templates/1\",\"templates\":[{\"exporter\":\"not an address\"");
        using var store = new TemplateStore(CachePath, writeDelay: TimeSpan.Zero);
        Assert.True(store.WasCorrupt);
        Assert.Equal(0, store.Count);
        Assert.False(File.Exists(CachePath));
        Assert.Single(Directory.GetFiles(_directory, "templates.json.corrupt-*"));

        using var h = new CollectorHarness(new NetFlowCollectorOptions { TemplateStore = store });
        h.Decode(ExportPacket.V9().Set(0, s => s.Template(256, (1, 4))).Set(256, s => s.U32(9)).ToArray());
        Assert.Single(h.Events);
        Assert.True(File.Exists(CachePath));   // written anew
    }

    [Fact]
    public void WithADelayTheFileIsWrittenOnSave()
    {
        using var store = new TemplateStore(CachePath, writeDelay: TimeSpan.FromDays(1));
        using var h = new CollectorHarness(new NetFlowCollectorOptions { TemplateStore = store });
        h.Decode(ExportPacket.V9().Set(0, s => s.Template(256, (1, 4))).ToArray());
        Assert.False(File.Exists(CachePath));
        store.Save();   // what the host does on SIGTERM
        using var restarted = new TemplateStore(CachePath, writeDelay: TimeSpan.Zero);
        Assert.Equal(1, restarted.Loaded);
    }

    private void Learn(byte[] datagram)
    {
        using var store = new TemplateStore(CachePath, writeDelay: TimeSpan.Zero);
        using var h = new CollectorHarness(new NetFlowCollectorOptions { TemplateStore = store });
        h.Decode(datagram);
    }

    /// <summary>The datagram with its template and options template sets removed (the header's v9 count is not used).</summary>
    internal static byte[] WithoutTemplateSets(byte[] datagram)
    {
        var version = datagram[1];
        var header = version == 9 ? 20 : 16;
        var kept = new List<byte>(datagram[..header]);
        for (var pos = header; pos + 4 <= datagram.Length;)
        {
            var id = datagram[pos] << 8 | datagram[pos + 1];
            var length = datagram[pos + 2] << 8 | datagram[pos + 3];
            if (length < 4 || pos + length > datagram.Length) break;
            if (id >= 256) kept.AddRange(datagram[pos..(pos + length)]);
            pos += length;
        }
        var bytes = kept.ToArray();
        if (version == 10) { bytes[2] = (byte)(bytes.Length >> 8); bytes[3] = (byte)bytes.Length; }
        return bytes;
    }
}
